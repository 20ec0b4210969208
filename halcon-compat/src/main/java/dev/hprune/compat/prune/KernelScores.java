package dev.hprune.compat.prune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Oracle scores accumulated over the batches given to add_dl_pruning_batch: per scoring point and channel, the sum over
 * samples of the first-order Taylor importance |mean over positions of activation x gradient| (Molchanov et al., ICLR
 * 2017, arXiv:1611.06440). Raw sums only, so batches add up in any order and split.
 *
 * <p>Group scores normalise each scoring point by the L2 norm of its channel scores (the paper's per-layer
 * normalisation, so that points of different scale compare) and sum a group's channels over every point where they are
 * read.
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

    public synchronized long samples() {
        return samples;
    }

    /** A copy of the raw sums per scoring point. */
    public synchronized Map<String, double[]> sums() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        sums.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Each removable group's score: normalised per scoring point, summed over the points that read its channels. */
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
            double norm = 0;
            for (double v : values) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
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
