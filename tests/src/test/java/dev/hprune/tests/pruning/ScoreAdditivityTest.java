package dev.hprune.tests.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.prune.KernelScores;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.testing.TestGraphs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Oracle scores are sums: batch A then batch B gives what A and B give in one call. */
class ScoreAdditivityTest {

    @Test
    void scoresOfTwoBatchesEqualScoresOfTheirUnion() {
        Graph graph = TestGraphs.squeezeExcitation();
        List<String> points = PrunabilityAnalysis.of(graph).scoringPoints();
        Random random = new Random(11);
        float[] all = new float[6 * 3 * 8 * 8];
        for (int i = 0; i < all.length; i++) {
            all[i] = random.nextFloat() * 2 - 1;
        }
        long[] labels = {0, 1, 1, 0, 1, 0};
        int split = 4 * 3 * 8 * 8;
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            KernelScores separate = new KernelScores();
            separate.add(score(session, Arrays.copyOfRange(all, 0, split), Arrays.copyOfRange(labels, 0, 4), points), 4);
            separate.add(score(session, Arrays.copyOfRange(all, split, all.length), Arrays.copyOfRange(labels, 4, 6),
                    points), 2);
            KernelScores together = new KernelScores();
            together.add(score(session, all, labels, points), 6);

            Map<String, double[]> a = separate.sums();
            Map<String, double[]> b = together.sums();
            assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
            for (String point : a.keySet()) {
                assertThat(Arrays.stream(b.get(point)).sum()).as(point + " scores something").isPositive();
                for (int c = 0; c < a.get(point).length; c++) {
                    assertThat(a.get(point)[c]).as(point + "[" + c + "]")
                            .isCloseTo(b.get(point)[c], within(1e-5 * (1 + Math.abs(b.get(point)[c]))));
                }
            }
        }
    }

    private static Map<String, float[]> score(ModelSession session, float[] images, long[] labels, List<String> points) {
        Tensor batch = Tensor.ofFloats(new long[] {labels.length, 3, 8, 8}, images);
        return session.taylorScores("image", "fc.y", batch, labels, points);
    }
}
