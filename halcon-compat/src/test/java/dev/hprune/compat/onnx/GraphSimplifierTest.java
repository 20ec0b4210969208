package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphSimplifierTest {

    /** x [N,C,H,W] -> Shape -> Gather(0) -> Unsqueeze -> Concat(-1) -> Reshape -> y (a flatten head). */
    private static Graph flattenHead(List<Node> extra) {
        List<Node> nodes = new java.util.ArrayList<>(List.of(
                new Node("shape", "Shape", List.of("x"), List.of("s")),
                new Node("batch", "Gather", List.of("s", "zero"), List.of("n")),
                new Node("unsq", "Unsqueeze", List.of("n", "axes"), List.of("n1")),
                new Node("cat", "Concat", List.of("n1", "minus1"), List.of("target"),
                        Map.of("axis", new Attribute.IntValue(0))),
                new Node("reshape", "Reshape", List.of("x", "target"), List.of("y"))));
        nodes.addAll(extra);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("zero", Tensor.scalar(0L));
        weights.put("axes", Tensor.ofLongs(new long[] {1}, new long[] {0}));
        weights.put("minus1", Tensor.ofLongs(new long[] {1}, new long[] {-1}));
        return new Graph("head", nodes, weights,
                List.of(new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(4),
                        ValueInfo.Dim.named("H"), ValueInfo.Dim.named("W")))),
                List.of(ValueInfo.of("y", DataType.FLOAT, -1, -1)), 17, Map.of());
    }

    private static Tensor reshapeTarget(Graph g) {
        Node reshape = g.nodes().stream().filter(n -> n.opType().equals("Reshape")).findFirst().orElseThrow();
        return g.initializer(reshape.inputs().get(1)).orElseThrow();
    }

    @Test
    void batchFromShapeBecomesACopyWhereTheTargetAlreadyInfersADimension() {
        Graph folded = GraphSimplifier.fold(flattenHead(List.of()), Map.of("x", new long[] {-1, 4, 3, 3}));
        assertThat(folded.nodes()).extracting(Node::opType).containsExactly("Reshape");
        // [N, -1]: N cannot also be -1, but it is the input's dimension 0, so 0 (copy) is exact
        assertThat(reshapeTarget(folded).toLongs()).containsExactly(0, -1);
        assertThat(folded.initializers()).hasSize(1);
        assertThat(folded.outputs()).extracting(ValueInfo::name).containsExactly("y");
    }

    @Test
    void fixedImageSizeIsWrittenIntoTheInputButTheBatchStaysDynamic() {
        Graph folded = GraphSimplifier.fold(flattenHead(List.of()), Map.of("x", new long[] {8, 4, 3, 3}));
        assertThat(folded.inputs().get(0).shape()).containsExactly(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(4),
                ValueInfo.Dim.fixed(3), ValueInfo.Dim.fixed(3));
        assertThat(ShapeInference.infer(folded, Map.of("x", new long[] {5, 4, 3, 3})).get("y"))
                .containsExactly(5, 36);
    }

    @Test
    void twoUnknownsBecomeCopyAndInfer() {
        // target [N, C, H*W] with H*W unknown: N is copied (0) and the rest inferred (-1)
        List<Node> nodes = List.of(
                new Node("shape", "Shape", List.of("x"), List.of("s")),
                new Node("nc", "Slice", List.of("s", "start0", "end2"), List.of("nc_dims")),
                new Node("hw", "Slice", List.of("s", "end2", "end4"), List.of("hw_dims")),
                new Node("prod", "Mul", List.of("h", "w"), List.of("hw1")),
                new Node("h", "Gather", List.of("hw_dims", "zero"), List.of("h")),
                new Node("w", "Gather", List.of("hw_dims", "one"), List.of("w")),
                new Node("u", "Unsqueeze", List.of("hw1", "axes"), List.of("hw_1d")),
                new Node("cat", "Concat", List.of("nc_dims", "hw_1d"), List.of("target"),
                        Map.of("axis", new Attribute.IntValue(0))),
                new Node("reshape", "Reshape", List.of("x", "target"), List.of("y")));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("start0", Tensor.ofLongs(new long[] {1}, new long[] {0}));
        weights.put("end2", Tensor.ofLongs(new long[] {1}, new long[] {2}));
        weights.put("end4", Tensor.ofLongs(new long[] {1}, new long[] {4}));
        weights.put("zero", Tensor.scalar(0L));
        weights.put("one", Tensor.scalar(1L));
        weights.put("axes", Tensor.ofLongs(new long[] {1}, new long[] {0}));
        List<Node> sorted = TopologicalOrder.sort(nodes, new java.util.HashSet<>(
                List.of("x", "start0", "end2", "end4", "zero", "one", "axes")));
        Graph g = new Graph("g", sorted, weights, List.of(ValueInfo.of("x", DataType.FLOAT, -1, 4, -1, -1)),
                List.of(ValueInfo.of("y", DataType.FLOAT, -1, 4, -1)), 17, Map.of());
        Graph folded = GraphSimplifier.fold(g, Map.of("x", new long[] {-1, 4, -1, -1}));
        assertThat(reshapeTarget(folded).toLongs()).containsExactly(0, 4, -1);
        assertThat(folded.nodes()).extracting(Node::opType).containsExactly("Reshape");
    }

    @Test
    void constantArithmeticIsFoldedAndDeadWeightsRemoved() {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("a", Tensor.ofFloats(new long[] {2}, new float[] {1f, 2f}));
        weights.put("b", Tensor.scalar(3f));
        weights.put("unused", Tensor.scalar(9f));
        Graph g = new Graph("g", List.of(
                new Node("scale", "Mul", List.of("a", "b"), List.of("ab")),
                new Node("add", "Add", List.of("x", "ab"), List.of("y"))),
                weights, List.of(ValueInfo.of("x", DataType.FLOAT, -1, 2)),
                List.of(ValueInfo.of("y", DataType.FLOAT, -1, 2)), 17, Map.of());
        Graph folded = GraphSimplifier.fold(g, Map.of());
        assertThat(folded.nodes()).extracting(Node::name).containsExactly("add");
        assertThat(folded.initializers()).containsOnlyKeys("ab");
        assertThat(folded.initializer("ab").orElseThrow().toFloats()).containsExactly(3f, 6f);
    }

    @Test
    void nodesProducingGraphOutputsAreKept() {
        Graph g = new Graph("g", List.of(new Node("shape", "Shape", List.of("x"), List.of("y"))), Map.of(),
                List.of(ValueInfo.of("x", DataType.FLOAT, 2, 3)), List.of(ValueInfo.of("y", DataType.INT64, 2)), 17,
                Map.of());
        Graph folded = GraphSimplifier.fold(g, Map.of());
        assertThat(folded.nodes()).extracting(Node::name).containsExactly("shape");
        assertThat(folded.outputs()).isEqualTo(g.outputs());
    }

    @Test
    void foldedGraphWritesAndReadsBack() {
        Graph folded = GraphSimplifier.fold(flattenHead(List.of()), Map.of("x", new long[] {-1, 4, 3, 3}));
        GraphAssertions.assertSameGraph(OnnxReader.read(OnnxWriter.toBytes(folded)), folded);
    }
}
