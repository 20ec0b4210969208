package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a graph written for opset 9..17 into the canonical form {@link OnnxReader#CANONICAL_OPSET} (17), so that
 * everything after import handles one meaning per operator. The rules, from ONNX's operator changelog:
 * <ul>
 *   <li>Clip before 11: {@code min}/{@code max} attributes become constant inputs.</li>
 *   <li>Slice before 10: {@code starts}/{@code ends}/{@code axes} attributes become constant inputs.</li>
 *   <li>Squeeze/Unsqueeze before 13: the {@code axes} attribute becomes a constant input.</li>
 *   <li>Split before 13: the {@code split} attribute (the output sizes) becomes a constant input.</li>
 *   <li>Pad before 11: {@code pads} and {@code value} attributes become constant inputs.</li>
 *   <li>Softmax and LogSoftmax before 13 normalised over the input coerced to 2-D at {@code axis} (default 1): when
 *       that axis is the last one nothing changes but the explicit axis; otherwise Flatten, the operator over the last
 *       axis and a Reshape back to the input's shape compute the old result.</li>
 *   <li>BatchNormalization: the {@code spatial} attribute (gone since 9) is dropped; Dropout's {@code ratio} and
 *       {@code is_test} attributes (inputs or gone since 12) are dropped, which is exact in inference.</li>
 * </ul>
 */
final class OpsetNormalization {
    private final Graph graph;
    private final long opset;
    private final NameScope names;
    private final Map<String, Tensor> constants;

    private OpsetNormalization(Graph graph, long opset) {
        this.graph = graph;
        this.opset = opset;
        this.names = new NameScope(graph);
        this.constants = new LinkedHashMap<>(graph.initializers());
    }

    /** {@code graph} holds the file's nodes; {@code opset} is the file's default-domain opset version. */
    static Graph apply(Graph graph, long opset) {
        return new OpsetNormalization(graph, opset).run();
    }

    private Graph run() {
        List<Node> nodes = new ArrayList<>();
        List<Node> oldSoftmax = new ArrayList<>();
        for (Node node : graph.nodes()) {
            Node rewritten = rewrite(node);
            if (SoftmaxUpgrade.NORMALISATIONS.contains(rewritten.opType()) && opset < 13) {
                oldSoftmax.add(rewritten);
            }
            nodes.add(rewritten);
        }
        Graph canonical = new Graph(graph.name(), nodes, constants, graph.inputs(), graph.outputs(),
                OnnxReader.CANONICAL_OPSET, graph.metadata());
        return oldSoftmax.isEmpty() ? canonical : new SoftmaxUpgrade(canonical, names).apply(oldSoftmax);
    }

    private Node rewrite(Node node) {
        return switch (node.opType()) {
            case "Clip" -> opset < 11 ? clipInputs(node) : node;
            case "Slice" -> opset < 10 ? attributesToInputs(node, "starts", "ends", "axes") : node;
            case "Squeeze", "Unsqueeze" -> opset < 13 ? attributesToInputs(node, "axes") : node;
            case "Split" -> opset < 13 ? attributesToInputs(node, "split") : node;
            case "Pad" -> opset < 11 ? padInputs(node) : node;
            case "BatchNormalization" -> without(node, "spatial", "is_test", "consumed_inputs");
            case "Dropout" -> without(node, "ratio", "is_test");
            default -> node;
        };
    }

    private static Node without(Node node, String... attributes) {
        Map<String, Attribute> kept = new LinkedHashMap<>(node.attributes());
        for (String a : attributes) {
            kept.remove(a);
        }
        return new Node(node.name(), node.opType(), node.inputs(), node.outputs(), kept);
    }

    private String constant(Node node, String role, Tensor value) {
        String name = names.fresh(node.label() + "_" + role);
        constants.put(name, value);
        return name;
    }

    private Node clipInputs(Node node) {
        List<String> inputs = new ArrayList<>(List.of(node.inputs().get(0)));
        boolean hasMin = node.has("min");
        boolean hasMax = node.has("max");
        if (hasMin || hasMax) {
            inputs.add(hasMin ? constant(node, "min", Tensor.scalar(node.floatAttr("min", 0f))) : "");
        }
        if (hasMax) {
            inputs.add(constant(node, "max", Tensor.scalar(node.floatAttr("max", 0f))));
        }
        return without(node, "min", "max").withInputs(inputs);
    }

    /** Appends each present INTS attribute as a 1-D INT64 input, in order; absent ones become left-out inputs. */
    private Node attributesToInputs(Node node, String... attributes) {
        List<String> inputs = new ArrayList<>(node.inputs().subList(0, Math.min(1, node.inputs().size())));
        List<String> pending = new ArrayList<>();
        for (String attribute : attributes) {
            long[] values = node.intsAttr(attribute, null);
            if (values == null) {
                pending.add("");
                continue;
            }
            inputs.addAll(pending);
            pending.clear();
            inputs.add(constant(node, attribute, Tensor.ofLongs(new long[] {values.length}, values)));
        }
        return without(node, attributes).withInputs(inputs);
    }

    private Node padInputs(Node node) {
        long[] pads = node.intsAttr("pads", node.intsAttr("paddings", new long[0]));
        List<String> inputs = new ArrayList<>(List.of(node.inputs().get(0),
                constant(node, "pads", Tensor.ofLongs(new long[] {pads.length}, pads))));
        if (node.has("value")) {
            inputs.add(constant(node, "value", Tensor.scalar(node.floatAttr("value", 0f))));
        }
        return without(node, "pads", "paddings", "value").withInputs(inputs);
    }
}
