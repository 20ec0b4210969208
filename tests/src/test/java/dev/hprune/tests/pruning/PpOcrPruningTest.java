package dev.hprune.tests.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.TestMaterial;
import dev.hprune.tests.support.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pruning family on a third-party model: the PP-OCR orientation classifier scored on rendered text lines,
 * pruned at 10, 30 and 50 %, each pruned model written as ONNX, run in ONNX Runtime and compared with TensorFlow.
 */
class PpOcrPruningTest {
    private static HDlModel model;
    private static HDlPrune pruning;
    private static HDict[] samples;
    private static List<float[]> inputs;

    @BeforeAll
    static void scoreTheModelOnRenderedLines() {
        Path font = TestMaterial.font("DejaVuSans.ttf");
        model = new HDlModel(TestMaterial.ppocrClassifier().toString());
        model.SetDlModelParam("image_width", TextLines.WIDTH);
        model.SetDlModelParam("image_height", TextLines.HEIGHT);
        model.SetDlModelParam("batch_size", 10);
        inputs = new ArrayList<>();
        List<HDict> list = new ArrayList<>();
        for (String line : TextLines.LINES) {
            for (boolean rotated : new boolean[] {false, true}) {
                float[] planar = TextLines.preprocess(TextLines.render(line, font, rotated));
                inputs.add(planar);
                list.add(Samples.of(TextLines.WIDTH, TextLines.HEIGHT, 3, planar, rotated ? 1 : 0));
            }
        }
        samples = list.toArray(HDict[]::new);
        pruning = model.CreateDlPruning("oracle", new HDict());
        model.AddDlPruningBatch(pruning, java.util.Arrays.copyOfRange(samples, 0, 10));
        pruning.AddDlPruningBatch(model, java.util.Arrays.copyOfRange(samples, 10, 20));
        System.out.printf("PP-OCR cls: %d prunable convs, %d prunable kernels%n",
                pruning.GetDlPruningParam("prunable_conv_num").getL(),
                pruning.GetDlPruningParam("prunable_kernel_num").getL());
    }

    @AfterAll
    static void release() {
        if (model != null) {
            pruning.close();
            model.ClearDlModel();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 30, 50})
    void prunedModelRunsInOnnxRuntimeAndAgreesWithTensorFlow(int percentage, @TempDir Path dir) throws OrtException {
        assertThat(pruning.GetDlPruningParam("prunable_conv_num").getL()).isPositive();
        assertThat(pruning.GetDlPruningParam("prunable_conv_layer_name").length())
                .isEqualTo(pruning.GetDlPruningParam("prunable_conv_num").getI());
        long prunable = pruning.GetDlPruningParam("prunable_kernel_num").getL();

        pruning.SetDlPruningParam("percentage", percentage);
        HDlModel pruned = model.GenDlPrunedModel(pruning);
        long removed = pruning.GetDlPruningParam("pruned_kernel_num").getL();
        double actual = pruning.GetDlPruningParam("pruned_percentage").getD();
        assertThat(actual).isCloseTo(100.0 * removed / prunable, within(1e-9));
        assertThat(actual).isCloseTo(percentage, within(2.0));

        Path file = dir.resolve("pruned-" + percentage + ".onnx");
        pruned.WriteDlModel(file.toString());
        float[][] ours = confidences(pruned);
        float[][] reference = onnxRuntime(file);
        for (int i = 0; i < ours.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertThat(ours[i][c]).as("sample %d class %d", i, c).isCloseTo(reference[i][c], within(1e-4f));
            }
        }
        pruned.ClearDlModel();
    }

    private static float[][] confidences(HDlModel m) {
        HDict[] results = m.ApplyDlModel(samples, new HTuple());
        float[][] confidences = new float[results.length][2];
        for (int i = 0; i < results.length; i++) {
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            for (int k = 0; k < ids.length(); k++) {
                confidences[i][ids.getI(k)] = (float) values.getD(k);
            }
        }
        return confidences;
    }

    private static float[][] onnxRuntime(Path file) throws OrtException {
        return OnnxRuntimeRunner.run(file, inputs, 3, TextLines.HEIGHT, TextLines.WIDTH);
    }
}
