package dev.hprune.compat.image;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * HALCON's image operators that deep-learning samples need. Iconic parameters are object tuples ({@code List<Image>}, where
 * {@code null} stands for an uninitialized object); control parameters are plain-value tuples as in {@link ControlArgs}.
 * Operators work object by object, as HALCON's do.
 */
public final class ImageOperators {
    private ImageOperators() {}

    /** HALCON's largest image side in its standard edition. */
    public static final int MAX_SIDE = 32768;

    private static final List<String> DEFAULT_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private static final Map<String, Resampling.Mode> INTERPOLATIONS = Map.of(
            "nearest_neighbor", Resampling.Mode.NEAREST,
            "bilinear", Resampling.Mode.BILINEAR,
            "constant", Resampling.Mode.AREA,
            "weighted", Resampling.Mode.AREA);

    /** gen_image_const( : Image : Type, Width, Height : ): a one-channel image of zeros. */
    public static List<Image> genImageConst(List<Object> type, List<Object> width, List<Object> height) {
        PixelType pixelType = pixelType(type, 1);
        int w = side(width, 2);
        int h = side(height, 3);
        return List.of(Image.constant(pixelType, w, h, 1, 0));
    }

    /** get_image_size(Image : : : Width, Height): one width and height per object; index 0 widths, 1 heights. */
    public static List<List<Object>> getImageSize(List<Image> images) {
        List<Object> widths = new ArrayList<>();
        List<Object> heights = new ArrayList<>();
        for (Image image : initialized(images)) {
            widths.add((long) image.width());
            heights.add((long) image.height());
        }
        return List.of(widths, heights);
    }

    /** count_channels(MultiChannelImage : : : Channels). */
    public static List<Object> countChannels(List<Image> images) {
        List<Object> channels = new ArrayList<>();
        for (Image image : initialized(images)) {
            channels.add((long) image.channels());
        }
        return channels;
    }

    /** zoom_image_size(Image : ImageZoom : Width, Height, Interpolation : ). */
    public static List<Image> zoomImageSize(List<Image> images, List<Object> width, List<Object> height,
            List<Object> interpolation) {
        List<Image> sources = initialized(images);
        int w = side(width, 1);
        int h = side(height, 2);
        String name = ControlArgs.string(interpolation, 3);
        Resampling.Mode mode = INTERPOLATIONS.get(name);
        if (mode == null) {
            throw ControlArgs.wrongValue(3, "interpolation must be one of " + INTERPOLATIONS.keySet() + ", got '" + name + "'");
        }
        List<Image> zoomed = new ArrayList<>(sources.size());
        for (Image image : sources) {
            zoomed.add(Resampling.resize(image, w, h, mode));
        }
        return zoomed;
    }

    /**
     * convert_image_type(Image : ImageConverted : NewType : ); to 'byte' values are rounded (halves up) and clipped to
     * 0..255. The domain is kept. HALCON's other types (int1, int2, uint2, int4, int8, direction, cyclic, complex) are
     * 1301: hprune holds byte and real images only.
     */
    public static List<Image> convertImageType(List<Image> images, List<Object> newType) {
        List<Image> sources = initialized(images);
        PixelType target = pixelType(newType, 1);
        List<Image> converted = new ArrayList<>(sources.size());
        for (Image image : sources) {
            converted.add(image.type() == target ? image : image.withType(target));
        }
        return converted;
    }

