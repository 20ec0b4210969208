package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import dev.hprune.compat.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HALCON semantics of a model handle, on a scripted backend: a session that scores each image by the sum of its
 * pixels (class 0: +sum, class 1: -sum, class 2: 0) and records what it was given. The real backend is exercised by the
 * end-to-end tests in the tests module.
 */
class DlModelTest {

    /** Records the batch sizes it ran and the training steps it took. */
    static final class ScriptedBackend implements Backend {
        final List<Integer> runBatches = new ArrayList<>();
        /** Per run, each image's pixel sum, padding included. */
        final List<List<Float>> runSums = new ArrayList<>();
        final List<TrainingSpec> steps = new ArrayList<>();
        int opened;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean supportsRuntime(String runtime) {
            return runtime.equals("cpu");
        }

        @Override
        public ModelSession open(Graph graph, SessionOptions options) {
            opened++;
            return new ModelSession() {
                @Override
                public Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches) {
                    Tensor images = feeds.values().iterator().next();
                    int n = (int) images.dim(0);
                    int plane = images.size() / n;
                    runBatches.add(n);
                    float[] scores = new float[n * 3];
                    List<Float> sums = new ArrayList<>();
                    runSums.add(sums);
                    for (int i = 0; i < n; i++) {
                        float sum = 0;
                        for (int k = 0; k < plane; k++) {
                            sum += images.floatAt(i * plane + k);
                        }
                        sums.add(sum);
                        scores[i * 3] = sum;
                        scores[i * 3 + 1] = -sum;
                    }
                    return Map.of(fetches.get(0), Tensor.wrapFloats(new long[] {n, 3}, scores));
                }

                @Override
                public double trainStep(TrainingSpec spec, Tensor images, long[] labels) {
                    steps.add(spec);
                    return 0.5;
                }

                @Override
                public Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
                        List<String> activations) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Map<String, Tensor> weights() {
                    float[] trained = new float[12];
                    java.util.Arrays.fill(trained, 0.25f);
                    return Map.of("W", Tensor.ofFloats(new long[] {4, 3}, trained));
                }

