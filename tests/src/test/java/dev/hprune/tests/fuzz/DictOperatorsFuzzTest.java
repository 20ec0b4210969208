package dev.hprune.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model-based fuzzing of the dict operators through {@link HOperatorSet}: a fuzzed sequence of create_dict,
 * set/get_dict_tuple, set/get_dict_object, get_dict_param, remove_dict_key and clear_handle on two dicts, with fuzzed
 * keys and values, runs against a plain Java map that states HALCON's documented behaviour. Every call either does
 * what the map says, or fails with exactly the HALCON error the map predicts (2894 missing key, 2460/2461 kind
 * mismatch, 1201..1403 for wrong types and counts, 2454 cleared, 2453 NULL, 2954 null input, 1302 unknown parameter).
 */
class DictOperatorsFuzzTest {
    private static final String[] KEYS = {"image", "image_label_id", "", "1", "key"};
    private static final HImage IMAGE = new HImage("byte", 2, 1);

    /** The state of one dict slot as HALCON documents it. */
    private static final class Slot {
        HTuple handle = new HTuple();
        final Map<Object, Object> entries = new LinkedHashMap<>();
        boolean cleared;
        boolean isNull = true;
    }

    @FuzzTest(maxExecutions = 10_000)
    void dictOperations(FuzzedDataProvider data) {
        Slot[] slots = {new Slot(), new Slot()};
        for (Slot slot : slots) {
            create(slot);
        }
        int steps = data.consumeInt(1, 12);
        for (int step = 0; step < steps && data.remainingBytes() > 0; step++) {
            Slot slot = slots[data.consumeInt(0, 1)];
            HTuple key = key(data);
            switch (data.consumeInt(0, 7)) {
                case 0 -> {
                    HTuple value = value(data);
                    expect(() -> HOperatorSet.SetDictTuple(slot.handle, key, value), handleOrKey(slot, key, 2));
                    if (handleOrKey(slot, key, 2) == 0) {
                        slot.entries.put(key.getO(0), value.copy());
                    }
                }
                case 1 -> {
                    HTuple out = new HTuple("untouched");
                    int code = handleOrKey(slot, key, 2);
                    Object stored = code == 0 ? slot.entries.get(key.getO(0)) : null;
                    if (code == 0) {
                        code = stored == null ? ErrorCodes.DICT_KEY_MISSING
                                : stored instanceof HTuple ? 0 : ErrorCodes.CONTROL_EXPECTED;
                    }
                    expect(() -> HOperatorSet.GetDictTuple(slot.handle, key, out), code);
                    assertThat(out).isEqualTo(code == 0 ? stored : new HTuple("untouched"));
                }
                case 2 -> {
                    boolean initialized = data.consumeBoolean();
                    HObject object = initialized ? IMAGE : new HObject();
                    int code = initialized ? handleOrKey(slot, key, 2) : ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED;
                    expect(() -> HOperatorSet.SetDictObject(object, slot.handle, key), code);
                    if (code == 0) {
                        slot.entries.put(key.getO(0), IMAGE);
                    }
                }
                case 3 -> {
                    HObject out = new HObject();
                    int code = handleOrKey(slot, key, 2);
                    Object stored = code == 0 ? slot.entries.get(key.getO(0)) : null;
                    if (code == 0) {
                        code = stored == null ? ErrorCodes.DICT_KEY_MISSING
                                : stored instanceof HObject ? 0 : ErrorCodes.ICONIC_EXPECTED;
                    }
                    expect(() -> HOperatorSet.GetDictObject(out, slot.handle, key), code);
                    assertThat(out.countObj()).isEqualTo(code == 0 ? 1 : 0);
                }
                case 4 -> getDictParam(slot, key, data);
                case 5 -> {
                    int code = handleCode(slot);
                    if (code == 0 && !allKeys(key)) {
                        code = ErrorCodes.wrongType(2);
                    }
                    expect(() -> HOperatorSet.RemoveDictKey(slot.handle, key), code);
                    if (code == 0) {
                        key.asList().forEach(slot.entries::remove);
                    }
                }
                case 6 -> {
                    expect(() -> HOperatorSet.ClearHandle(slot.handle), handleCode(slot));
                    slot.cleared = true;
                }
                default -> {
                    if (data.consumeBoolean()) {
                        create(slot);
                    } else {
                        slot.handle = new HTuple(new HHandle());
                        slot.entries.clear();
                        slot.isNull = true;
                    }
                }
            }
        }
        for (Slot slot : slots) {
            if (handleCode(slot) == 0) {
                HTuple keys = new HTuple();
                HOperatorSet.GetDictParam(slot.handle, new HTuple("keys"), new HTuple(), keys);
                assertThat(keys.asList()).containsExactlyElementsOf(slot.entries.keySet());
                HOperatorSet.ClearHandle(slot.handle);
            }
        }
    }

