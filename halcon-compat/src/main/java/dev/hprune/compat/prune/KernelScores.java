package dev.hprune.compat.prune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Oracle scores accumulated over the batches given to add_dl_pruning_batch: per scoring point and channel, the sum over
 * samples of the first-order Taylor importance |mean over positions of activation x gradient| (Molchanov et al., ICLR
 * 2017, arXiv:1611.06440). Raw sums only, so batches add up in any order and split; the sums are exact (see
 * {@link ExactSums}) and rounded to doubles only when read, so neither the order of the batches nor how they are
 * spread over instances that are merged later changes a single bit.
 *
 * <p>Group scores normalise each scoring point by the root mean square of its channel scores and sum a group's
 * channels over every point where they are read. The paper normalises each layer by the L2 norm, so that layers of
 * different scale compare; dividing by the RMS (the L2 norm over the square root of the channel count) does the same
 * without ranking the channels of wide layers lower merely because the layer is wide. With the plain L2 norm a one-shot
 * global ranking piles the removals into the widest layers (seen on an MNIST CNN: at 75 % one layer kept a single
 * kernel and accuracy fell to chance).
 */
public final class KernelScores {
    private final Map<String, ExactSums> sums = new LinkedHashMap<>();
    private long samples;

    /** Adds one batch's scores (per scoring point, one value per channel) for {@code batchSamples} samples. */
    public synchronized void add(Map<String, float[]> batch, int batchSamples) {
        for (Map.Entry<String, float[]> entry : batch.entrySet()) {
            float[] values = entry.getValue();
            ExactSums sum = channels(entry.getKey(), values.length);
            for (int c = 0; c < values.length; c++) {
                sum.add(c, values[c]);
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

    /**
     * Adds the scores and sample count {@code other} holds (add_dl_pruning_scores). Sums are exact, so scoring batches
     * A and B into one instance and merging an instance of A with one of B give the same bits. {@code other} is read
     * as a snapshot first, so merging two instances into each other from two threads cannot deadlock; a scoring point
     * whose channel count differs (an IllegalArgumentException; callers check the architecture first) changes nothing.
     */
    public void addAll(KernelScores other) {
        KernelScores snapshot = other.copy();
        synchronized (this) {
            for (Map.Entry<String, ExactSums> entry : snapshot.sums.entrySet()) {
                ExactSums mine = sums.get(entry.getKey());
                if (mine != null && mine.channels() != entry.getValue().channels()) {
                    throw mismatch(entry.getKey(), mine.channels(), entry.getValue().channels());
                }
            }
            for (Map.Entry<String, ExactSums> entry : snapshot.sums.entrySet()) {
                channels(entry.getKey(), entry.getValue().channels()).addAll(entry.getValue());
            }
            samples += snapshot.samples;
        }
    }

    /** Replaces everything this instance holds with what {@code other} holds (read_dl_pruning_scores). */
    public void replaceWith(KernelScores other) {
        KernelScores snapshot = other.copy();
        synchronized (this) {
            sums.clear();
            sums.putAll(snapshot.sums);
            samples = snapshot.samples;
        }
    }

    /** An independent copy, taken under this instance's lock. */
    public synchronized KernelScores copy() {
        KernelScores copy = new KernelScores();
        sums.forEach((point, sum) -> copy.channels(point, sum.channels()).addAll(sum));
        copy.samples = samples;
        return copy;
    }

    public synchronized long samples() {
        return samples;
    }

    /** A copy of the sums per scoring point, each the exact sum rounded to the nearest double. */
    public synchronized Map<String, double[]> sums() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        sums.forEach((point, sum) -> {
            double[] values = new double[sum.channels()];
            for (int c = 0; c < values.length; c++) {
                values[c] = sum.value(c);
            }
            copy.put(point, values);
        });
        return copy;
    }

    /**
     * The exact form of the sums: per scoring point and channel, doubles whose exact sum is the channel's score.
     * {@link #ofTerms} rebuilds an instance that is exactly this one, so later additions stay exact after a round trip
     * through a file.
     */
    public synchronized Map<String, double[][]> terms() {
        Map<String, double[][]> copy = new LinkedHashMap<>();
        sums.forEach((point, sum) -> {
            double[][] channels = new double[sum.channels()][];
            for (int c = 0; c < channels.length; c++) {
                channels[c] = sum.terms(c);
            }
            copy.put(point, channels);
        });
        return copy;
    }

    /** The instance whose {@link #terms} are {@code terms} and whose sample count is {@code samples}. */
    public static KernelScores ofTerms(Map<String, double[][]> terms, long samples) {
        KernelScores scores = new KernelScores();
        terms.forEach((point, channels) -> {
            ExactSums sum = scores.channels(point, channels.length);
            for (int c = 0; c < channels.length; c++) {
                for (double term : channels[c]) {
                    sum.add(c, term);
                }
            }
        });
        scores.samples = samples;
        return scores;
    }

    private ExactSums channels(String point, int count) {
        ExactSums sum = sums.computeIfAbsent(point, k -> new ExactSums(count));
        if (sum.channels() != count) {
            throw mismatch(point, sum.channels(), count);
        }
        return sum;
    }

    private static IllegalArgumentException mismatch(String point, int have, int given) {
        return new IllegalArgumentException("scoring point " + point + " has " + have + " channels, the addition gives "
                + given);
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
