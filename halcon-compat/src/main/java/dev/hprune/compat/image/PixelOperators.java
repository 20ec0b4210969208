package dev.hprune.compat.image;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HALCON's pixel and channel operators that deep-learning preprocessing calls: scale_image, rgb1_to_gray,
 * access_channel, append_channel, get_image_type, copy_image, min_max_gray, gen_image1/gen_image3 from Java arrays and
 * get_image_pointer1. Object by object, as HALCON's; results keep the input's domain.
 *
 * <p>Byte results are rounded halves up and clipped to 0..255 ({@link PixelType#represent}), the rule
 * convert_image_type uses too; real results are the double-precision value rounded to float.
 */
public final class PixelOperators {
    private PixelOperators() {}

    /** HALCON's weights of R, G and B in rgb1_to_gray (ITU-R BT.601 luma). */
    static final double RED = 0.299;
    static final double GREEN = 0.587;
    static final double BLUE = 0.114;

    /** scale_image(Image : ImageScaled : Mult, Add : ): g' = g * Mult + Add on every channel, clipped for 'byte'. */
    public static List<Image> scaleImage(List<Image> images, List<Object> mult, List<Object> add) {
        List<Image> sources = ImageOperators.initialized(images);
        double m = ControlArgs.real(mult, 1);
        double a = ControlArgs.real(add, 2);
        List<Image> scaled = new ArrayList<>(sources.size());
        for (Image image : sources) {
            float[] data = image.toPlanar();
            for (int i = 0; i < data.length; i++) {
                data[i] = image.type().represent(data[i] * m + a);
            }
            scaled.add(image.sameShape(image.type(), image.channels(), data));
        }
        return scaled;
    }

    /**
     * rgb1_to_gray(RGBImage : GrayImage : : ): 0.299 R + 0.587 G + 0.114 B for three channels; a one-channel image is
     * passed through; other channel counts are 3359.
     */
    public static List<Image> rgb1ToGray(List<Image> images) {
        List<Image> sources = ImageOperators.initialized(images);
        List<Image> grey = new ArrayList<>(sources.size());
        for (Image image : sources) {
            if (image.channels() == 1) {
                grey.add(image);
                continue;
            }
            if (image.channels() != 3) {
                throw HalconError.of(ErrorCodes.WRONG_NUMBER_OF_CHANNELS,
                        "rgb1_to_gray needs 1 or 3 channels, got " + image.channels());
            }
            int plane = image.width() * image.height();
            float[] rgb = image.toPlanar();
            float[] data = new float[plane];
            for (int i = 0; i < plane; i++) {
                double value = RED * rgb[i] + GREEN * rgb[plane + i] + BLUE * rgb[2 * plane + i];
                data[i] = image.type().represent(value);
            }
            grey.add(image.sameShape(image.type(), 1, data));
        }
        return grey;
    }

    /** access_channel(MultiChannelImage : Image : Channel : ): channel number Channel, counted from 1 (1301 outside). */
    public static List<Image> accessChannel(List<Image> images, List<Object> channel) {
        List<Image> sources = ImageOperators.initialized(images);
        long number = ControlArgs.integer(channel, 1);
        List<Image> picked = new ArrayList<>(sources.size());
        for (Image image : sources) {
            if (number < 1 || number > image.channels()) {
                throw ControlArgs.wrongValue(1, "channel " + number + " outside 1.." + image.channels());
            }
            picked.add(image.channel((int) number - 1));
        }
        return picked;
    }

    /**
     * append_channel(MultiChannelImage, Image : ImageExtended : : ): the channels of Image after those of
     * MultiChannelImage, object by object (1502 when the counts differ, 3117 for different sizes). The domain is
     * MultiChannelImage's. Inputs of different pixel types give a 'real' image, as compose3 does here, since hprune's
     * images have one type for all channels.
     */
    public static List<Image> appendChannel(List<Image> multiChannelImages, List<Image> images) {
        List<Image> first = ImageOperators.initialized(multiChannelImages);
        List<Image> second = ImageOperators.initialized(images);
        if (first.size() != second.size()) {
            throw HalconError.of(ErrorCodes.wrongObjectCount(2),
                    "Image has " + second.size() + " objects, MultiChannelImage " + first.size());
        }
        List<Image> extended = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            Image a = first.get(i);
            Image b = second.get(i);
            if (a.width() != b.width() || a.height() != b.height()) {
                throw HalconError.of(ErrorCodes.IMAGES_OF_DIFFERENT_SIZE, a + " and " + b);
            }
            float[] data = new float[(a.channels() + b.channels()) * a.width() * a.height()];
            a.copyPlanarTo(data, 0);
            b.copyPlanarTo(data, a.channels() * a.width() * a.height());
            PixelType type = a.type() == b.type() ? a.type() : PixelType.REAL;
            extended.add(a.sameShape(type, a.channels() + b.channels(), data));
        }
        return extended;
    }

    /** get_image_type(Image : : : Type): one type name per image. */
    public static List<Object> getImageType(List<Image> images) {
        List<Object> types = new ArrayList<>();
        for (Image image : ImageOperators.initialized(images)) {
            types.add(image.type().halconName());
        }
        return types;
    }

    /** copy_image(Image : DupImage : : ): images are immutable here, so the copy shares their pixels. */
    public static List<Image> copyImage(List<Image> images) {
        return List.copyOf(ImageOperators.initialized(images));
    }

    /**
     * min_max_gray(Regions, Image : : Percent : Min, Max, Range): per region, over the region's pixels of Image's first
     * channel (Image's own domain is ignored, as HALCON documents), the grey values after dropping
     * n = floor(area * Percent / 100) pixels from each end of the sorted values; Min and Max meet at the median
     * (the lower one for an even area) when n reaches half the area. Regions may hold images, read as their domains.
     * Image must be one image (1502), Percent 0..50 (1301). Index 0 of the result: Min, 1: Max, 2: Range, reals.
     */
    public static List<List<Object>> minMaxGray(List<? extends Iconic> regions, List<Image> image, List<Object> percent) {
        if (regions == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED, "Regions");
        }
        List<Image> images = ImageOperators.initialized(image);
        if (images.size() != 1) {
            throw HalconError.of(ErrorCodes.wrongObjectCount(2), "Image must be one image, got " + images.size());
        }
        double p = ControlArgs.real(percent, 1);
        if (!(p >= 0 && p <= 50)) {
            throw ControlArgs.wrongValue(1, "Percent must be 0..50, got " + p);
        }
        Image source = images.get(0);
        List<Object> mins = new ArrayList<>();
        List<Object> maxs = new ArrayList<>();
        List<Object> ranges = new ArrayList<>();
        for (Iconic object : regions) {
            Region region = DomainOperators.regionOf(object).clippedTo(source.width(), source.height());
            if (region == null) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(1), DomainOperators.regionOf(object)
                        + " lies outside the image; hprune holds no empty regions");
            }
            float[] values = new float[(int) region.area()];
            int i = 0;
            for (int y = region.row1(); y <= region.row2(); y++) {
                for (int x = region.column1(); x <= region.column2(); x++) {
                    values[i++] = source.get(0, x, y);
                }
            }
            Arrays.sort(values);
            int last = values.length - 1;
            int n = (int) Math.floor(values.length * p / 100);
            int low = Math.min(n, last / 2);
            int high = Math.max(last - n, last / 2);
            double min = values[low];
            double max = values[high];
            mins.add(min);
            maxs.add(max);
            ranges.add(max - min);
        }
        return List.of(mins, maxs, ranges);
    }

    /**
     * gen_image1/gen_image3 with Java arrays in place of C pointers: Type ('byte' or 'real'), Width, Height, then one
     * array per channel, {@code byte[]} for 'byte' (read unsigned) and {@code float[]} for 'real', row after row, of
     * exactly Width*Height values. The pixels are copied. An array of the other kind is 1200+position, a length other
     * than Width*Height 1400+position, a missing array 2954.
     */
    public static List<Image> genImage(List<Object> type, List<Object> width, List<Object> height, List<?> channels) {
        PixelType pixelType = ImageOperators.pixelType(type, 1);
        int w = ImageOperators.side(width, 2);
        int h = ImageOperators.side(height, 3);
        int plane = w * h;
        if ((long) plane * channels.size() > Integer.MAX_VALUE - 8) {
            throw ControlArgs.wrongValue(2, w + " x " + h + " x " + channels.size() + " pixels exceed one Java array");
        }
        float[] data = new float[plane * channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            int position = 4 + c;
            Object pixels = channels.get(c);
            if (pixels == null) {
                throw HalconError.of(ErrorCodes.INPUT_CONTROL_NOT_INITIALIZED, "pixel array " + (c + 1) + " is null");
            }
            if (pixelType == PixelType.BYTE && pixels instanceof byte[] bytes) {
                checkLength(bytes.length, plane, position);
                for (int i = 0; i < plane; i++) {
                    data[c * plane + i] = bytes[i] & 0xff;
                }
            } else if (pixelType == PixelType.REAL && pixels instanceof float[] floats) {
                checkLength(floats.length, plane, position);
                System.arraycopy(floats, 0, data, c * plane, plane);
            } else {
                throw HalconError.of(ErrorCodes.wrongType(position), "a '" + pixelType.halconName()
                        + "' image needs " + (pixelType == PixelType.BYTE ? "byte[]" : "float[]") + " pixels, got "
                        + pixels.getClass().getSimpleName());
            }
        }
        return List.of(Image.owning(pixelType, w, h, channels.size(), data));
    }

    private static void checkLength(int length, int plane, int position) {
        if (length != plane) {
            throw HalconError.of(ErrorCodes.wrongCount(position),
                    "the pixel array holds " + length + " values, Width*Height is " + plane);
        }
    }

    /**
     * get_image_pointer1(Image : : : Pointer, Type, Width, Height) without pointers: Java cannot hand out an address of
     * pixel memory, so index 0 holds the first channel's pixel values themselves, row after row (integers for 'byte',
     * reals for 'real'), what a C caller would read through the pointer; 1 the type, 2 the width, 3 the height. Image
     * must be one image (1501), since the values of several images would run together.
     */
    public static List<List<Object>> getImagePointer1(List<Image> images) {
        List<Image> sources = ImageOperators.initialized(images);
        if (sources.size() != 1) {
            throw HalconError.of(ErrorCodes.wrongObjectCount(1), "expected 1 image, got " + sources.size());
        }
        Image image = sources.get(0);
        int plane = image.width() * image.height();
        List<Object> values = new ArrayList<>(plane);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = image.get(0, x, y);
                values.add(image.type() == PixelType.BYTE ? (Object) (long) v : (Object) (double) v);
            }
        }
        return List.of(values, List.of(image.type().halconName()), List.of((long) image.width()),
                List.of((long) image.height()));
    }
}
