package dev.hprune.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the training samples are cut into the partitions that executors score: contiguous runs of the samples in their
 * order, each a whole number of batches (only the last may end in a short batch), as even as the batches allow. Every
 * partition thus feeds add_dl_pruning_batch the same batches one process would, so the partial scores differ from a
 * single run's only in the order the batch sums are added.
 */
final class ScoringPlan {
    private ScoringPlan() {}

    /**
     * The sample indices of each partition; at most {@code partitions} and never an empty one.
     *
     * @param samples the training sample indices in scoring order
     */
    static List<long[]> split(long[] samples, int batchSize, int partitions) {
        if (batchSize < 1 || partitions < 1) {
            throw new IllegalArgumentException("batch size and partitions must be positive");
        }
        int batches = (samples.length + batchSize - 1) / batchSize;
        int parts = Math.min(partitions, batches);
        List<long[]> split = new ArrayList<>(parts);
        int batch = 0;
        for (int p = 0; p < parts; p++) {
            // the first (batches % parts) partitions take one batch more
            int count = batches / parts + (p < batches % parts ? 1 : 0);
            int from = batch * batchSize;
            int to = Math.min(samples.length, (batch + count) * batchSize);
            split.add(Arrays.copyOfRange(samples, from, to));
            batch += count;
        }
        return split;
    }
}
