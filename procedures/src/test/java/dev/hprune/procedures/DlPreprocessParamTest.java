package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** create_dl_preprocess_param(_from_model) and check_dl_preprocess_param: keys, defaults, legacy values, errors. */
class DlPreprocessParamTest {
    private static final HTuple NONE = new HTuple();

    private static HDict create(Object type, Object width, Object height, Object channels, HTuple min, HTuple max,
            Object normalization, Object domain, HTuple genParam) {
        HTuple params = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(HTuple.of(type), HTuple.of(width), HTuple.of(height),
                HTuple.of(channels), min, max, HTuple.of(normalization), HTuple.of(domain), NONE, NONE, NONE, genParam,
                params);
        return new HDict(params.getH(0));
    }

    private static String[] keys(HDict dict) {
        return dict.GetDictParam("keys", new HTuple()).toSArr();
    }

    @Test
    void classificationHasTheEightRequiredKeysAndHalconsDefaultRange() {
        HDict params = create("classification", 28, 32, 1, NONE, NONE, "none", "full_domain", NONE);
        assertThat(keys(params)).containsExactlyInAnyOrder("model_type", "image_width", "image_height",
                "image_num_channels", "image_range_min", "image_range_max", "normalization_type", "domain_handling");
        assertThat(params.GetDictTuple("image_width")).isEqualTo(new HTuple(28));
        assertThat(params.GetDictTuple("image_height")).isEqualTo(new HTuple(32));
        assertThat(params.GetDictTuple("image_range_min")).isEqualTo(new HTuple(-127));
        assertThat(params.GetDictTuple("image_range_max")).isEqualTo(new HTuple(128));
        HDict legacy = create("classification", 28, 28, 3, new HTuple(0.0), new HTuple(1.0), "true", "crop_domain",
                NONE);
        assertThat(legacy.GetDictTuple("normalization_type")).isEqualTo(new HTuple("first_channel"));
        assertThat(legacy.GetDictTuple("image_range_max")).isEqualTo(new HTuple(1.0));
        assertThat(create("classification", 8, 8, 3, NONE, NONE, "false", "full_domain", NONE)
                .GetDictTuple("normalization_type")).isEqualTo(new HTuple("none"));
    }

    @Test
    void genParamEntriesAreCopiedAndSegmentationAndDetectionGetTheirKeys() {
        HDict genParam = new HDict();
        genParam.SetDictTuple("augmentation", new HTuple("true"));
        genParam.SetDictTuple("mean_values_normalization", new HTuple(new double[] {1, 2, 3}));
        genParam.SetDictTuple("deviation_values_normalization", new HTuple(new double[] {4, 5, 6}));
        HDict params = create("classification", 8, 8, 3, NONE, NONE, "constant_values", "full_domain",
                new HTuple(genParam));
        assertThat(params.GetDictTuple("augmentation")).isEqualTo(new HTuple("true"));
        assertThat(params.GetDictTuple("deviation_values_normalization")).isEqualTo(new HTuple(new double[] {4, 5, 6}));

        HTuple segmentation = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(new HTuple("segmentation"), new HTuple(8), new HTuple(8),
                new HTuple(3), NONE, NONE, new HTuple("all_channels"), new HTuple("full_domain"), new HTuple(255),
                new HTuple("true"), new HTuple(0), NONE, segmentation);
        HDict s = new HDict(segmentation.getH(0));
        assertThat(s.GetDictTuple("ignore_class_ids")).isEqualTo(new HTuple(255));
        assertThat(s.GetDictTuple("set_background_id")).isEqualTo(new HTuple("true"));
        assertThat(s.GetDictTuple("class_ids_background")).isEqualTo(new HTuple(0));
        HTuple classification = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(new HTuple("classification"), new HTuple(8), new HTuple(8),
                new HTuple(3), NONE, NONE, new HTuple("all_channels"), new HTuple("full_domain"), new HTuple(255),
                new HTuple("true"), new HTuple(0), NONE, classification);
        assertThat(keys(new HDict(classification.getH(0)))).doesNotContain("ignore_class_ids", "set_background_id");

        assertThat(create("detection", 8, 8, 3, NONE, NONE, "none", "full_domain", NONE).GetDictTuple("instance_type"))
                .isEqualTo(new HTuple("rectangle1"));
        HDict rectangle2 = new HDict();
        rectangle2.SetDictTuple("instance_type", new HTuple("rectangle2"));
        assertThat(create("detection", 8, 8, 3, NONE, NONE, "none", "full_domain", new HTuple(rectangle2))
                .GetDictTuple("ignore_direction")).isEqualTo(new HTuple(0));
        HDict instances = new HDict();
        instances.SetDictTuple("instance_segmentation", new HTuple("true"));
        assertThat(create("detection", 8, 8, 3, NONE, NONE, "none", "full_domain", new HTuple(instances))
                .GetDictTuple("instance_type")).isEqualTo(new HTuple("mask"));
    }

