package dev.hprune.compat.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable multi-channel image: pixel type, width, height, channel count and planar pixel data (channel after channel,
 * row after row). Byte images hold whole numbers 0..255 in the float array; that keeps one code path for the deep-learning
 * input pipeline while {@link #type()} keeps HALCON's type.
 *
 * <p>The domain (the pixels operators work on) is a rectangle inside the matrix, {@link Region}; new images have the full
 * domain. Operators that compute pixels compute the whole matrix and keep the domain: HALCON leaves pixels outside the
 * domain undefined, so any value there conforms.
 */
public final class Image implements Iconic {
    private final PixelType type;
    private final int width;
    private final int height;
    private final int channels;
    private final float[] planar;
    private final Region domain;

    private Image(PixelType type, int width, int height, int channels, float[] planar, Region domain) {
        this.type = type;
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.planar = planar;
        this.domain = domain;
    }

    private Image(PixelType type, int width, int height, int channels, float[] planar) {
        this(type, width, height, channels, planar, Region.full(width, height));
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

    /** The domain, a rectangle inside the pixel matrix. */
    public Region domain() {
        return domain;
    }

    public boolean hasFullDomain() {
        return domain.coversAll(width, height);
    }

    /**
     * The same pixels with {@code newDomain} as domain; the pixel data is shared, both images being immutable.
     *
     * @throws IllegalArgumentException when the domain does not lie inside the matrix
     */
    public Image withDomain(Region newDomain) {
        Objects.requireNonNull(newDomain, "newDomain");
        if (!newDomain.equals(newDomain.clippedTo(width, height))) {
            throw new IllegalArgumentException(newDomain + " is not inside " + width + "x" + height);
        }
        return new Image(type, width, height, channels, planar, newDomain);
    }

    /** The same planar data with another pixel type's values (byte: rounded and clipped), keeping the domain. */
    Image withType(PixelType newType) {
        float[] copy = planar.clone();
        if (newType == PixelType.BYTE) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = newType.represent(copy[i]);
            }
        }
        return new Image(newType, width, height, channels, copy, domain);
    }

    /** Data this package has just computed, with this image's size and domain; no copy. */
    Image sameShape(PixelType newType, int newChannels, float[] newPlanar) {
        return new Image(newType, width, height, newChannels, newPlanar, domain);
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

    /** One channel (0-based) as a one-channel image of the same type and domain. */
    public Image channel(int channel) {
        Objects.checkIndex(channel, channels);
        int plane = width * height;
        return new Image(type, width, height, 1, Arrays.copyOfRange(planar, channel * plane, (channel + 1) * plane),
                domain);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image
                && type == image.type
                && width == image.width
                && height == image.height
                && channels == image.channels
                && domain.equals(image.domain)
                && Arrays.equals(planar, image.planar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, width, height, channels, domain, Arrays.hashCode(planar));
    }

    @Override
    public String toString() {
        return "Image[" + type.halconName() + ", " + width + "x" + height + ", " + channels + " channel(s)"
                + (hasFullDomain() ? "" : ", domain " + domain) + "]";
    }
}
