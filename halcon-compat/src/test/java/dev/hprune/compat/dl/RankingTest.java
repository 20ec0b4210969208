package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranking against the boxed comparator sort it replaced, on ties, NaN, signed zeros and sizes around its cut-over. */
class RankingTest {

    private static int[] byComparator(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byValue = Double.compare(-values[a], -values[b]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersByDescendingValueWithTiesByIndex() {
        assertThat(Ranking.descending(new double[] {0.1, 0.7, 0.1, 0.05, 0.05})).containsExactly(1, 0, 2, 3, 4);
        assertThat(Ranking.descending(new double[] {Double.NaN, 1, Double.NEGATIVE_INFINITY, 2}))
                .containsExactly(3, 1, 2, 0);
        assertThat(Ranking.descending(new double[0])).isEmpty();
    }

    @Test
    void equalsTheComparatorSortOnRandomValuesOfEverySize() {
        Random random = new Random(11);
        double[] pool = {0, -0.0, 1, 0.5, Double.NaN, 1e-300, -2, Double.POSITIVE_INFINITY};
        for (int n = 1; n <= 140; n++) {
            for (int draw = 0; draw < 5; draw++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    // few distinct values, so that ties are common
                    values[i] = draw % 2 == 0 ? pool[random.nextInt(pool.length)] : random.nextDouble();
                }
                assertThat(Ranking.descending(values)).as("n=%d draw=%d", n, draw).containsExactly(byComparator(values));
            }
        }
    }
}