                @Override
                public void close() {}
            };
        }
    }

    private final ScriptedBackend backend = new ScriptedBackend();

    /** x [N,1,2,2] -> Flatten -> Gemm(W [4,3]) -> logits [N,3], optionally followed by Softmax. */
    static Graph graph(boolean softmax, Map<String, String> metadata) {
        List<Node> nodes = new ArrayList<>(List.of(
                new Node("flatten", "Flatten", List.of("x"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "W"), List.of("logits"))));
        if (softmax) {
            nodes.add(new Node("prob", "Softmax", List.of("logits"), List.of("y")));
        }
        ValueInfo input = new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(1),
                ValueInfo.Dim.fixed(2), ValueInfo.Dim.fixed(2)));
        ValueInfo output = new ValueInfo(softmax ? "y" : "logits", DataType.FLOAT,
                List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3)));
        return new Graph("g", nodes, Map.of("W", Tensor.ofFloats(new long[] {4, 3}, new float[12])),
                List.of(input), List.of(output), 13, metadata);
    }

    private DlModel model(boolean softmax) {
        return DlModel.of(graph(softmax, Map.of()), () -> backend);
    }

    private static Dict sample(float value, Long label) {
        Dict dict = new Dict();
        dict.put("image", new DictValue.Objects(List.of(Image.constant(PixelType.REAL, 2, 2, 1, value))));
        if (label != null) {
            dict.put("image_label_id", new DictValue.Tuple(List.of(label)));
        }
        return dict;
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    @Test
    void graphWithOneNByClassesOutputIsAClassifierWithDefaultClasses() {
        DlModel m = model(true);
        assertThat(m.getParam("type")).containsExactly("classification");
        assertThat(m.getParam("class_ids")).containsExactly(0L, 1L, 2L);
        assertThat(m.getParam("class_names")).containsExactly("0", "1", "2");
        assertThat(m.getParam("image_dimensions")).containsExactly(2L, 2L, 1L);
        assertThat(m.getParam("batch_size")).containsExactly(1L);
        assertThat(m.getParam("runtime")).containsExactly("cpu");
    }

    @Test
    void metadataParametersOverrideDefaults() {
        DlModel m = DlModel.of(graph(true, Map.of("halcon.class_names", "[\"ok\",\"n\\\"g\",\"x\"]",
                "halcon.class_ids", "[7,8,9]", "halcon.batch_size", "4")), () -> backend);
        assertThat(m.getParam("class_names")).containsExactly("ok", "n\"g", "x");
        assertThat(m.getParam("class_ids")).containsExactly(7L, 8L, 9L);
        assertThat(m.getParam("batch_size")).containsExactly(4L);
    }

    @Test
    void writtenParametersReadBackIdentical() {
        DlModel m = model(true);
        m.setParam("class_names", List.of("a", "b,c", "ü\n"));
        m.setParam("class_ids", List.of(3L, 1L, 2L));
        m.setParam("batch_size", List.of(5L));
        m.setParam("learning_rate", List.of(0.01));
        DlModel back = DlModel.of(m.graph(), () -> backend);
        for (ModelParamTable.Row row : ModelParamTable.ROWS) {
            assertThat(back.getParam(row.name())).as(row.name()).isEqualTo(m.getParam(row.name()));
        }
    }

    @Test
    void resultsAreSortedByConfidenceWithSoftmaxAppliedToLogits() {
        List<ClassificationResult> results = model(false).apply(List.of(sample(0.5f, null)));
        ClassificationResult r = results.get(0);
        double e2 = Math.exp(2);
        double sum = e2 + Math.exp(-2) + 1;
        assertThat(r.classIds()).containsExactly(0L, 2L, 1L);
        assertThat(r.classNames()).containsExactly("0", "2", "1");
        assertThat(r.confidences().get(0)).isCloseTo(e2 / sum, within(1e-9));
        assertThat(r.confidences().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void softmaxOutputIsTakenAsConfidenceAndLogitsAreTrained() {
        DlModel m = model(true);
        assertThat(m.apply(List.of(sample(1, null))).get(0).confidences().get(0)).isEqualTo(4.0);
        m.train(List.of(sample(1, 0L)));
        assertThat(backend.steps.get(0).logits()).isEqualTo("logits");
        assertThat(backend.steps.get(0).trainable()).containsExactly("W");
    }

    @Test
    void logSoftmaxOutputGivesConfidencesAsExponentialsAndLogitsAreTrained() {
        Graph softmax = graph(true, Map.of());
        Graph logSoftmax = softmax.withNodes(softmax.nodes().stream().map(n -> n.opType().equals("Softmax")
                ? new Node(n.name(), "LogSoftmax", n.inputs(), n.outputs(), Map.of("axis", new Attribute.IntValue(-1)))
                : n).toList());
        DlModel m = DlModel.of(logSoftmax, () -> backend);
        assertThat(m.getParam("type")).containsExactly("classification");
        // The scripted backend returns the scores [s, -s, 0] for the image sum s = 2: log-probabilities taken as such.
        ClassificationResult r = m.apply(List.of(sample(0.5f, null))).get(0);
        assertThat(r.classIds()).containsExactly(0L, 2L, 1L);
        assertThat(r.confidences().get(0)).isCloseTo(Math.exp(2), within(1e-6));
        assertThat(r.confidences().get(1)).isCloseTo(1.0, within(1e-9));
        assertThat(r.confidences().get(2)).isCloseTo(Math.exp(-2), within(1e-6));
        m.train(List.of(sample(1, 0L)));
        assertThat(backend.steps.get(0).logits()).isEqualTo("logits");
    }

    @Test
    void logSoftmaxOverAnotherAxisIsNoClassifierHead() {
        Graph softmax = graph(true, Map.of());
        Graph other = softmax.withNodes(softmax.nodes().stream().map(n -> n.opType().equals("Softmax")
                ? new Node(n.name(), "LogSoftmax", n.inputs(), n.outputs(), Map.of("axis", new Attribute.IntValue(0)))
                : n).toList());
        DlModel m = DlModel.of(other, () -> backend);
        // Scores taken as logits: softmax of [2, -2, 0].
        double sum = Math.exp(2) + Math.exp(-2) + 1;
        assertThat(m.apply(List.of(sample(0.5f, null))).get(0).confidences().get(0))
                .isCloseTo(Math.exp(2) / sum, within(1e-9));
    }

    @Test
    void samplesRunInChunksOfBatchSizeAndTheLastChunkIsPadded() {
        DlModel m = model(true);
        m.setParam("batch_size", List.of(4L));
        List<Dict> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samples.add(sample(i, null));
        }
        List<ClassificationResult> results = m.apply(samples);
        assertThat(results).hasSize(6);
        assertThat(backend.runBatches).containsExactly(4, 4);
        assertThat(results.get(5).confidences().get(0)).isEqualTo(20.0);
        assertThat(backend.opened).isEqualTo(1);
        // the image array is kept between runs and calls: the padding is zeros again after full batches
        assertThat(m.apply(List.of(sample(7, null))).get(0).confidences().get(0)).isEqualTo(28.0);
        assertThat(backend.runSums).containsExactly(List.of(0f, 4f, 8f, 12f), List.of(16f, 20f, 0f, 0f),
                List.of(28f, 0f, 0f, 0f));
    }

    @Test
    void trainingNeedsExactlyBatchSizeSamplesWithValidLabels() {
        DlModel m = model(true);
        m.setParam("batch_size", List.of(2L));
        assertThat(code(() -> m.train(List.of(sample(1, 0L))))).isEqualTo(7784);
        assertThat(code(() -> m.train(List.of(sample(1, 0L), sample(1, null))))).isEqualTo(7783);
        assertThat(code(() -> m.train(List.of(sample(1, 0L), sample(1, 5L))))).isEqualTo(7791);
        assertThat(backend.steps).isEmpty();
        assertThat(m.train(List.of(sample(1, 0L), sample(1, 2L)))).isEqualTo(0.5);
    }

    @Test
    void samplesMustHoldOneImageOfTheModelsSize() {
        DlModel m = model(true);
        Dict noImage = new Dict();
        Dict wrongSize = new Dict();
        wrongSize.put("image", new DictValue.Objects(List.of(Image.constant(PixelType.REAL, 3, 2, 1, 0))));
        Dict tupleImage = new Dict();
        tupleImage.put("image", new DictValue.Tuple(List.of(1L)));
        assertThat(code(() -> m.apply(List.of(noImage)))).isEqualTo(7783);
        assertThat(code(() -> m.apply(List.of(wrongSize)))).isEqualTo(7791);
        assertThat(code(() -> m.apply(List.of(tupleImage)))).isEqualTo(7790);
    }

    @Test
    void parameterTableRefusesWithHalconNumbersAndKeepsTheModelUnchanged() {
        DlModel m = model(true);
        assertThat(code(() -> m.getParam("no_such_param"))).isEqualTo(7911);
        assertThat(code(() -> m.setParam("type", List.of("detection")))).isEqualTo(7911);
        assertThat(code(() -> m.setParam("batch_size", List.of(0L)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("batch_size", List.of(2.0)))).isEqualTo(1203);
        assertThat(code(() -> m.setParam("batch_size", List.of(1L, 2L)))).isEqualTo(1403);
        assertThat(code(() -> m.setParam("momentum", List.of(1.0)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("class_ids", List.of(1L, 1L, 2L)))).isEqualTo(7792);
        assertThat(code(() -> m.setParam("class_names", List.of()))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("runtime", List.of("gpu")))).isEqualTo(7913);
        assertThat(code(() -> m.setParam("runtime", List.of("tpu")))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("image_width", List.of(3L)))).isEqualTo(7914);
        assertThat(m.getParam("batch_size")).containsExactly(1L);
        assertThat(m.getParam("class_ids")).containsExactly(0L, 1L, 2L);
        assertThat(m.getParam("runtime")).containsExactly("cpu");
    }

    /**
     * plainChain's largest value is conv b's 6x8x8 = 384 elements per image; a batch must fit one Java array, so
     * 2^31-1 / 384 = 5592405 images is the largest batch, one more is a value error, and the refused value is not kept.
     */
    @Test
    void aBatchWhoseLargestActivationOutgrowsAnArrayIsRefusedAtSetTime() {
        DlModel m = DlModel.of(TestGraphs.plainChain(), () -> backend);
        m.setParam("batch_size", List.of(5_592_405L));
        assertThat(code(() -> m.setParam("batch_size", List.of(5_592_406L)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("batch_size", List.of(1_000_000_000L)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("batch_size", List.of((long) Integer.MAX_VALUE)))).isEqualTo(7914);
        assertThat(m.getParam("batch_size")).containsExactly(5_592_405L);
    }

    @Test
    void aStoredBatchSizeThatCannotBeHeldIsIgnoredLikeOtherInvalidMetadata() {
        DlModel m = DlModel.of(graph(true, Map.of("halcon.batch_size", "1000000000")), () -> backend);
        assertThat(m.getParam("batch_size")).containsExactly(1L);
        DlModel fits = DlModel.of(graph(true, Map.of("halcon.batch_size", "64")), () -> backend);
        assertThat(fits.getParam("batch_size")).containsExactly(64L);
    }

    /** On a graph that leaves the size open, the image size and the batch size are checked together. */
    @Test
    void imageSizesAreCheckedAgainstTheBatchAsWell() {
        Graph openSize = TestGraphs.plainChain().withInputs(List.of(new ValueInfo("image", DataType.FLOAT, List.of(
                ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3), ValueInfo.Dim.named("H"), ValueInfo.Dim.named("W")))));
        DlModel m = DlModel.of(openSize, () -> backend);
        m.setParam("image_height", List.of(8L));
        // 3 x 8 x (2^31 - 1) image elements overflow at any batch size
        assertThat(code(() -> m.setParam("image_width", List.of((long) Integer.MAX_VALUE)))).isEqualTo(7914);
        assertThat(m.getParam("image_width")).containsExactly(-1L);
        // 8 x 1,000,000: conv b holds 6 x 8 x 10^6 = 4.8e7 elements per image, fine for one, not for 100
        m.setParam("image_width", List.of(1_000_000L));
        m.setParam("batch_size", List.of(44L));
        assertThat(code(() -> m.setParam("batch_size", List.of(45L)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("image_height", List.of(9L)))).isEqualTo(7914);
        assertThat(m.getParam("image_height")).containsExactly(8L);
        assertThat(m.getParam("batch_size")).containsExactly(44L);
    }

    @Test
    void integerIsAcceptedWhereARealParameterIsExpected() {
        DlModel m = model(true);
        m.setParam("learning_rate", List.of(1L));
        assertThat(m.getParam("learning_rate")).containsExactly(1.0);
    }

    @Test
    void modelsOfOtherTypesAreRefusedByClassificationOperators() {
        Graph twoOutputs = graph(true, Map.of()).withOutputs(List.of(ValueInfo.of("y", DataType.FLOAT, -1, 3),
                ValueInfo.of("logits", DataType.FLOAT, -1, 3)));
        DlModel m = DlModel.of(twoOutputs, () -> backend);
        assertThat(m.getParam("type")).containsExactly("generic");
        assertThat(code(() -> m.apply(List.of(sample(1, null))))).isEqualTo(7912);
        // a model without classes has no head to adapt
        assertThat(code(() -> m.setParam("class_ids", List.of(0L, 1L)))).isEqualTo(7914);
        assertThat(code(() -> m.setParam("class_names", List.of("a")))).isEqualTo(7914);
        assertThat(m.getParam("class_ids")).isEmpty();
    }

    @Test
    void trainedWeightsFlowBackIntoTheGraph() {
        DlModel m = model(true);
        m.train(List.of(sample(1, 0L)));
        assertThat(m.graph().initializers().get("W").toFloats()).containsOnly(0.25f);
        assertThat(m.graph().metadata()).containsEntry("halcon.type", "classification");
    }

    @Test
    void clearedModelRefusesUse() {
        DlModel m = model(true);
        m.close();
        assertThat(code(() -> m.getParam("type"))).isEqualTo(2454);
    }
}
