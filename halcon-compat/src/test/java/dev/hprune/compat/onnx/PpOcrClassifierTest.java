package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PP-OCR text-orientation classifier: opset 9, every weight a Constant node, a Shape chain before its head. */
class PpOcrClassifierTest {
    private static Graph graph;

    @BeforeAll
    static void read() {
        graph = OnnxReader.read(TestMaterial.ppOcrClassifier());
    }

    private static long count(Graph g, String op) {
        return g.nodes().stream().filter(n -> n.opType().equals(op)).count();
    }

    @Test
    void readsAllConvolutionsAndUnfusedBatchNorms() {
        assertThat(count(graph, "Conv")).isEqualTo(53);
        assertThat(count(graph, "BatchNormalization")).isEqualTo(35);
    }

    /** The constants the opset-9 normalisation added: Clip min/max and Slice starts/ends/axes, now inputs. */
    private static Set<String> addedByNormalisation() {
        Set<String> added = new HashSet<>();
        graph.nodes().stream().filter(n -> n.opType().equals("Clip") || n.opType().equals("Slice"))
                .forEach(n -> added.addAll(n.inputs().subList(1, n.inputs().size())));
        return added;
    }

    @Test
    void constantNodesBecomeInitializers() {
        assertThat(count(graph, "Constant")).isZero();
        assertThat(addedByNormalisation()).hasSize(18 * 2 + 3);
        assertThat(graph.initializers()).hasSize(250 + addedByNormalisation().size());
        assertThat(graph.initializer("conv2d_48.w_0").orElseThrow().shape()).containsExactly(200, 1, 5, 5);
    }

    @Test
    void parameterCountMatchesThePublishedOne() {
        Set<String> added = addedByNormalisation();
        List<Tensor> fromFile = graph.initializers().entrySet().stream().filter(e -> !added.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        long floats = fromFile.stream().filter(Tensor::isFloating).mapToLong(Tensor::size).sum();
        long all = fromFile.stream().mapToLong(Tensor::size).sum();
        // The published 133,665 counts every constant element: 133,664 floats plus the INT32 Reshape constant [200].
        assertThat(floats).isEqualTo(133_664);
        assertThat(all).isEqualTo(133_665);
    }

    @Test
    void isNormalisedToTheCanonicalOpset() {
        assertThat(graph.opset()).isEqualTo(OnnxReader.CANONICAL_OPSET);
        Node clip = graph.nodes().stream().filter(n -> n.opType().equals("Clip")).findFirst().orElseThrow();
        assertThat(clip.attributes()).isEmpty();
        assertThat(graph.initializer(clip.inputs().get(1)).orElseThrow()).isEqualTo(Tensor.scalar(0f));
        assertThat(graph.initializer(clip.inputs().get(2)).orElseThrow()).isEqualTo(Tensor.scalar(6f));
        Node slice = graph.nodes().stream().filter(n -> n.opType().equals("Slice")).findFirst().orElseThrow();
        assertThat(slice.inputs()).hasSize(4);
        Node softmax = graph.nodes().stream().filter(n -> n.opType().equals("Softmax")).findFirst().orElseThrow();
        assertThat(softmax.intAttr("axis", -99)).isEqualTo(1);
    }

    @Test
    void keepsNamedDynamicDimensions() {
        ValueInfo input = graph.inputs().get(0);
        assertThat(input.name()).isEqualTo("x");
        assertThat(input.shape()).containsExactly(ValueInfo.Dim.named("p2o.DynamicDimension.0"),
                ValueInfo.Dim.fixed(3), ValueInfo.Dim.named("p2o.DynamicDimension.1"),
                ValueInfo.Dim.named("p2o.DynamicDimension.2"));
        assertThat(graph.outputs().get(0).shape()).containsExactly(ValueInfo.Dim.named("p2o.DynamicDimension.3"),
                ValueInfo.Dim.fixed(2));
    }

    @Test
    void shapeInferenceGivesBatchByTwoFor48By192Images() {
        Map<String, long[]> shapes = ShapeInference.infer(graph, Map.of("x", new long[] {-1, 3, 48, 192}));
        assertThat(shapes.get("softmax_0.tmp_0")).containsExactly(-1, 2);
        assertThat(shapes.get("reshape2_0.tmp_0")).containsExactly(-1, 200);
        assertThat(shapes.get("p2o.GlobalAveragePool.19")).containsExactly(-1, 200, 1, 1);
    }

    @Test
    void foldingTurnsTheShapeChainIntoAConstantReshapeTarget() {
        Graph folded = GraphSimplifier.fold(graph, Map.of("x", new long[] {-1, 3, 48, 192}));
        assertThat(count(folded, "Shape") + count(folded, "Cast") + count(folded, "Slice") + count(folded, "Concat"))
                .isZero();
        Node reshape = folded.nodes().stream().filter(n -> n.opType().equals("Reshape")).findFirst().orElseThrow();
        Tensor target = folded.initializer(reshape.inputs().get(1)).orElseThrow();
        assertThat(target.type()).isEqualTo(DataType.INT64);
        assertThat(target.toLongs()).containsExactly(-1, 200);
        assertThat(folded.nodes()).hasSize(graph.nodes().size() - 6);
        assertThat(folded.outputs()).isEqualTo(graph.outputs());
        assertThat(folded.undefinedValues()).isEmpty();
    }

    @Test
    void foldedModelKeepsTheBatchDynamicEvenWhenGivenOne() {
        Graph folded = GraphSimplifier.fold(graph, Map.of("x", new long[] {1, 3, 48, 192}));
        Node reshape = folded.nodes().stream().filter(n -> n.opType().equals("Reshape")).findFirst().orElseThrow();
        assertThat(folded.initializer(reshape.inputs().get(1)).orElseThrow().toLongs()).containsExactly(-1, 200);
        assertThat(folded.inputs().get(0).shape()).containsExactly(ValueInfo.Dim.named("p2o.DynamicDimension.0"),
                ValueInfo.Dim.fixed(3), ValueInfo.Dim.fixed(48), ValueInfo.Dim.fixed(192));
        assertThat(ShapeInference.infer(folded, Map.of("x", new long[] {7, 3, 48, 192})).get("softmax_0.tmp_0"))
                .containsExactly(7, 2);
    }

    @Test
    void roundTripsThroughTheWriter() {
        Graph again = OnnxReader.read(OnnxWriter.toBytes(graph));
        GraphAssertions.assertSameGraph(again, graph);
    }
}
