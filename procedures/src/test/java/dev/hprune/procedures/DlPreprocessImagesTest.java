package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import org.junit.jupiter.api.Test;

/**
 * preprocess_dl_model_images, preprocess_dl_samples and gen_dl_samples_from_images against the documented formulas,
 * computed here by hand from the pixel values (no operator in the expected side).
 */
class DlPreprocessImagesTest {
    private static final HTuple NONE = new HTuple();
    private static final int W = 6;
    private static final int H = 4;

    /** A byte image W x H with {@code channels} channels; value of channel c at pixel p: (p * 11 + c * 40 + 3) % 256. */
    private static HImage byteImage(int channels) {
        return HImage.fromPlanar("byte", W, H, channels, pixels(channels));
    }

    private static float[] pixels(int channels) {
        float[] planar = new float[W * H * channels];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < W * H; p++) {
                planar[c * W * H + p] = (p * 11 + c * 40 + 3) % 256;
            }
        }
        return planar;
    }

    private static HTuple params(int width, int height, int channels, String normalization, HTuple genParam) {
        HTuple params = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(new HTuple("classification"), new HTuple(width), new HTuple(height),
                new HTuple(channels), NONE, NONE, new HTuple(normalization), new HTuple("full_domain"), NONE, NONE,
                NONE, genParam, params);
        return params;
    }

    private static HImage preprocess(HObject image, HTuple params) {
        HObject out = new HObject();
        DlPreprocessing.preprocess_dl_model_images(image, out, params);
        return new HImage(out);
    }

    @Test
    void noneMapsByteValuesOntoTheRange() {
        HImage result = preprocess(byteImage(3), params(W, H, 3, "none", NONE));
        assertThat(result.getImageType()).isEqualTo("real");
        float[] expected = pixels(3);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] - 127; // g * 255/255 - 127
        }
        assertThat(result.toPlanar()).containsExactly(expected);
        // a 'real' image is not scaled
        HImage real = HImage.fromPlanar(W, H, 1, pixels(1));
        assertThat(preprocess(real, params(W, H, 1, "none", NONE)).toPlanar()).containsExactly(pixels(1));
    }

    @Test
    void allChannelsMapsEachChannelsExtremes() {
        float[] source = pixels(3);
        float[] actual = preprocess(byteImage(3), params(W, H, 3, "all_channels", NONE)).toPlanar();
        for (int c = 0; c < 3; c++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int p = 0; p < W * H; p++) {
                min = Math.min(min, source[c * W * H + p]);
                max = Math.max(max, source[c * W * H + p]);
            }
            for (int p = 0; p < W * H; p++) {
                double expected = -127 + (source[c * W * H + p] - min) * 255 / (max - min);
                assertThat((double) actual[c * W * H + p]).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void firstChannelAppliesTheFirstChannelsMappingToAll() {
        float[] source = pixels(3);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int p = 0; p < W * H; p++) {
            min = Math.min(min, source[p]);
            max = Math.max(max, source[p]);
        }
        HTuple params = params(W, H, 3, "first_channel", NONE);
        HDict p = new HDict(params.getH(0));
        p.SetDictTuple("image_range_min", new HTuple(0.0));
        p.SetDictTuple("image_range_max", new HTuple(1.0));
        float[] actual = preprocess(byteImage(3), params).toPlanar();
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).isCloseTo((source[i] - min) / (max - min), within(1e-6));
        }
    }

    @Test
    void aConstantChannelIsShiftedNotDivided() {
        HObject constant = new HObject();
        HOperatorSet.GenImageConst(constant, new HTuple("byte"), new HTuple(W), new HTuple(H));
        float[] actual = preprocess(constant, params(W, H, 1, "all_channels", NONE)).toPlanar();
        assertThat(actual).containsOnly(-127f); // scale 1, shift rmin - min
    }

    @Test
    void constantValuesStandardizesWithImageNetDefaultsAndGivenValues() {
        float[] source = pixels(3);
        float[] actual = preprocess(byteImage(3), params(W, H, 3, "constant_values", NONE)).toPlanar();
        double[] means = {123.675, 116.28, 103.53};
        double[] deviations = {58.395, 57.12, 57.375};
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < W * H; p++) {
                double expected = (source[c * W * H + p] - means[c]) / deviations[c];
                assertThat((double) actual[c * W * H + p]).isCloseTo(expected, within(1e-5));
            }
        }
        // a grey image with the defaults becomes three channels first
        float[] grey = pixels(1);
        float[] fromGrey = preprocess(byteImage(1), params(W, H, 3, "constant_values", NONE)).toPlanar();
        assertThat(fromGrey).hasSize(3 * W * H);
        for (int c = 0; c < 3; c++) {
            assertThat((double) fromGrey[c * W * H + 5]).isCloseTo((grey[5] - means[c]) / deviations[c],
                    within(1e-5));
        }
        HDict given = new HDict();
        given.SetDictTuple("mean_values_normalization", new HTuple(10.0));
        given.SetDictTuple("deviation_values_normalization", new HTuple(4));
        float[] custom = preprocess(byteImage(1), params(W, H, 1, "constant_values", new HTuple(given))).toPlanar();
        for (int p = 0; p < W * H; p++) {
            assertThat((double) custom[p]).isCloseTo((grey[p] - 10.0) / 4, within(1e-6));
        }
    }

    @Test
    void channelsAreMatchedAfterNormalization() {
        float[] grey = pixels(1);
        float[] three = preprocess(byteImage(1), params(W, H, 3, "none", NONE)).toPlanar();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < W * H; p++) {
                assertThat(three[c * W * H + p]).isEqualTo(grey[p] - 127);
            }
        }
        float[] rgb = pixels(3);
        float[] one = preprocess(byteImage(3), params(W, H, 1, "none", NONE)).toPlanar();
        assertThat(one).hasSize(W * H);
        for (int p = 0; p < W * H; p++) {
            double expected = 0.299 * (rgb[p] - 127) + 0.587 * (rgb[W * H + p] - 127) + 0.114 * (rgb[2 * W * H + p] - 127);
            assertThat((double) one[p]).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void imagesAreZoomedToTheModelSizeOneByOne() {
        HObject two = byteImage(3).concatObj(byteImage(1));
        HObject out = new HObject();
        DlPreprocessing.preprocess_dl_model_images(two, out, params(3, 2, 3, "none", NONE));
        assertThat(out.countObj()).isEqualTo(2);
        for (int i = 1; i <= 2; i++) {
            HImage image = new HImage(out.selectObj(i));
            assertThat(image.getWidth()).isEqualTo(3);
            assertThat(image.getHeight()).isEqualTo(2);
            assertThat(image.countChannels()).isEqualTo(3);
        }
        // a constant image stays constant through the zoom
        HObject constant = new HObject();
        HOperatorSet.GenImageConst(constant, new HTuple("byte"), new HTuple(W), new HTuple(H));
        assertThat(preprocess(constant, params(2, 3, 1, "none", NONE)).toPlanar()).containsOnly(-127f);
    }

    @Test
    void imageErrors() {
        String p = "preprocess_dl_model_images";
        HObject empty = new HObject();
        HOperatorSet.GenEmptyObj(empty);
        assertProcedureError(() -> preprocess(empty, params(W, H, 3, "none", NONE)), 1501, p);
        assertProcedureError(() -> preprocess(byteImage(3), params(W, H, 2, "none", NONE)), 3359, p);
        HObject twoChannels = new HObject();
        HOperatorSet.AppendChannel(byteImage(1), byteImage(1), twoChannels);
        assertProcedureError(() -> preprocess(twoChannels, params(W, H, 3, "none", NONE)), 3359, p);
        HDict twoMeans = new HDict();
        twoMeans.SetDictTuple("mean_values_normalization", new HTuple(new double[] {1, 2}));
        twoMeans.SetDictTuple("deviation_values_normalization", new HTuple(new double[] {1, 2}));
        assertProcedureError(() -> preprocess(byteImage(3), params(W, H, 3, "constant_values", new HTuple(twoMeans))),
                3359, p);
        HTuple bad = params(W, H, 3, "none", NONE);
        new HDict(bad.getH(0)).SetDictTuple("image_width", new HTuple(0));
        assertProcedureError(() -> preprocess(byteImage(3), bad), 1301, p);
    }

    @Test
    void genSamplesFromImagesHoldsOnlyTheImage() {
        HTuple batch = new HTuple();
        DlPreprocessing.gen_dl_samples_from_images(byteImage(3).concatObj(byteImage(1)), batch);
        assertThat(batch.length()).isEqualTo(2);
        HDict second = new HDict(batch.getH(1));
        assertThat(second.GetDictParam("keys", new HTuple()).toSArr()).containsExactly("image");
        assertThat(new HImage(second.GetDictObject("image")).toPlanar()).containsExactly(pixels(1));
        HObject empty = new HObject();
        HOperatorSet.GenEmptyObj(empty);
        DlPreprocessing.gen_dl_samples_from_images(empty, batch);
        assertThat(batch.length()).isZero();
    }

    @Test
    void preprocessSamplesReplacesImagesInPlaceAndLeavesTheParametersAlone() {
        HTuple batch = new HTuple();
        DlPreprocessing.gen_dl_samples_from_images(byteImage(3).concatObj(byteImage(1)), batch);
        HTuple params = params(W, H, 3, "none", NONE);
        DlPreprocessing.preprocess_dl_samples(batch, params);
        float[] expected = pixels(1);
        for (int i = 0; i < expected.length; i++) {
            expected[i] -= 127;
        }
        float[] second = new HImage(new HDict(batch.getH(1)).GetDictObject("image")).toPlanar();
        assertThat(second).hasSize(3 * W * H);
        assertThat(java.util.Arrays.copyOfRange(second, W * H, 2 * W * H)).containsExactly(expected);
        assertThat(new HDict(params.getH(0)).GetDictParam("keys", new HTuple()).toSArr())
                .doesNotContain("check_params");
    }

    @Test
    void preprocessSamplesErrors() {
        String p = "preprocess_dl_samples";
        HTuple params = params(W, H, 3, "none", NONE);
        HDict noImage = new HDict();
        noImage.SetDictTuple("image_id", new HTuple(1));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_samples(new HTuple(noImage), params), 1301, p);
        HDict boxes = new HDict();
        boxes.SetDictObject(byteImage(3), "image");
        boxes.SetDictTuple("bbox_row1", new HTuple(1.0));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_samples(new HTuple(boxes), params), 1301, p);
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_samples(new HTuple(boxes), NONE), 1402, p);
        HTuple bad = params(W, H, 3, "none", NONE);
        new HDict(bad.getH(0)).SetDictTuple("normalization_type", new HTuple("z_score"));
        HDict good = new HDict();
        good.SetDictObject(byteImage(3), "image");
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_samples(new HTuple(good), bad), 1302, p);
    }
}
