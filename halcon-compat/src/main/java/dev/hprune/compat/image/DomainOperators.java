package dev.hprune.compat.image;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ArrayList;
import java.util.List;

/**
 * HALCON's domain operators for images whose domain is a rectangle ({@link Region}): full_domain, crop_domain,
 * get_domain and change_domain. Object by object, as HALCON's.
 */
public final class DomainOperators {
    private DomainOperators() {}

    /** full_domain(Image : ImageFull : : ): the domain becomes the whole matrix. */
    public static List<Image> fullDomain(List<Image> images) {
        List<Image> full = new ArrayList<>();
        for (Image image : ImageOperators.initialized(images)) {
            full.add(image.withDomain(Region.full(image.width(), image.height())));
        }
        return full;
    }

    /**
     * crop_domain(Image : ImagePart : : ): a new image of the domain's enclosing rectangle (here the domain itself),
     * with the full domain.
     */
    public static List<Image> cropDomain(List<Image> images) {
        List<Image> cropped = new ArrayList<>();
        for (Image image : ImageOperators.initialized(images)) {
            cropped.add(image.hasFullDomain() ? image : crop(image, image.domain()));
        }
        return cropped;
    }

    /** get_domain(Image : Domain : : ): one region per image. */
    public static List<Region> getDomain(List<Image> images) {
        List<Region> domains = new ArrayList<>();
        for (Image image : ImageOperators.initialized(images)) {
            domains.add(image.domain());
        }
        return domains;
    }

    /**
     * change_domain(Image, NewDomain : ImageNew : : ): every image gets the one region {@code newDomain}, clipped to
     * its matrix as HALCON does. NewDomain must hold exactly one region (1502 otherwise); an image there stands for its
     * domain, as HALCON reads an image passed as a region. A region that misses an image entirely would leave an empty
     * domain, which hprune does not hold: 1502 as well, with the reason in the text.
     */
    public static List<Image> changeDomain(List<Image> images, List<? extends Iconic> newDomain) {
        List<Image> sources = ImageOperators.initialized(images);
        if (newDomain == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED, "NewDomain");
        }
        if (newDomain.size() != 1) {
            throw HalconError.of(ErrorCodes.wrongObjectCount(2),
                    "NewDomain must be one region, got " + newDomain.size());
        }
        Region region = regionOf(newDomain.get(0));
        List<Image> changed = new ArrayList<>(sources.size());
        for (Image image : sources) {
            Region clipped = region.clippedTo(image.width(), image.height());
            if (clipped == null) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(2), region + " lies outside the " + image.width() + "x"
                        + image.height() + " image; hprune holds no empty domains");
            }
            changed.add(image.withDomain(clipped));
        }
        return changed;
    }

    /**
     * gen_rectangle1( : Rectangle : Row1, Column1, Row2, Column2 : ): one rectangle per index of the four tuples, which
     * must have the same length (1400+N for the first that differs from Row1, 1401 for none). Reals are rounded to the
     * nearest pixel; a rectangle with Row2 < Row1 is 1303, with Column2 < Column1 1304 (hprune holds no empty regions).
     */
    public static List<Region> genRectangle1(List<Object> row1, List<Object> column1, List<Object> row2,
            List<Object> column2) {
        List<List<Object>> params = List.of(row1, column1, row2, column2);
        if (row1 == null || row1.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(1), "Row1 holds no value");
        }
        for (int p = 1; p < 4; p++) {
            if (params.get(p) == null || params.get(p).size() != row1.size()) {
                throw HalconError.of(ErrorCodes.wrongCount(p + 1), "each coordinate needs " + row1.size() + " values");
            }
        }
        List<Region> rectangles = new ArrayList<>(row1.size());
        for (int i = 0; i < row1.size(); i++) {
            int[] v = new int[4];
            for (int p = 0; p < 4; p++) {
                double d = dev.hprune.compat.control.ControlArgs.toReal(params.get(p).get(i), p + 1);
                if (!(Math.abs(d) <= ImageOperators.MAX_SIDE * 4.0)) {
                    throw dev.hprune.compat.control.ControlArgs.wrongValue(p + 1, "coordinate " + d);
                }
                v[p] = (int) Math.round(d);
            }
            if (v[2] < v[0]) {
                throw dev.hprune.compat.control.ControlArgs.wrongValue(3, "Row2 " + v[2] + " < Row1 " + v[0]);
            }
            if (v[3] < v[1]) {
                throw dev.hprune.compat.control.ControlArgs.wrongValue(4, "Column2 " + v[3] + " < Column1 " + v[1]);
            }
            rectangles.add(new Region(v[0], v[1], v[2], v[3]));
        }
        return rectangles;
    }

    /** A region, or an image's domain: HALCON reads an image passed where a region is expected as its domain. */
    static Region regionOf(Iconic object) {
        return object instanceof Image image ? image.domain() : (Region) object;
    }

    private static Image crop(Image image, Region part) {
        int w = part.width();
        int h = part.height();
        float[] data = new float[image.channels() * w * h];
        int i = 0;
        for (int c = 0; c < image.channels(); c++) {
            for (int y = part.row1(); y <= part.row2(); y++) {
                for (int x = part.column1(); x <= part.column2(); x++) {
                    data[i++] = image.get(c, x, y);
                }
            }
        }
        return Image.owning(image.type(), w, h, image.channels(), data);
    }
}
