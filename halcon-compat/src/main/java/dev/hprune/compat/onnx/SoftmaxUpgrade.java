package dev.hprune.compat.onnx;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives Softmax and LogSoftmax nodes of opset 9..12 their opset-13 equivalent. The old operators flattened the input to
 * 2-D at {@code axis} and normalised over the whole tail; the new ones normalise along {@code axis} only. They agree
 * when the axis is the last one, which classifier heads nearly always use; otherwise Flatten, the operator and a
 * Reshape to the input's run-time shape reproduce the old result exactly.
 */
final class SoftmaxUpgrade {
    /** The operators whose meaning changed this way at opset 13. */
    static final Set<String> NORMALISATIONS = Set.of("Softmax", "LogSoftmax");

    private final Graph graph;
    private final NameScope names;

    SoftmaxUpgrade(Graph graph, NameScope names) {
        this.graph = graph;
        this.names = names;
    }

    Graph apply(List<Node> oldSoftmax) {
        Map<String, long[]> shapes = shapesIfKnown();
        Set<Node> targets = Set.copyOf(oldSoftmax);
        List<Node> nodes = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!targets.contains(node)) {
                nodes.add(node);
                continue;
            }
            long axis = node.intAttr("axis", 1);
            long[] shape = shapes.get(node.inputs().get(0));
            if (shape != null && (axis == -1 || axis == shape.length - 1)) {
                nodes.add(node.withAttribute("axis", new Attribute.IntValue(shape.length - 1)));
            } else {
                nodes.addAll(flattened(node, axis));
            }
        }
        return graph.withNodes(nodes);
    }

    private Map<String, long[]> shapesIfKnown() {
        try {
            return ShapeInference.infer(graph, Map.of());
        } catch (HalconError e) {
            return Map.of(); // ranks unknown: every old Softmax gets the general rewrite, which is always exact
        }
    }

    private List<Node> flattened(Node node, long axis) {
        String input = node.inputs().get(0);
        String label = node.label();
        String flat = names.fresh(label + "_2d");
        String normalised = names.fresh(label + "_2d_" + node.opType().toLowerCase(java.util.Locale.ROOT));
        String shape = names.fresh(label + "_input_shape");
        return List.of(
                new Node(names.fresh(label + "_flatten"), "Flatten", List.of(input), List.of(flat),
                        Map.of("axis", new Attribute.IntValue(axis))),
                new Node(node.name(), node.opType(), List.of(flat), List.of(normalised),
                        Map.of("axis", new Attribute.IntValue(1))),
                new Node(names.fresh(label + "_shape"), "Shape", List.of(input), List.of(shape)),
                new Node(names.fresh(label + "_reshape"), "Reshape", List.of(normalised, shape), node.outputs()));
    }
}
