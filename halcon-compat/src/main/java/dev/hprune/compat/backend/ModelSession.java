package dev.hprune.compat.backend;

import dev.hprune.compat.graph.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A graph prepared for execution, holding its weights (which training changes) and native resources. Safe for concurrent
 * {@link #run} calls; training and scoring calls are serialised by the implementation.
 */
public interface ModelSession extends AutoCloseable {

    /**
     * Inference: feeds graph inputs by name and returns the requested values (any value of the graph, by ONNX name), in
     * ONNX layout. Uses the current weights; BatchNormalization uses its running statistics. The feeds are read during
     * the call and not kept: a caller may refill their arrays for its next call.
     */
    Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches);

    /** One optimisation step on a batch; returns the mean cross-entropy over the batch (without the weight prior). */
    double trainStep(TrainingSpec spec, Tensor images, long[] labels);

    /**
     * First-order Taylor importance of channels (Molchanov et al., ICLR 2017, arXiv:1611.06440). With L the sum over the
     * batch of each sample's softmax cross-entropy of {@code logits} against its label, and for each named activation A
     * of shape [N, C, ...], returns per channel c: {@code sum over samples n of |mean over positions of A[n,c,..] *
     * dL/dA[n,c,..]|}. Sums over samples, so results of several batches add up. Weights do not change.
     */
    Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
            List<String> activations);

    /** Current values of every weight the session may have changed (trained weights, BN running statistics). */
    Map<String, Tensor> weights();

    /** Releases native resources; later calls fail. Closing twice is harmless. */
    @Override
    void close();
}
