package dev.hprune.tests.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Rates of a few workloads measured in short windows taken in turn, round after round, with the order rotated each
 * round. On a shared machine whose speed drifts over seconds (this VM's rates move 20 to 50 % between measurements
 * seconds apart), windows taken next to each other see the same conditions, so the ratio of two workloads within a
 * round is steadier than the ratio of two separately taken rates; the median over rounds then discards the rounds a
 * load spike split.
 */
final class PairedRates {
    private PairedRates() {}

    /**
     * Images per second of each workload, per round: {@code rates[round][workload]}, after a warm-up of
     * {@code warmSeconds} (one call at least) for each.
     */
    static double[][] measure(int batch, int rounds, double windowSeconds, double warmSeconds,
            List<Runnable> workloads) {
        for (Runnable work : workloads) {
            window(batch, warmSeconds, 1, work);
        }
        double[][] rates = new double[rounds][workloads.size()];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < workloads.size(); k++) {
                int which = (round + k) % workloads.size();
                rates[round][which] = window(batch, windowSeconds, 1, workloads.get(which));
            }
        }
        return rates;
    }

    /**
     * Images per second of calls to {@code work} until {@code seconds} have passed and at least {@code minCalls} were
     * made. The paired windows take one call at least: a call of a large model at batch 32 takes about a second here,
     * and a shorter window sees less drift.
     */
    static double window(int batch, double seconds, int minCalls, Runnable work) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int calls = 0;
        while (calls < minCalls || System.nanoTime() < end) {
            work.run();
            calls++;
        }
        return calls * batch / ((System.nanoTime() - start) / 1e9);
    }

    /** The median of {@code values}; the mean of the middle two for an even count. */
    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The {@code q}-quantile of {@code values}, linear between order statistics. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /** Column {@code k} of {@code rates}. */
    static double[] column(double[][] rates, int k) {
        return Arrays.stream(rates).mapToDouble(round -> round[k]).toArray();
    }
}
