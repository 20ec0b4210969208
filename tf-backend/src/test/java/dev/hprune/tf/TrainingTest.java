package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingTest {

    /** Stripes: class 0 horizontal, class 1 vertical, with noise. */
    private static Tensor stripes(Random random, long[] labels) {
        float[] v = new float[labels.length * 36];
        for (int n = 0; n < labels.length; n++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    int line = labels[n] == 0 ? i : j;
                    v[n * 36 + i * 6 + j] = (line % 2) + 0.3f * (float) random.nextGaussian();
                }
            }
        }
        return Tensor.ofFloats(new long[] {labels.length, 1, 6, 6}, v);
    }

    private static Graph convNet(Random random) {
        return Models.graph().input("x", -1, 1, 6, 6)
                .init("w", random(random, 4, 1, 3, 3)).init("scale", Tensor.ofFloats(new long[] {4}, new float[] {1, 1, 1, 1}))
                .init("bias", Tensor.ofFloats(new long[] {4}, new float[4])).init("mean", Tensor.ofFloats(new long[] {4}, new float[4]))
                .init("var", Tensor.ofFloats(new long[] {4}, new float[] {1, 1, 1, 1}))
                .init("head", random(random, 2, 4)).init("head_b", Tensor.ofFloats(new long[] {2}, new float[2]))
                .node("Conv", in("x", "w"), "c", "pads", Models.ints(1, 1, 1, 1))
                .node("BatchNormalization", in("c", "scale", "bias", "mean", "var"), "bn")
                .node("Relu", in("bn"), "r")
                .node("GlobalAveragePool", in("r"), "g")
                .node("Flatten", in("g"), "f")
                .node("Gemm", in("f", "head", "head_b"), "logits", "transB", 1).build();
    }

    @Test
    void trainingReducesTheLossOnASeparableProblem() {
        Random random = new Random(11);
        Graph g = convNet(random);
        long[] labels = {0, 1, 0, 1, 1, 0, 1, 0};
        TrainingSpec spec = new TrainingSpec("x", "logits", Set.of("w", "scale", "bias", "head", "head_b"), 0.1, 0.9,
                1e-4, 0.9);
        try (ModelSession s = Models.open(g)) {
            double first = s.trainStep(spec, stripes(random, labels), labels);
            double last = first;
            for (int step = 0; step < 60; step++) {
                last = s.trainStep(spec, stripes(random, labels), labels);
            }
            assertThat(last).isLessThan(first * 0.3);
            Tensor evalX = stripes(random, labels);
            Tensor logits = s.run(Map.of("x", evalX), List.of("logits")).get("logits");
            assertThat(Reference.meanCrossEntropy(logits, labels)).isLessThan(first * 0.5);
        }
    }

    /** Priors per step: with a prior, without one, and switching (two training graphs sharing the velocity). */
    @ParameterizedTest
    @ValueSource(strings = {"0.1,0.1,0.1", "0,0,0", "0.1,0,0.1"})
    void momentumAndWeightPriorFollowTheClassicRule(String priors) {
        double[] priorOfStep = java.util.Arrays.stream(priors.split(",")).mapToDouble(Double::parseDouble).toArray();
        // logits = x * W for one input feature: dL/dW[k] = mean_n x_n (softmax_k - onehot_k)
        float[] w0 = {0.3f, -0.2f};
        Graph g = Models.graph().input("x", -1, 1).init("w", Tensor.ofFloats(new long[] {1, 2}, w0))
                .node("MatMul", in("x", "w"), "logits").build();
        Tensor x = Tensor.ofFloats(new long[] {3, 1}, new float[] {1, -2, 0.5f});
        long[] labels = {1, 0, 1};
        double lr = 0.5;
        double momentum = 0.8;
        double[] w = {w0[0], w0[1]};
        double[] v = new double[2];
        try (ModelSession s = Models.open(g)) {
            for (int step = 0; step < 3; step++) {
                double prior = priorOfStep[step];
                double expectedLoss = 0;
                double[] grad = new double[2];
                for (int n = 0; n < 3; n++) {
                    double z0 = x.floatAt(n) * w[0];
                    double z1 = x.floatAt(n) * w[1];
                    double p1 = 1 / (1 + Math.exp(z0 - z1));
                    grad[0] += x.floatAt(n) * ((1 - p1) - (labels[n] == 0 ? 1 : 0)) / 3;
                    grad[1] += x.floatAt(n) * (p1 - (labels[n] == 1 ? 1 : 0)) / 3;
                    expectedLoss -= Math.log(labels[n] == 1 ? p1 : 1 - p1) / 3;
                }
                for (int k = 0; k < 2; k++) {
                    v[k] = momentum * v[k] - lr * (grad[k] + prior * w[k]);
                    w[k] += v[k];
                }
                double loss = s.trainStep(new TrainingSpec("x", "logits", Set.of("w"), lr, momentum, prior, -1), x, labels);
                assertThat(loss).isCloseTo(expectedLoss, within(1e-6));
                float[] actual = s.weights().get("w").toFloats();
                assertThat(actual[0]).isCloseTo((float) w[0], within(1e-6f));
                assertThat(actual[1]).isCloseTo((float) w[1], within(1e-6f));
            }
        }
    }

    @Test
    void batchNormTrainingUpdatesRunningStatisticsWithBatchMoments() {
        Random random = new Random(12);
        Graph g = convNet(random);
        long[] labels = {0, 1, 1};
        Tensor x = stripes(random, labels);
        try (ModelSession s = Models.open(g)) {
            Tensor c = s.run(Map.of("x", x), List.of("c")).get("c");
            s.trainStep(new TrainingSpec("x", "logits", Set.of("head"), 0.1, 0, 0, 0.75), x, labels);
            Map<String, Tensor> after = s.weights();
            for (int ch = 0; ch < 4; ch++) {
                double sum = 0;
                double squares = 0;
                for (int n = 0; n < 3; n++) {
                    for (int p = 0; p < 36; p++) {
                        double value = c.floatAt((n * 4 + ch) * 36 + p);
                        sum += value;
                        squares += value * value;
                    }
                }
                double mean = sum / 108;
                double var = squares / 108 - mean * mean;
                assertThat(after.get("mean").floatAt(ch)).isCloseTo((float) (0.25 * mean), within(1e-5f));
                assertThat(after.get("var").floatAt(ch)).isCloseTo((float) (0.75 + 0.25 * var), within(1e-4f));
            }
            assertThat(after.get("w")).isEqualTo(g.initializers().get("w"));
        }
    }

    @Test
    void negativeBatchNormMomentumKeepsRunningStatistics() {
        Random random = new Random(13);
        Graph g = convNet(random);
        long[] labels = {0, 1};
        try (ModelSession s = Models.open(g)) {
            s.trainStep(new TrainingSpec("x", "logits", Set.of("w", "scale"), 0.1, 0.9, 0, -1), stripes(random, labels),
                    labels);
            assertThat(s.weights().get("mean")).isEqualTo(g.initializers().get("mean"));
            assertThat(s.weights().get("var")).isEqualTo(g.initializers().get("var"));
            assertThat(s.weights().get("w")).isNotEqualTo(g.initializers().get("w"));
        }
    }

    @Test
    void trainingIsDeterministic() {
        Graph g = convNet(new Random(14));
        long[] labels = {0, 1, 0, 1};
        Tensor x = stripes(new Random(15), labels);
        TrainingSpec spec = new TrainingSpec("x", "logits", Set.of("w", "scale", "bias", "head"), 0.2, 0.9, 1e-3, 0.9);
        Map<String, Tensor> first;
        try (ModelSession s = Models.open(g)) {
            for (int i = 0; i < 3; i++) {
                s.trainStep(spec, x, labels);
            }
            first = s.weights();
        }
        try (ModelSession s = Models.open(g)) {
            for (int i = 0; i < 3; i++) {
                s.trainStep(spec, x, labels);
            }
            assertThat(s.weights()).isEqualTo(first);
        }
    }
}
