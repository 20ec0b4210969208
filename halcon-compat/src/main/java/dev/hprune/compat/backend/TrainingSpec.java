package dev.hprune.compat.backend;

import java.util.Set;

/**
 * One training step's setting: softmax cross-entropy of {@code logits} against integer labels, minimised by SGD with
 * momentum and an L2 weight prior ({@code loss + weightPrior/2 * sum of squared trainable weights}), updating only
 * {@code trainable}.
 *
 * @param input the graph input the images are fed to (NCHW)
 * @param logits the value holding the class scores before any softmax, [N, C]
 * @param trainable names of the initializers to update
 * @param learningRate step size
 * @param momentum classic momentum: {@code v = momentum*v - learningRate*grad; w = w + v}
 * @param weightPrior L2 regularisation strength
 * @param batchNormMomentum {@code running = momentum*running + (1-momentum)*batch} for BatchNormalization statistics;
 *     BatchNormalization normalises with batch statistics during the step. A negative value keeps BatchNormalization in
 *     inference mode (running statistics used and left unchanged).
 */
public record TrainingSpec(String input, String logits, Set<String> trainable, double learningRate, double momentum,
        double weightPrior, double batchNormMomentum) {
    public TrainingSpec {
        trainable = Set.copyOf(trainable);
    }
}
