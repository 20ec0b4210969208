package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Output;

/**
 * The operations that compute first-order Taylor channel scores (Molchanov et al., arXiv:1611.06440) inside
 * TensorFlow: with L the sum of the per-sample cross-entropies, per activation A [N, C, ...] the [C] vector
 * {@code sum_n |mean over positions of A*dL/dA|}. Only these vectors leave TensorFlow.
 *
 * @param scores one [C] output per activation, in the requested order
 */
record TaylorGraph(CrossEntropy crossEntropy, List<Output<?>> scores) {

    static TaylorGraph build(Graph ir, TfGraphWriter w, ForwardPass pass, Output<?> labels, String logitsName,
            List<String> activations) {
        Output<?> logits = pass.onnx(pass.value(logitsName));
        CrossEntropy ce = CrossEntropy.of(w, logits, labels, logitsName);
        Output<?> loss = w.sum(ce.perSample(), false, 0);
        Set<String> reaching = CrossEntropy.ancestors(ir, logitsName);
        List<String> distinct = activations.stream().distinct().toList();
        Output<?>[] xs = new Output<?>[distinct.size()];
        for (int i = 0; i < xs.length; i++) {
            String name = distinct.get(i);
            if (!reaching.contains(name)) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "activation '" + name + "' does not influence the logits '"
                        + logitsName + "'");
            }
            xs[i] = pass.value(name).output();
            if (xs[i].shape().numDimensions() < 2) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "activation '" + name + "' must have shape [N, C, ...]");
            }
        }
        Output<?>[] grads = w.graph().addGradients(w.uniqueName("taylor_gradients"), new Output<?>[] {loss}, xs, null);
        List<Output<?>> byDistinct = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            TfValue a = pass.value(distinct.get(i));
            Output<?> product = w.binary("Mul", xs[i], grads[i]);
            int rank = xs[i].shape().numDimensions();
            Output<?> perChannel;
            if (a.layout() == TfValue.Layout.NHWC) {
                perChannel = w.mean(product, false, 1, 2);
            } else if (rank > 2) {
                int[] positions = new int[rank - 2];
                for (int k = 0; k < positions.length; k++) {
                    positions[k] = k + 2;
                }
                perChannel = w.mean(product, false, positions);
            } else {
                perChannel = product;
            }
            byDistinct.add(w.sum(w.unary("Abs", perChannel), false, 0));
        }
        List<Output<?>> scores = new ArrayList<>();
        activations.forEach(a -> scores.add(byDistinct.get(distinct.indexOf(a))));
        return new TaylorGraph(ce, scores);
    }
}
