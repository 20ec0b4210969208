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
     * change_domain(Image, NewDomain : ImageNew : : ): every image gets the one region {@code newDomain}, clipped to its
     * matrix as HALCON does. NewDomain must hold exactly one region (1502 otherwise); an image there stands for its
     * domain, as HALCON reads an image passed as a region. A region that misses an image entirely would leave an empty
     * domain, which hprune does not hold: 1502 as well, with the reason in the text.
     */
    public static List<Image> changeDomain(List<Image> images, List<? extends Iconic> newDomain) {
        List<Image> sources = ImageOperators.initialized(images);
        if (newDomain == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED, "NewDomain");
        }
        if (newDomain.size() != 1) {
            throw HalconError.of(ErrorCodes.wrongObjectCount(2), "NewDomain must be one region, got " + newDomain.size());
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
