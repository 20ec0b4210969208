package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The preprocessing image operators through HOperatorSet, against hand-computed small cases. */
class PreprocessingOperatorsTest {

    private static HImage bytes(int width, int height, int channels, float... values) {
        return HImage.fromPlanar("byte", width, height, channels, values);
    }

    private static float[] planar(HObject object) {
        return new HImage(object).toPlanar();
    }

    @ParameterizedTest(name = "byte {0} * {1} + {2} = {3}")
    @CsvSource({
        "100, 1.5, -20.2, 130", // 129.8 rounds up
        "0, 1.5, -20.2, 0", // -20.2 clips to 0
        "200, 1.5, -20.2, 255", // 279.8 clips to 255
        "1, 0.5, 0, 1", // 0.5: halves round up
        "3, 0.5, 0, 2", // 1.5
        "7, -1, 260, 253",
        "128, 2, -1, 255"})
    void scaleImageOnByteRoundsHalvesUpAndSaturates(float pixel, double mult, double add, float expected) {
        HObject scaled = new HObject();
        HOperatorSet.ScaleImage(bytes(1, 1, 1, pixel), scaled, new HTuple(mult), new HTuple(add));
        assertThat(planar(scaled)).containsExactly(expected);
        assertThat(new HImage(scaled).getImageType()).isEqualTo("byte");
    }

    @Test
    void scaleImageOnRealKeepsSignAndFraction() {
        HObject scaled = new HObject();
        HOperatorSet.ScaleImage(HImage.fromPlanar(3, 1, 1, new float[] {-3.25f, 2f, 1000f}), scaled, new HTuple(2),
                new HTuple(0.5));
        assertThat(planar(scaled)).containsExactly(-6f, 4.5f, 2000.5f);
    }

    @Test
    void scaleImageErrors() {
        HImage image = bytes(1, 1, 1, 1);
        assertHalconError(() -> HOperatorSet.ScaleImage(image, new HObject(), new HTuple("2"), new HTuple(0)), 1201,
                "scale_image");
        assertHalconError(() -> HOperatorSet.ScaleImage(image, new HObject(), new HTuple(1), new HTuple()), 1402,
                "scale_image");
        assertHalconError(() -> HOperatorSet.ScaleImage(new HObject(), new HObject(), new HTuple(1), new HTuple(0)),
                2953, "scale_image");
        assertHalconError(() -> HOperatorSet.ScaleImage(image, null, new HTuple(1), new HTuple(0)), 2955,
                "scale_image");
    }

    @Test
    void convertImageTypeToRealAndBack() {
        HObject real = new HObject();
        HOperatorSet.ConvertImageType(bytes(2, 1, 1, 7, 255), real, new HTuple("real"));
        assertThat(new HImage(real).getImageType()).isEqualTo("real");
        HObject back = new HObject();
        HOperatorSet.ScaleImage(real, real, new HTuple(1), new HTuple(0.5));
        HOperatorSet.ConvertImageType(real, back, new HTuple("byte"));
        assertThat(planar(back)).containsExactly(8f, 255f); // 7.5 rounds up, 255.5 clips
        assertHalconError(() -> HOperatorSet.ConvertImageType(real, new HObject(), new HTuple("uint2")), 1301,
                "convert_image_type");
    }

    @ParameterizedTest(name = "gray({0}, {1}, {2}) = {3}")
    @CsvSource({
        "10, 20, 30, 18", // 2.99 + 11.74 + 3.42 = 18.15
        "255, 0, 0, 76", // 76.245
        "0, 255, 0, 150", // 149.685
        "0, 0, 255, 29", // 29.07
        "255, 255, 255, 255"})
    void rgb1ToGrayWeighsHalconsWay(float r, float g, float b, float expected) {
        HObject gray = new HObject();
        HOperatorSet.Rgb1ToGray(bytes(1, 1, 3, r, g, b), gray);
        assertThat(planar(gray)).containsExactly(expected);
    }

