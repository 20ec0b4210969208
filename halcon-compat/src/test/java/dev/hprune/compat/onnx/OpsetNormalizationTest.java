package dev.hprune.compat.onnx;

import static dev.hprune.compat.onnx.OnnxModels.bytes;
import static dev.hprune.compat.onnx.OnnxModels.floatAttr;
import static dev.hprune.compat.onnx.OnnxModels.floatValue;
import static dev.hprune.compat.onnx.OnnxModels.graph;
import static dev.hprune.compat.onnx.OnnxModels.intAttr;
import static dev.hprune.compat.onnx.OnnxModels.ints;
import static dev.hprune.compat.onnx.OnnxModels.node;
import static dev.hprune.compat.onnx.OnnxModels.stringAttr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.proto.AttributeProto;
import dev.hprune.compat.onnx.proto.GraphProto;
import dev.hprune.compat.onnx.proto.ValueInfoProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Old-opset attributes become the inputs of opset 17; old Softmax keeps its meaning. */
class OpsetNormalizationTest {

    private static Graph single(long opset, ValueInfoProto in, ValueInfoProto out, String op,
            AttributeProto... attributes) {
        GraphProto.Builder g = graph("one").addInput(in).addOutput(out)
                .addNode(node("n", op, List.of("x"), List.of("y"), attributes));
        return OnnxReader.read(bytes(opset, g));
    }

    private static Node only(Graph g) {
        assertThat(g.nodes()).hasSize(1);
        return g.nodes().get(0);
    }

    private static Tensor input(Graph g, Node n, int i) {
        return g.initializer(n.inputs().get(i)).orElseThrow();
    }

    @Test
    void everyGraphGetsTheCanonicalOpset() {
        assertThat(single(9, floatValue("x", 2), floatValue("y", 2), "Relu").opset()).isEqualTo(17);
        assertThat(single(13, floatValue("x", 2), floatValue("y", 2), "Relu").opset()).isEqualTo(17);
    }

    @Test
    void clipAttributesBecomeInputs() {
        Graph g = single(9, floatValue("x", 2), floatValue("y", 2), "Clip", floatAttr("min", 0f), floatAttr("max", 6f));
        Node clip = only(g);
        assertThat(clip.attributes()).isEmpty();
        assertThat(input(g, clip, 1)).isEqualTo(Tensor.scalar(0f));
        assertThat(input(g, clip, 2)).isEqualTo(Tensor.scalar(6f));
    }

    @Test
    void clipWithOnlyMaxLeavesMinOut() {
        Graph g = single(10, floatValue("x", 2), floatValue("y", 2), "Clip", floatAttr("max", 1f));
        Node clip = only(g);
        assertThat(clip.inputs().get(1)).isEmpty();
        assertThat(input(g, clip, 2)).isEqualTo(Tensor.scalar(1f));
    }

    @Test
    void clipFromOpset11IsUnchanged() {
        Graph g = single(11, floatValue("x", 2), floatValue("y", 2), "Clip");
        assertThat(only(g).inputs()).containsExactly("x");
    }

    @Test
    void sliceAttributesBecomeInputs() {
        Graph g = single(9, floatValue("x", 4, 6), floatValue("y", 4, 2), "Slice",
                ints("starts", 1), ints("ends", 3), ints("axes", 1));
        Node slice = only(g);
        assertThat(slice.attributes()).isEmpty();
        assertThat(input(g, slice, 1).toLongs()).containsExactly(1);
        assertThat(input(g, slice, 2).toLongs()).containsExactly(3);
        assertThat(input(g, slice, 3).toLongs()).containsExactly(1);
        assertThat(ShapeInference.infer(g, Map.of()).get("y")).containsExactly(4, 2);
    }

    @Test
    void squeezeAndUnsqueezeAxesBecomeInputsBefore13() {
        Graph squeezed = single(11, floatValue("x", 1, 3, 1), floatValue("y", 3), "Squeeze", ints("axes", 0, 2));
        assertThat(input(squeezed, only(squeezed), 1).toLongs()).containsExactly(0, 2);
        assertThat(ShapeInference.infer(squeezed, Map.of()).get("y")).containsExactly(3);
        Graph unsqueezed = single(9, floatValue("x", 3), floatValue("y", 1, 3), "Unsqueeze", ints("axes", 0));
        assertThat(only(unsqueezed).attributes()).isEmpty();
        assertThat(ShapeInference.infer(unsqueezed, Map.of()).get("y")).containsExactly(1, 3);
    }

