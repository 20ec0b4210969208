package dev.hprune.cshim;

import com.sun.jna.Pointer;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;

/**
 * {@code gen_image1} and {@code gen_image3}: images from the caller's pixel buffers, whose addresses come as integers
 * (HALCON's C interface). 'byte' buffers hold unsigned chars, 'real' buffers floats, row after row; the pixels are copied.
 * The image itself is built by {@link HImage#fromPlanar}, which owns the rules for type names and sizes.
 */
final class PixelImages {
    private PixelImages() {}

    /** control: Type, Width, Height, then one pointer per channel. */
    static HImage generate(String operator, HObject output, HTuple[] control) {
        if (output == null) {
            throw Errors.of(2955, operator, "the output object is NULL");
        }
        int channels = control.length - 3;
        String type = single(control[0], 1, operator, HTuple.STRING, "a string").getS();
        int width = side(control[1], 2, operator);
        int height = side(control[2], 3, operator);
        probe(operator, type, width, height, channels);
        if ((long) width * height * channels > Integer.MAX_VALUE - 8) {
            throw Errors.of(1302, operator, width + " x " + height + " x " + channels + " pixels exceed one Java array");
        }
        int perChannel = width * height;
        float[] planar = new float[perChannel * channels];
        for (int c = 0; c < channels; c++) {
            int position = 4 + c;
            long address = single(control[3 + c], position, operator, HTuple.INTEGER, "an integer").getL();
            if (address == 0) {
                throw Errors.of(1300 + position, operator, "the pixel pointer is 0");
            }
            Pointer pixels = new Pointer(address);
            if (type.equals("byte")) {
                byte[] values = pixels.getByteArray(0, perChannel);
                for (int i = 0; i < perChannel; i++) {
                    planar[c * perChannel + i] = values[i] & 0xff;
                }
            } else {
                pixels.read(0, planar, c * perChannel, perChannel);
            }
        }
        try {
            return HImage.fromPlanar(type, width, height, channels, planar);
        } catch (HalconException e) {
            throw Errors.renamed(e, operator);
        }
    }

    /**
     * Lets {@link HImage#fromPlanar} judge type and size before any pixel is read: with no pixel data, valid parameters
     * fail only on the data's length (1405).
     */
    private static void probe(String operator, String type, int width, int height, int channels) {
        try {
            HImage.fromPlanar(type, width, height, channels, new float[0]);
        } catch (HalconException e) {
            if (e.getErrorCode() == 1405) {
                return;
            }
            throw Errors.renamed(e, operator);
        }
        throw new IllegalStateException("HImage.fromPlanar accepted an empty pixel array");
    }

    private static int side(HTuple tuple, int position, String operator) {
        long value = single(tuple, position, operator, HTuple.INTEGER, "an integer").getL();
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw Errors.of(1300 + position, operator, "size " + value);
        }
        return (int) value;
    }

    private static HTuple single(HTuple tuple, int position, String operator, int type, String expected) {
        if (tuple == null) {
            throw Errors.of(2954, operator, "control parameter " + position + " is NULL");
        }
        if (tuple.length() != 1) {
            throw Errors.of(1400 + position, operator, "expected 1 value, got " + tuple.length());
        }
        if (tuple.getType(0) != type) {
            throw Errors.of(1200 + position, operator, "expected " + expected + ", got " + tuple);
        }
        return tuple;
    }
}