    @Test
    void rgb1ToGrayOnRealPassesOneChannelAndRefusesTwo() {
        HObject gray = new HObject();
        HOperatorSet.Rgb1ToGray(HImage.fromPlanar(1, 1, 3, new float[] {1, 2, 3}), gray);
        assertThat(planar(gray)[0]).isCloseTo(1.815f, within(1e-6f));
        HImage single = bytes(2, 1, 1, 4, 5);
        HOperatorSet.Rgb1ToGray(single, gray);
        assertThat(planar(gray)).containsExactly(4f, 5f);
        assertHalconError(() -> HOperatorSet.Rgb1ToGray(bytes(1, 1, 2, 1, 2), new HObject()), 3359, "rgb1_to_gray");
    }

    @Test
    void accessAndAppendChannel() {
        HImage rgb = bytes(2, 1, 3, 1, 2, 3, 4, 5, 6);
        HObject green = new HObject();
        HOperatorSet.AccessChannel(rgb, green, new HTuple(2));
        assertThat(planar(green)).containsExactly(3f, 4f);
        HObject four = new HObject();
        HOperatorSet.AppendChannel(rgb, green, four);
        HTuple channels = new HTuple();
        HOperatorSet.CountChannels(four, channels);
        assertThat(channels).isEqualTo(new HTuple(4));
        assertThat(planar(four)).containsExactly(1, 2, 3, 4, 5, 6, 3, 4);
        assertThat(new HImage(four).getImageType()).isEqualTo("byte");
        HObject mixed = new HObject();
        HOperatorSet.AppendChannel(rgb, HImage.fromPlanar(2, 1, 1, new float[] {0.5f, -1f}), mixed);
        assertThat(new HImage(mixed).getImageType()).isEqualTo("real");
        assertThat(planar(mixed)).containsExactly(1, 2, 3, 4, 5, 6, 0.5f, -1f);

        assertHalconError(() -> HOperatorSet.AccessChannel(rgb, new HObject(), new HTuple(4)), 1301, "access_channel");
        assertHalconError(() -> HOperatorSet.AccessChannel(rgb, new HObject(), new HTuple(0)), 1301, "access_channel");
        assertHalconError(() -> HOperatorSet.AccessChannel(rgb, new HObject(), new HTuple(1.0)), 1201,
                "access_channel");
        assertHalconError(() -> HOperatorSet.AppendChannel(rgb, bytes(1, 1, 1, 0), new HObject()), 3117,
                "append_channel");
        HObject two = new HObject();
        HOperatorSet.ConcatObj(rgb, rgb, two);
        assertHalconError(() -> HOperatorSet.AppendChannel(two, green, new HObject()), 1502, "append_channel");
    }

    /** HALCON's documented example: area 60, Percent 5 drops 3 pixels from each end of the histogram. */
    @Test
    void minMaxGrayDropsPercentOfTheAreaFromEachEnd() {
        float[] values = new float[60];
        int i = 0;
        for (int[] bin : new int[][] {{0, 2}, {1, 8}, {3, 7}, {4, 13}, {250, 10}, {251, 10}, {252, 5}, {253, 3},
                {254, 1}, {255, 1}}) {
            for (int k = 0; k < bin[1]; k++) {
                values[i++] = bin[0];
            }
        }
        HImage image = bytes(10, 6, 1, values);
        assertMinMax(image, 5, 1, 253);
        assertMinMax(image, 0, 0, 255);
        assertMinMax(image, 50, 4, 4); // both meet at the lower median, sorted index 29
        assertMinMax(image, 3.2, 0, 254); // floor(1.92) = 1 pixel dropped at each end
    }

    private static void assertMinMax(HImage image, double percent, double min, double max) {
        HTuple mn = new HTuple();
        HTuple mx = new HTuple();
        HTuple range = new HTuple();
        HOperatorSet.MinMaxGray(image, image, new HTuple(percent), mn, mx, range);
        assertThat(mn).isEqualTo(new HTuple(min));
        assertThat(mx).isEqualTo(new HTuple(max));
        assertThat(range).isEqualTo(new HTuple(max - min));
    }

