package dev.hprune.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.TestMaterial;
import dev.hprune.tests.support.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PP-OCR text-orientation classifier (a third-party ONNX model whose weights are all Constant nodes) read with
 * ReadDlModel and applied with ApplyDlModel, cross-checked against ONNX Runtime on the same inputs.
 */
class PpOcrClassifierTest {
    private static final int PLANE = 3 * TextLines.HEIGHT * TextLines.WIDTH;

    private static Path modelFile;
    private static HDlModel model;
    private static List<float[]> inputs;
    private static List<Long> labels;

    @BeforeAll
    static void readModelAndRenderInputs() {
        modelFile = TestMaterial.ppocrClassifier();
        Path font = TestMaterial.font("DejaVuSans.ttf");
        model = new HDlModel(modelFile.toString());
        model.SetDlModelParam("image_width", TextLines.WIDTH);
        model.SetDlModelParam("image_height", TextLines.HEIGHT);
        model.SetDlModelParam("batch_size", 8);
        inputs = new ArrayList<>();
        labels = new ArrayList<>();
        for (String line : TextLines.LINES) {
            for (boolean rotated : new boolean[] {false, true}) {
                inputs.add(TextLines.preprocess(TextLines.render(line, font, rotated)));
                labels.add(rotated ? 1L : 0L);
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 4; i++) {
            float[] noise = new float[PLANE];
            for (int k = 0; k < PLANE; k++) {
                noise[k] = random.nextFloat() * 2 - 1;
            }
            inputs.add(noise);
        }
    }

    @AfterAll
    static void release() {
        if (model != null) {
            model.ClearDlModel();
        }
    }

    /** Class-0 and class-1 confidences per input, from ApplyDlModel. */
    private static float[][] applyDlModel(HDlModel m) {
        HDict[] samples = new HDict[inputs.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Samples.of(TextLines.WIDTH, TextLines.HEIGHT, 3, inputs.get(i), -1);
        }
        HDict[] results = m.ApplyDlModel(samples, new HTuple());
        float[][] confidences = new float[results.length][2];
        for (int i = 0; i < results.length; i++) {
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            for (int k = 0; k < ids.length(); k++) {
                confidences[i][(int) ids.getL(k)] = (float) values.getD(k);
            }
        }
        return confidences;
    }

    private static float[][] onnxRuntime(Path file) throws OrtException {
        return OnnxRuntimeRunner.run(file, inputs, 3, TextLines.HEIGHT, TextLines.WIDTH);
    }

    @Test
    void applyDlModelMatchesOnnxRuntimeWithin1e4() throws OrtException {
        float[][] ours = applyDlModel(model);
        float[][] reference = onnxRuntime(modelFile);
        assertThat(ours).hasNumberOfRows(24);
        for (int i = 0; i < ours.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertThat(ours[i][c]).as("input %d class %d", i, c).isCloseTo(reference[i][c], within(1e-4f));
            }
        }
    }

    @Test
    void classifiesAtLeast18Of20RenderedLinesCorrectly() {
        float[][] ours = applyDlModel(model);
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            long predicted = ours[i][1] > ours[i][0] ? 1 : 0;
            correct += predicted == labels.get(i) ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(18);
    }

    @Test
    void writtenModelRunsInOnnxRuntimeWithTheSameResults(@TempDir Path dir) throws OrtException {
        Path written = dir.resolve("ppocr-cls.onnx");
        model.WriteDlModel(written.toString());
        float[][] reference = onnxRuntime(modelFile);
        float[][] fromWritten = onnxRuntime(written);
        for (int i = 0; i < reference.length; i++) {
            assertThat(fromWritten[i]).containsExactly(reference[i], within(1e-5f));
        }
        HDlModel reread = new HDlModel(written.toString());
        assertThat(reread.GetDlModelParam("image_dimensions")).isEqualTo(new HTuple(new long[] {192, 48, 3}));
        assertThat(reread.GetDlModelParam("batch_size")).isEqualTo(new HTuple(8));
        reread.ClearDlModel();
    }
}
