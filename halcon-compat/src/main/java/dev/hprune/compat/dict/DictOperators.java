package dev.hprune.compat.dict;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * HALCON's dict operators on plain values (see https://docs.mvtec.com/hdevelopevo/24.11-preview/content/reference/operators/get_dict_param.html).
 * Parameter positions in the errors count the operator's control parameters from 1.
 */
public final class DictOperators {
    private DictOperators() {}

    /** create_dict( : : : DictHandle). */
    public static Handle createDict() {
        return HandleRegistry.global().register(HandleType.DICT, new Dict());
    }

    /** set_dict_tuple( : : DictHandle, Key, Tuple : ): stores a copy of the tuple; handles inside are shared. */
    public static void setDictTuple(List<Object> dict, List<Object> key, List<Object> tuple) {
        Dict target = dict(dict);
        Object k = ControlArgs.key(key, 2);
        if (tuple == null) {
            throw HalconError.of(ErrorCodes.wrongCount(3), "no tuple given");
        }
        target.put(k, new DictValue.Tuple(tuple));
    }

    /** get_dict_tuple( : : DictHandle, Key : Tuple). */
    public static List<Object> getDictTuple(List<Object> dict, List<Object> key) {
        DictValue value = entry(dict(dict), ControlArgs.key(key, 2));
        if (value instanceof DictValue.Tuple tuple) {
            return tuple.values();
        }
        throw HalconError.of(ErrorCodes.CONTROL_EXPECTED, "key " + ControlArgs.describe(key.get(0)) + " holds an object");
    }

    /** set_dict_object(Object : : DictHandle, Key : ). */
    public static void setDictObject(List<Image> objects, List<Object> dict, List<Object> key) {
        if (objects == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        Dict target = dict(dict);
        target.put(ControlArgs.key(key, 2), new DictValue.Objects(objects));
    }

    /** get_dict_object( : Object : DictHandle, Key : ). */
    public static List<Image> getDictObject(List<Object> dict, List<Object> key) {
        DictValue value = entry(dict(dict), ControlArgs.key(key, 2));
        if (value instanceof DictValue.Objects objects) {
            return objects.images();
        }
        throw HalconError.of(ErrorCodes.ICONIC_EXPECTED, "key " + ControlArgs.describe(key.get(0)) + " holds a tuple");
    }

    /**
     * get_dict_param( : : DictHandle, GenParamName, Key : GenParamValue): 'keys' (Key must be empty) lists the keys in
     * insertion order; 'key_exists' gives 1 or 0 per key; 'key_data_type' gives 'tuple', 'object' or 'none' per key.
     */
    public static List<Object> getDictParam(List<Object> dict, List<Object> genParamName, List<Object> key) {
        Dict target = dict(dict);
        String name = ControlArgs.string(genParamName, 2);
        switch (name) {
            case "keys" -> {
                if (key == null || !key.isEmpty()) {
                    throw HalconError.of(ErrorCodes.wrongCount(3), "'keys' takes an empty Key tuple");
                }
                return target.keys();
            }
            case "key_exists" -> {
                List<Object> exists = new ArrayList<>();
                for (Object k : ControlArgs.keys(key, 3)) {
                    exists.add(target.get(k).isPresent() ? 1L : 0L);
                }
                return exists;
            }
            case "key_data_type" -> {
                List<Object> types = new ArrayList<>();
                for (Object k : ControlArgs.keys(key, 3)) {
                    types.add(target.get(k).map(DictValue::dataType).orElse("none"));
                }
                return types;
            }
            default -> throw ControlArgs.wrongValue(2,
                    "GenParamName must be 'keys', 'key_exists' or 'key_data_type', got '" + name + "'");
        }
    }

    /** remove_dict_key( : : DictHandle, Key : ): removes each given key; keys that are absent are ignored. */
    public static void removeDictKey(List<Object> dict, List<Object> key) {
        Dict target = dict(dict);
        for (Object k : ControlArgs.keys(key, 2)) {
            target.remove(k);
        }
    }

    /**
     * Reading {@code Dict.Key[Index]} as HDevelop's dict access expression does (an hprune method, no HALCON operator):
     * the elements at the given 0-based indices. 2894 for a missing key, 2896 when the key holds an object rather than a
     * tuple, 2897 for an index outside the stored tuple.
     */
    public static List<Object> getDictTupleAt(List<Object> dict, List<Object> key, List<Object> index) {
        Dict target = dict(dict);
        List<Object> stored = storedTuple(target, ControlArgs.key(key, 2));
        List<Object> selected = new ArrayList<>();
        for (long i : indices(index)) {
            if (i >= stored.size()) {
                throw HalconError.of(ErrorCodes.DICT_INVALID_INDEX,
                        "index " + i + " outside a tuple of length " + stored.size());
            }
            selected.add(stored.get((int) i));
        }
        return selected;
    }

    /**
     * Writing {@code Dict.Key[Index] := Value} as HDevelop's dict access expression does (an hprune method, no HALCON
     * operator): one value for all indices or one per index (else 2895); an index may address an element or the position
     * just after the end, which appends (else 2897). The stored tuple is replaced as a whole, so a failure changes nothing.
     */
    public static void setDictTupleAt(List<Object> dict, List<Object> key, List<Object> index, List<Object> value) {
        Dict target = dict(dict);
        Object k = ControlArgs.key(key, 2);
        List<Long> positions = indices(index);
        if (value == null || (value.size() != 1 && value.size() != positions.size())) {
            throw HalconError.of(ErrorCodes.DICT_TUPLE_LENGTH, (value == null ? 0 : value.size())
                    + " values for " + positions.size() + " indices");
        }
        synchronized (target) {
            List<Object> updated = new ArrayList<>(storedTuple(target, k));
            for (int n = 0; n < positions.size(); n++) {
                long i = positions.get(n);
                Object element = value.get(value.size() == 1 ? 0 : n);
                if (i < updated.size()) {
                    updated.set((int) i, element);
                } else if (i == updated.size()) {
                    updated.add(element);
                } else {
                    throw HalconError.of(ErrorCodes.DICT_INVALID_INDEX,
                            "index " + i + " beyond the end of a tuple of length " + updated.size());
                }
            }
            target.put(k, new DictValue.Tuple(updated));
        }
    }

    private static List<Object> storedTuple(Dict dict, Object key) {
        DictValue value = entry(dict, key);
        if (value instanceof DictValue.Tuple tuple) {
            return tuple.values();
        }
        throw HalconError.of(ErrorCodes.DICT_TUPLE_TYPE, "key " + ControlArgs.describe(key) + " holds an object");
    }

    private static List<Long> indices(List<Object> index) {
        if (index == null || index.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(3), "at least one index is needed");
        }
        List<Long> indices = new ArrayList<>(index.size());
        for (Object i : index) {
            if (!(i instanceof Long l)) {
                throw ControlArgs.wrongType(3, "integer indices", i);
            }
            if (l < 0) {
                throw HalconError.of(ErrorCodes.DICT_INVALID_INDEX, "negative index " + l);
            }
            indices.add(l);
        }
        return indices;
    }

    private static Dict dict(List<Object> dict) {
        return ControlArgs.handle(dict, 1, HandleType.DICT, Dict.class);
    }

    private static DictValue entry(Dict dict, Object key) {
        return dict.get(key).orElseThrow(
                () -> HalconError.of(ErrorCodes.DICT_KEY_MISSING, "key " + ControlArgs.describe(key)));
    }
}
