package dev.hprune.compat.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable multi-channel image: pixel type, width, height, channel count and planar pixel data (channel after channel,
 * row after row). Byte images hold whole numbers 0..255 in the float array; that keeps one code path for the deep-learning
 * input pipeline while {@link #type()} keeps HALCON's type.
 */
public final class Image {
    private final PixelType type;
    private final int width;
    private final int height;
    private final int channels;
    private final float[] planar;

    private Image(PixelType type, int width, int height, int channels, float[] planar) {
        this.type = type;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.planar = planar;
    }

    /**
     * An image from planar data, which is copied; byte images have their values rounded and clipped to 0..255.
     *
     * @throws IllegalArgumentException for non-positive sizes or a data length other than width*height*channels
     */
    public static Image ofPlanar(PixelType type, int width, int height, int channels, float[] planar) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(planar, "planar");
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("width, height and channels must be positive: "
                    + width + "x" + height + "x" + channels);
        }
        long expected = (long) width * height * channels;
        if (planar.length != expected) {
            throw new IllegalArgumentException("planar data has " + planar.length + " values, expected " + expected);
        }
        float[] copy = planar.clone();
        if (type == PixelType.BYTE) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = type.represent(copy[i]);
            }
        }
        return new Image(type, width, height, channels, copy);
    }

    /** An image whose every pixel of every channel is {@code value}. */
    public static Image constant(PixelType type, int width, int height, int channels, double value) {
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(width, height), channels)];
        Arrays.fill(data, type.represent(value));
        return new Image(type, width, height, channels, data);
    }

    /** Wraps data this package has just computed and owns; no copy. */
    static Image owning(PixelType type, int width, int height, int channels, float[] planar) {
        return new Image(type, width, height, channels, planar);
    }

    public PixelType type() {
        return type;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    /** The value at column x, row y of channel c (all 0-based). */
    public float get(int channel, int x, int y) {
        return planar[(channel * height + y) * width + x];
    }

    /** A copy of the planar pixel data. */
    public float[] toPlanar() {
        return planar.clone();
    }

    /** Copies the planar pixel data into {@code target} from {@code offset}, without allocating. */
    public void copyPlanarTo(float[] target, int offset) {
        System.arraycopy(planar, 0, target, offset, planar.length);
    }

    /** One channel (0-based) as a one-channel image of the same type. */
    public Image channel(int channel) {
        Objects.checkIndex(channel, channels);
        int plane = width * height;
        return new Image(type, width, height, 1, Arrays.copyOfRange(planar, channel * plane, (channel + 1) * plane));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image
                && type == image.type
                && width == image.width
                && height == image.height
                && channels == image.channels
                && Arrays.equals(planar, image.planar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, width, height, channels, Arrays.hashCode(planar));
    }

    @Override
    public String toString() {
        return "Image[" + type.halconName() + ", " + width + "x" + height + ", " + channels + " channel(s)]";
    }
}
