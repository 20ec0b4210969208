package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * How many inputs each supported operator takes in the opset a file was written for (https://onnx.ai/onnx/operators/):
 * the required ones must be present and named, optional ones may be empty names. The importer checks this before
 * anything reads a node's inputs by position, so a malformed node is a 7801 at import, not a failure deep inside shape
 * inference or pruning.
 */
final class OperatorArity {
    private OperatorArity() {}

    /** Required and maximum input count. */
    record Range(int required, int max) {}

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Range> FIXED = Map.ofEntries(
            Map.entry("Constant", new Range(0, 0)),
            Map.entry("Conv", new Range(2, 3)),
            Map.entry("BatchNormalization", new Range(5, 5)),
            Map.entry("Gemm", new Range(2, 3)),
            Map.entry("Concat", new Range(1, MANY)),
            Map.entry("Add", new Range(2, 2)),
            Map.entry("Sub", new Range(2, 2)),
            Map.entry("Mul", new Range(2, 2)),
            Map.entry("Div", new Range(2, 2)),
            Map.entry("MatMul", new Range(2, 2)),
            Map.entry("Reshape", new Range(2, 2)),
            Map.entry("Gather", new Range(2, 2)));

    /** Operators whose parameters moved from attributes to inputs at the given opset (old range, new range). */
    private static final Map<String, List<Object>> CHANGED = Map.of(
            "Clip", List.of(11L, new Range(1, 1), new Range(1, 3)),
            "Slice", List.of(10L, new Range(1, 1), new Range(3, 5)),
            "Squeeze", List.of(13L, new Range(1, 1), new Range(1, 2)),
            "Unsqueeze", List.of(13L, new Range(1, 1), new Range(2, 2)),
            "Pad", List.of(11L, new Range(1, 1), new Range(2, 3)),
            "Dropout", List.of(12L, new Range(1, 1), new Range(1, 3)));

    static Range of(String opType, long opset) {
        List<Object> changed = CHANGED.get(opType);
        if (changed != null) {
            return (Range) (opset >= (Long) changed.get(0) ? changed.get(2) : changed.get(1));
        }
        return FIXED.getOrDefault(opType, new Range(1, 1));
    }

    /** 7801 unless {@code node} has the inputs its operator needs at {@code opset}. */
    static void check(Node node, long opset) {
        Range range = of(node.opType(), opset);
        List<String> inputs = node.inputs();
        if (inputs.size() < range.required() || inputs.size() > range.max()) {
            throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") has " + inputs.size()
                    + " inputs; opset " + opset + " needs " + describe(range));
        }
        for (int i = 0; i < range.required(); i++) {
            if (inputs.get(i).isEmpty()) {
                throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") lacks its required input "
                        + (i + 1));
            }
        }
    }

    private static String describe(Range range) {
        if (range.max() == MANY) {
            return "at least " + range.required();
        }
        return range.required() == range.max() ? String.valueOf(range.required())
                : range.required() + " to " + range.max();
    }
}
