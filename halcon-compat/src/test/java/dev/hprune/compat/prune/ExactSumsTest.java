package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exact sums checked against BigDecimal arithmetic (exact for every finite double; BigDecimal.doubleValue rounds to
 * nearest), and the property pruning relies on: order and grouping do not change a bit.
 */
class ExactSumsTest {

    /** Floats over a wide range of magnitudes and both signs, so plain double summation loses bits. */
    private static List<Float> wideFloats(long seed, int count) {
        Random random = new Random(seed);
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float magnitude = (float) Math.scalb(1.0 + random.nextDouble(), random.nextInt(160) - 100);
            values.add(random.nextInt(4) == 0 ? -magnitude : magnitude);
        }
        return values;
    }

    private static double exact(List<? extends Number> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Number v : values) {
            sum = sum.add(new BigDecimal(v.doubleValue()));
        }
        return sum.doubleValue();
    }

    private static double summed(List<? extends Number> values) {
        ExactSums sums = new ExactSums(1);
        for (Number v : values) {
            sums.add(0, v.doubleValue());
        }
        return sums.value(0);
    }

    @Test
    void valueIsTheCorrectlyRoundedExactSum() {
        for (long seed = 1; seed <= 200; seed++) {
            List<Float> values = wideFloats(seed, 1 + (int) (seed % 97));
            assertThat(summed(values)).as("seed " + seed).isEqualTo(exact(values));
        }
    }

    @Test
    void ordinaryDoubleSummationOfTheseValuesDependsOnOrder() {
        // Shows the test values have teeth: without exact sums, a permutation changes the result.
        int differing = 0;
        for (long seed = 1; seed <= 50; seed++) {
            List<Float> values = wideFloats(seed, 60);
            double forward = 0;
            for (float v : values) {
                forward += v;
            }
            Collections.shuffle(values, new Random(seed));
            double shuffled = 0;
            for (float v : values) {
                shuffled += v;
            }
            differing += forward != shuffled ? 1 : 0;
        }
        assertThat(differing).isGreaterThan(10);
    }

    @Test
    void orderAndGroupingDoNotChangeABit() {
        for (long seed = 1; seed <= 50; seed++) {
            List<Float> values = wideFloats(seed, 80);
            double inOrder = summed(values);
            List<Float> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, new Random(seed + 1000));
            assertThat(summed(shuffled)).isEqualTo(inOrder);

            ExactSums first = new ExactSums(1);
            ExactSums second = new ExactSums(1);
            for (int i = 0; i < shuffled.size(); i++) {
                (i % 3 == 0 ? first : second).add(0, shuffled.get(i));
            }
            first.addAll(second);
            assertThat(first.value(0)).isEqualTo(inOrder);
        }
    }

    @Test
    void tiesRoundToEvenAndTheLowerPartialsBreakThem() {
        double ulpOfOne = Math.ulp(1.0);
        // 1 + ulp/2 is a tie: to even (1.0); a tiny extra amount in the same direction moves it up, one against keeps it.
        assertThat(summed(List.of(1.0, ulpOfOne / 2))).isEqualTo(1.0);
        assertThat(summed(List.of(1.0, ulpOfOne / 2, 1e-300))).isEqualTo(1.0 + ulpOfOne);
        assertThat(summed(List.of(1.0, ulpOfOne / 2, -1e-300))).isEqualTo(1.0);
        assertThat(summed(List.of(1.0 + ulpOfOne, ulpOfOne / 2))).isEqualTo(1.0 + 2 * ulpOfOne);
        assertThat(summed(List.of(1e100, 1.0, -1e100))).isEqualTo(1.0);
        assertThat(summed(List.of())).isEqualTo(0.0);
    }

    @Test
    void termsRebuildTheSumExactly() {
        List<Float> values = wideFloats(7, 500);
        ExactSums sums = new ExactSums(2);
        for (float v : values) {
            sums.add(0, v);
            sums.add(1, -v / 3f);
        }
        ExactSums rebuilt = new ExactSums(2);
        for (int c = 0; c < 2; c++) {
            for (double term : sums.terms(c)) {
                rebuilt.add(c, term);
            }
        }
        // Equal now, and still equal after the same further additions (the hidden lower bits survived).
        List<Float> more = wideFloats(8, 100);
        for (float v : more) {
            sums.add(0, v);
            rebuilt.add(0, v);
        }
        List<Float> all = new ArrayList<>(values);
        all.addAll(more);
        assertThat(rebuilt.value(0)).isEqualTo(sums.value(0)).isEqualTo(exact(all));
        assertThat(rebuilt.value(1)).isEqualTo(sums.value(1));
    }

    @Test
    void infinitiesAndNanAreSummedApart() {
        assertThat(summed(List.of(1.0, Double.POSITIVE_INFINITY, 2.0))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(summed(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))).isNaN();
        assertThat(summed(List.of(1.0, Double.NaN))).isNaN();
        ExactSums sums = new ExactSums(1);
        sums.add(0, 3.0);
        sums.add(0, Double.NEGATIVE_INFINITY);
        ExactSums copy = new ExactSums(1);
        for (double term : sums.terms(0)) {
            copy.add(0, term);
        }
        assertThat(copy.value(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
