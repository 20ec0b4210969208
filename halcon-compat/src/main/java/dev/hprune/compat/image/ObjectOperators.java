package dev.hprune.compat.image;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ArrayList;
import java.util.List;

/**
 * HALCON's object-tuple operators (https://docs.mvtec.com/hdevelopevo/26.05-preview/content/reference/operators/object/index.html): an iconic
 * parameter is a tuple of objects ({@code List<Image>}; {@code null} is an uninitialized object, 2953 as input). Object
 * indices count from 1, as HALCON's do.
 */
public final class ObjectOperators {
    private ObjectOperators() {}

    /** gen_empty_obj( : EmptyObject : : ): an initialized tuple of no objects. */
    public static List<Image> genEmptyObj() {
        return List.of();
    }

    /** concat_obj(Objects1, Objects2 : ObjectsConcat : : ): the objects of both, in order; either may be empty. */
    public static List<Image> concatObj(List<Image> objects1, List<Image> objects2) {
        List<Image> joined = new ArrayList<>(initialized(objects1));
        joined.addAll(initialized(objects2));
        return joined;
    }

    /**
     * select_obj(Objects : ObjectSelected : Index : ): the objects at the 1-based indices, in the order given. An index
     * outside 1..count is 1301 (Index is the only control parameter), a non-integer 1201, no index 1401.
     */
    public static List<Image> selectObj(List<Image> objects, List<Object> index) {
        List<Image> all = initialized(objects);
        if (index == null || index.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(1), "at least one index is needed");
        }
        List<Image> selected = new ArrayList<>(index.size());
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
    public static List<Object> countObj(List<Image> objects) {
        return List.of((long) initialized(objects).size());
    }

    private static List<Image> initialized(List<Image> objects) {
        if (objects == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        return objects;
    }
}
