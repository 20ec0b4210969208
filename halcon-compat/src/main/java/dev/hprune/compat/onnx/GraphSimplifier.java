package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds what is constant once the input size is fixed: subgraphs whose inputs are initializers, and shape arithmetic
 * whose result shape inference knows ({@code Shape -> Cast -> Slice -> Concat -> Reshape} chains that exporters emit
 * before classifier heads). Nodes whose outputs are no longer used, and initializers nothing refers to, are removed.
 */
public final class GraphSimplifier {
    private GraphSimplifier() {}

    /**
     * The folded graph. The batch axis (axis 0) of an input that the model declares as dynamic stays unknown whatever
     * {@code inputShapes} says, so the folded model accepts any batch size: where a folded {@code Reshape} target holds
     * the batch size it becomes -1, or 0 (copy the input's dimension) where several dimensions are unknown. Other
     * dimensions given in {@code inputShapes} are fixed and written into the inputs' declared shapes, because folded
     * constants may depend on them. Graph outputs keep their names, and nodes producing them are never folded.
     *
     * @param inputShapes shapes of graph inputs, -1 for unknown dimensions; inputs not named keep their declared shape
     * @throws dev.hprune.compat.error.HalconError 7801 when the graph does not fit the shapes or a constant cannot be
     *     computed (naming the node)
     */
    public static Graph fold(Graph graph, Map<String, long[]> inputShapes) {
        Map<String, long[]> shapes = withDynamicBatch(graph, inputShapes);
        InferredGraph inferred = ShapeInference.analyse(graph, shapes);
        Map<String, Tensor> constants = new LinkedHashMap<>(graph.initializers());
        Set<String> graphOutputs = new HashSet<>();
        graph.outputs().forEach(o -> graphOutputs.add(o.name()));
        NameScope names = new NameScope(graph);
        List<Node> kept = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.outputs().stream().noneMatch(graphOutputs::contains)) {
                Optional<List<Tensor>> folded = foldNode(node, constants, inferred);
                if (folded.isPresent()) {
                    for (int i = 0; i < node.outputs().size(); i++) {
                        constants.put(node.outputs().get(i), folded.get().get(i));
                    }
                    continue;
                }
            }
            kept.add(node.opType().equals("Reshape") ? withConstantTarget(node, constants, inferred, names) : node);
        }
        List<Node> live = liveNodes(kept, graphOutputs);
        Set<String> used = new HashSet<>(graphOutputs);
        live.forEach(n -> used.addAll(n.inputs()));
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        constants.forEach((name, tensor) -> {
            if (used.contains(name)) {
                initializers.put(name, tensor);
            }
        });
        return graph.withNodes(live).withInitializers(initializers).withInputs(fixedInputs(graph, shapes));
    }

    private static Map<String, long[]> withDynamicBatch(Graph graph, Map<String, long[]> inputShapes) {
        Map<String, long[]> shapes = new HashMap<>();
        inputShapes.forEach((name, dims) -> shapes.put(name, dims.clone()));
        for (ValueInfo input : graph.inputs()) {
            long[] dims = shapes.get(input.name());
            if (dims != null && dims.length > 0 && !input.shape().isEmpty() && !input.shape().get(0).isFixed()) {
                dims[0] = -1;
            }
        }
        return shapes;
    }

    private static Optional<List<Tensor>> foldNode(Node node, Map<String, Tensor> constants, InferredGraph inferred) {
        List<Tensor> inputs = ConstantEvaluator.inputsOf(node, constants);
        boolean allConstant = true;
        for (int i = 0; i < inputs.size(); i++) {
            allConstant &= inputs.get(i) != null || node.inputs().get(i).isEmpty();
        }
        if (allConstant && !inputs.isEmpty()) {
            try {
                Optional<List<Tensor>> result = ConstantEvaluator.evaluate(node, inputs, inferred);
                if (result.isPresent()) {
                    return result;
                }
            } catch (RuntimeException e) {
                throw OnnxErrors.read("cannot compute constant node " + node.label() + " (" + node.opType() + "): "
                        + e.getMessage(), e);
            }
        }
        return knownFromShapes(node, inferred);
    }

    /** Outputs whose elements shape inference knows completely (a {@code Shape} of a fixed-size value, ...). */
    private static Optional<List<Tensor>> knownFromShapes(Node node, InferredGraph inferred) {
        List<Tensor> outputs = new ArrayList<>();
        for (String output : node.outputs()) {
            Optional<long[]> elements = output.isEmpty() ? Optional.empty() : inferred.knownElements(output);
            if (elements.isEmpty()) {
                return Optional.empty();
            }
            if (!inferred.shape(output).stream().allMatch(SymDim::known)) {
                return Optional.empty();
            }
            long[] shape = inferred.shape(output).stream().mapToLong(SymDim::value).toArray();
            DataType type = inferred.type(output);
            outputs.add(ConstantEvaluator.cast(Tensor.ofLongs(shape, elements.get()), type));
        }
        return Optional.of(outputs);
    }

    /**
     * A Reshape whose target is computed at run time but known up to unknown dimensions gets a constant target:
     * one unknown becomes -1; an unknown that is the input's dimension at the same position becomes 0 (copy).
     */
    private static Node withConstantTarget(Node node, Map<String, Tensor> constants, InferredGraph inferred,
            NameScope names) {
        String target = node.inputs().get(1);
        Optional<List<SymDim>> elements = inferred.elements(target);
        if (constants.containsKey(target) || elements.isEmpty()) {
            return node;
        }
        List<SymDim> dims = elements.get();
        List<SymDim> input = inferred.shape(node.inputs().get(0));
        boolean allowZero = node.intAttr("allowzero", 0) != 0;
        long unknowns = dims.stream().filter(d -> !d.known()).count();
        boolean hasInferred = dims.stream().anyMatch(d -> d.isKnown(-1));
        long[] values = new long[dims.size()];
        for (int i = 0; i < dims.size(); i++) {
            SymDim d = dims.get(i);
            if (d.known()) {
                values[i] = d.value();
            } else if (unknowns == 1 && !hasInferred) {
                values[i] = -1;
            } else if (!allowZero && i < input.size() && input.get(i).equals(d)) {
                values[i] = 0;
            } else if (!hasInferred) {
                values[i] = -1;
                hasInferred = true;
            } else {
                return node;
            }
        }
        String name = names.fresh(node.label() + "_shape");
        constants.put(name, Tensor.ofLongs(new long[] {values.length}, values));
        List<String> inputs = new ArrayList<>(node.inputs());
        inputs.set(1, name);
        return node.withInputs(inputs);
    }

    private static List<Node> liveNodes(List<Node> nodes, Set<String> graphOutputs) {
        Set<String> needed = new HashSet<>(graphOutputs);
        List<Node> live = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (node.outputs().stream().anyMatch(needed::contains)) {
                live.add(node);
                needed.addAll(node.inputs());
            }
        }
        Collections.reverse(live);
        return live;
    }

    private static List<ValueInfo> fixedInputs(Graph graph, Map<String, long[]> shapes) {
        List<ValueInfo> inputs = new ArrayList<>();
        for (ValueInfo input : graph.inputs()) {
            long[] given = shapes.get(input.name());
            if (given == null || given.length != input.rank()) {
                inputs.add(input);
                continue;
            }
            List<ValueInfo.Dim> dims = new ArrayList<>();
            for (int i = 0; i < given.length; i++) {
                dims.add(given[i] >= 0 ? ValueInfo.Dim.fixed(given[i]) : input.shape().get(i));
            }
            inputs.add(new ValueInfo(input.name(), input.type(), dims));
        }
        return inputs;
    }
}
