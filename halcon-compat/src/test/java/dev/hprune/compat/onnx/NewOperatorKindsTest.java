package dev.hprune.compat.onnx;

import static dev.hprune.compat.onnx.OnnxModels.bytes;
import static dev.hprune.compat.onnx.OnnxModels.floatValue;
import static dev.hprune.compat.onnx.OnnxModels.floats;
import static dev.hprune.compat.onnx.OnnxModels.graph;
import static dev.hprune.compat.onnx.OnnxModels.intAttr;
import static dev.hprune.compat.onnx.OnnxModels.ints;
import static dev.hprune.compat.onnx.OnnxModels.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import and shape rules of the kinds added with the operator registry, read from ONNX files as exporters write them. */
class NewOperatorKindsTest {

    private static Map<String, long[]> shapes(Graph g) {
        return ShapeInference.infer(g, Map.of());
    }

    private static HalconError readError(Runnable read) {
        HalconError error = catchThrowableOfType(HalconError.class, read::run);
        assertThat(error).as("a HalconError").isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        return error;
    }

    @Test
    void splitSizesFromTheAttributeBeforeOpset13AndFromTheInputAfter() {
        var old = graph("g").addInput(floatValue("x", 1, 8, 4, 4))
                .addNode(node("split", "Split", List.of("x"), List.of("a", "b"), intAttr("axis", 1),
                        ints("split", 2, 6)))
                .addOutput(floatValue("a", 1, 2, 4, 4)).addOutput(floatValue("b", 1, 6, 4, 4));
        Graph g11 = OnnxReader.read(bytes(11, old));
        Node split = g11.nodes().get(0);
        assertThat(split.inputs()).hasSize(2);
        assertThat(g11.initializers().get(split.inputs().get(1)).toLongs()).containsExactly(2, 6);
        assertThat(shapes(g11).get("a")).containsExactly(1, 2, 4, 4);
        assertThat(shapes(g11).get("b")).containsExactly(1, 6, 4, 4);

        var equal = graph("g").addInput(floatValue("x", "N", 8, 4, 4))
                .addNode(node("split", "Split", List.of("x"), List.of("a", "b"), intAttr("axis", 1)))
                .addOutput(floatValue("a")).addOutput(floatValue("b"));
        Map<String, long[]> s13 = shapes(OnnxReader.read(bytes(13, equal)));
        assertThat(s13.get("a")).containsExactly(-1, 4, 4, 4);
        assertThat(s13.get("b")).containsExactly(-1, 4, 4, 4);
    }

    @Test
    void splitSizesThatDoNotAddUpAreRefusedNamingTheNode() {
        var bad = graph("g").addInput(floatValue("x", 1, 8))
                .addNode(node("halves", "Split", List.of("x"), List.of("a", "b"), intAttr("axis", 1),
                        ints("split", 3, 3)))
                .addOutput(floatValue("a")).addOutput(floatValue("b"));
        Graph g = OnnxReader.read(bytes(12, bad));
        assertThat(readError(() -> shapes(g)).getMessage()).contains("halves").contains("do not add up to 8");
    }

    @Test
    void layerNormalizationKeepsTheShapeAndReducesTheNormalisedAxesInItsStatistics() {
        var ln = graph("g").addInput(floatValue("x", "N", 5, 8))
                .addInitializer(floats("scale", new long[] {8}, new float[8]))
                .addInitializer(floats("bias", new long[] {8}, new float[8]))
                .addNode(node("ln", "LayerNormalization", List.of("x", "scale", "bias"), List.of("y", "mean", "inv"),
                        intAttr("axis", -1)))
                .addOutput(floatValue("y"));
        Map<String, long[]> s = shapes(OnnxReader.read(bytes(17, ln)));
        assertThat(s.get("y")).containsExactly(-1, 5, 8);
        assertThat(s.get("mean")).containsExactly(-1, 5, 1);
        assertThat(s.get("inv")).containsExactly(-1, 5, 1);
    }

    @Test
    void layerNormalizationWhoseScaleDoesNotFitIsRefusedAndBefore17ItDoesNotExist() {
        var ln = graph("g").addInput(floatValue("x", "N", 5, 8))
                .addInitializer(floats("scale", new long[] {7}, new float[7]))
                .addNode(node("ln", "LayerNormalization", List.of("x", "scale"), List.of("y"), intAttr("axis", -1)))
                .addOutput(floatValue("y"));
        Graph g = OnnxReader.read(bytes(17, ln));
        assertThat(readError(() -> shapes(g)).getMessage()).contains("ln");
        assertThat(readError(() -> OnnxReader.read(bytes(16, ln))).getMessage())
                .contains("opset 16 does not define");
    }

    @Test
    void elementWiseKindsKeepTheShapeAndPowBroadcasts() {
        var g = graph("g").addInput(floatValue("x", "N", 3, 4, 4))
                .addInitializer(floats("two", new long[] {}, 2f))
                .addInitializer(floats("perChannel", new long[] {3, 1, 1}, 1f, 2f, 3f))
                .addNode(node("erf", "Erf", List.of("x"), List.of("e")))
                .addNode(node("sqrt", "Sqrt", List.of("e"), List.of("r")))
                .addNode(node("pow", "Pow", List.of("r", "two"), List.of("p")))
                .addNode(node("powc", "Pow", List.of("p", "perChannel"), List.of("q")))
                .addNode(node("gmp", "GlobalMaxPool", List.of("q"), List.of("m")))
                .addNode(node("flat", "Flatten", List.of("m"), List.of("f")))
                .addNode(node("log", "LogSoftmax", List.of("f"), List.of("y"), intAttr("axis", 1)))
                .addOutput(floatValue("y", "N", 3));
        Map<String, long[]> s = shapes(OnnxReader.read(bytes(13, g)));
        assertThat(s.get("e")).containsExactly(-1, 3, 4, 4);
        assertThat(s.get("q")).containsExactly(-1, 3, 4, 4);
        assertThat(s.get("m")).containsExactly(-1, 3, 1, 1);
        assertThat(s.get("y")).containsExactly(-1, 3);
    }

    @Test
    void logSoftmaxBeforeOpset13OverANonLastAxisGetsTheExactRewriteLikeSoftmax() {
        var g = graph("g").addInput(floatValue("x", "N", 3, 4))
                .addNode(node("log", "LogSoftmax", List.of("x"), List.of("y"), intAttr("axis", 1)))
                .addOutput(floatValue("y", "N", 3, 4));
        Graph read = OnnxReader.read(bytes(11, g));
        assertThat(read.nodes()).extracting(Node::opType).containsExactly("Flatten", "LogSoftmax", "Shape", "Reshape");
        Graph last = OnnxReader.read(bytes(11, graph("g").addInput(floatValue("x", "N", 3))
                .addNode(node("log", "LogSoftmax", List.of("x"), List.of("y"), intAttr("axis", 1)))
                .addOutput(floatValue("y", "N", 3))));
        assertThat(last.nodes()).extracting(Node::opType).containsExactly("LogSoftmax");
    }
}
