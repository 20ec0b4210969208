package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HTuple;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification measures on a confusion case computed by hand, and create_evaluation_default_param.
 *
 * <p>Eight samples of classes 0, 1, 2 (labels 0 0 0 1 1 1 2 2, top-1 predictions 0 0 1 1 1 2 2 1). Confusion matrix,
 * rows predicted, columns truth: [[2,0,0],[1,2,1],[0,1,1]]; row sums 2 4 2, column sums 3 3 2. Precision 2/2, 2/4, 1/2;
 * recall 2/3, 2/3, 1/2; F-score 0.8, 4/7, 0.5. Top-1 error 3/8; the second choices rescue samples 2 and 7 but not 5, so
 * top-2 error 1/8. Class 1 alone: top-1 error 1/3.
 */
class EvaluationMeasuresTest {
    private static final long[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2};
    private static final long[][] RANKED = {
        {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {1, 2, 0}};

    private static HDict evaluate(HTuple measures, HTuple classesToEvaluate) {
        HTuple params = new HTuple();
        DlEvaluation.create_evaluation_default_param(new HTuple("classification"), new HTuple(new long[] {0, 1, 2}),
                params);
        HDict p = new HDict(params.getH());
        p.SetDictTuple("measures", measures);
        p.SetDictTuple("class_ids_to_evaluate", classesToEvaluate);
        long[] ids = {100, 101, 102, 103, 104, 105, 106, 107};
        return new HDict(DlEvaluation.measures("evaluate_dl_model", params,
                new DlEvaluation.Collected(ids, LABELS, RANKED)).getH());
    }

    private static HDict sub(HDict dict, String key) {
        return new HDict(dict.GetDictTuple(key).getH());
    }

    @Test
    void globalMeasuresMatchTheHandComputedCase() {
        HDict result = evaluate(HTuple.of("all", "top2_error"), new HTuple("global"));
        HDict global = sub(result, "global");
        assertThat(global.GetDictTuple("top1_error").getD()).isCloseTo(3 / 8.0, within(1e-15));
        assertThat(global.GetDictTuple("top2_error").getD()).isCloseTo(1 / 8.0, within(1e-15));
        assertThat(global.GetDictTuple("precision_per_class").toDArr()).containsExactly(1.0, 0.5, 0.5);
        assertThat(global.GetDictTuple("recall_per_class").toDArr())
                .containsExactly(new double[] {2 / 3.0, 2 / 3.0, 0.5}, within(1e-15));
        assertThat(global.GetDictTuple("f_score_per_class").toDArr())
                .containsExactly(new double[] {0.8, 4 / 7.0, 0.5}, within(1e-15));
        assertThat(global.GetDictTuple("mean_precision").getD()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(global.GetDictTuple("mean_recall").getD()).isCloseTo(11 / 18.0, within(1e-15));
        assertThat(global.GetDictTuple("mean_f_score").getD()).isCloseTo((0.8 + 4 / 7.0 + 0.5) / 3, within(1e-15));
    }

    @Test
    void confusionMatricesAreRowsPredictedColumnsTruth() {
        HDict result = evaluate(new HTuple("all"), new HTuple("global"));
        HDict absolute = sub(result, "absolute_confusion_matrix");
        assertThat(absolute.GetDictTuple("num_rows").getL()).isEqualTo(3);
        assertThat(absolute.GetDictTuple("num_columns").getL()).isEqualTo(3);
        assertThat(absolute.GetDictTuple("class_ids").toLArr()).containsExactly(0, 1, 2);
        assertThat(absolute.GetDictTuple("values").toDArr()).containsExactly(2, 0, 0, 1, 2, 1, 0, 1, 1);
        HDict relative = sub(result, "relative_confusion_matrix");
        assertThat(relative.GetDictTuple("values").toDArr()).containsExactly(
                new double[] {2 / 3.0, 0, 0, 1 / 3.0, 2 / 3.0, 0.5, 0, 1 / 3.0, 0.5}, within(1e-15));
    }

    @Test
    void evaluatedSamplesListIdsLabelsAndTopOnePredictions() {
        HDict result = evaluate(new HTuple("top1_error"), new HTuple("global"));
        HDict samples = sub(result, "evaluated_samples");
        assertThat(samples.GetDictTuple("image_ids").toLArr()).containsExactly(100, 101, 102, 103, 104, 105, 106, 107);
        assertThat(samples.GetDictTuple("image_label_ids").toLArr()).containsExactly(LABELS);
        assertThat(samples.GetDictTuple("top1_predictions").toLArr()).containsExactly(0, 0, 1, 1, 1, 2, 2, 1);
        assertThat(result.GetDictParam("keys", new HTuple()).toSArr())
                .containsExactlyInAnyOrder("evaluated_samples", "global");
    }

    @Test
    void aSingleClassGetsPlainPrecisionRecallAndFScore() {
        HDict result = evaluate(HTuple.of("top1_error", "precision", "recall", "f_score"), HTuple.of("global", 1L));
        HDict one = sub(result, "class_id_1");
        assertThat(one.GetDictTuple("top1_error").getD()).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(one.GetDictTuple("precision").getD()).isEqualTo(0.5);
        assertThat(one.GetDictTuple("recall").getD()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(one.GetDictTuple("f_score").getD()).isCloseTo(4 / 7.0, within(1e-15));
        assertThat(one.GetDictParam("keys", new HTuple()).toSArr())
                .containsExactlyInAnyOrder("top1_error", "precision", "recall", "f_score");
        assertThat(sub(result, "global").GetDictParam("key_exists", new HTuple("mean_precision")).getL()).isEqualTo(1);
    }

    @Test
    void confusionMeasuresNeedEveryModelClassAmongTheLabels() {
        HTuple params = new HTuple();
        DlEvaluation.create_evaluation_default_param(new HTuple("classification"), new HTuple(new long[] {0, 1, 2, 3}),
                params);
        new HDict(params.getH()).SetDictTuple("measures", new HTuple("precision"));
        DlEvaluation.Collected collected = new DlEvaluation.Collected(new long[8], LABELS, RANKED);
        assertProcedureError(() -> DlEvaluation.measures("evaluate_dl_model", params, collected), 1301,
                "evaluate_dl_model");
        // top-K errors need no confusion matrix, so the missing class does not matter to them
        new HDict(params.getH()).SetDictTuple("measures", new HTuple("top1_error"));
        HDict result = new HDict(DlEvaluation.measures("evaluate_dl_model", params, collected).getH());
        assertThat(sub(result, "global").GetDictTuple("top1_error").getD()).isEqualTo(3 / 8.0);
        // a class to evaluate that no sample has
        new HDict(params.getH()).SetDictTuple("class_ids_to_evaluate", new HTuple(3L));
        assertProcedureError(() -> DlEvaluation.measures("evaluate_dl_model", params, collected), 1301,
                "evaluate_dl_model");
    }

    @Test
    void defaultParamHasHalconsKeys() {
        HTuple params = new HTuple();
        DlEvaluation.create_evaluation_default_param(new HTuple("classification"), new HTuple(new long[] {4, 7}),
                params);
        HDict p = new HDict(params.getH());
        assertThat(p.GetDictParam("keys", new HTuple()).toSArr()).containsExactlyInAnyOrder("evaluation_type",
                "class_ids", "num_classes", "class_ids_to_evaluate", "evaluate_instances", "measures");
        assertThat(p.GetDictTuple("evaluation_type")).isEqualTo(new HTuple("classification"));
        assertThat(p.GetDictTuple("class_ids")).isEqualTo(new HTuple(new long[] {4, 7}));
        assertThat(p.GetDictTuple("num_classes")).isEqualTo(new HTuple(2L));
        assertThat(p.GetDictTuple("class_ids_to_evaluate")).isEqualTo(new HTuple("global"));
        assertThat(p.GetDictTuple("evaluate_instances")).isEqualTo(new HTuple(0L));
        assertThat(p.GetDictTuple("measures")).isEqualTo(new HTuple("top1_error"));
    }

    static Stream<Arguments> defaultParamErrors() {
        return Stream.of(
                Arguments.of(new HTuple("ocr"), new HTuple(new long[] {0}), 1301),
                Arguments.of(new HTuple("detection"), new HTuple(new long[] {0}), 1301),
                Arguments.of(HTuple.of("classification", "classification"), new HTuple(new long[] {0}), 1401),
                Arguments.of(new HTuple(3L), new HTuple(new long[] {0}), 1201),
                Arguments.of(new HTuple("classification"), new HTuple(), 1402),
                Arguments.of(new HTuple("classification"), new HTuple(new double[] {0.5}), 1202));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("defaultParamErrors")
    void defaultParamErrorsByNumber(HTuple type, HTuple ids, int code) {
        assertProcedureError(() -> DlEvaluation.create_evaluation_default_param(type, ids, new HTuple()), code,
                "create_evaluation_default_param");
    }
}