    @Test
    void padAttributesBecomeInputs() {
        Graph g = single(9, floatValue("x", 1, 2), floatValue("y", 1, 5), "Pad", ints("pads", 0, 1, 0, 2),
                floatAttr("value", 0.5f), stringAttr("mode", "constant"));
        Node pad = only(g);
        assertThat(pad.attributes()).containsOnlyKeys("mode");
        assertThat(input(g, pad, 1).toLongs()).containsExactly(0, 1, 0, 2);
        assertThat(input(g, pad, 2)).isEqualTo(Tensor.scalar(0.5f));
        assertThat(ShapeInference.infer(g, Map.of()).get("y")).containsExactly(1, 5);
    }

    @Test
    void oldSoftmaxOverTheLastAxisOnlyGetsAnExplicitAxis() {
        Graph g = single(9, floatValue("x", "N", 10), floatValue("y", "N", 10), "Softmax");
        Node softmax = only(g);
        assertThat(softmax.opType()).isEqualTo("Softmax");
        assertThat(softmax.intAttr("axis", -99)).isEqualTo(1);
    }

    @Test
    void oldSoftmaxOverAnInnerAxisNormalisesTheFlattenedTail() {
        Graph g = single(11, floatValue("x", "N", 3, 4), floatValue("y", "N", 3, 4), "Softmax", intAttr("axis", 1));
        assertThat(g.nodes()).extracting(Node::opType).containsExactly("Flatten", "Softmax", "Shape", "Reshape");
        Node flatten = g.nodes().get(0);
        Node softmax = g.nodes().get(1);
        Node reshape = g.nodes().get(3);
        assertThat(flatten.inputs()).containsExactly("x");
        assertThat(flatten.intAttr("axis", -99)).isEqualTo(1);
        assertThat(softmax.intAttr("axis", -99)).isEqualTo(1);
        assertThat(softmax.name()).isEqualTo("n");
        assertThat(reshape.inputs()).containsExactly(softmax.output(), g.nodes().get(2).output());
        assertThat(reshape.outputs()).containsExactly("y");
        Map<String, long[]> shapes = ShapeInference.infer(g, Map.of("x", new long[] {-1, 3, 4}));
        assertThat(shapes.get(softmax.output())).containsExactly(-1, 12);
        assertThat(shapes.get("y")).containsExactly(-1, 3, 4);
    }

    @Test
    void softmaxFrom13IsUnchanged() {
        Graph g = single(13, floatValue("x", 2, 3, 4), floatValue("y", 2, 3, 4), "Softmax", intAttr("axis", 1));
        assertThat(only(g).intAttr("axis", -99)).isEqualTo(1);
    }

    @Test
    void batchNormSpatialAndDropoutRatioAreDropped() {
        GraphProto.Builder g = graph("bn").addInput(floatValue("x", 1, 2, 3, 3)).addOutput(floatValue("y", 1, 2, 3, 3))
                .addInitializer(OnnxModels.floats("s", new long[] {2}, 1f, 1f))
                .addInitializer(OnnxModels.floats("b", new long[] {2}, 0f, 0f))
                .addInitializer(OnnxModels.floats("m", new long[] {2}, 0f, 0f))
                .addInitializer(OnnxModels.floats("v", new long[] {2}, 1f, 1f))
                .addNode(node("bn", "BatchNormalization", List.of("x", "s", "b", "m", "v"), List.of("t"),
                        intAttr("spatial", 1), floatAttr("epsilon", 1e-3f)))
                .addNode(node("drop", "Dropout", List.of("t"), List.of("y"), floatAttr("ratio", 0.3f)));
        Graph graph = OnnxReader.read(bytes(9, g));
        assertThat(graph.nodes().get(0).attributes()).containsOnlyKeys("epsilon");
        assertThat(graph.nodes().get(1).opType()).isEqualTo("Dropout");
        assertThat(graph.nodes().get(1).attributes()).isEmpty();
    }

    @Test
    void addedConstantsGetFreshNames() {
        GraphProto.Builder g = graph("names").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addInitializer(OnnxModels.floats("n_min", new long[] {2}, 5f, 5f))
                .addNode(node("n", "Clip", List.of("x"), List.of("c"), floatAttr("min", 0f)))
                .addNode(node("m", "Add", List.of("c", "n_min"), List.of("y")));
        Graph graph = OnnxReader.read(bytes(9, g));
        Node clip = graph.nodes().get(0);
        assertThat(clip.inputs().get(1)).isNotEqualTo("n_min");
        assertThat(graph.initializer("n_min").orElseThrow().toFloats()).containsExactly(5f, 5f);
        assertThat(graph.initializer(clip.inputs().get(1)).orElseThrow()).isEqualTo(Tensor.scalar(0f));
    }
}
