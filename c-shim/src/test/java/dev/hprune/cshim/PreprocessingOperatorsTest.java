package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HRegion;
import dev.hprune.halcon.HTuple;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preprocessing image operators through C, each checked against the HOperatorSet method on the same objects: the
 * same pixels, type, size and domain, the same output values, or the same error number.
 */
class PreprocessingOperatorsTest {
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    private static HObject java(Pointer object) {
        return NativeBridge.instance().object(Pointer.nativeValue(object));
    }

    /** A 3x2 byte RGB image made through C's gen_image3. */
    private Pointer rgb() {
        Memory[] planes = new Memory[3];
        for (int p = 0; p < 3; p++) {
            planes[p] = new Memory(6);
            for (int i = 0; i < 6; i++) {
                planes[p].setByte(i, (byte) (40 * p + 37 * i + 3));
            }
        }
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_image3(out, c.tuple("byte"), c.tuple(3L), c.tuple(2L),
                c.tuple(Pointer.nativeValue(planes[0])), c.tuple(Pointer.nativeValue(planes[1])),
                c.tuple(Pointer.nativeValue(planes[2])))).isEqualTo(2);
        return c.outObject(out);
    }

    /** Asserts that C's output object equals what Java made, by type, size, channels, pixels and domain. */
    private static void assertSameImage(Pointer cObject, HObject javaObject) {
        HObject fromC = java(cObject);
        HObject cd = new HObject();
        HObject jd = new HObject();
        HOperatorSet.GetDomain(fromC, cd);
        HOperatorSet.GetDomain(javaObject, jd);
        assertThat(new HRegion(cd).smallestRectangle1()).containsExactly(new HRegion(jd).smallestRectangle1());
        HImage a = new HImage(fromC);
        HImage b = new HImage(javaObject);
        assertThat(a.getImageType()).isEqualTo(b.getImageType());
        assertThat(a.countChannels()).isEqualTo(b.countChannels());
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.toPlanar()).containsExactly(b.toPlanar());
    }

    private static int javaError(Runnable call) {
        try {
            call.run();
            return 2;
        } catch (HOperatorException e) {
            return e.getErrorCode();
        }
    }

    private static void assertSameError(IntSupplier cCall, Runnable javaCall) {
        int expected = javaError(javaCall);
        assertThat(expected).as("the Java call fails").isNotEqualTo(2);
        assertThat(cCall.getAsInt()).isEqualTo(expected);
    }

    @Test
    void pixelOperatorsMatchJava() {
        Pointer rgb = rgb();
        HObject j = java(rgb);
        PointerByReference out = new PointerByReference();

        assertThat(C.T_scale_image(rgb, out, c.tuple(1.5), c.tuple(-20.2))).isEqualTo(2);
        HObject expected = new HObject();
        HOperatorSet.ScaleImage(j, expected, new HTuple(1.5), new HTuple(-20.2));
        assertSameImage(c.outObject(out), expected);

        assertThat(C.rgb1_to_gray(rgb, out)).isEqualTo(2);
        HOperatorSet.Rgb1ToGray(j, expected);
        assertSameImage(c.outObject(out), expected);

        assertThat(C.T_access_channel(rgb, out, c.tuple(3L))).isEqualTo(2);
        HOperatorSet.AccessChannel(j, expected, new HTuple(3));
        Pointer blue = c.outObject(out);
        assertSameImage(blue, expected);

        assertThat(C.append_channel(rgb, blue, out)).isEqualTo(2);
        HOperatorSet.AppendChannel(j, java(blue), expected);
        assertSameImage(c.outObject(out), expected);

        assertThat(C.copy_image(rgb, out)).isEqualTo(2);
        assertSameImage(c.outObject(out), j);

        PointerByReference type = new PointerByReference();
        assertThat(C.T_get_image_type(rgb, type)).isEqualTo(2);
        assertThat(CSide.read(c.out(type))).containsExactly("byte");

        PointerByReference min = new PointerByReference();
        PointerByReference max = new PointerByReference();
        PointerByReference range = new PointerByReference();
        assertThat(C.T_min_max_gray(rgb, rgb, c.tuple(20L), min, max, range)).isEqualTo(2);
        HTuple jMin = new HTuple();
        HTuple jMax = new HTuple();
        HTuple jRange = new HTuple();
        HOperatorSet.MinMaxGray(j, j, new HTuple(20), jMin, jMax, jRange);
        assertThat(CSide.read(c.out(min))).isEqualTo(CSide.javaValues(jMin));
        assertThat(CSide.read(c.out(max))).isEqualTo(CSide.javaValues(jMax));
        assertThat(CSide.read(c.out(range))).isEqualTo(CSide.javaValues(jRange));

        assertSameError(() -> C.T_scale_image(rgb, out, c.tuple("2"), c.tuple(0L)),
                () -> HOperatorSet.ScaleImage(j, new HObject(), new HTuple("2"), new HTuple(0)));
        assertSameError(() -> C.T_access_channel(rgb, out, c.tuple(4L)),
                () -> HOperatorSet.AccessChannel(j, new HObject(), new HTuple(4)));
        assertSameError(() -> C.T_min_max_gray(rgb, rgb, c.tuple(60L), min, max, range),
                () -> HOperatorSet.MinMaxGray(j, j, new HTuple(60), new HTuple(), new HTuple(), new HTuple()));
        assertSameError(() -> C.rgb1_to_gray(null, out), () -> HOperatorSet.Rgb1ToGray(new HObject(), new HObject()));
    }

    @Test
    void domainOperatorsMatchJava() {
        Pointer rgb = rgb();
        HObject j = java(rgb);
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_rectangle1(out, c.tuple(1L), c.tuple(1L), c.tuple(5L), c.tuple(2L))).isEqualTo(2);
        Pointer rectangle = c.outObject(out);
        HObject jRectangle = new HObject();
        HOperatorSet.GenRectangle1(jRectangle, new HTuple(1), new HTuple(1), new HTuple(5), new HTuple(2));
        assertThat(new HRegion(java(rectangle)).smallestRectangle1()).containsExactly(1, 1, 5, 2);

        assertThat(C.change_domain(rgb, rectangle, out)).isEqualTo(2);
        Pointer changed = c.outObject(out);
        HObject jChanged = new HObject();
        HOperatorSet.ChangeDomain(j, jRectangle, jChanged);
        assertSameImage(changed, jChanged);

        assertThat(C.get_domain(changed, out)).isEqualTo(2);
        Pointer domain = c.outObject(out);
        assertThat(new HRegion(java(domain)).smallestRectangle1()).containsExactly(1, 1, 1, 2); // clipped to 3x2

        assertThat(C.crop_domain(changed, out)).isEqualTo(2);
        HObject jCropped = new HObject();
        HOperatorSet.CropDomain(jChanged, jCropped);
        Pointer cropped = c.outObject(out);
        assertSameImage(cropped, jCropped);
        assertThat(new HImage(java(cropped)).getWidth()).isEqualTo(2);

        assertThat(C.full_domain(changed, out)).isEqualTo(2);
        HObject jFull = new HObject();
        HOperatorSet.FullDomain(jChanged, jFull);
        assertSameImage(c.outObject(out), jFull);

        assertSameError(() -> C.T_scale_image(domain, out, c.tuple(1L), c.tuple(0L)),
                () -> HOperatorSet.ScaleImage(java(domain), new HObject(), new HTuple(1), new HTuple(0)));
        assertThat(C.concat_obj(domain, domain, out)).isEqualTo(2);
        Pointer two = c.outObject(out);
        assertSameError(() -> C.change_domain(rgb, two, out),
                () -> HOperatorSet.ChangeDomain(j, java(two), new HObject()));
        assertSameError(() -> C.T_gen_rectangle1(out, c.tuple(3L), c.tuple(0L), c.tuple(2L), c.tuple(0L)),
                () -> HOperatorSet.GenRectangle1(new HObject(), new HTuple(3), new HTuple(0), new HTuple(2),
                        new HTuple(0)));
    }

    @Test
    void replaceObjMatchesJava() {
        Pointer rgb = rgb();
        PointerByReference out = new PointerByReference();
        assertThat(C.T_access_channel(rgb, out, c.tuple(2L))).isEqualTo(2);
        Pointer green = c.outObject(out);
        assertThat(C.concat_obj(rgb, rgb, out)).isEqualTo(2);
        Pointer two = c.outObject(out);
        assertThat(C.T_replace_obj(two, green, out, c.tuple(2L))).isEqualTo(2);
        HObject expected = new HObject();
        HOperatorSet.ReplaceObj(java(two), java(green), expected, new HTuple(2));
        Pointer replaced = c.outObject(out);
        HTuple channels = new HTuple();
        HTuple jChannels = new HTuple();
        HOperatorSet.CountChannels(java(replaced), channels);
        HOperatorSet.CountChannels(expected, jChannels);
        assertThat(channels).isEqualTo(jChannels);
        assertSameError(() -> C.T_replace_obj(two, green, out, c.tuple(3L)),
                () -> HOperatorSet.ReplaceObj(java(two), java(green), new HObject(), new HTuple(3)));
    }

    /** The C pointer addresses a native copy of the first channel, of the image's type, valid while the image lives. */
    @Test
    void getImagePointer1PointsAtTheFirstChannel() {
        Pointer rgb = rgb();
        PointerByReference pointer = new PointerByReference();
        PointerByReference type = new PointerByReference();
        PointerByReference width = new PointerByReference();
        PointerByReference height = new PointerByReference();
        assertThat(C.T_get_image_pointer1(rgb, pointer, type, width, height)).isEqualTo(2);
        HTuple jValues = new HTuple();
        HTuple jType = new HTuple();
        HTuple jWidth = new HTuple();
        HTuple jHeight = new HTuple();
        HOperatorSet.GetImagePointer1(java(rgb), jValues, jType, jWidth, jHeight);
        assertThat(CSide.read(c.out(type))).isEqualTo(CSide.javaValues(jType));
        assertThat(CSide.read(c.out(width))).isEqualTo(CSide.javaValues(jWidth));
        assertThat(CSide.read(c.out(height))).isEqualTo(CSide.javaValues(jHeight));
        Pointer pixels = new Pointer((Long) CSide.read(c.out(pointer)).get(0));
        byte[] read = pixels.getByteArray(0, 6);
        for (int i = 0; i < 6; i++) {
            assertThat((long) (read[i] & 0xff)).isEqualTo(jValues.getL(i)).isEqualTo(37L * i + 3);
        }
        // asked again, the same copy
        PointerByReference again = new PointerByReference();
        assertThat(C.T_get_image_pointer1(rgb, again, type, width, height)).isEqualTo(2);
        assertThat(CSide.read(c.out(again))).isEqualTo(CSide.read(c.own(pointer.getValue())));
        c.out(type);
        c.out(width);
        c.out(height);

        PointerByReference out = new PointerByReference();
        assertThat(C.T_convert_image_type(rgb, out, c.tuple("real"))).isEqualTo(2);
        Pointer real = c.outObject(out);
        assertThat(C.T_scale_image(real, out, c.tuple(0.5), c.tuple(0.25))).isEqualTo(2);
        Pointer halves = c.outObject(out);
        assertThat(C.T_get_image_pointer1(halves, pointer, type, width, height)).isEqualTo(2);
        assertThat(CSide.read(c.out(type))).containsExactly("real");
        Pointer floats = new Pointer((Long) CSide.read(c.out(pointer)).get(0));
        assertThat(floats.getFloatArray(0, 3)).containsExactly(1.75f, 20.25f, 38.75f);
        c.out(width);
        c.out(height);
        assertThat(C.concat_obj(rgb, rgb, out)).isEqualTo(2);
        Pointer two = c.outObject(out);
        assertSameError(() -> C.T_get_image_pointer1(two, pointer, type, width, height),
                () -> HOperatorSet.GetImagePointer1(java(two), new HTuple(), new HTuple(), new HTuple(), new HTuple()));
    }
}
