package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows every convolution kernel's output channel through the graph (design.md, "Channel groups, not layers").
 *
 * <p>Each channel gets an id when a convolution creates it; operators pass ids on ({@link ChannelRule}); element-wise
 * operators on two activations tie ids together (union-find); a depthwise convolution keeps its input's ids. Ids that
 * reach a graph output or an operator the analysis cannot follow are protected. The values at which channels are
 * consumed (inputs of convolutions and dense layers) are the scoring points.
 */
final class ChannelFlow {

    /**
     * The channels of one value. For a feature value (rank 2, after a flatten) each channel is {@code block} consecutive
     * features, with {@code block == 0} until a dense consumer reveals it; the object is shared by the values a
     * pass-through connects, so what one consumer learns holds for all. {@code source} is the image-shaped value the
     * features were flattened from.
     */
    static final class Channels {
        final int[] ids;
        final boolean features;
        final String source;
        int block;

        Channels(int[] ids, boolean features, int block, String source) {
            this.ids = ids;
            this.features = features;
            this.block = block;
            this.source = source;
        }

        int count() {
            return ids.length;
        }

        /**
         * False for the outputs of a dense layer or of a convolution the analysis does not follow: no kernel can be
         * removed there, so such features are no scoring point (a second dense layer of a classifier head reads them).
         */
        boolean fromKernels() {
            return !source.isEmpty();
        }
    }

    private final Graph graph;
    private final Map<String, Channels> channels = new HashMap<>();
    private final List<Kernel> kernels = new ArrayList<>();
    private final UnionFind classes = new UnionFind();
    private final Set<Integer> protectedIds = new HashSet<>();
    private final Set<String> consumedAt = new LinkedHashSet<>();
    private final Map<String, Integer> kernelCounts = new HashMap<>();
    private final List<int[]> subRanges = new ArrayList<>();
    private final Set<String> shuffleReshapes = new HashSet<>();

    private ChannelFlow(Graph graph) {
        this.graph = graph;
    }

    static ChannelFlow of(Graph graph) {
        ChannelFlow flow = new ChannelFlow(graph);
        for (Node node : graph.nodes()) {
            flow.visit(node);
        }
        for (ValueInfo output : graph.outputs()) {
            flow.protect(flow.channels.get(output.name()));
        }
        return flow;
    }

    Graph graph() {
        return graph;
    }

    Optional<Channels> channels(String value) {
        return Optional.ofNullable(channels.get(value));
    }

    /** The kernel a channel id was created for, or null for channels that are no conv kernel. */
    Kernel kernel(int id) {
        return kernels.get(id);
    }

    int ids() {
        return classes.size();
    }

    int root(int id) {
        return classes.find(id);
    }

    /** Values whose channels a convolution or dense layer consumes, image-shaped (flattened features map back). */
    Set<String> scoringPoints() {
        Set<String> points = new LinkedHashSet<>();
        for (String value : consumedAt) {
            Channels c = channels.get(value);
            points.add(c.features ? c.source : value);
        }
        return points;
    }

    /**
     * The channel ids of each Split or Slice output that is part of its input: each must keep one channel, since a
     * value without channels is no valid tensor for the operators that read it.
     */
    List<int[]> subRanges() {
        return subRanges;
    }

    /** True for the outputs of the two Reshapes of a channel shuffle that the analysis follows. */
    boolean isChannelShuffle(String reshapeOutput) {
        return shuffleReshapes.contains(reshapeOutput);
    }

    /** Output channels (kernels) of each convolution that creates kernels, by node name. */
    Map<String, Integer> kernelCounts() {
        return kernelCounts;
    }

    private void visit(Node node) {
        switch (ChannelRule.of(node.opType())) {
            case PASS_THROUGH -> passThrough(node);
            case TIE_INPUTS -> tie(node);
            case OFFSET -> concat(node);
            case SUB_RANGES -> subRanges(node);
            case CONSUME -> conv(node);
            case DENSE -> dense(node);
            case FLATTEN_TO_FEATURES -> flatten(node);
            case BARRIER -> barrier(node);
        }
    }

