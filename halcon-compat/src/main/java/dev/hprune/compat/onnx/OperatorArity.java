package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.op.Arity;
import dev.hprune.compat.op.OpKinds;
import java.util.List;

/**
 * Checks that a node has the inputs its operator kind takes in the opset a file was written for
 * (https://onnx.ai/onnx/operators/; the counts are the registry's, {@link dev.hprune.compat.op.OpKind#arity}): the
 * required ones must be present and named, optional ones may be empty names. The importer checks this before
 * anything reads a node's inputs by position, so a malformed node is a 7801 at import, not a failure deep inside shape
 * inference or pruning.
 */
final class OperatorArity {
    private OperatorArity() {}

    /** 7801 unless {@code node} has the inputs its operator needs at {@code opset}. */
    static void check(Node node, long opset) {
        Arity range = OpKinds.of(node.opType()).map(k -> k.arity(opset)).orElse(Arity.ABSENT);
        if (range.absent()) {
            throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") uses an operator that opset "
                    + opset + " does not define");
        }
        List<String> inputs = node.inputs();
        if (!range.accepts(inputs.size())) {
            throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") has " + inputs.size()
                    + " inputs; opset " + opset + " needs " + range.describe());
        }
        for (int i = 0; i < range.required(); i++) {
            if (inputs.get(i).isEmpty()) {
                throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") lacks its required input "
                        + (i + 1));
            }
        }
    }
}
