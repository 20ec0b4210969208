package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What shape inference knows about every value of a graph: its shape and element type, and for small integer tensors
 * (shapes, indices, axes) the elements themselves, each possibly unknown. {@link GraphSimplifier} folds from the
 * elements; everything else only needs the shapes.
 */
final class InferredGraph {
    /** Integer tensors up to this many elements have their elements tracked. */
    static final int TRACKED_ELEMENTS = 64;

    private final Map<String, List<SymDim>> shapes = new LinkedHashMap<>();
    private final Map<String, DataType> types = new HashMap<>();
    private final Map<String, List<SymDim>> elements = new HashMap<>();
    private int nextSymbol = 1;

    SymDim fresh() {
        return SymDim.unknown("unk__" + nextSymbol++);
    }

    boolean has(String value) {
        return shapes.containsKey(value);
    }

    List<SymDim> shape(String value) {
        List<SymDim> shape = shapes.get(value);
        if (shape == null) {
            throw new IllegalStateException("no shape for value '" + value + "'");
        }
        return shape;
    }

    DataType type(String value) {
        return types.getOrDefault(value, DataType.FLOAT);
    }

    /** The elements of an integer tensor when they are tracked (known or symbolic), in row-major order. */
    Optional<List<SymDim>> elements(String value) {
        return Optional.ofNullable(elements.get(value));
    }

    /** The elements when every one of them is known. */
    Optional<long[]> knownElements(String value) {
        List<SymDim> values = elements.get(value);
        if (values == null || !values.stream().allMatch(SymDim::known)) {
            return Optional.empty();
        }
        return Optional.of(values.stream().mapToLong(SymDim::value).toArray());
    }

    void define(String value, List<SymDim> shape, DataType type) {
        shapes.put(value, List.copyOf(shape));
        types.put(value, type);
    }

    /** Records the elements of an integer value whose shape is already defined, when it is small enough to track. */
    void defineElements(String value, List<SymDim> values) {
        if (!types.get(value).isFloating() && values.size() <= TRACKED_ELEMENTS) {
            elements.put(value, List.copyOf(values));
        }
    }

    void defineConstant(String value, Tensor tensor) {
        List<SymDim> shape = new java.util.ArrayList<>();
        for (long d : tensor.shape()) {
            shape.add(SymDim.of(d));
        }
        define(value, shape, tensor.type());
        if (!tensor.isFloating() && tensor.size() <= TRACKED_ELEMENTS) {
            defineElements(value, java.util.Arrays.stream(tensor.toLongs()).mapToObj(SymDim::of).toList());
        }
    }

    /** Every value's shape with unknown dimensions as -1. */
    Map<String, long[]> concreteShapes() {
        Map<String, long[]> result = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> result.put(name, shape.stream().mapToLong(SymDim::concrete).toArray()));
        return result;
    }

    List<SymDim> input(Node node, int index) {
        String name = node.input(index).orElseThrow(() -> new IllegalArgumentException(
                "input " + index + " is missing"));
        return shape(name);
    }
}
