package dev.hprune.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's paired-window statistics on values worked out by hand. */
class PairedRatesTest {

    @Test
    void medianAndQuartilesInterpolateBetweenOrderStatistics() {
        assertThat(PairedRates.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(PairedRates.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        // sorted 1, 2, 3, 4, 5: the 0.25-quantile sits at position 1, the 0.75 at 3, 0.1 at 0.4
        double[] five = {5, 1, 4, 2, 3};
        assertThat(PairedRates.quantile(five, 0.25)).isEqualTo(2);
        assertThat(PairedRates.quantile(five, 0.75)).isEqualTo(4);
        assertThat(PairedRates.quantile(five, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(five).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void everyRoundMeasuresEveryWorkloadInARotatedOrder() {
        List<String> order = new ArrayList<>();
        double[][] rates = PairedRates.measure(4, 3, 0, 0, List.of(() -> order.add("a"), () -> order.add("b")));
        assertThat(rates).hasDimensions(3, 2);
        for (double[] round : rates) {
            for (double rate : round) {
                assertThat(rate).isPositive();
            }
        }
        // one warm-up call each, then one call per window: round 0 a b, round 1 b a, round 2 a b
        assertThat(order).containsExactly("a", "b", "a", "b", "b", "a", "a", "b");
        assertThat(PairedRates.column(rates, 1)).hasSize(3);
    }
}
