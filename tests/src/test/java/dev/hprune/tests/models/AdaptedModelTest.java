package dev.hprune.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.testing.TestGraphs;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A classifier given another class count (and image size) through SetDlModelParam, then run for real: it trains in
 * TensorFlow, prunes, and every graph it writes runs in ONNX Runtime with the confidences hprune computes.
 */
class AdaptedModelTest {
    private static final int CLASSES = 4;
    private static final int BATCH = 4;

    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of("dense head", (Supplier<Graph>) TestGraphs::plainChain),
                Arguments.of("residual body", (Supplier<Graph>) TestGraphs::residual),
                Arguments.of("squeeze-excitation body", (Supplier<Graph>) TestGraphs::squeezeExcitation),
                Arguments.of("conv head", (Supplier<Graph>) TestGraphs::convHead),
                Arguments.of("MatMul + Add head", (Supplier<Graph>) TestGraphs::matMulAddHead));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void anAdaptedModelTrainsPrunesAndRunsInOnnxRuntime(String label, Supplier<Graph> architecture,
            @TempDir Path dir) throws OrtException {
        Path original = dir.resolve("original.onnx");
        OnnxWriter.write(architecture.get(), original);
        HDlModel model = new HDlModel(original.toString());
        model.SetDlModelParam("class_names", new HTuple(new String[] {"ok", "scratch", "dent", "stain"}));
        model.SetDlModelParam("batch_size", BATCH);
        model.SetDlModelParam("learning_rate", 0.01);
        assertThat(model.GetDlModelParam("class_ids").length()).isEqualTo(CLASSES);

        Random random = new Random(3);
        HDict[] train = Samples.random(BATCH, 3, 8, 8, CLASSES, random);
        double first = model.TrainDlModelBatch(train).GetDictTuple("total_loss").getD();
        double last = first;
        for (int step = 0; step < 20; step++) {
            last = model.TrainDlModelBatch(train).GetDictTuple("total_loss").getD();
        }
        assertThat(last).as("loss after 20 steps on one batch").isLessThan(first);

        List<float[]> images = images(6, 8, 8, random);
        Path adapted = dir.resolve("adapted.onnx");
        model.WriteDlModel(adapted.toString());
        assertAgrees(model, adapted, images, 8, 8);

        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        model.AddDlPruningBatch(pruning, train);
        pruning.SetDlPruningParam("percentage", 30);
        HDlModel pruned = model.GenDlPrunedModel(pruning);
        assertThat(pruning.GetDlPruningParam("pruned_kernel_num").getL()).isPositive();
        pruned.SetDlModelParam("batch_size", BATCH);
        pruned.TrainDlModelBatch(train);
        Path prunedFile = dir.resolve("pruned.onnx");
        pruned.WriteDlModel(prunedFile.toString());
        assertAgrees(pruned, prunedFile, images, 8, 8);
        pruning.close();
        pruned.ClearDlModel();
        model.ClearDlModel();
    }

    /** plainChain ends in global pooling: at 12x20 hprune and ONNX Runtime on the written graph agree. */
    @Test
    void aGlobalPoolingModelAtAnotherImageSizeAgreesWithOnnxRuntime(@TempDir Path dir) throws OrtException {
        Path original = dir.resolve("original.onnx");
        OnnxWriter.write(TestGraphs.plainChain(), original);
        HDlModel model = new HDlModel(original.toString());
        model.SetDlModelParam("image_dimensions", new HTuple(new long[] {20, 12, 3}));
        model.SetDlModelParam("class_ids", new HTuple(new long[] {3, 5, 7}));
        Path resized = dir.resolve("resized.onnx");
        model.WriteDlModel(resized.toString());
        assertAgrees(model, resized, images(5, 12, 20, new Random(4)), 12, 20);
        model.ClearDlModel();
    }

    /** The refusals as the API raises them: HALCON's 7914 for a fixed flatten size and for a head it cannot find. */
    @Test
    void refusalsCarryHalconNumbers(@TempDir Path dir) {
        Path flatten = dir.resolve("flatten.onnx");
        OnnxWriter.write(TestGraphs.flattenHead(), flatten);
        HDlModel model = new HDlModel(flatten.toString());
        HOperatorException error = org.assertj.core.api.Assertions.catchThrowableOfType(HOperatorException.class,
                () -> model.SetDlModelParam("image_width", 16));
        assertThat(error.getErrorCode()).isEqualTo(7914);
        assertThat(error.getMessage() + " " + error.getExtendedErrorMessage()).contains("fc");
        model.ClearDlModel();
    }

    private static List<float[]> images(int n, int height, int width, Random random) {
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] planar = new float[3 * height * width];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = random.nextFloat();
            }
            images.add(planar);
        }
        return images;
    }

    /** hprune's confidences per class id equal ONNX Runtime's logits through a softmax. */
    private static void assertAgrees(HDlModel model, Path file, List<float[]> images, int height, int width)
            throws OrtException {
        HDict[] samples = images.stream().map(p -> Samples.of(width, height, 3, p, -1)).toArray(HDict[]::new);
        HDict[] results = model.ApplyDlModel(samples, new HTuple());
        float[][] logits = OnnxRuntimeRunner.run(file, images, 3, height, width);
        HTuple ids = model.GetDlModelParam("class_ids");
        assertThat(logits[0]).hasSize(ids.length());
        for (int i = 0; i < results.length; i++) {
            double[] expected = softmax(logits[i]);
            HTuple resultIds = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            for (int k = 0; k < resultIds.length(); k++) {
                int index = indexOf(ids, resultIds.getL(k));
                assertThat(values.getD(k)).as("sample %d class %d", i, index).isCloseTo(expected[index], within(1e-5));
            }
        }
    }

    private static int indexOf(HTuple ids, long id) {
        for (int i = 0; i < ids.length(); i++) {
            if (ids.getL(i) == id) {
                return i;
            }
        }
        throw new AssertionError("class id " + id + " is not the model's");
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