    @Test
    void minMaxGrayReadsTheRegionNotTheImageDomainAndErrs() {
        HImage image = bytes(3, 2, 1, 9, 1, 5, 7, 3, 8);
        HObject part = new HObject();
        HOperatorSet.ChangeDomain(image, regionOf(image, 0, 1, 1, 2), part); // columns 1..2: 1 5 3 8
        HTuple mn = new HTuple();
        HTuple mx = new HTuple();
        HTuple range = new HTuple();
        HOperatorSet.MinMaxGray(part, image, new HTuple(0), mn, mx, range);
        assertThat(mn).isEqualTo(new HTuple(1.0));
        assertThat(mx).isEqualTo(new HTuple(8.0));
        HOperatorSet.MinMaxGray(image, part, new HTuple(0), mn, mx, range); // Image's own domain is ignored
        assertThat(mn).isEqualTo(new HTuple(1.0));
        assertThat(mx).isEqualTo(new HTuple(9.0));
        assertHalconError(() -> HOperatorSet.MinMaxGray(image, image, new HTuple(51), mn, mx, range), 1301,
                "min_max_gray");
        assertHalconError(() -> HOperatorSet.MinMaxGray(image, image, new HTuple(-1), mn, mx, range), 1301,
                "min_max_gray");
        assertHalconError(() -> HOperatorSet.MinMaxGray(image, image, new HTuple("5"), mn, mx, range), 1201,
                "min_max_gray");
        assertHalconError(() -> HOperatorSet.MinMaxGray(new HObject(), image, new HTuple(5), mn, mx, range), 2953,
                "min_max_gray");
    }

    /** A rectangle region made the HALCON way: get_domain of an image whose domain was cropped. */
    private static HObject regionOf(HImage image, int row1, int column1, int row2, int column2) {
        HObject cropped = new HObject();
        HOperatorSet.ChangeDomain(image, new HRegion(List.of(new dev.hprune.compat.image.Region(row1, column1, row2,
                column2))), cropped);
        HObject domain = new HObject();
        HOperatorSet.GetDomain(cropped, domain);
        return domain;
    }

    @Test
    void domainsRoundTripAndCrop() {
        HImage image = bytes(4, 3, 1, 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23);
        HObject reduced = new HObject();
        HOperatorSet.ChangeDomain(image, regionOf(image, 1, 1, 5, 2), reduced); // rows clipped to 1..2
        HObject domain = new HObject();
        HOperatorSet.GetDomain(reduced, domain);
        assertThat(new HRegion(domain).smallestRectangle1()).containsExactly(1, 1, 2, 2);
        HObject cropped = new HObject();
        HOperatorSet.CropDomain(reduced, cropped);
        HTuple w = new HTuple();
        HTuple h = new HTuple();
        HOperatorSet.GetImageSize(cropped, w, h);
        assertThat(w).isEqualTo(new HTuple(2));
        assertThat(h).isEqualTo(new HTuple(2));
        assertThat(planar(cropped)).containsExactly(11, 12, 21, 22);
        HObject full = new HObject();
        HOperatorSet.FullDomain(reduced, full);
        HOperatorSet.GetDomain(full, domain);
        assertThat(new HRegion(domain).smallestRectangle1()).containsExactly(0, 0, 2, 3);
        HOperatorSet.CropDomain(full, cropped);
        assertThat(planar(cropped)).hasSize(12);
        // the reduced image's pixels are all still there; only the domain differs
        assertThat(planar(reduced)).isEqualTo(image.toPlanar());

        assertHalconError(() -> HOperatorSet.ChangeDomain(image, regionOf(image, 5, 5, 6, 6), new HObject()), 1502,
                "change_domain");
        assertHalconError(() -> HOperatorSet.ScaleImage(domain, new HObject(), new HTuple(1), new HTuple(0)), 1501,
                "scale_image");
        HObject two = new HObject();
        HOperatorSet.ConcatObj(domain, domain, two);
        assertHalconError(() -> HOperatorSet.ChangeDomain(image, two, new HObject()), 1502, "change_domain");
    }

