package dev.hprune.compat.prune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Oracle scores accumulated over the batches given to add_dl_pruning_batch: per scoring point and channel, the sum over
 * samples of the first-order Taylor importance |mean over positions of activation x gradient| (Molchanov et al., ICLR
 * 2017, arXiv:1611.06440). Raw sums only, so batches add up in any order and split.
 *
 * <p>Group scores normalise each scoring point by the root mean square of its channel scores and sum a group's
 * channels over every point where they are read. The paper normalises each layer by the L2 norm, so that layers of
 * different scale compare; dividing by the RMS (the L2 norm over the square root of the channel count) does the same
 * without ranking the channels of wide layers lower merely because the layer is wide. With the plain L2 norm a one-shot
 * global ranking piles the removals into the widest layers (seen on an MNIST CNN: at 75 % one layer kept a single
 * kernel and accuracy fell to chance).
 */
public final class KernelScores {
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private long samples;

    /** Adds one batch's scores (per scoring point, one value per channel) for {@code batchSamples} samples. */
    public synchronized void add(Map<String, float[]> batch, int batchSamples) {
        for (Map.Entry<String, float[]> entry : batch.entrySet()) {
            double[] sum = sums.computeIfAbsent(entry.getKey(), k -> new double[entry.getValue().length]);
            if (sum.length != entry.getValue().length) {
                throw new IllegalArgumentException("scoring point " + entry.getKey() + " has " + sum.length
                        + " channels, the batch gives " + entry.getValue().length);
            }
            for (int c = 0; c < sum.length; c++) {
                sum[c] += entry.getValue()[c];
            }
        }
        samples += batchSamples;
    }

    /** Adds the scores of several batches, {@code totalSamples} samples in all, as one step. */
    public synchronized void addAll(List<Map<String, float[]>> batches, int totalSamples) {
        for (Map<String, float[]> batch : batches) {
            add(batch, 0);
        }
        samples += totalSamples;
    }

    public synchronized long samples() {
        return samples;
    }

    /** A copy of the raw sums per scoring point. */
    public synchronized Map<String, double[]> sums() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        sums.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Each removable group's score: RMS-normalised per scoring point, summed over the points that read its channels. */
    public Map<ChannelGroup, Double> groupScores(PrunabilityAnalysis analysis) {
        Map<String, double[]> raw = sums();
        Map<Integer, Double> byRoot = new HashMap<>();
        ChannelFlow flow = analysis.flow();
        for (String point : analysis.scoringPoints()) {
            double[] values = raw.get(point);
            ChannelFlow.Channels channels = flow.channels(point).orElseThrow();
            if (values == null) {
                continue;
            }
            double sumOfSquares = 0;
            for (double v : values) {
                sumOfSquares += v * v;
            }
            double norm = Math.sqrt(sumOfSquares / values.length);
            for (int c = 0; c < channels.count(); c++) {
                double normalised = norm == 0 ? 0 : values[c] / norm;
                byRoot.merge(flow.root(channels.ids[c]), normalised, Double::sum);
            }
        }
        Map<ChannelGroup, Double> scores = new LinkedHashMap<>();
        for (ChannelGroup group : analysis.groups()) {
            scores.put(group, byRoot.getOrDefault(group.id(), 0.0));
        }
        return scores;
    }
}