    private static void create(Slot slot) {
        HTuple handle = new HTuple();
        HOperatorSet.CreateDict(handle);
        slot.handle = handle;
        slot.entries.clear();
        slot.cleared = false;
        slot.isNull = false;
    }

    private void getDictParam(Slot slot, HTuple key, FuzzedDataProvider data) {
        String[] names = {"keys", "key_exists", "key_data_type", "key_count"};
        HTuple name = data.consumeInt(0, 9) == 0 ? new HTuple(7) : new HTuple(names[data.consumeInt(0, 3)]);
        HTuple effectiveKey = name.length() == 1 && "keys".equals(name.getO(0)) && data.consumeBoolean() ? new HTuple()
                : key;
        HTuple out = new HTuple();
        int code = handleCode(slot);
        List<Object> expected = new ArrayList<>();
        if (code == 0) {
            if (!(name.getO(0) instanceof String n)) {
                code = ErrorCodes.wrongType(2);
            } else if (n.equals("keys")) {
                code = effectiveKey.length() == 0 ? 0 : ErrorCodes.wrongCount(3);
                expected.addAll(slot.entries.keySet());
            } else if (n.equals("key_exists") || n.equals("key_data_type")) {
                code = allKeys(effectiveKey) ? 0 : ErrorCodes.wrongType(3);
                for (Object k : effectiveKey.asList()) {
                    Object stored = slot.entries.get(k);
                    expected.add(n.equals("key_exists") ? (Object) (stored == null ? 0L : 1L)
                            : stored == null ? "none" : stored instanceof HTuple ? "tuple" : "object");
                }
            } else {
                code = ErrorCodes.wrongValue(2);
            }
        }
        expect(() -> HOperatorSet.GetDictParam(slot.handle, name, effectiveKey, out), code);
        if (code == 0) {
            assertThat(out.asList()).containsExactlyElementsOf(expected);
        }
    }

    private static HTuple key(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> new HTuple();
            case 1 -> new HTuple(new HTuple(KEYS[0]), new HTuple(data.consumeLong()));
            case 2 -> new HTuple(data.consumeDouble());
            case 3 -> new HTuple(new HHandle());
            case 4, 5 -> new HTuple((long) data.consumeInt(-2, 2));
            case 6 -> new HTuple(data.consumeString(6));
            default -> new HTuple(KEYS[data.consumeInt(0, KEYS.length - 1)]);
        };
    }

    private static HTuple value(FuzzedDataProvider data) {
        HTuple value = new HTuple();
        int length = data.consumeInt(0, 4);
        for (int i = 0; i < length; i++) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> value.append(data.consumeLong());
                case 1 -> value.append(data.consumeDouble());
                case 2 -> value.append(data.consumeString(6));
                default -> value.append(new HHandle());
            }
        }
        return value;
    }

    private static boolean allKeys(HTuple key) {
        return key.asList().stream().allMatch(k -> k instanceof String || k instanceof Long);
    }

    private static int handleCode(Slot slot) {
        return slot.isNull ? ErrorCodes.HANDLE_NULL : slot.cleared ? ErrorCodes.HANDLE_CLEARED : 0;
    }

    /** The error for the dict handle (parameter 1) and a single key at {@code keyPosition}, or 0. */
    private static int handleOrKey(Slot slot, HTuple key, int keyPosition) {
        int code = handleCode(slot);
        if (code != 0) {
            return code;
        }
        if (key.length() != 1) {
            return ErrorCodes.wrongCount(keyPosition);
        }
        Object k = key.getO(0);
        return k instanceof String || k instanceof Long ? 0 : ErrorCodes.wrongType(keyPosition);
    }

    private static void expect(Runnable call, int expectedCode) {
        try {
            call.run();
        } catch (HOperatorException e) {
            FuzzChecks.assertHalconFailure(e);
            assertThat(e.getErrorCode()).as("%s", e).isEqualTo(expectedCode);
            return;
        }
        if (expectedCode != 0) {
            fail("expected HALCON error " + expectedCode + ", the call succeeded");
        }
    }
}