    @Test
    void genImageFromJavaArrays() {
        HObject gray = new HObject();
        HOperatorSet.GenImage1(gray, new HTuple("byte"), new HTuple(2), new HTuple(1), new byte[] {(byte) 200, 7});
        assertThat(planar(gray)).containsExactly(200f, 7f);
        HObject rgb = new HObject();
        HOperatorSet.GenImage3(rgb, new HTuple("real"), new HTuple(1), new HTuple(1), new float[] {0.5f},
                new float[] {-1f}, new float[] {2f});
        assertThat(planar(rgb)).containsExactly(0.5f, -1f, 2f);
        assertHalconError(() -> HOperatorSet.GenImage1(gray, new HTuple("real"), new HTuple(2), new HTuple(1),
                new byte[2]), 1204, "gen_image1");
        assertHalconError(() -> HOperatorSet.GenImage1(gray, new HTuple("byte"), new HTuple(2), new HTuple(1),
                new byte[3]), 1404, "gen_image1");
        assertHalconError(() -> HOperatorSet.GenImage3(rgb, new HTuple("real"), new HTuple(1), new HTuple(1),
                new float[1], new float[1], null), 2954, "gen_image3");
        assertHalconError(() -> HOperatorSet.GenImage1(gray, new HTuple("int4"), new HTuple(2), new HTuple(1),
                new byte[2]), 1301, "gen_image1");
    }

    @Test
    void getImagePointer1GivesTheFirstChannelsValues() {
        HTuple pointer = new HTuple();
        HTuple type = new HTuple();
        HTuple width = new HTuple();
        HTuple height = new HTuple();
        HOperatorSet.GetImagePointer1(bytes(2, 1, 2, 9, 8, 7, 6), pointer, type, width, height);
        assertThat(pointer).isEqualTo(new HTuple(new int[] {9, 8}));
        assertThat(type).isEqualTo(new HTuple("byte"));
        assertThat(width).isEqualTo(new HTuple(2));
        assertThat(height).isEqualTo(new HTuple(1));
        HOperatorSet.GetImagePointer1(HImage.fromPlanar(1, 1, 1, new float[] {0.25f}), pointer, type, width, height);
        assertThat(pointer).isEqualTo(new HTuple(0.25));
        HObject two = new HObject();
        HImage one = bytes(1, 1, 1, 0);
        HOperatorSet.ConcatObj(one, one, two);
        assertHalconError(() -> HOperatorSet.GetImagePointer1(two, pointer, type, width, height), 1501,
                "get_image_pointer1");
    }

    @Test
    void getImageTypeCopyImageAndReplaceObj() {
        HImage a = bytes(1, 1, 1, 1);
        HImage b = HImage.fromPlanar(1, 1, 1, new float[] {2});
        HObject both = new HObject();
        HOperatorSet.ConcatObj(a, b, both);
        HTuple types = new HTuple();
        HOperatorSet.GetImageType(both, types);
        assertThat(types).isEqualTo(new HTuple(new String[] {"byte", "real"}));
        HObject copy = new HObject();
        HOperatorSet.CopyImage(both, copy);
        HOperatorSet.GetImageType(copy, types);
        assertThat(types).isEqualTo(new HTuple(new String[] {"byte", "real"}));
        HObject replaced = new HObject();
        HOperatorSet.ReplaceObj(both, a, replaced, new HTuple(2));
        HOperatorSet.GetImageType(replaced, types);
        assertThat(types).isEqualTo(new HTuple(new String[] {"byte", "byte"}));
        HOperatorSet.GetImageType(both, types); // the input is untouched
        assertThat(types).isEqualTo(new HTuple(new String[] {"byte", "real"}));
        assertHalconError(() -> HOperatorSet.ReplaceObj(both, a, replaced, new HTuple(3)), 1301, "replace_obj");
        assertHalconError(() -> HOperatorSet.ReplaceObj(both, a, replaced, new HTuple(new int[] {1, 2})), 1401, "replace_obj");
        assertHalconError(() -> HOperatorSet.ReplaceObj(both, a, replaced, new HTuple(1.0)), 1201, "replace_obj");
    }
}
