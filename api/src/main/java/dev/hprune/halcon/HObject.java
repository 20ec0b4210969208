package dev.hprune.halcon;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.ObjectOperators;
import java.util.List;

/**
 * HALCON's iconic object tuple: zero or more images. A new {@code HObject} is uninitialized, and operators refuse it as
 * input (2953) until an operator fills it.
 */
public class HObject {
    private volatile List<Image> objects;

    /** An uninitialized object. */
    public HObject() {}

    HObject(List<Image> objects) {
        this.objects = List.copyOf(objects);
    }

    public boolean isInitialized() {
        return objects != null;
    }

    /** The number of objects (HALCON's {@code count_obj}); 0 for an uninitialized object. */
    public int countObj() {
        List<Image> current = objects;
        return current == null ? 0 : current.size();
    }

    /** The object at {@code index}, counted from 1 as HALCON's {@code select_obj} does. */
    public HObject selectObj(int index) {
        return Operator.call("select_obj",
                () -> new HObject(ObjectOperators.selectObj(objects, List.of((long) index))));
    }

    /** This object tuple followed by {@code other} (HALCON's {@code concat_obj}); both must be initialized. */
    public HObject concatObj(HObject other) {
        return Operator.call("concat_obj",
                () -> new HObject(ObjectOperators.concatObj(objects, other == null ? null : other.objects)));
    }

    List<Image> objects() {
        return objects;
    }

    void replaceWith(List<Image> images) {
        objects = List.copyOf(images);
    }

    List<Image> initialized() {
        List<Image> current = objects;
        if (current == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        return current;
    }

    @Override
    public String toString() {
        List<Image> current = objects;
        return current == null ? "HObject[uninitialized]" : "HObject" + current;
    }
}
