package dev.hprune.cshim;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The pointer forms of HALCON's C interface. {@code gen_image1} and {@code gen_image3}: images from the caller's pixel
 * buffers, whose addresses come as integers; 'byte' buffers hold unsigned chars, 'real' buffers floats, row after row.
 * The pixels are copied into Java arrays and the image is built by {@link HOperatorSet#GenImage1}/{@code GenImage3},
 * so C and Java share one set of rules. {@code get_image_pointer1}: the address of a native copy of the first channel.
 */
final class PixelImages {
    private PixelImages() {}

    /**
     * The native copies get_image_pointer1 handed out, one per image object, freed with it: C holds an object until
     * clear_obj, and a C object never changes, so the copy stays valid and true for as long as HALCON's pointer would.
     */
    private static final Map<HObject, Memory> POINTER1_COPIES = Collections.synchronizedMap(new WeakHashMap<>());

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
        Object[] arrays = new Object[channels];
        for (int c = 0; c < channels; c++) {
            int position = 4 + c;
            long address = single(control[3 + c], position, operator, HTuple.INTEGER, "an integer").getL();
            if (address == 0) {
                throw Errors.of(1300 + position, operator, "the pixel pointer is 0");
            }
            Pointer pixels = new Pointer(address);
            arrays[c] = type.equals("byte") ? pixels.getByteArray(0, perChannel)
                    : pixels.getFloatArray(0, perChannel);
        }
        HImage image = new HImage();
        if (channels == 1) {
            HOperatorSet.GenImage1(image, control[0], control[1], control[2], arrays[0]);
        } else {
            HOperatorSet.GenImage3(image, control[0], control[1], control[2], arrays[0], arrays[1], arrays[2]);
        }
        return image;
    }

    /** get_image_pointer1: Java's values (HOperatorSet.GetImagePointer1) copied once to native memory. */
    static void pointer1(HObject image, HTuple pointer, HTuple type, HTuple width, HTuple height) {
        HTuple values = new HTuple();
        HOperatorSet.GetImagePointer1(image, values, type, width, height);
        Memory copy = POINTER1_COPIES.computeIfAbsent(image, key -> nativeCopy(values, type.getS()));
        pointer.append(Pointer.nativeValue(copy));
    }

    private static Memory nativeCopy(HTuple values, String type) {
        int n = values.length();
        boolean bytes = type.equals("byte");
        Memory memory = new Memory((long) n * (bytes ? 1 : 4));
        for (int i = 0; i < n; i++) {
            if (bytes) {
                memory.setByte(i, (byte) values.getL(i));
            } else {
                memory.setFloat(4L * i, (float) values.getD(i));
            }
        }
        return memory;
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