    private void passThrough(Node node) {
        Channels in = input(node, 0);
        if (in != null) {
            channels.put(node.output(), in);
        }
        node.inputs().stream().skip(1).forEach(v -> protect(channels.get(v)));
    }

    private void tie(Node node) {
        Channels a = input(node, 0);
        Channels b = input(node, 1);
        if (a != null && b != null) {
            if (a.count() != b.count() || a.features != b.features) {
                protect(a);
                protect(b);
                return;
            }
            for (int i = 0; i < a.count(); i++) {
                classes.union(a.ids[i], b.ids[i]);
            }
            if (a.features && a.block != b.block) {
                int known = Math.max(a.block, b.block);
                if (Math.min(a.block, b.block) != 0) {
                    protect(a);
                    return;
                }
                a.block = known;
                b.block = known;
            }
            channels.put(node.output(), a);
            return;
        }
        Channels activation = a != null ? a : b;
        if (activation == null) {
            return;
        }
        String other = node.inputs().get(a != null ? 1 : 0);
        Tensor constant = graph.initializers().get(other);
        if (constant != null && ChannelConstants.fits(constant, activation)) {
            channels.put(node.output(), activation);
        } else {
            protect(activation);
        }
    }

    private void concat(Node node) {
        List<Channels> parts = new ArrayList<>();
        for (String input : node.inputs()) {
            parts.add(channels.get(input));
        }
        long axis = node.intAttr("axis", 1);
        boolean follow = (axis == 1 || axis == -3) && parts.stream().allMatch(p -> p != null && !p.features);
        if (!follow) {
            parts.forEach(this::protect);
            return;
        }
        int[] ids = parts.stream().flatMapToInt(p -> java.util.Arrays.stream(p.ids)).toArray();
        channels.put(node.output(), new Channels(ids, false, 1, node.output()));
    }

    private void subRanges(Node node) {
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        int[][] ranges = in.features ? null
                : node.opType().equals("Split") ? splitRanges(node, in.count()) : sliceRange(node, in.count());
        if (ranges == null) {
            protect(in);
            return;
        }
        for (int k = 0; k < ranges.length; k++) {
            int[] ids = java.util.Arrays.copyOfRange(in.ids, ranges[k][0], ranges[k][1]);
            if (ids.length == in.count()) {
                channels.put(node.outputs().get(k), in);
            } else {
                channels.put(node.outputs().get(k), new Channels(ids, false, 1, node.outputs().get(k)));
                subRanges.add(ids);
            }
        }
    }

