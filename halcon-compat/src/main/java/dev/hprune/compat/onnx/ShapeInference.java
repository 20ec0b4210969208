package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Static shapes of every value of a graph in the reader's canonical form (opset 17), given the shapes of its inputs.
 * Dimensions that are not known are -1 (typically the batch size). Unknown dimensions are tracked symbolically inside,
 * so that a dimension that only passes through (the batch through convolutions, {@code Shape}, {@code Gather},
 * {@code Concat}, {@code Reshape}) keeps its identity; see {@link ShapeRules} for the operators.
 */
public final class ShapeInference {
    private ShapeInference() {}

    /**
     * The shape of every input, initializer and node output, by value name.
     *
     * @param inputShapes shapes of (some of) the graph inputs, -1 for an unknown dimension; inputs not named here
     *     keep the shape the model declares
     * @throws dev.hprune.compat.error.HalconError 7801 when a node's inputs do not fit the operator, naming the node
     */
    public static Map<String, long[]> infer(Graph graph, Map<String, long[]> inputShapes) {
        return analyse(graph, inputShapes).concreteShapes();
    }

    static InferredGraph analyse(Graph graph, Map<String, long[]> inputShapes) {
        InferredGraph inferred = new InferredGraph();
        graph.initializers().forEach(inferred::defineConstant);
        for (String name : inputShapes.keySet()) {
            if (graph.inputs().stream().noneMatch(i -> i.name().equals(name))) {
                throw OnnxErrors.read("the model has no input named '" + name + "'");
            }
        }
        for (ValueInfo input : graph.inputs()) {
            inferred.define(input.name(), inputDims(input, inputShapes.get(input.name()), inferred), input.type());
        }
        for (Node node : graph.nodes()) {
            for (String input : node.inputs()) {
                if (!input.isEmpty() && !inferred.has(input)) {
                    throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") uses value '" + input
                            + "', which is not defined before it");
                }
            }
            try {
                ShapeRules.apply(node, inferred);
            } catch (RuntimeException e) {
                throw OnnxErrors.read("shape inference failed at node " + node.label() + " (" + node.opType()
                        + "): " + e.getMessage(), e);
            }
        }
        return inferred;
    }

    private static List<SymDim> inputDims(ValueInfo input, long[] given, InferredGraph inferred) {
        List<ValueInfo.Dim> declared = input.shape();
        if (given != null && !declared.isEmpty() && given.length != declared.size()) {
            throw OnnxErrors.read("input '" + input.name() + "' has rank " + declared.size() + ", the given shape "
                    + Arrays.toString(given) + " has rank " + given.length);
        }
        int rank = given != null ? given.length : declared.size();
        List<SymDim> dims = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            ValueInfo.Dim d = i < declared.size() ? declared.get(i) : ValueInfo.Dim.named("");
            if (given != null && given[i] >= 0) {
                dims.add(SymDim.of(given[i]));
            } else if (given == null && d.isFixed()) {
                dims.add(SymDim.of(d.value()));
            } else if (!d.isFixed() && !d.param().isEmpty()) {
                dims.add(SymDim.unknown(d.param()));
            } else {
                dims.add(inferred.fresh());
            }
        }
        return dims;
    }
}