    static Stream<Arguments> createErrors() {
        return Stream.of(
                Arguments.of("ocr_recognition", 8, 8, 3, NONE, NONE, "none", "full_domain", 1301),
                Arguments.of("classification", 0, 8, 3, NONE, NONE, "none", "full_domain", 1302),
                Arguments.of("classification", 8, 2.5, 3, NONE, NONE, "none", "full_domain", 1303),
                Arguments.of("classification", 8, 8, "3", NONE, NONE, "none", "full_domain", 1304),
                Arguments.of("classification", 8, 8, 3, new HTuple("low"), NONE, "none", "full_domain", 1305),
                Arguments.of("classification", 8, 8, 3, new HTuple(200), NONE, "none", "full_domain", 1306),
                Arguments.of("classification", 8, 8, 3, NONE, HTuple.of(1.0, 2.0), "none", "full_domain", 1306),
                Arguments.of("classification", 8, 8, 3, NONE, NONE, "standard", "full_domain", 1307),
                Arguments.of("classification", 8, 8, 3, NONE, NONE, "none", "keep_domain", 1308),
                Arguments.of("anomaly_detection", 8, 8, 3, NONE, NONE, "none", "fill_domain", 1308));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} {7} -> {8}")
    @MethodSource("createErrors")
    void createRejects(Object type, Object width, Object height, Object channels, HTuple min, HTuple max,
            Object normalization, Object domain, int code) {
        assertProcedureError(() -> create(type, width, height, channels, min, max, normalization, domain, NONE), code,
                "create_dl_preprocess_param");
    }

    @Test
    void createRejectsBadGenParam() {
        HDict unknown = new HDict();
        unknown.SetDictTuple("zoom", new HTuple("bilinear"));
        assertProcedureError(() -> create("classification", 8, 8, 3, NONE, NONE, "none", "full_domain",
                new HTuple(unknown)), 1312, "create_dl_preprocess_param");
        HDict zeroDeviation = new HDict();
        zeroDeviation.SetDictTuple("deviation_values_normalization", new HTuple(new double[] {1, 0, 1}));
        assertProcedureError(() -> create("classification", 8, 8, 3, NONE, NONE, "constant_values", "full_domain",
                new HTuple(zeroDeviation)), 1312, "create_dl_preprocess_param");
        HDict lengths = new HDict();
        lengths.SetDictTuple("mean_values_normalization", new HTuple(new double[] {1, 2}));
        lengths.SetDictTuple("deviation_values_normalization", new HTuple(new double[] {1, 2, 3}));
        assertProcedureError(() -> create("classification", 8, 8, 3, NONE, NONE, "constant_values", "full_domain",
                new HTuple(lengths)), 1312, "create_dl_preprocess_param");
        HDict augmentation = new HDict();
        augmentation.SetDictTuple("augmentation", new HTuple(1));
        assertProcedureError(() -> create("classification", 8, 8, 3, NONE, NONE, "none", "full_domain",
                new HTuple(augmentation)), 1312, "create_dl_preprocess_param");
        assertProcedureError(() -> create("classification", 8, 8, 3, NONE, NONE, "none", "full_domain",
                new HTuple("augmentation")), 1212, "create_dl_preprocess_param");
    }

