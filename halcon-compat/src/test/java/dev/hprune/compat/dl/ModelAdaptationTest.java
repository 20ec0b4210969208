package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.ShapeInference;
import dev.hprune.compat.system.RandomSource;
import dev.hprune.compat.testing.GraphBuilder;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * set_dl_model_param with another class count (the head is replaced, everything else kept) and another image size
 * (the input re-declared where the layers allow it), on hand-built graphs; the tests module runs the adapted graphs
 * in TensorFlow and ONNX Runtime.
 */
class ModelAdaptationTest {

    /** Each architecture with the weights its head consists of (the only ones that may change). */
    static Stream<Arguments> heads() {
        return Stream.of(
                Arguments.of("dense head after GAP", (Supplier<Graph>) TestGraphs::plainChain, Set.of("fc.w", "fc.b")),
                Arguments.of("residual body", (Supplier<Graph>) TestGraphs::residual, Set.of("fc.w", "fc.b")),
                Arguments.of("squeeze-excitation body", (Supplier<Graph>) TestGraphs::squeezeExcitation,
                        Set.of("fc.w", "fc.b")),
                Arguments.of("conv head (SqueezeNet)", (Supplier<Graph>) TestGraphs::convHead,
                        Set.of("cls.w", "cls.b")),
                Arguments.of("MatMul + Add head", (Supplier<Graph>) TestGraphs::matMulAddHead,
                        Set.of("fc.w", "fc_bias.b")),
                Arguments.of("Reshape + MatMul head", (Supplier<Graph>) TestGraphs::reshapeMatMulHead,
                        Set.of("fc.w")),
                Arguments.of("ReduceMean head", (Supplier<Graph>) TestGraphs::reduceMeanHead, Set.of("fc.w", "fc.b")),
                Arguments.of("dense hidden layer head", (Supplier<Graph>) TestGraphs::denseHiddenLayerHead,
                        Set.of("fc2.w", "fc2.b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void anotherClassCountReplacesOnlyTheHead(String label, Supplier<Graph> architecture, Set<String> head) {
        Graph original = architecture.get();
        DlModel model = DlModel.of(original);
        model.setParam("class_ids", List.of(7L, 8L, 9L, 10L));

        Graph adapted = model.graph();
        assertThat(adapted.initializers().keySet()).containsExactlyElementsOf(original.initializers().keySet());
        for (String name : original.initializers().keySet()) {
            if (!head.contains(name)) {
                assertThat(adapted.initializers().get(name)).as(name).isEqualTo(original.initializers().get(name));
            }
        }
        for (String name : head) {
            Tensor before = original.initializers().get(name);
            Tensor after = adapted.initializers().get(name);
            assertThat(after.size() / 4).as(name + " per class").isEqualTo(before.size() / classes(original));
        }
        assertThat(adapted.outputs().get(0).shape().get(1)).isEqualTo(ValueInfo.Dim.fixed(4));
        long[] scores = ShapeInference.infer(adapted, Map.of()).get(adapted.outputs().get(0).name());
        assertThat(scores).containsExactly(-1, 4);
        assertThat(model.getParam("class_ids")).containsExactly(7L, 8L, 9L, 10L);
        assertThat(model.getParam("class_names")).containsExactly("7", "8", "9", "10");
        // the layout follows: the new class count is the model's, so names of that count are taken as they are
        model.setParam("class_names", List.of("a", "b", "c", "d"));
        assertThat(model.getParam("class_ids")).containsExactly(7L, 8L, 9L, 10L);
        // read back from the written graph, the model is a 4-class classifier with the same classes
        DlModel reread = DlModel.of(model.graph());
        assertThat(reread.getParam("class_names")).containsExactly("a", "b", "c", "d");
    }

    private static int classes(Graph graph) {
        return (int) graph.outputs().get(0).shape().get(1).value();
    }

    /**
     * The new weights are PyTorch's nn.Linear default, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn from the seeded
     * drand48 of set_system('seed_rand'): recomputed here from a second generator with the same seed.
     */
    @Test
    void newWeightsAreUniformInTheFanInBoundFromTheSeededSource() {
        RandomSource.global().setSeed(42);
        DlModel model = DlModel.of(TestGraphs.plainChain());
        model.setParam("class_names", List.of("ok", "scratch", "dent"));
        assertThat(model.getParam("class_ids")).containsExactly(0L, 1L, 2L);
        Graph adapted = model.graph();

        RandomSource expected = new RandomSource(42);
        double bound = 1 / Math.sqrt(6);
        Tensor w = adapted.initializers().get("fc.w");
        Tensor b = adapted.initializers().get("fc.b");
        assertThat(w.shape()).containsExactly(3, 6);
        assertThat(b.shape()).containsExactly(3);
        for (int i = 0; i < w.size(); i++) {
            assertThat(w.floatAt(i)).isEqualTo((float) ((2 * expected.nextDouble() - 1) * bound));
        }
        for (int i = 0; i < b.size(); i++) {
            assertThat(b.floatAt(i)).isEqualTo((float) ((2 * expected.nextDouble() - 1) * bound));
        }

        RandomSource.global().setSeed(42);
        DlModel again = DlModel.of(TestGraphs.plainChain());
        again.setParam("class_names", List.of("ok", "scratch", "dent"));
        assertThat(again.graph().initializers().get("fc.w")).isEqualTo(w);
    }

    @Test
    void aConvHeadsFanInIsItsInputChannelsTimesTheKernelArea() {
        RandomSource.global().setSeed(7);
        DlModel model = DlModel.of(TestGraphs.convHead());
        model.setParam("class_ids", List.of(0L, 1L));
        Tensor w = model.graph().initializers().get("cls.w");
        assertThat(w.shape()).containsExactly(2, 4, 1, 1);
        RandomSource expected = new RandomSource(7);
        assertThat(w.floatAt(0)).isEqualTo((float) ((2 * expected.nextDouble() - 1) / Math.sqrt(4)));
    }

    /** Layers with other weights between the head and the scores, or no head at all: 7914, and nothing changes. */
    @Test
    void graphsWithoutALastLayerOfTheClassesAreRefused() {
        GraphBuilder scaled = GraphBuilder.input(3, 8);
        String x = scaled.relu("relu_a", scaled.conv("a", GraphBuilder.image(), 3, 4, 3));
        x = scaled.gemm("fc", scaled.flatten("flat", scaled.globalAveragePool("gap", x)), 4, 2);
        Graph perClassScale = scaled.build(scaled.scaleBy("temperature", x, 2), 2);
        assertRefused(perClassScale, "temperature");

        GraphBuilder pooled = GraphBuilder.input(2, 4);
        Graph noWeights = pooled.build(pooled.flatten("flat", pooled.globalAveragePool("gap", GraphBuilder.image())), 2);
        assertRefused(noWeights, "no layer");

        GraphBuilder reshaped = GraphBuilder.input(3, 8);
        String y = reshaped.conv("cls", GraphBuilder.image(), 3, 2, 1);
        Graph spelled = reshaped.build(reshaped.reshape("flat", reshaped.globalAveragePool("gap", y), -1, 2), 2);
        assertRefused(spelled, "flat");
    }

    private static void assertRefused(Graph graph, String named) {
        DlModel model = DlModel.of(graph);
        HalconError error = catchThrowableOfType(HalconError.class,
                () -> model.setParam("class_ids", List.of(0L, 1L, 2L)));
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo(7914);
        assertThat(error.getMessage()).contains(named);
        assertThat(model.getParam("class_ids")).containsExactly(0L, 1L);
        assertThat(model.graph().initializers()).isEqualTo(graph.initializers());
    }

    @Test
    void classListsAreCheckedBeforeTheModelChanges() {
        DlModel model = DlModel.of(TestGraphs.plainChain());
        assertThat(code(() -> model.setParam("class_ids", List.of()))).isEqualTo(7914);
        assertThat(code(() -> model.setParam("class_names", List.of()))).isEqualTo(7914);
        assertThat(code(() -> model.setParam("class_ids", List.of(1L, 1L, 2L)))).isEqualTo(7792);
        assertThat(code(() -> model.setParam("class_ids", List.of(1L, "x", 2L)))).isEqualTo(1203);
        assertThat(code(() -> model.setParam("class_names", List.of("a", 2L, "c")))).isEqualTo(1203);
        assertThat(model.getParam("class_ids")).containsExactly(0L, 1L);
        assertThat(model.graph().initializers().get("fc.w").shape()).containsExactly(2, 6);
    }

    /** plainChain ends in global pooling: any size fits, the input is re-declared and shapes follow. */
    @Test
    void aGlobalPoolingModelTakesAnotherImageSize() {
        DlModel model = DlModel.of(TestGraphs.plainChain());
        model.setParam("image_width", List.of(20L));
        model.setParam("image_height", List.of(12L));
        Graph resized = model.graph();
        assertThat(resized.inputs().get(0).shape()).containsExactly(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3),
                ValueInfo.Dim.fixed(12), ValueInfo.Dim.fixed(20));
        assertThat(ShapeInference.infer(resized, Map.of()).get("b.y")).containsExactly(-1, 6, 12, 20);
        assertThat(resized.initializers()).isEqualTo(TestGraphs.plainChain().initializers());
        model.setParam("image_dimensions", List.of(32L, 16L, 3L));
        assertThat(model.getParam("image_dimensions")).containsExactly(32L, 16L, 3L);
        assertThat(DlModel.of(model.graph()).getParam("image_dimensions")).containsExactly(32L, 16L, 3L);
    }

    /** flattenHead's dense layer takes exactly 64 features: another size is refused naming it. */
    @Test
    void aFixedFlattenSizeRefusesAnotherImageSizeNamingTheLayer() {
        DlModel model = DlModel.of(TestGraphs.flattenHead());
        HalconError error = catchThrowableOfType(HalconError.class,
                () -> model.setParam("image_width", List.of(16L)));
        assertThat(error.code()).isEqualTo(7914);
        assertThat(error.getMessage()).contains("fc");
        assertThat(model.getParam("image_width")).containsExactly(8L);
        assertThat(code(() -> model.setParam("image_dimensions", List.of(8L, 8L, 3L)))).isEqualTo(7914);
        assertThat(code(() -> model.setParam("image_dimensions", List.of(8L, 8L)))).isEqualTo(1403);
        assertThat(code(() -> model.setParam("image_dimensions", List.of(8L, 0L, 1L)))).isEqualTo(7914);
        model.setParam("image_dimensions", List.of(8L, 8L, 1L));
        assertThat(model.graph().inputs()).isEqualTo(TestGraphs.flattenHead().inputs());
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }
}
