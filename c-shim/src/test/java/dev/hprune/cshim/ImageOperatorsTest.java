package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HImage;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image operators through C; pixels are checked on the Java object the Hobject names. */
class ImageOperatorsTest {
    private final CSide c = new CSide();

    @AfterEach
    void release() {
        c.close();
    }

    private static HImage javaImage(Pointer object) {
        return new HImage(NativeBridge.instance().object(Pointer.nativeValue(object)));
    }

    private static Memory bytes(int... values) {
        Memory m = new Memory(values.length);
        for (int i = 0; i < values.length; i++) {
            m.setByte(i, (byte) values[i]);
        }
        return m;
    }

    private Pointer image3(String type, int w, int h, Pointer r, Pointer g, Pointer b) {
        PointerByReference out = new PointerByReference();
        int rc = C.T_gen_image3(out, c.tuple(type), c.tuple((long) w), c.tuple((long) h),
                c.tuple(Pointer.nativeValue(r)), c.tuple(Pointer.nativeValue(g)), c.tuple(Pointer.nativeValue(b)));
        assertThat(rc).as(C.hprune_last_error_text()).isEqualTo(2);
        return c.outObject(out);
    }

    @Test
    void genImage3CopiesByteBuffersPlaneByPlane() {
        Pointer image = image3("byte", 3, 2, bytes(0, 1, 2, 3, 4, 255), bytes(10, 11, 12, 13, 14, 15),
                bytes(20, 21, 22, 23, 24, 25));
        HImage java = javaImage(image);
        assertThat(java.getImageType()).isEqualTo("byte");
        assertThat(java.toPlanar()).containsExactly(0, 1, 2, 3, 4, 255, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24,
                25);
    }

