package dev.hprune.halcon;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.image.Region;
import java.util.List;

/**
 * A region object as hprune holds it: an axis-parallel rectangle, rows {@code row1..row2} and columns
 * {@code column1..column2} inclusive (HALCON's rectangle1 convention). {@code GetDomain} returns these; HALCON's
 * regions of any shape are not modelled.
 */
public class HRegion extends HObject {
    /** An uninitialized region. */
    public HRegion() {}

    HRegion(List<Region> regions) {
        super(regions);
    }

    /** The region view of an object tuple (e.g. what {@code GetDomain} filled); every object must be a region. */
    public HRegion(HObject object) {
        super(Operator.call("copy_obj", () -> {
            if (object == null) {
                throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
            }
            object.initialized();
            return object.regions(1);
        }));
    }

    /**
     * The enclosing rectangle of this single region as {row1, column1, row2, column2} (HALCON's
     * {@code smallest_rectangle1}; for hprune's rectangles the region itself).
     */
    public int[] smallestRectangle1() {
        Region region = Operator.call("smallest_rectangle1", () -> {
            List<Region> regions = regions(1);
            if (regions.size() != 1) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(1), "expected 1 region, got " + regions.size());
            }
            return regions.get(0);
        });
        return new int[] {region.row1(), region.column1(), region.row2(), region.column2()};
    }
}
