package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageOperatorsTest {

    @TempDir
    Path dir;

    @Test
    void genImageConstGivesOneChannelOfZeros() {
        HObject image = new HObject();
        HOperatorSet.GenImageConst(image, new HTuple("byte"), new HTuple(5), new HTuple(3));
        HTuple width = new HTuple();
        HTuple height = new HTuple();
        HTuple channels = new HTuple();
        HOperatorSet.GetImageSize(image, width, height);
        HOperatorSet.CountChannels(image, channels);
        assertThat(width).isEqualTo(new HTuple(5));
        assertThat(height).isEqualTo(new HTuple(3));
        assertThat(channels).isEqualTo(new HTuple(1));
        assertThat(new HImage(image).toPlanar()).containsOnly(0f).hasSize(15);
    }

    @Test
    void genImageConstValidatesEachParameter() {
        HObject out = new HObject();
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple("uint2"), new HTuple(5), new HTuple(3)),
                1301, "gen_image_const");
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple("byte"), new HTuple(0), new HTuple(3)),
                1302, "gen_image_const");
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple("byte"), new HTuple(5), new HTuple(-1)),
                1303, "gen_image_const");
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple("byte"), new HTuple(5.0), new HTuple(3)),
                1202, "gen_image_const");
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple("byte"), new HTuple("5"), new HTuple(3)),
                1202, "gen_image_const");
        assertHalconError(() -> HOperatorSet.GenImageConst(out, new HTuple(), new HTuple(5), new HTuple(3)),
                1401, "gen_image_const");
        assertThat(out.isInitialized()).isFalse();
    }

    @Test
    void planarDataRoundTripsAndByteImagesRoundAndClip() {
        HImage real = HImage.fromPlanar(2, 1, 1, new float[] {-3.25f, 300.5f});
        assertThat(real.toPlanar()).containsExactly(-3.25f, 300.5f);
        HImage bytes = HImage.fromPlanar("byte", 3, 1, 1, new float[] {-3f, 12.6f, 300f});
        assertThat(bytes.toPlanar()).containsExactly(0f, 13f, 255f);
        assertThat(bytes.getImageType()).isEqualTo("byte");
    }

    @Test
    void fromPlanarRefusesDataOfWrongLength() {
        assertHalconError(() -> HImage.fromPlanar(2, 2, 1, new float[3]), 1405, "hprune_image_from_planar");
        assertHalconError(() -> HImage.fromPlanar(0, 2, 1, new float[0]), 1302, "hprune_image_from_planar");
    }

    @Test
    void convertImageTypeRoundsAndClipsToByte() {
        HImage real = HImage.fromPlanar(4, 1, 1, new float[] {-1f, 0.4f, 254.6f, 1000f});
        HObject converted = new HObject();
        HOperatorSet.ConvertImageType(real, converted, new HTuple("byte"));
        HImage result = new HImage(converted);
        assertThat(result.getImageType()).isEqualTo("byte");
        assertThat(result.toPlanar()).containsExactly(0f, 0f, 255f, 255f);
        assertHalconError(() -> HOperatorSet.ConvertImageType(real, new HObject(), new HTuple("int4")), 1301,
                "convert_image_type");
    }

    @Test
    void compose3AndDecompose3AreInverse() {
        HImage r = HImage.fromPlanar("byte", 2, 2, 1, new float[] {1, 2, 3, 4});
        HImage g = HImage.fromPlanar("byte", 2, 2, 1, new float[] {5, 6, 7, 8});
        HImage b = HImage.fromPlanar("byte", 2, 2, 1, new float[] {9, 10, 11, 12});
        HObject rgb = new HObject();
        HOperatorSet.Compose3(r, g, b, rgb);
        assertThat(new HImage(rgb).toPlanar()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        HObject c1 = new HObject();
        HObject c2 = new HObject();
        HObject c3 = new HObject();
        HOperatorSet.Decompose3(rgb, c1, c2, c3);
        assertThat(new HImage(c2).toPlanar()).containsExactly(5, 6, 7, 8);
        assertThat(new HImage(c3).getImageType()).isEqualTo("byte");
    }

    @Test
    void compose3RefusesImagesOfDifferentSize() {
        HImage small = new HImage("byte", 2, 2);
        HImage large = new HImage("byte", 3, 2);
        assertHalconError(() -> HOperatorSet.Compose3(small, large, small, new HObject()), 3117, "compose3");
    }

    @Test
    void decompose3RefusesOneChannelImages() {
        assertHalconError(() -> HOperatorSet.Decompose3(new HImage("real", 2, 2), new HObject(), new HObject(),
                new HObject()), 3359, "decompose3");
    }

    @Test
    void zoomNearestNeighborRepeatsPixels() {
        HImage image = HImage.fromPlanar(2, 1, 1, new float[] {10, 20});
        HObject zoomed = new HObject();
        HOperatorSet.ZoomImageSize(image, zoomed, new HTuple(4), new HTuple(2), new HTuple("nearest_neighbor"));
        assertThat(new HImage(zoomed).toPlanar()).containsExactly(10, 10, 20, 20, 10, 10, 20, 20);
    }

    @Test
    void zoomBilinearInterpolatesBetweenPixelCentres() {
        // Output centres at source x = -0.25, 0.25, 0.75, 1.25: clamped, a quarter, three quarters, clamped.
        HImage image = HImage.fromPlanar(2, 1, 1, new float[] {0, 100});
        HObject zoomed = new HObject();
        HOperatorSet.ZoomImageSize(image, zoomed, new HTuple(4), new HTuple(1), new HTuple("bilinear"));
        assertThat(new HImage(zoomed).toPlanar()).containsExactly(0, 25, 75, 100);
    }

    @Test
    void zoomConstantAveragesAreaWhenShrinking() {
        HImage image = HImage.fromPlanar(4, 2, 1, new float[] {0, 2, 4, 6, 8, 10, 12, 14});
        HObject zoomed = new HObject();
        HOperatorSet.ZoomImageSize(image, zoomed, new HTuple(2), new HTuple(1), new HTuple("constant"));
        float[] result = new HImage(zoomed).toPlanar();
        assertThat(result[0]).isCloseTo((0 + 2 + 8 + 10) / 4f, within(1e-5f));
        assertThat(result[1]).isCloseTo((4 + 6 + 12 + 14) / 4f, within(1e-5f));
    }

    @Test
    void zoomRefusesUnknownInterpolation() {
        assertHalconError(() -> HOperatorSet.ZoomImageSize(new HImage("byte", 2, 2), new HObject(), new HTuple(4),
                new HTuple(4), new HTuple("bicubic")), 1303, "zoom_image_size");
    }

    @Test
    void readImageReadsGreyPngAsOneByteChannel() throws IOException {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {0, 50, 100, 150, 200, 255});
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());

        HImage image = new HImage(file.toString());
        assertThat(image.countChannels()).isEqualTo(1);
        assertThat(image.getImageType()).isEqualTo("byte");
        assertThat(image.toPlanar()).containsExactly(0, 50, 100, 150, 200, 255);
    }

    @Test
    void readImageReadsColourPngAsPlanarRgbAndFindsTheExtension() throws IOException {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x102030);
        rgb.setRGB(1, 0, 0xA0B0C0);
        ImageIO.write(rgb, "png", dir.resolve("colour.png").toFile());

        HObject image = new HObject();
        HOperatorSet.ReadImage(image, new HTuple(dir.resolve("colour").toString()));
        assertThat(new HImage(image).toPlanar()).containsExactly(0x10, 0xA0, 0x20, 0xB0, 0x30, 0xC0);
    }

    @Test
    void readImageOfMissingFileIsError5200() {
        assertHalconError(() -> HOperatorSet.ReadImage(new HObject(), new HTuple(dir.resolve("none.png").toString())),
                5200, "read_image");
    }

    @Test
    void readImageOfGarbageIsError5203() throws IOException {
        Path file = Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3, 4});
        assertHalconError(() -> new HImage(file.toString()), 5203, "read_image");
    }

    @Test
    void operatorsRefuseUninitializedObjects() {
        assertHalconError(() -> HOperatorSet.GetImageSize(new HObject(), new HTuple(), new HTuple()), 2953,
                "get_image_size");
        assertHalconError(() -> new HImage().toPlanar(), 2953, "hprune_image_to_planar");
    }

    @Test
    void objectTuplesCountAndSelectFromOne() {
        HObject two = new HImage("byte", 2, 2).concatObj(new HImage("real", 3, 3));
        assertThat(two.countObj()).isEqualTo(2);
        HTuple widths = new HTuple();
        HOperatorSet.GetImageSize(two, widths, new HTuple());
        assertThat(widths).isEqualTo(new HTuple(new long[] {2, 3}));
        assertThat(new HImage(two.selectObj(2)).getImageType()).isEqualTo("real");
        assertHalconError(() -> two.selectObj(3), 1301, "select_obj");
    }
}
