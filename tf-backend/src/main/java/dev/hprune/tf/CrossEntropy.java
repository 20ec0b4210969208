package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Per-sample softmax cross-entropy of [N, C] logits against int64 labels, through one-hot labels and the dense
 * {@code SoftmaxCrossEntropyWithLogits} (the sparse variant has no gradient in TensorFlow Java 1.1.0).
 *
 * @param perSample the loss of each sample, [N]
 * @param classes the number of classes when known statically, otherwise -1
 */
record CrossEntropy(Output<?> perSample, long classes) {

    static CrossEntropy of(TfGraphWriter w, Output<?> logits, Output<?> labels, String logitsName) {
        if (logits.shape().numDimensions() != 2) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "the logits '" + logitsName + "' must have shape [N, classes], got "
                    + logits.shape());
        }
        long classes = logits.shape().get(1);
        Output<?> depth = classes >= 0 ? w.intScalar((int) classes)
                : w.op("Cast").in(w.op("StridedSlice").in(w.shape(logits), w.indices(1), w.indices(2), w.indices(1))
                        .attr("shrink_axis_mask", 1L).out()).attr("DstT", DataType.DT_INT32).out();
        Output<?> oneHot = w.op("OneHot").in(labels, depth, w.scalar(1f), w.scalar(0f)).attr("axis", -1L).out();
        var op = w.op("SoftmaxCrossEntropyWithLogits").in(logits, oneHot).build();
        return new CrossEntropy(op.output(0), classes);
    }

    /** Checks the labels against the batch size and the class count. */
    void checkLabels(long[] labels, long batch) {
        if (labels.length != batch) {
            throw HalconError.of(ErrorCodes.DL_WRONG_BATCH_SIZE, labels.length + " labels for " + batch + " images");
        }
        for (long label : labels) {
            if (label < 0 || classes >= 0 && label >= classes) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "label " + label + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** Names of every value and initializer that {@code value} depends on in {@code ir}. */
    static Set<String> ancestors(Graph ir, String value) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(value);
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (seen.add(v)) {
                ir.producer(v).map(Node::inputs).ifPresent(inputs -> inputs.stream()
                        .filter(i -> !i.isEmpty()).forEach(todo::add));
            }
        }
        return seen;
    }
}
