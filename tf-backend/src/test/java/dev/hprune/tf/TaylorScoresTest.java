package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TaylorScoresTest {
    private static final Random RANDOM = new Random(7);
    private static final Tensor W1 = random(RANDOM, 3, 2);
    private static final Tensor B1 = random(RANDOM, 3);
    private static final Tensor W2 = random(RANDOM, 2, 3);

    /** x [N,2] -> h = Gemm(x, W1') [N,3] -> tanh -> logits = Gemm(., W2') [N,2]. */
    private static Graph mlp() {
        return Models.graph().input("x", -1, 2).init("w1", W1).init("b1", B1).init("w2", W2)
                .node("Gemm", in("x", "w1", "b1"), "h", "transB", 1)
                .node("Tanh", in("h"), "a")
                .node("Gemm", in("a", "w2"), "logits", "transB", 1).build();
    }

    /** sum_n |h[n,c] * dL/dh[n,c]| with the derivative written out by hand: dL/dh = ((softmax - onehot) W2) * (1 - a^2). */
    private static float[] handScores(Tensor x, long[] labels) {
        int n = (int) x.dim(0);
        float[] scores = new float[3];
        for (int b = 0; b < n; b++) {
            double[] h = new double[3];
            double[] a = new double[3];
            for (int c = 0; c < 3; c++) {
                h[c] = B1.floatAt(c) + W1.floatAt(c * 2) * x.floatAt(b * 2) + W1.floatAt(c * 2 + 1) * x.floatAt(b * 2 + 1);
                a[c] = Math.tanh(h[c]);
            }
            double[] z = new double[2];
            for (int k = 0; k < 2; k++) {
                for (int c = 0; c < 3; c++) {
                    z[k] += W2.floatAt(k * 3 + c) * a[c];
                }
            }
            double max = Math.max(z[0], z[1]);
            double e0 = Math.exp(z[0] - max);
            double e1 = Math.exp(z[1] - max);
            double[] dz = {e0 / (e0 + e1) - (labels[b] == 0 ? 1 : 0), e1 / (e0 + e1) - (labels[b] == 1 ? 1 : 0)};
            for (int c = 0; c < 3; c++) {
                double da = dz[0] * W2.floatAt(c) + dz[1] * W2.floatAt(3 + c);
                scores[c] += (float) Math.abs(h[c] * da * (1 - a[c] * a[c]));
            }
        }
        return scores;
    }

    @Test
    void scoresOfADenseActivationEqualTheHandDerivation() {
        Tensor x = random(new Random(1), 5, 2);
        long[] labels = {0, 1, 1, 0, 1};
        try (ModelSession s = Models.open(mlp())) {
            float[] scores = s.taylorScores("x", "logits", x, labels, List.of("h")).get("h");
            assertThat(scores).containsExactly(handScores(x, labels), within(1e-5f));
        }
    }

    @Test
    void scoresOfBatchesAddUpToTheScoresOfTheirUnion() {
        Tensor a = random(new Random(2), 3, 2);
        Tensor b = random(new Random(3), 4, 2);
        float[] joined = new float[14];
        a.copyFloatsTo(joined, 0);
        b.copyFloatsTo(joined, 6);
        try (ModelSession s = Models.open(mlp())) {
            float[] sa = s.taylorScores("x", "logits", a, new long[] {0, 1, 0}, List.of("h")).get("h");
            float[] sb = s.taylorScores("x", "logits", b, new long[] {1, 1, 0, 0}, List.of("h")).get("h");
            float[] both = s.taylorScores("x", "logits", Tensor.ofFloats(new long[] {7, 2}, joined),
                    new long[] {0, 1, 0, 1, 1, 0, 0}, List.of("h")).get("h");
            for (int c = 0; c < 3; c++) {
                assertThat(both[c]).isCloseTo(sa[c] + sb[c], within(1e-5f));
            }
        }
    }

    @Test
    void scoresOfAConvolutionAverageOverPositionsAndLeaveWeightsUnchanged() {
        // conv [N,3,4,4] -> GlobalAveragePool -> Flatten -> Gemm: dL/dc[n,ch,i,j] = dL/dg[n,ch] / 16, so the score is
        // sum_n |g[n,ch] * dL/dg[n,ch] / 16|, with g the pooled value
        Random random = new Random(4);
        Tensor w = random(random, 3, 2, 3, 3);
        Tensor head = random(random, 2, 3);
        Graph g = Models.graph().input("x", -1, 2, 4, 4).init("w", w).init("head", head)
                .node("Conv", in("x", "w"), "c", "pads", Models.ints(1, 1, 1, 1))
                .node("GlobalAveragePool", in("c"), "g")
                .node("Flatten", in("g"), "f")
                .node("Gemm", in("f", "head"), "logits", "transB", 1).build();
        Tensor x = random(random, 3, 2, 4, 4);
        long[] labels = {1, 0, 1};
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> before = s.weights();
            float[] scores = s.taylorScores("x", "logits", x, labels, List.of("c", "g")).get("c");
            Tensor pooled = s.run(Map.of("x", x), List.of("f")).get("f");
            float[] expected = new float[3];
            for (int n = 0; n < 3; n++) {
                double[] z = new double[2];
                for (int k = 0; k < 2; k++) {
                    for (int ch = 0; ch < 3; ch++) {
                        z[k] += head.floatAt(k * 3 + ch) * pooled.floatAt(n * 3 + ch);
                    }
                }
                double p1 = 1 / (1 + Math.exp(z[0] - z[1]));
                double[] dz = {(1 - p1) - (labels[n] == 0 ? 1 : 0), p1 - (labels[n] == 1 ? 1 : 0)};
                for (int ch = 0; ch < 3; ch++) {
                    double dg = dz[0] * head.floatAt(ch) + dz[1] * head.floatAt(3 + ch);
                    expected[ch] += (float) Math.abs(pooled.floatAt(n * 3 + ch) * dg / 16);
                }
            }
            assertThat(scores).containsExactly(expected, within(1e-5f));
            assertThat(s.weights()).isEqualTo(before);
        }
    }
}