    @Test
    void genImage1ReadsFloatBuffersForReal() {
        Memory pixels = new Memory(4 * 4);
        pixels.write(0, new float[] {-1f, 0.5f, 2.25f, 1e6f}, 0, 4);
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_image1(out, c.tuple("real"), c.tuple(2L), c.tuple(2L),
                c.tuple(Pointer.nativeValue(pixels)))).isEqualTo(2);
        HImage java = javaImage(c.outObject(out));
        assertThat(java.toPlanar()).containsExactly(-1f, 0.5f, 2.25f, 1e6f);
        assertThat(java.countChannels()).isEqualTo(1);
    }

    @Test
    void genImageRefusesBadTypeSizeAndNullPointer() {
        Memory pixels = new Memory(16);
        long address = Pointer.nativeValue(pixels);
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_image1(out, c.tuple("int2"), c.tuple(2L), c.tuple(2L), c.tuple(address))).isEqualTo(1301);
        assertThat(C.hprune_last_error_text()).contains("gen_image1");
        assertThat(C.T_gen_image1(out, c.tuple("byte"), c.tuple(0L), c.tuple(2L), c.tuple(address))).isEqualTo(1302);
        assertThat(C.T_gen_image1(out, c.tuple("byte"), c.tuple(2L), c.tuple(2L), c.tuple(0L))).isEqualTo(1304);
        assertThat(C.T_gen_image1(out, c.tuple("byte"), c.tuple(2L), c.tuple(2L), c.tuple("p"))).isEqualTo(1204);
        assertThat(C.T_gen_image1(null, c.tuple("byte"), c.tuple(2L), c.tuple(2L), c.tuple(address)))
                .isEqualTo(2955);
        assertThat(out.getValue()).isNull();
    }

    @Test
    void sizeChannelsZoomConvertComposeAndDecompose() {
        PointerByReference out = new PointerByReference();
        assertThat(C.T_gen_image_const(out, c.tuple("byte"), c.tuple(8L), c.tuple(4L))).isEqualTo(2);
        Pointer grey = c.outObject(out);
        PointerByReference w = new PointerByReference();
        PointerByReference h = new PointerByReference();
        assertThat(C.T_get_image_size(grey, w, h)).isEqualTo(2);
        assertThat(CSide.read(c.out(w))).containsExactly(8L);
        assertThat(CSide.read(c.out(h))).containsExactly(4L);

        assertThat(C.T_zoom_image_size(grey, out, c.tuple(4L), c.tuple(2L), c.tuple("constant"))).isEqualTo(2);
        Pointer small = c.outObject(out);
        assertThat(javaImage(small).getWidth()).isEqualTo(4);

        assertThat(C.T_convert_image_type(grey, out, c.tuple("real"))).isEqualTo(2);
        assertThat(javaImage(c.outObject(out)).getImageType()).isEqualTo("real");

        assertThat(C.T_compose3(grey, grey, grey, out)).isEqualTo(2);
        Pointer rgb = c.outObject(out);
        PointerByReference channels = new PointerByReference();
        assertThat(C.T_count_channels(rgb, channels)).isEqualTo(2);
        assertThat(CSide.read(c.out(channels))).containsExactly(3L);

        PointerByReference r = new PointerByReference();
        PointerByReference g = new PointerByReference();
        PointerByReference b = new PointerByReference();
        assertThat(C.T_decompose3(rgb, r, g, b)).isEqualTo(2);
        assertThat(javaImage(c.outObject(b)).countChannels()).isEqualTo(1);
        c.outObject(r);
        c.outObject(g);

        assertThat(C.T_compose3(grey, small, grey, out)).isEqualTo(3117); // sizes differ
        long[] count = new long[1];
        assertThat(C.count_obj(rgb, count)).isEqualTo(2);
        assertThat(count[0]).isEqualTo(1);
    }

    @Test
    void readImageReadsPngsAndReports5200ForMissingFiles(@TempDir Path dir) throws Exception {
        BufferedImage png = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setSample(4, 2, 0, 77);
        File file = dir.resolve("grey.png").toFile();
        ImageIO.write(png, "png", file);
        PointerByReference out = new PointerByReference();
        assertThat(C.T_read_image(out, c.tuple(file.getPath()))).isEqualTo(2);
        HImage java = javaImage(c.outObject(out));
        assertThat(java.getWidth()).isEqualTo(5);
        assertThat(java.toPlanar()[2 * 5 + 4]).isEqualTo(77f);
        assertThat(C.T_read_image(out, c.tuple(dir.resolve("none.png").toString()))).isEqualTo(5200);
    }

    @Test
    void objectsGoThroughDictsAndClearObjReleasesThem() {
        int before = NativeBridge.instance() == null ? 0 : NativeBridge.instance().liveObjects();
        PointerByReference out = new PointerByReference();
        C.T_gen_image_const(out, c.tuple("real"), c.tuple(3L), c.tuple(3L));
        Pointer image = out.getValue();
        PointerByReference dictRef = new PointerByReference();
        C.T_create_dict(dictRef);
        Pointer dict = c.out(dictRef);
        assertThat(C.T_set_dict_object(image, dict, c.tuple("image"))).isEqualTo(2);
        assertThat(C.clear_obj(image)).isEqualTo(2); // the dict holds its own copy
        assertThat(C.T_get_dict_object(out, dict, c.tuple("image"))).isEqualTo(2);
        Pointer back = out.getValue();
        assertThat(javaImage(back).getWidth()).isEqualTo(3);
        assertThat(NativeBridge.instance().liveObjects()).isEqualTo(before + 1);
        C.clear_obj(back);
        assertThat(NativeBridge.instance().liveObjects()).isEqualTo(before);

        assertThat(C.T_get_dict_object(out, dict, c.tuple("missing"))).isEqualTo(2894);
        assertThat(C.T_get_image_size(back, new PointerByReference(), new PointerByReference())).isEqualTo(2953);
        assertThat(C.T_set_dict_tuple(dict, c.tuple("t"), c.tuple(1L))).isEqualTo(2);
        assertThat(C.T_get_dict_object(out, dict, c.tuple("t"))).isEqualTo(2461);
    }
}
