package dev.hprune.compat.image;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ArrayList;
import java.util.List;

/**
 * HALCON's object-tuple operators (https://docs.mvtec.com/hdevelopevo/26.05-preview/content/reference/operators/object/index.html): an iconic
 * parameter is a tuple of objects ({@code List} of {@link Image} or {@link Region}; {@code null} is an uninitialized
 * object, 2953 as input). Object indices count from 1, as HALCON's do.
 */
public final class ObjectOperators {
    private ObjectOperators() {}

    /** gen_empty_obj( : EmptyObject : : ): an initialized tuple of no objects. */
    public static <T extends Iconic> List<T> genEmptyObj() {
        return List.of();
    }

    /** concat_obj(Objects1, Objects2 : ObjectsConcat : : ): the objects of both, in order; either may be empty. */
    public static <T extends Iconic> List<T> concatObj(List<? extends T> objects1, List<? extends T> objects2) {
        List<T> joined = new ArrayList<>(initialized(objects1));
        joined.addAll(initialized(objects2));
        return joined;
    }

    /**
     * select_obj(Objects : ObjectSelected : Index : ): the objects at the 1-based indices, in the order given. An index
     * outside 1..count is 1301 (Index is the only control parameter), a non-integer 1201, no index 1401.
     */
    public static <T extends Iconic> List<T> selectObj(List<? extends T> objects, List<Object> index) {
        List<? extends T> all = initialized(objects);
        if (index == null || index.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(1), "at least one index is needed");
        }
        List<T> selected = new ArrayList<>(index.size());
        for (Object i : index) {
            if (!(i instanceof Long n)) {
                throw ControlArgs.wrongType(1, "integer indices", i);
            }
            if (n < 1 || n > all.size()) {
                throw ControlArgs.wrongValue(1, "index " + n + " outside 1.." + all.size());
            }
            selected.add(all.get((int) (n - 1)));
        }
        return selected;
    }

    /** count_obj(Objects : : : Number): the number of objects. */
    public static List<Object> countObj(List<? extends Iconic> objects) {
        return List.of((long) initialized(objects).size());
    }

    /**
     * replace_obj(Objects, ObjectsReplace : ObjectsResult : Index : ): the objects at the 1-based indices replaced, in
     * order, by those of ObjectsReplace. One index per replacing object (1401 otherwise), each within 1..count (1301),
     * integers (1201).
     */
    public static <T extends Iconic> List<T> replaceObj(List<? extends T> objects, List<? extends T> objectsReplace,
            List<Object> index) {
        List<T> result = new ArrayList<>(initialized(objects));
        List<? extends T> replacing = initialized(objectsReplace);
        if (index == null || index.size() != replacing.size()) {
            throw HalconError.of(ErrorCodes.wrongCount(1), (index == null ? 0 : index.size()) + " indices for "
                    + replacing.size() + " replacing objects");
        }
        for (int i = 0; i < index.size(); i++) {
            if (!(index.get(i) instanceof Long n)) {
                throw ControlArgs.wrongType(1, "integer indices", index.get(i));
            }
            if (n < 1 || n > result.size()) {
                throw ControlArgs.wrongValue(1, "index " + n + " outside 1.." + result.size());
            }
            result.set((int) (n - 1), replacing.get(i));
        }
        return result;
    }

    private static <T> List<T> initialized(List<T> objects) {
        if (objects == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        return objects;
    }
}
