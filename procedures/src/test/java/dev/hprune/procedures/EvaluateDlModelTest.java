package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate_dl_model on the small CNN: against apply_dl_model called by hand, the three selections, and errors. */
class EvaluateDlModelTest {
    @TempDir
    Path dir;

    private HTuple dataset;
    private HTuple model;
    private HTuple testIndices;

    @BeforeEach
    void setUp() {
        dataset = TinyDataset.write(dir, TinyDataset.splits(30), 11);
        model = TinyDataset.model(4, 0.05);
        // some training so that the predictions are not all one class
        HTuple param = new HTuple();
        DlTraining.create_dl_train_param(model, new HTuple(2), new HTuple(0), new HTuple("false"), new HTuple(1),
                new HTuple(), new HTuple(), param);
        DlTraining.train_dl_model(dataset, model, param, new HTuple(0), new HTuple(), new HTuple(), new HTuple());
        testIndices = new HTuple();
        DlDataset.find_dl_samples(new HDict(dataset.getH()).GetDictTuple("samples"), new HTuple("split"),
                new HTuple("test"), new HTuple("match"), testIndices);
    }

    private HDict evaluate(String method, HTuple values, HTuple genParam) {
        HTuple result = new HTuple();
        HTuple used = new HTuple();
        DlEvaluation.evaluate_dl_model(dataset, model, new HTuple(method), values, genParam, result, used);
        return new HDict(result.getH());
    }

    private static HDict sub(HDict dict, String key) {
        return new HDict(dict.GetDictTuple(key).getH());
    }

    /** Top-1 error and confusion counts as apply_dl_model on all test samples at once says, sample by sample. */
    @Test
    void measuresAgreeWithApplyDlModelByHand() {
        HDict genParam = new HDict();
        genParam.SetDictTuple("measures", new HTuple("all"));
        HDict result = evaluate("split", new HTuple("test"), new HTuple(genParam));

        HTuple batch = new HTuple();
        DlDataset.read_dl_samples(dataset, testIndices, batch);
        HOperatorSet.SetDlModelParam(model, new HTuple("batch_size"), new HTuple(testIndices.length()));
        HTuple results = new HTuple();
        HOperatorSet.ApplyDlModel(model, batch, new HTuple(), results);
        int wrong = 0;
        double[] counts = new double[9];
        for (int i = 0; i < batch.length(); i++) {
            long label = new HDict(batch.getH(i)).GetDictTuple("image_label_id").getL();
            long predicted = new HDict(results.getH(i)).GetDictTuple("classification_class_ids").getL(0);
            wrong += label == predicted ? 0 : 1;
            counts[(int) (predicted * 3 + label)]++;
        }
        assertThat(sub(result, "global").GetDictTuple("top1_error").getD())
                .isEqualTo(1.0 - (batch.length() - wrong) / (double) batch.length());
        assertThat(sub(result, "absolute_confusion_matrix").GetDictTuple("values").toDArr()).containsExactly(counts);
        assertThat(sub(result, "evaluated_samples").GetDictTuple("image_ids").length()).isEqualTo(6);
    }

    @Test
    void theThreeSelectionsPickTheSameSamples() {
        HTuple imageIds = new HTuple();
        HTuple samples = new HDict(dataset.getH()).GetDictTuple("samples");
        for (int i = 0; i < testIndices.length(); i++) {
            imageIds.append(new HDict(samples.getH(testIndices.getI(i))).GetDictTuple("image_id"));
        }
        HDict bySplit = sub(evaluate("split", new HTuple("test"), new HTuple()), "evaluated_samples");
        HDict byIds = sub(evaluate("image_ids", imageIds, new HTuple()), "evaluated_samples");
        HDict byIndices = sub(evaluate("sample_indices", testIndices, new HTuple()), "evaluated_samples");
        assertThat(bySplit.GetDictTuple("image_ids")).isEqualTo(imageIds);
        assertThat(byIds.GetDictTuple("image_ids")).isEqualTo(imageIds);
        assertThat(byIndices.GetDictTuple("top1_predictions")).isEqualTo(bySplit.GetDictTuple("top1_predictions"));
        HDict twoSplits = sub(evaluate("split", HTuple.of("test", "validation"), new HTuple()), "evaluated_samples");
        assertThat(twoSplits.GetDictTuple("image_ids").length()).isEqualTo(12);
    }

    @Test
    void evalParamsOutputHoldsTheDefaultsTheGenParamAndTheClassNames() {
        HDict genParam = new HDict();
        genParam.SetDictTuple("measures", HTuple.of("top1_error", "top2_error"));
        genParam.SetDictTuple("class_names_to_evaluate", HTuple.of("global", "bottom"));
        HTuple result = new HTuple();
        HTuple used = new HTuple();
        DlEvaluation.evaluate_dl_model(dataset, model, new HTuple("split"), new HTuple("test"), new HTuple(genParam),
                result, used);
        HDict p = new HDict(used.getH());
        assertThat(p.GetDictTuple("class_names")).isEqualTo(new HTuple(new String[] {"top", "middle", "bottom"}));
        assertThat(p.GetDictTuple("class_ids_to_evaluate")).isEqualTo(HTuple.of("global", 2L));
        assertThat(p.GetDictTuple("measures")).isEqualTo(HTuple.of("top1_error", "top2_error"));
        HDict r = new HDict(result.getH());
        assertThat(sub(r, "class_id_2").GetDictParam("keys", new HTuple()).toSArr())
                .containsExactlyInAnyOrder("top1_error", "top2_error");
        assertThat(sub(r, "global").GetDictTuple("top2_error").getD())
                .isLessThanOrEqualTo(sub(r, "global").GetDictTuple("top1_error").getD());
    }

    @Test
    void badInputRaisesHalconNumbers() {
        String p = "evaluate_dl_model";
        assertProcedureError(() -> evaluate("by_magic", new HTuple("test"), new HTuple()), 1303, p);
        assertProcedureError(() -> evaluate("split", new HTuple("nowhere"), new HTuple()), 1304, p);
        assertProcedureError(() -> evaluate("sample_indices", new HTuple(999L), new HTuple()), 1304, p);
        assertProcedureError(() -> evaluate("split", new HTuple("test"), new HTuple("measures")), 1205, p);
        HDict unknownKey = new HDict();
        unknownKey.SetDictTuple("colour", new HTuple("red"));
        assertProcedureError(() -> evaluate("split", new HTuple("test"), new HTuple(unknownKey)), 1305, p);
        HDict unknownMeasure = new HDict();
        unknownMeasure.SetDictTuple("measures", new HTuple("top0_error"));
        assertProcedureError(() -> evaluate("split", new HTuple("test"), new HTuple(unknownMeasure)), 1305, p);
        HDict unknownName = new HDict();
        unknownName.SetDictTuple("class_names_to_evaluate", new HTuple("left"));
        assertProcedureError(() -> evaluate("split", new HTuple("test"), new HTuple(unknownName)), 1305, p);
        HDict noSamples = new HDict();
        noSamples.SetDictTuple("class_ids", new HTuple(new long[] {0, 1, 2}));
        assertProcedureError(() -> DlEvaluation.evaluate_dl_model(new HTuple(noSamples), model, new HTuple("split"),
                new HTuple("test"), new HTuple(), new HTuple(), new HTuple()), 1301, p);
    }
}
