package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DictOperatorsTest {

    private static HTuple newDict() {
        HTuple dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        return dict;
    }

    static Stream<Arguments> tuples() {
        return Stream.of(
                Arguments.of(new HTuple()),
                Arguments.of(new HTuple(1)),
                Arguments.of(new HTuple(new double[] {0.5, -1e300, Double.MIN_VALUE})),
                Arguments.of(new HTuple(new String[] {"", "ä", "a'b"})),
                Arguments.of(HTuple.of(1, 2.0, "three", new HHandle())));
    }

    @ParameterizedTest
    @MethodSource("tuples")
    void tupleRoundTripsUnderStringAndIntegerKeys(HTuple value) {
        HTuple dict = newDict();
        HOperatorSet.SetDictTuple(dict, new HTuple("key"), value);
        HOperatorSet.SetDictTuple(dict, new HTuple(7), value);
        HTuple byString = new HTuple();
        HTuple byInteger = new HTuple();
        HOperatorSet.GetDictTuple(dict, new HTuple("key"), byString);
        HOperatorSet.GetDictTuple(dict, new HTuple(7), byInteger);
        assertThat(byString).isEqualTo(value);
        assertThat(byInteger).isEqualTo(value);
    }

    @Test
    void storedTupleIsACopy() {
        HTuple dict = newDict();
        HTuple value = new HTuple(1);
        HOperatorSet.SetDictTuple(dict, new HTuple("k"), value);
        value.append(2);
        HTuple read = new HTuple();
        HOperatorSet.GetDictTuple(dict, new HTuple("k"), read);
        read.append(3);
        HTuple again = new HTuple();
        HOperatorSet.GetDictTuple(dict, new HTuple("k"), again);
        assertThat(again).isEqualTo(new HTuple(1));
    }

    @Test
    void handlesInsideTuplesShareTheResource() {
        HDict inner = new HDict();
        HDict outer = new HDict();
        outer.SetDictTuple("inner", new HTuple(inner));
        new HDict(outer.GetDictTuple("inner").getH()).SetDictTuple("x", new HTuple(5));
        assertThat(inner.GetDictTuple("x")).isEqualTo(new HTuple(5));
    }

    @Test
    void stringKeyAndIntegerKeyAreDistinct() {
        HDict dict = new HDict();
        dict.SetDictTuple(new HTuple(1), new HTuple("int"));
        dict.SetDictTuple("1", new HTuple("string"));
        assertThat(dict.GetDictTuple(new HTuple(1))).isEqualTo(new HTuple("int"));
        assertThat(dict.GetDictTuple("1")).isEqualTo(new HTuple("string"));
    }

    @Test
    void imageObjectsRoundTrip() {
        HDict dict = new HDict();
        float[] planar = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        HImage image = HImage.fromPlanar(2, 2, 3, planar);
        dict.SetDictObject(image, "image");
        HImage back = new HImage(dict.GetDictObject("image"));
        assertThat(back.toPlanar()).containsExactly(planar);
        assertThat(back.countChannels()).isEqualTo(3);
        assertThat(back.getImageType()).isEqualTo("real");
    }

    @Test
    void getDictParamListsKeysInInsertionOrder() {
        HDict dict = new HDict();
        dict.SetDictTuple("b", new HTuple());
        dict.SetDictTuple(new HTuple(3), new HTuple());
        dict.SetDictObject(new HImage("byte", 2, 2), "a");
        assertThat(dict.GetDictParam("keys", new HTuple())).isEqualTo(HTuple.of("b", 3, "a"));
    }

    @Test
    void getDictParamReportsExistenceAndDataTypePerKey() {
        HDict dict = new HDict();
        dict.SetDictTuple("t", new HTuple(1));
        dict.SetDictObject(new HImage("byte", 2, 2), "o");
        HTuple keys = HTuple.of("t", "o", "missing");
        assertThat(dict.GetDictParam("key_exists", keys)).isEqualTo(HTuple.of(1, 1, 0));
        assertThat(dict.GetDictParam("key_data_type", keys)).isEqualTo(HTuple.of("tuple", "object", "none"));
    }

    @Test
    void removeDictKeyRemovesAndIgnoresAbsentKeys() {
        HDict dict = new HDict();
        dict.SetDictTuple("a", new HTuple(1));
        dict.SetDictTuple("b", new HTuple(2));
        dict.RemoveDictKey(HTuple.of("a", "never-there"));
        assertThat(dict.GetDictParam("keys", new HTuple())).isEqualTo(new HTuple("b"));
    }

    @Test
    void missingKeyIsError2894() {
        assertHalconError(() -> HOperatorSet.GetDictTuple(newDict(), new HTuple("nope"), new HTuple()), 2894,
                "get_dict_tuple");
        assertHalconError(() -> HOperatorSet.GetDictObject(new HObject(), newDict(), new HTuple("nope")), 2894,
                "get_dict_object");
    }

    @Test
    void readingTheOtherKindOfDataIsATypeMismatch() {
        HDict dict = new HDict();
        dict.SetDictTuple("t", new HTuple(1));
        dict.SetDictObject(new HImage("byte", 2, 2), "o");
        assertHalconError(() -> dict.GetDictTuple("o"), 2460, "get_dict_tuple");
        assertHalconError(() -> dict.GetDictObject("t"), 2461, "get_dict_object");
    }

    @Test
    void realKeyIsWrongTypeOfParameter2() {
        assertHalconError(() -> HOperatorSet.SetDictTuple(newDict(), new HTuple(1.5), new HTuple()), 1202,
                "set_dict_tuple");
    }

    @Test
    void keyTupleOfTwoIsWrongCountOfParameter2() {
        assertHalconError(() -> HOperatorSet.SetDictTuple(newDict(), HTuple.of("a", "b"), new HTuple()), 1402,
                "set_dict_tuple");
        assertHalconError(() -> HOperatorSet.GetDictTuple(newDict(), new HTuple(), new HTuple()), 1402,
                "get_dict_tuple");
    }

    @Test
    void unknownGetDictParamNameIsWrongValueOfParameter2() {
        assertHalconError(() -> HOperatorSet.GetDictParam(newDict(), new HTuple("size"), new HTuple(), new HTuple()),
                1302, "get_dict_param");
        assertHalconError(() -> HOperatorSet.GetDictParam(newDict(), new HTuple(3), new HTuple(), new HTuple()),
                1202, "get_dict_param");
    }

    @Test
    void keysWithANonEmptyKeyIsWrongCountOfParameter3() {
        assertHalconError(() -> HOperatorSet.GetDictParam(newDict(), new HTuple("keys"), new HTuple("a"),
                new HTuple()), 1403, "get_dict_param");
    }

    @Test
    void uninitializedObjectIsError2953() {
        assertHalconError(() -> HOperatorSet.SetDictObject(new HObject(), newDict(), new HTuple("k")), 2953,
                "set_dict_object");
    }

    @Test
    void failedGetLeavesTheOutputTupleUnchanged() {
        HTuple out = new HTuple("previous");
        assertHalconError(() -> HOperatorSet.GetDictTuple(newDict(), new HTuple("missing"), out), 2894,
                "get_dict_tuple");
        assertThat(out).isEqualTo(new HTuple("previous"));
    }

    @Test
    void elementAccessReadsAndWritesSingleElements() {
        HDict dict = new HDict();
        dict.SetDictTuple("t", HTuple.of(10, 20, 30));
        assertThat(dict.GetDictTupleAt(new HTuple("t"), new HTuple(new long[] {2, 0}))).isEqualTo(HTuple.of(30, 10));
        dict.SetDictTupleAt(new HTuple("t"), new HTuple(new long[] {1, 3}), HTuple.of("b", "d"));
        assertThat(dict.GetDictTuple("t")).isEqualTo(HTuple.of(10, "b", 30, "d"));
    }

    @Test
    void elementAccessOfAnObjectKeyIsError2896() {
        HDict dict = new HDict();
        dict.SetDictObject(new HImage("byte", 2, 2), "o");
        assertHalconError(() -> dict.GetDictTupleAt(new HTuple("o"), new HTuple(0)), 2896, "get_dict_tuple_at");
    }

    @Test
    void elementIndexOutsideTheTupleIsError2897() {
        HDict dict = new HDict();
        dict.SetDictTuple("t", HTuple.of(1, 2));
        assertHalconError(() -> dict.GetDictTupleAt(new HTuple("t"), new HTuple(2)), 2897, "get_dict_tuple_at");
        assertHalconError(() -> dict.GetDictTupleAt(new HTuple("t"), new HTuple(-1)), 2897, "get_dict_tuple_at");
        assertHalconError(() -> dict.SetDictTupleAt(new HTuple("t"), new HTuple(5), new HTuple(0)), 2897,
                "set_dict_tuple_at");
        assertThat(dict.GetDictTuple("t")).isEqualTo(HTuple.of(1, 2));
    }

    @Test
    void elementWriteWithMismatchedValueCountIsError2895() {
        HDict dict = new HDict();
        dict.SetDictTuple("t", HTuple.of(1, 2, 3));
        assertHalconError(() -> dict.SetDictTupleAt(new HTuple("t"), new HTuple(new long[] {0, 1, 2}),
                HTuple.of(7, 8)), 2895, "set_dict_tuple_at");
        assertThat(dict.GetDictTuple("t")).isEqualTo(HTuple.of(1, 2, 3));
    }

    @Test
    void elementAccessOfAMissingKeyIsError2894() {
        assertHalconError(() -> new HDict().GetDictTupleAt(new HTuple("none"), new HTuple(0)), 2894,
                "get_dict_tuple_at");
    }
}
