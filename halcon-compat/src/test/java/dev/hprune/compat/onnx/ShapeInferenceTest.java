package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
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

class ShapeInferenceTest {

    private static Graph graph(List<Node> nodes, Map<String, Tensor> weights, ValueInfo input, String output) {
        return new Graph("g", nodes, new LinkedHashMap<>(weights), List.of(input),
                List.of(ValueInfo.of(output, DataType.FLOAT)), 17, Map.of());
    }

    private static Attribute ints(long... values) {
        return new Attribute.Ints(java.util.Arrays.stream(values).boxed().toList());
    }

    private static Map<String, long[]> infer(Graph g, long... inputShape) {
        return ShapeInference.infer(g, Map.of(g.inputs().get(0).name(), inputShape));
    }

    @Test
    void convolutionAndPoolingFollowStridesPadsAndCeilMode() {
        Graph g = graph(List.of(
                new Node("conv", "Conv", List.of("x", "w"), List.of("c"), Map.of(
                        "strides", ints(2, 2), "pads", ints(1, 1, 1, 1))),
                new Node("pool", "MaxPool", List.of("c"), List.of("p"), Map.of(
                        "kernel_shape", ints(3, 3), "strides", ints(2, 2), "ceil_mode", new Attribute.IntValue(1))),
                new Node("same", "AveragePool", List.of("p"), List.of("y"), Map.of(
                        "kernel_shape", ints(3, 3), "strides", ints(2, 2), "auto_pad",
                        new Attribute.StringValue("SAME_UPPER")))),
                Map.of("w", Tensor.ofFloats(new long[] {8, 3, 3, 3}, new float[216])),
                ValueInfo.of("x", DataType.FLOAT, -1, 3, 32, 30), "y");
        Map<String, long[]> shapes = infer(g, -1, 3, 32, 30);
        assertThat(shapes.get("c")).containsExactly(-1, 8, 16, 15);
        assertThat(shapes.get("p")).containsExactly(-1, 8, 8, 7);
        assertThat(shapes.get("y")).containsExactly(-1, 8, 4, 4);
    }

    @Test
    void depthwiseConvolutionKeepsChannelsAndUnknownSizesWhenPaddedToSame() {
        Graph g = graph(List.of(new Node("dw", "Conv", List.of("x", "w"), List.of("y"), Map.of(
                        "group", new Attribute.IntValue(4), "pads", ints(2, 2, 2, 2)))),
                Map.of("w", Tensor.ofFloats(new long[] {4, 1, 5, 5}, new float[100])),
                ValueInfo.of("x", DataType.FLOAT, -1, 4, -1, -1), "y");
        assertThat(infer(g, -1, 4, -1, -1).get("y")).containsExactly(-1, 4, -1, -1);
    }

    @Test
    void flattenAndGemmHeadGiveBatchByClasses() {
        Graph g = graph(List.of(
                new Node("gap", "GlobalAveragePool", List.of("x"), List.of("p")),
                new Node("flat", "Flatten", List.of("p"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "w"), List.of("y"), Map.of("transB", new Attribute.IntValue(1)))),
                Map.of("w", Tensor.ofFloats(new long[] {10, 16}, new float[160])),
                ValueInfo.of("x", DataType.FLOAT, -1, 16, 7, 7), "y");
        Map<String, long[]> shapes = infer(g, -1, 16, 7, 7);
        assertThat(shapes.get("f")).containsExactly(-1, 16);
        assertThat(shapes.get("y")).containsExactly(-1, 10);
    }

