package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import org.junit.jupiter.api.Test;

class HandleLifecycleTest {

    private static HTuple newDict() {
        HTuple dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        return dict;
    }

    @Test
    void liveHandleIsInitializedAndTyped() {
        HHandle handle = newDict().getH();
        assertThat(handle.isInitialized()).isTrue();
        assertThat(handle.getSemType()).isEqualTo("dict");
        assertThat(handle.getHandleId()).isPositive();
    }

    @Test
    void useAfterClearHandleIsError2454() {
        HTuple dict = newDict();
        HOperatorSet.ClearHandle(dict);
        assertThat(dict.getH().isInitialized()).isFalse();
        assertHalconError(() -> HOperatorSet.SetDictTuple(dict, new HTuple("k"), new HTuple(1)), 2454,
                "set_dict_tuple");
    }

    @Test
    void clearingAClearedHandleIsError2454() {
        HTuple dict = newDict();
        HOperatorSet.ClearHandle(dict);
        assertHalconError(() -> HOperatorSet.ClearHandle(dict), 2454, "clear_handle");
    }

    @Test
    void closeClearsAndIsIdempotent() {
        HTuple dict = newDict();
        try (HHandle handle = dict.getH()) {
            assertThat(handle.isInitialized()).isTrue();
        }
        dict.getH().close();
        assertHalconError(() -> HOperatorSet.GetDictParam(dict, new HTuple("keys"), new HTuple(), new HTuple()),
                2454, "get_dict_param");
    }

    @Test
    void nullHandleIsError2453() {
        assertHalconError(() -> HOperatorSet.GetDictTuple(new HTuple(new HHandle()), new HTuple("k"), new HTuple()),
                2453, "get_dict_tuple");
    }

    @Test
    void foreignHandleIdIsError2450() {
        HHandle foreign = new HHandle(Long.MAX_VALUE - 7);
        assertThat(foreign.isInitialized()).isFalse();
        assertHalconError(() -> HOperatorSet.RemoveDictKey(new HTuple(foreign), new HTuple("k")), 2450,
                "remove_dict_key");
    }

    @Test
    void handleOfAnotherTypeIsError2404() {
        long id = HandleRegistry.global().register(HandleType.DL_PRUNING, new Object()).id();
        HTuple pruning = new HTuple(new HHandle(id));
        assertHalconError(() -> HOperatorSet.SetDictTuple(pruning, new HTuple("k"), new HTuple(1)), 2404,
                "set_dict_tuple");
        assertHalconError(() -> new HDict(pruning.getH()), 2404, "create_dict");
    }

    @Test
    void handleFoundAgainFromItsNumberRefersToSameResource() {
        HDict dict = new HDict();
        dict.SetDictTuple("answer", new HTuple(42));
        HDict again = new HDict(new HHandle(dict.getHandleId()));
        assertThat(again).isEqualTo(dict);
        assertThat(again.GetDictTuple("answer")).isEqualTo(new HTuple(42));
    }

    @Test
    void clearedHandleFoundFromItsNumberStaysCleared() {
        HDict dict = new HDict();
        dict.close();
        HHandle again = new HHandle(dict.getHandleId());
        assertHalconError(() -> HOperatorSet.ClearHandle(new HTuple(again)), 2454, "clear_handle");
    }

    @Test
    void nonHandleValueWhereHandleExpectedIsWrongType() {
        assertHalconError(() -> HOperatorSet.SetDictTuple(new HTuple(5), new HTuple("k"), new HTuple()), 1201,
                "set_dict_tuple");
        assertHalconError(() -> HOperatorSet.ClearHandle(new HTuple("dict")), 1201, "clear_handle");
    }

    @Test
    void handleTupleOfWrongLengthIsError1401() {
        HTuple two = new HTuple(newDict(), newDict());
        assertHalconError(() -> HOperatorSet.SetDictTuple(two, new HTuple("k"), new HTuple()), 1401,
                "set_dict_tuple");
        assertHalconError(() -> HOperatorSet.SetDictTuple(new HTuple(), new HTuple("k"), new HTuple()), 1401,
                "set_dict_tuple");
    }

    @Test
    void clearHandleChecksAllBeforeClearingAny() {
        HTuple live = newDict();
        HTuple mixed = new HTuple(live, new HTuple(new HHandle()));
        assertHalconError(() -> HOperatorSet.ClearHandle(mixed), 2453, "clear_handle");
        assertThat(live.getH().isInitialized()).isTrue();
    }

    @Test
    void nullInputTupleIsError2954AndNullOutputIs2956() {
        assertHalconError(() -> HOperatorSet.ClearHandle(null), 2954, "clear_handle");
        assertHalconError(() -> HOperatorSet.CreateDict(null), 2956, "create_dict");
        assertHalconError(() -> HOperatorSet.GetDictObject(null, newDict(), new HTuple("k")), 2955,
                "get_dict_object");
    }
}