    /**
     * compose3(Image1, Image2, Image3 : MultiChannelImage : : ): the first channel of each, object by object. Inputs of
     * mixed pixel types give a 'real' image, so no value is lost.
     */
    public static List<Image> compose3(List<Image> first, List<Image> second, List<Image> third) {
        List<List<Image>> inputs = List.of(initialized(first), initialized(second), initialized(third));
        int count = inputs.get(0).size();
        for (int p = 1; p < 3; p++) {
            if (inputs.get(p).size() != count) {
                throw HalconError.of(ErrorCodes.wrongObjectCount(p + 1),
                        "Image" + (p + 1) + " has " + inputs.get(p).size() + " objects, Image1 has " + count);
            }
        }
        List<Image> composed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Image a = inputs.get(0).get(i);
            Image b = inputs.get(1).get(i);
            Image c = inputs.get(2).get(i);
            for (Image other : List.of(b, c)) {
                if (other.width() != a.width() || other.height() != a.height()) {
                    throw HalconError.of(ErrorCodes.IMAGES_OF_DIFFERENT_SIZE, a + " and " + other);
                }
            }
            int plane = a.width() * a.height();
            float[] data = new float[3 * plane];
            a.channel(0).copyPlanarTo(data, 0);
            b.channel(0).copyPlanarTo(data, plane);
            c.channel(0).copyPlanarTo(data, 2 * plane);
            boolean allByte = a.type() == PixelType.BYTE && b.type() == PixelType.BYTE && c.type() == PixelType.BYTE;
            composed.add(Image.owning(allByte ? PixelType.BYTE : PixelType.REAL, a.width(), a.height(), 3, data));
        }
        return composed;
    }

    /** decompose3(MultiChannelImage : Image1, Image2, Image3 : : ): three object tuples, one per channel. */
    public static List<List<Image>> decompose3(List<Image> images) {
        List<List<Image>> channels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Image image : initialized(images)) {
            if (image.channels() != 3) {
                throw HalconError.of(ErrorCodes.WRONG_NUMBER_OF_CHANNELS,
                        "decompose3 needs 3 channels, got " + image.channels());
            }
            for (int c = 0; c < 3; c++) {
                channels.get(c).add(image.channel(c));
            }
        }
        return channels;
    }

    /**
     * read_image( : Image : FileName : ): PNG, JPEG, BMP or GIF through the JDK, one object per file name. Grey images give one
     * channel, colour images three (R, G, B; alpha is dropped). 8-bit data gives 'byte' images, deeper grey data 'real'.
     * A name without extension is tried with the usual image extensions, as HALCON does.
     */
    public static List<Image> readImage(List<Object> fileName) {
        List<String> names = ControlArgs.strings(fileName, 1);
        List<Image> images = new ArrayList<>(names.size());
        for (String name : names) {
            images.add(readOne(name));
        }
        return images;
    }

    private static Image readOne(String name) {
        Path path = resolve(name);
        BufferedImage buffered;
        try {
            buffered = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new HalconError(ErrorCodes.FILE_READ_IMAGE_DATA, "", path + ": " + e.getMessage(), e);
        }
        if (buffered == null) {
            throw HalconError.of(ErrorCodes.FILE_READ_IMAGE_DATA, path + ": not a PNG, JPEG, BMP or GIF image");
        }
        return fromBuffered(buffered);
    }

    private static Path resolve(String name) {
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            return path;
        }
        for (String extension : DEFAULT_EXTENSIONS) {
            Path candidate = Path.of(name + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw HalconError.of(ErrorCodes.FILE_NOT_FOUND, name);
    }

    static Image fromBuffered(BufferedImage buffered) {
        int width = buffered.getWidth();
        int height = buffered.getHeight();
        int plane = width * height;
        boolean grey = buffered.getColorModel().getNumColorComponents() == 1
                && buffered.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        if (grey) {
            Raster raster = buffered.getRaster();
            boolean deep = raster.getSampleModel().getSampleSize(0) > 8;
            float[] data = new float[plane];
            raster.getSamples(0, 0, width, height, 0, data);
            return Image.owning(deep ? PixelType.REAL : PixelType.BYTE, width, height, 1, data);
        }
        int[] argb = buffered.getRGB(0, 0, width, height, null, 0, width);
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            data[i] = (argb[i] >> 16) & 0xff;
            data[plane + i] = (argb[i] >> 8) & 0xff;
            data[2 * plane + i] = argb[i] & 0xff;
        }
        return Image.owning(PixelType.BYTE, width, height, 3, data);
    }

    static List<Image> initialized(List<Image> images) {
        if (images == null) {
            throw HalconError.of(ErrorCodes.INPUT_OBJECT_NOT_INITIALIZED);
        }
        return images;
    }

    static PixelType pixelType(List<Object> type, int position) {
        String name = ControlArgs.string(type, position);
        return PixelType.fromHalconName(name).orElseThrow(
                () -> ControlArgs.wrongValue(position, "image type must be 'byte' or 'real', got '" + name + "'"));
    }

    static int side(List<Object> value, int position) {
        long side = ControlArgs.integer(value, position);
        if (side < 1 || side > MAX_SIDE) {
            throw ControlArgs.wrongValue(position, "image side must be 1.." + MAX_SIDE + ", got " + side);
        }
        return (int) side;
    }
}
