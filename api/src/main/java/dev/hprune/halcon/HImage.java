package dev.hprune.halcon;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.ImageOperators;
import dev.hprune.compat.image.PixelType;
import java.util.List;

/**
 * An image object ('byte' or 'real', one or more channels). Besides HALCON's constructors it offers
 * {@link #fromPlanar} and {@link #toPlanar()} so Java code can move pixel data without per-pixel calls.
 */
public class HImage extends HObject {
    /** An uninitialized image. */
    public HImage() {}

    /** Reads an image file (HALCON's {@code read_image}). */
    public HImage(String fileName) {
        super(Operator.call("read_image", () -> ImageOperators.readImage(List.of(fileName))));
    }

    /** A one-channel image of zeros (HALCON's {@code gen_image_const}); type 'byte' or 'real'. */
    public HImage(String type, int width, int height) {
        super(Operator.call("gen_image_const",
                () -> ImageOperators.genImageConst(List.of(type), List.of((long) width), List.of((long) height))));
    }

    /** An image view of an object tuple (e.g. what {@code GetDictObject} returns); the object must be initialized. */
    public HImage(HObject object) {
        super(Operator.call("copy_obj", () -> {
            if (object == null) {
                throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
            }
            object.initialized();
            return object.images(1);
        }));
    }

    HImage(List<Image> images) {
        super(images);
    }

    /** A 'real' image from planar data (channel after channel, row after row); the array is copied. */
    public static HImage fromPlanar(int width, int height, int channels, float[] planar) {
        return fromPlanar("real", width, height, channels, planar);
    }

    /** An image of pixel type {@code type} ('byte' values are rounded and clipped to 0..255) from planar data. */
    public static HImage fromPlanar(String type, int width, int height, int channels, float[] planar) {
        return Operator.call("hprune_image_from_planar", () -> {
            PixelType pixelType = PixelType.fromHalconName(type).orElseThrow(() ->
                    HalconError.of(ErrorCodes.wrongValue(1), "image type must be 'byte' or 'real', got '" + type + "'"));
            if (width < 1 || width > ImageOperators.MAX_SIDE) {
                throw HalconError.of(ErrorCodes.wrongValue(2), "width " + width);
            }
            if (height < 1 || height > ImageOperators.MAX_SIDE) {
                throw HalconError.of(ErrorCodes.wrongValue(3), "height " + height);
            }
            if (channels < 1) {
                throw HalconError.of(ErrorCodes.wrongValue(4), "channels " + channels);
            }
            if (planar == null || planar.length != (long) width * height * channels) {
                throw HalconError.of(ErrorCodes.wrongCount(5), "planar data must hold width*height*channels = "
                        + (long) width * height * channels + " values, got " + (planar == null ? "null" : planar.length));
            }
            return new HImage(List.of(Image.ofPlanar(pixelType, width, height, channels, planar)));
        });
    }

    /** The pixel data of this single image, planar (channel after channel, row after row), as a new array. */
    public float[] toPlanar() {
        return single("hprune_image_to_planar").toPlanar();
    }

    public int getWidth() {
        return single("get_image_size").width();
    }

    public int getHeight() {
        return single("get_image_size").height();
    }

    /** The number of channels (HALCON's {@code count_channels}). */
    public int countChannels() {
        return single("count_channels").channels();
    }

    /** HALCON's pixel type name, 'byte' or 'real' (HALCON's {@code get_image_type}). */
    public String getImageType() {
        return single("get_image_type").type().halconName();
    }

    private Image single(String operator) {
        return Operator.call(operator, () -> {
            initialized();
            List<Image> images = images(1);
            if (images.size() != 1) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(1), "expected 1 image, got " + images.size());
            }
            return images.get(0);
        });
    }
}