    @Test
    void shapeGatherConcatReshapeChainKeepsTheBatchSymbolic() {
        Graph g = graph(List.of(
                new Node("shape", "Shape", List.of("x"), List.of("s")),
                new Node("batch", "Gather", List.of("s", "zero"), List.of("n")),
                new Node("unsq", "Unsqueeze", List.of("n", "axes"), List.of("n1")),
                new Node("cat", "Concat", List.of("n1", "minus1"), List.of("target"), Map.of(
                        "axis", new Attribute.IntValue(0))),
                new Node("reshape", "Reshape", List.of("x", "target"), List.of("y"))),
                Map.of("zero", Tensor.scalar(0L), "axes", Tensor.ofLongs(new long[] {1}, new long[] {0}),
                        "minus1", Tensor.ofLongs(new long[] {1}, new long[] {-1})),
                ValueInfo.of("x", DataType.FLOAT, -1, 4, 2, 2), "y");
        Map<String, long[]> shapes = infer(g, -1, 4, 2, 2);
        assertThat(shapes.get("target")).containsExactly(2);
        assertThat(shapes.get("y")).containsExactly(-1, 16);
    }

    @Test
    void matMulBroadcastsBatchDimensions() {
        Graph g = graph(List.of(new Node("mm", "MatMul", List.of("x", "w"), List.of("y"))),
                Map.of("w", Tensor.ofFloats(new long[] {5, 3}, new float[15])),
                ValueInfo.of("x", DataType.FLOAT, -1, 7, 5), "y");
        assertThat(infer(g, -1, 7, 5).get("y")).containsExactly(-1, 7, 3);
    }

    @Test
    void transposePadReduceMeanAndSqueeze() {
        Graph g = graph(List.of(
                new Node("t", "Transpose", List.of("x"), List.of("t1"), Map.of("perm", ints(0, 2, 3, 1))),
                new Node("pad", "Pad", List.of("t1", "pads"), List.of("p")),
                new Node("mean", "ReduceMean", List.of("p"), List.of("m"), Map.of("axes", ints(1, 2))),
                new Node("sq", "Squeeze", List.of("m", "axes"), List.of("y"))),
                Map.of("pads", Tensor.ofLongs(new long[] {8}, new long[] {0, 1, 1, 0, 0, 1, 1, 0}),
                        "axes", Tensor.ofLongs(new long[] {2}, new long[] {1, 2})),
                ValueInfo.of("x", DataType.FLOAT, 2, 3, 4, 5), "y");
        Map<String, long[]> shapes = infer(g, 2, 3, 4, 5);
        assertThat(shapes.get("t1")).containsExactly(2, 4, 5, 3);
        assertThat(shapes.get("p")).containsExactly(2, 6, 7, 3);
        assertThat(shapes.get("m")).containsExactly(2, 1, 1, 3);
        assertThat(shapes.get("y")).containsExactly(2, 3);
    }

    @Test
    void declaredInputShapeIsUsedWhenNoneIsGiven() {
        Graph g = graph(List.of(new Node("r", "Relu", List.of("x"), List.of("y"))), Map.of(),
                new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(5))), "y");
        assertThat(ShapeInference.infer(g, Map.of()).get("y")).containsExactly(-1, 5);
    }

    @Test
    void channelMismatchIs7801NamingTheNode() {
        Graph g = graph(List.of(new Node("conv7", "Conv", List.of("x", "w"), List.of("y"))),
                Map.of("w", Tensor.ofFloats(new long[] {8, 3, 1, 1}, new float[24])),
                ValueInfo.of("x", DataType.FLOAT, 1, 4, 8, 8), "y");
        assertThatThrownBy(() -> infer(g, 1, 4, 8, 8)).isInstanceOfSatisfying(HalconError.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
            assertThat(e.detail()).contains("conv7").contains("Conv");
        });
    }

    @Test
    void wrongInputRankIsRefused() {
        Graph g = graph(List.of(new Node("r", "Relu", List.of("x"), List.of("y"))), Map.of(),
                ValueInfo.of("x", DataType.FLOAT, -1, 3, 8, 8), "y");
        assertThatThrownBy(() -> infer(g, 3, 8, 8)).isInstanceOfSatisfying(HalconError.class,
                e -> assertThat(e.detail()).contains("'x'").contains("rank 4"));
    }
}