    /** Each output's channel range {@code [start, end)} of a Split along channels, or null when it is not one. */
    private int[][] splitRanges(Node node, int count) {
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
        if (sizes.length != outputs || java.util.Arrays.stream(sizes).sum() != count
                || java.util.Arrays.stream(sizes).anyMatch(size -> size <= 0)) {
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
    private int[][] sliceRange(Node node, int count) {
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

    private void conv(Node node) {
        Channels in = input(node, 0);
        Tensor weight = node.input(1).map(graph.initializers()::get).orElse(null);
        if (weight == null || weight.rank() < 3) {
            protect(in);
            return;
        }
        int out = (int) weight.dim(0);
        int perGroup = (int) weight.dim(1);
        long group = node.intAttr("group", 1);
        if (group == 1) {
            if (in != null) {
                if (in.features || in.count() != perGroup) {
                    protect(in);
                } else {
                    consumedAt.add(node.inputs().get(0));
                }
            }
            int[] ids = new int[out];
            for (int k = 0; k < out; k++) {
                ids[k] = fresh(new Kernel(node.name(), k));
            }
            kernelCounts.put(node.name(), out);
            channels.put(node.output(), new Channels(ids, false, 1, node.output()));
        } else if (perGroup == 1 && group == out && in != null && !in.features && in.count() == out) {
            channels.put(node.output(), in);
        } else if (out % group == 0) {
            groupedConv(node, in, (int) group, perGroup, out);
        } else {
            protect(in);
            channels.put(node.output(), freshProtected(out, false));
        }
    }

    /**
     * A grouped convolution (not depthwise): group {@code i} reads input channels {@code [i*perGroup, (i+1)*perGroup)}
     * and writes output channels {@code [i*outPerGroup, (i+1)*outPerGroup)}. The cut graph keeps 'group', so every
     * group must keep the same width, and since the weight's axis 1 is a position within a group, the same positions:
     * the channel at position j of every group is tied across the groups, for the input (whose ids come from the
     * producer's kernels) and for the conv's own kernels, as Torch-Pruning repeats a group conv's pruning indices in
     * every group. Any class that contains one of these channels then contains all its shifts by a group's width, so
     * removing classes removes the same positions from every group. With one input channel per group the input could
     * only lose whole groups, so it stays.
     */
    private void groupedConv(Node node, Channels in, int group, int perGroup, int out) {
        if (in != null) {
            if (in.features || perGroup == 1 || in.count() != group * perGroup) {
                protect(in);
            } else {
                tieAcrossGroups(in.ids, group);
                consumedAt.add(node.inputs().get(0));
            }
        }
        int[] ids = new int[out];
        for (int k = 0; k < out; k++) {
            ids[k] = fresh(new Kernel(node.name(), k));
        }
        tieAcrossGroups(ids, group);
        kernelCounts.put(node.name(), out);
        channels.put(node.output(), new Channels(ids, false, 1, node.output()));
    }

    /** Ties the id at position j of each of {@code groups} equal consecutive parts of {@code ids}, for every j. */
    private void tieAcrossGroups(int[] ids, int groups) {
        int width = ids.length / groups;
        for (int i = 1; i < groups; i++) {
            for (int j = 0; j < width; j++) {
                classes.union(ids[j], ids[i * width + j]);
            }
        }
    }

    private void dense(Node node) {
        Channels in = input(node, 0);
        Tensor weight = node.input(1).map(graph.initializers()::get).orElse(null);
        boolean gemm = node.opType().equals("Gemm");
        if (weight == null || weight.rank() != 2 || (gemm && node.intAttr("transA", 0) != 0)) {
            protect(in);
            protect(input(node, 1));
            return;
        }
        boolean transB = gemm && node.intAttr("transB", 0) != 0;
        int features = (int) weight.dim(transB ? 1 : 0);
        int out = (int) weight.dim(transB ? 0 : 1);
        if (in != null) {
            if (!in.features || features % in.count() != 0
                    || (in.block != 0 && in.block != features / in.count())) {
                protect(in);
            } else {
                in.block = features / in.count();
                if (in.fromKernels()) {
                    consumedAt.add(node.inputs().get(0));
                }
            }
        }
        channels.put(node.output(), freshProtected(out, true));
    }

    private void flatten(Node node) {
        if (channelShuffle(node)) {
            return;
        }
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        if (in.features) {
            if (node.opType().equals("Flatten") && node.intAttr("axis", 1) == 1) {
                channels.put(node.output(), in);
            } else {
                protect(in);
            }
            return;
        }
        int block = flattenBlock(node, in);
        if (block < 0) {
            protect(in);
            return;
        }
        channels.put(node.output(), new Channels(in.ids, true, block, node.inputs().get(0)));
    }

    /**
     * ShuffleNet's channel shuffle, Reshape [N, C, H, W] to [N, g, C/g, H, W], Transpose perm [0, 2, 1, 3, 4], Reshape
     * back to [N, C, H, W], seen at its first Reshape: the last Reshape's channels are the input's ones interleaved
     * (position j*g + i takes channel j of group i). The cut graph still splits into g groups, and the interleaving
     * of what stays matches the original's only if every group keeps the same positions, so the channel at position
     * j of each group is tied across the groups. False, and nothing done, when the nodes are no such shuffle.
     */
    private boolean channelShuffle(Node node) {
        Channels in = input(node, 0);
        Tensor target = node.input(1).map(graph.initializers()::get).orElse(null);
        if (!node.opType().equals("Reshape") || in == null || in.features || target == null || target.rank() != 1
                || target.size() != 5) {
            return false;
        }
        long groups = target.longAt(1);
        if (groups <= 0 || in.count() % groups != 0
                || (target.longAt(2) != in.count() / groups && target.longAt(2) != -1)) {
            return false;
        }
        Node transpose = onlyConsumer(node.output(), "Transpose");
        if (transpose == null
                || !java.util.Arrays.equals(transpose.intsAttr("perm", null), new long[] {0, 2, 1, 3, 4})) {
            return false;
        }
        Node back = onlyConsumer(transpose.output(), "Reshape");
        Tensor backTarget = back == null ? null : back.input(1).map(graph.initializers()::get).orElse(null);
        if (backTarget == null || backTarget.rank() != 1 || backTarget.size() != 4
                || (backTarget.longAt(1) != in.count() && backTarget.longAt(1) != -1)) {
            return false;
        }
        int g = (int) groups;
        int width = in.count() / g;
        tieAcrossGroups(in.ids, g);
        int[] shuffled = new int[in.count()];
        for (int j = 0; j < width; j++) {
            for (int i = 0; i < g; i++) {
                shuffled[j * g + i] = in.ids[i * width + j];
            }
        }
        channels.put(back.output(), new Channels(shuffled, false, 1, back.output()));
        shuffleReshapes.add(node.output());
        shuffleReshapes.add(back.output());
        return true;
    }

    /** The one node reading {@code value} when it has {@code opType} and the value is no graph output, else null. */
    private Node onlyConsumer(String value, String opType) {
        List<Node> readers = graph.consumers(value);
        boolean output = graph.outputs().stream().anyMatch(o -> o.name().equals(value));
        return readers.size() == 1 && readers.get(0).opType().equals(opType) && !output ? readers.get(0) : null;
    }

    /** The features per channel a flatten-like node makes, 0 when not yet known, -1 when it is no flatten. */
    private int flattenBlock(Node node, Channels in) {
        switch (node.opType()) {
            case "Flatten" -> {
                return node.intAttr("axis", 1) == 1 ? 0 : -1;
            }
            case "Squeeze" -> {
                long[] axes = node.input(1).map(graph.initializers()::get).map(Tensor::toLongs)
                        .orElse(node.intsAttr("axes", null));
                return axes != null && axes.length == 2 && Set.of(2L, 3L, -1L, -2L).contains(axes[0])
                        && Set.of(2L, 3L, -1L, -2L).contains(axes[1]) && axes[0] != axes[1] ? 1 : -1;
            }
            default -> {
                Tensor target = node.input(1).map(graph.initializers()::get).orElse(null);
                if (target == null || target.rank() != 1 || target.size() != 2) {
                    return -1;
                }
                long first = target.longAt(0);
                long second = target.longAt(1);
                if (first < -1 || second == 0 || second < -1 || (first == -1 && second == -1)) {
                    return -1;
                }
                if (second == -1) {
                    return 0;
                }
                return second % in.count() == 0 ? (int) (second / in.count()) : -1;
            }
        }
    }

    private void barrier(Node node) {
        for (String input : node.inputs()) {
            protect(channels.get(input));
        }
    }

    private Channels input(Node node, int index) {
        return node.input(index).map(channels::get).orElse(null);
    }

    private int fresh(Kernel kernel) {
        kernels.add(kernel);
        return classes.add();
    }

    private Channels freshProtected(int count, boolean features) {
        int[] ids = new int[count];
        for (int k = 0; k < count; k++) {
            ids[k] = fresh(null);
            protectedIds.add(ids[k]);
        }
        return new Channels(ids, features, 1, "");
    }

    private void protect(Channels c) {
        if (c != null) {
            for (int id : c.ids) {
                protectedIds.add(id);
            }
        }
    }

    /** Protected ids are stored by id; roots change as sets merge, so protection is resolved at the end. */
    Set<Integer> protectedRoots() {
        Set<Integer> roots = new HashSet<>();
        for (int id : protectedIds) {
            roots.add(classes.find(id));
        }
        return roots;
    }
}
