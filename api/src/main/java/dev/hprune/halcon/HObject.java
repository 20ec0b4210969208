package dev.hprune.halcon;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.image.Iconic;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.ObjectOperators;
import dev.hprune.compat.image.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * HALCON's iconic object tuple: zero or more images and regions (hprune's regions are rectangles, see
 * {@link HRegion}). A new {@code HObject} is uninitialized, and operators refuse it as input (2953) until an operator
 * fills it.
 */
public class HObject {
    private volatile List<Iconic> objects;

    /** An uninitialized object. */
    public HObject() {}

    HObject(List<? extends Iconic> objects) {
        this.objects = List.copyOf(objects);
    }

    public boolean isInitialized() {
        return objects != null;
    }

    /** The number of objects (HALCON's {@code count_obj}); 0 for an uninitialized object. */
    public int countObj() {
        List<Iconic> current = objects;
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

    List<Iconic> objects() {
        return objects;
    }

    void replaceWith(List<? extends Iconic> iconics) {
        objects = List.copyOf(iconics);
    }

    List<Iconic> initialized() {
        List<Iconic> current = objects;
        if (current == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        return current;
    }

    /** The objects as regions; an image here is refused like a region where an image is expected. */
    List<Region> regions(int position) {
        List<Iconic> current = initialized();
        List<Region> regions = new ArrayList<>(current.size());
        for (Iconic object : current) {
            if (!(object instanceof Region region)) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(position), "object parameter " + position
                        + " holds an image where a region is expected");
            }
            regions.add(region);
        }
        return regions;
    }

    /**
     * The objects as images, {@code null} when uninitialized (which the operators refuse). A region where an image is
     * expected is 1500 + {@code position} (the object parameter's position), as for a wrong object count: hprune has
     * not found HALCON's own number for this case.
     */
    List<Image> images(int position) {
        List<Iconic> current = objects;
        if (current == null) {
            return null;
        }
        List<Image> images = new ArrayList<>(current.size());
        for (Iconic object : current) {
            if (!(object instanceof Image image)) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(position), "object parameter " + position
                        + " holds a region where an image is expected");
            }
            images.add(image);
        }
        return images;
    }

    @Override
    public String toString() {
        List<Iconic> current = objects;
        return current == null ? "HObject[uninitialized]" : "HObject" + current;
    }
}