    @Test
    void checkRejectsMissingAndUnknownKeysAndUpdatesLegacyOnes() {
        HDict params = create("classification", 8, 8, 3, NONE, NONE, "none", "full_domain", NONE);
        params.RemoveDictKey("domain_handling");
        assertProcedureError(() -> DlPreprocessing.check_dl_preprocess_param(new HTuple(params)), 1301,
                "check_dl_preprocess_param");
        params.SetDictTuple("domain_handling", new HTuple("full_domain"));
        params.SetDictTuple("contrast_normalization", new HTuple("true"));
        DlPreprocessing.check_dl_preprocess_param(new HTuple(params));
        assertThat(keys(params)).doesNotContain("contrast_normalization");
        assertThat(params.GetDictTuple("normalization_type")).isEqualTo(new HTuple("first_channel"));
        params.SetDictTuple("image_zoom", new HTuple(2));
        assertProcedureError(() -> DlPreprocessing.check_dl_preprocess_param(new HTuple(params)), 1301,
                "check_dl_preprocess_param");
        // 'check_params' 0 skips every check, as preprocess_dl_dataset relies on
        params.SetDictTuple("check_params", new HTuple(0));
        DlPreprocessing.check_dl_preprocess_param(new HTuple(params));
        params.SetDictTuple("check_params", new HTuple(1));
        assertProcedureError(() -> DlPreprocessing.check_dl_preprocess_param(new HTuple(params)), 1301,
                "check_dl_preprocess_param");
        assertProcedureError(() -> DlPreprocessing.check_dl_preprocess_param(NONE), 1401,
                "check_dl_preprocess_param");
    }

    @Test
    void fromModelReadsTheModelsInputParameters() throws URISyntaxException {
        Path onnx = Path.of(getClass().getResource("small-cnn.onnx").toURI());
        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(onnx.toString()), model);
        HOperatorSet.SetDlModelParam(model, new HTuple("image_range_min"), new HTuple(0.0));
        HOperatorSet.SetDlModelParam(model, new HTuple("image_range_max"), new HTuple(1.0));
        HTuple params = new HTuple();
        DlPreprocessing.create_dl_preprocess_param_from_model(model, new HTuple("none"), new HTuple("full_domain"),
                NONE, NONE, NONE, params);
        HDict p = new HDict(params.getH(0));
        for (String key : new String[] {"image_width", "image_height", "image_num_channels", "image_range_min",
            "image_range_max"}) {
            HTuple expected = new HTuple();
            HOperatorSet.GetDlModelParam(model, new HTuple(key), expected);
            assertThat(p.GetDictTuple(key)).as(key).isEqualTo(expected);
        }
        assertThat(p.GetDictTuple("model_type")).isEqualTo(new HTuple("classification"));
        assertThat(p.GetDictTuple("image_range_max")).isEqualTo(new HTuple(1.0));
        assertProcedureError(() -> DlPreprocessing.create_dl_preprocess_param_from_model(model, new HTuple("none"),
                new HTuple("whole"), NONE, NONE, NONE, new HTuple()), 1303, "create_dl_preprocess_param_from_model");
        HDict unknown = new HDict();
        unknown.SetDictTuple("zoom", new HTuple(1));
        assertProcedureError(() -> DlPreprocessing.create_dl_preprocess_param_from_model(model, new HTuple("none"),
                new HTuple("full_domain"), NONE, NONE, new HTuple(unknown), new HTuple()), 1306,
                "create_dl_preprocess_param_from_model");
    }
}
