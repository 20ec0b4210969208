package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.Arrays;

/**
 * Which channels each output of a channel Split or Slice takes from its input, from the node's constant sizes or
 * bounds (ONNX's rules: sizes from the 'split' input or attribute, or equal parts; Slice bounds counted from the end
 * when negative, then clamped). ChannelFlow gives each output its sub-range of ids; Surgery moves the bounds.
 */
final class ChannelRanges {
    private ChannelRanges() {}

    /** Each output's channel range {@code [start, end)} of a Split along channels, or null when it is not one. */
    static int[][] ofSplit(Node node, Graph graph, int count) {
        long axis = node.intAttr("axis", 0);
        if (axis != 1 && axis != -3) {
            return null;
        }
        if (node.input(1).isPresent() && !graph.initializers().containsKey(node.inputs().get(1))) {
            return null;
        }
        long[] sizes = node.input(1).map(graph.initializers()::get).map(Tensor::toLongs)
                .orElse(node.intsAttr("split", null));
        int outputs = node.outputs().size();
        if (sizes == null) {
            // Equal parts; opset 18's num_outputs makes them ceil(count / outputs), the last one smaller.
            int part = (count + outputs - 1) / outputs;
            if (!node.has("num_outputs") && count % outputs != 0) {
                return null;
            }
            sizes = new long[outputs];
            for (int k = 0; k < outputs; k++) {
                sizes[k] = Math.min(part, count - (long) k * part);
            }
        }
        if (sizes.length != outputs || Arrays.stream(sizes).sum() != count
                || Arrays.stream(sizes).anyMatch(size -> size <= 0)) {
            return null;
        }
        int[][] ranges = new int[outputs][];
        int start = 0;
        for (int k = 0; k < outputs; k++) {
            ranges[k] = new int[] {start, start + (int) sizes[k]};
            start += (int) sizes[k];
        }
        return ranges;
    }

    /**
     * The channel range {@code [start, end)} a Slice keeps (all channels when it slices other axes only), or null when
     * its bounds are not constants, its channel step is not 1 or it keeps no channel.
     */
    static int[][] ofSlice(Node node, Graph graph, int count) {
        Tensor[] bounds = new Tensor[5];
        for (int i = 1; i < 5; i++) {
            if (node.input(i).isPresent()) {
                bounds[i] = graph.initializers().get(node.inputs().get(i));
                if (bounds[i] == null) {
                    return null;
                }
            }
        }
        if (bounds[1] == null || bounds[2] == null) {
            return null;
        }
        int k = channelBound(bounds);
        if (k == -1) {
            return new int[][] {{0, count}};
        }
        if (k < -1 || (bounds[4] != null && bounds[4].longAt(k) != 1)) {
            return null;
        }
        int start = clampBound(bounds[1].longAt(k), count);
        int end = clampBound(bounds[2].longAt(k), count);
        return end > start ? new int[][] {{start, end}} : null;
    }

    /**
     * The index into a Slice's starts/ends (bounds[1], bounds[2]) of the channel axis, given its axes (bounds[3], null
     * for all in order): -1 when no bound is on it, -2 when two are.
     */
    static int channelBound(Tensor[] bounds) {
        int found = -1;
        for (int k = 0; k < bounds[1].size(); k++) {
            long axis = bounds[3] == null ? k : bounds[3].longAt(k);
            if (axis == 1 || axis == -3) {
                if (found != -1) {
                    return -2;
                }
                found = k;
            }
        }
        return found;
    }

    /** A Slice bound as ONNX resolves it: negative counts from the end, then clamped to {@code [0, count]}. */
    static int clampBound(long bound, int count) {
        long resolved = bound < 0 ? bound + count : bound;
        return (int) Math.max(0, Math.min(count, resolved));
    }
}
