package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.op.ChannelEngine;
import dev.hprune.compat.op.OpKinds;
import dev.hprune.compat.onnx.ShapeInference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows every convolution kernel's output channel through the graph (design.md, "Channel groups, not layers").
 *
 * <p>Each channel gets an id when a convolution creates it; operators pass ids on (the pattern their
 * {@link dev.hprune.compat.op.OpKind} names); element-wise operators on two activations tie ids together (union-find);
 * a depthwise convolution's kernels get ids tied to its input's. Ids that reach a graph output or an operator the
 * analysis cannot follow are protected, and the first node that protected each is recorded (what
 * {@link PrunabilityAnalysis#blockedConvs} reports). The values at which channels are consumed (inputs of convolutions
 * and dense layers) are the scoring points.
 */
final class ChannelFlow implements ChannelEngine {

    /**
     * The channels of one value. For a feature value (rank 2, after a flatten) each channel owns {@code block} features,
     * with {@code block == 0} until a dense consumer reveals it; the object is shared by the values a pass-through
     * connects, so what one consumer learns holds for all. {@code source} is the image-shaped value the features were
     * flattened from. Features are laid out in blocks (channel c owns features c x block ... c x block + block - 1, a
     * flatten of NCHW) or strided (channel c owns features c, c + C, c + 2C, ..., a flatten of NHWC).
     *
     * <p>An image-shaped value holds its channels on axis 1 (NCHW), or on the last axis ({@code last}: after a
     * Transpose to channels-last, where ConvNeXt's LayerNorm and its Linear layers act); {@code source} then names
     * the NCHW value they came from, where they are scored, or is empty for the outputs of a Linear layer.
     */
    static final class Channels {
        final int[] ids;
        final boolean features;
        final String source;
        final boolean strided;
        final boolean last;
        int block;

        Channels(int[] ids, boolean features, int block, String source) {
            this(ids, features, block, source, false);
        }

        Channels(int[] ids, boolean features, int block, String source, boolean strided) {
            this(ids, features, block, source, strided, false);
        }

        private Channels(int[] ids, boolean features, int block, String source, boolean strided, boolean last) {
            this.ids = ids;
            this.features = features;
            this.block = block;
            this.source = source;
            this.strided = strided;
            this.last = last;
        }

        /** Channels on the last axis of an image-shaped value, scored at {@code source} (empty: not scored). */
        static Channels channelsLast(int[] ids, String source) {
            return new Channels(ids, false, 1, source, false, true);
        }

        /** Image-shaped with the channels on axis 1, where convolutions, pooling and BatchNormalization read them. */
        boolean channelsFirst() {
            return !features && !last;
        }

        int count() {
            return ids.length;
        }

        /** The feature positions that the given channel positions own, ascending (the order they keep when cut). */
        int[] featurePositions(int[] channelPositions) {
            if (!features) {
                return channelPositions;
            }
            if (!strided) {
                return Slicing.expand(channelPositions, block);
            }
            int[] positions = new int[channelPositions.length * block];
            for (int b = 0; b < block; b++) {
                for (int i = 0; i < channelPositions.length; i++) {
                    positions[b * channelPositions.length + i] = b * count() + channelPositions[i];
                }
            }
            return positions;
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
    /** Why each protected id is protected: the first node (or the graph output) that protected it. */
    private final Map<Integer, String> protectedBy = new LinkedHashMap<>();
    private Node current;
    private Map<String, long[]> shapes;
    private final List<int[]> subRanges = new ArrayList<>();
    private final Set<String> shuffleReshapes = new HashSet<>();
    /**
     * Values computed from a mean over the channel axis of a followed value and from constants only (a decomposed
     * LayerNorm's mean, variance and standard deviation), with the ids of the channels they were taken over.
     */
    private final Map<String, int[]> statistics = new HashMap<>();
    /** Whether the node being visited took a statistic input as such. */
    private boolean statisticTaken;

    private ChannelFlow(Graph graph) {
        this.graph = graph;
    }

    static ChannelFlow of(Graph graph) {
        ChannelFlow flow = new ChannelFlow(graph);
        for (Node node : graph.nodes()) {
            flow.visit(node);
        }
        flow.current = null;
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
            points.add(c.features || c.last ? c.source : value);
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

    /**
     * The node's operator kind says which pattern its channels follow; an operator not registered is a barrier. A
     * statistic of channels that the pattern did not take (see {@link #statistics}) protects those channels: only
     * normalising them with it is accepted.
     */
    private void visit(Node node) {
        current = node;
        statisticTaken = false;
        OpKinds.of(node.opType()).ifPresentOrElse(kind -> kind.flow(node, this), () -> barrier(node));
        if (!statisticTaken) {
            node.inputs().stream().map(statistics::get).filter(java.util.Objects::nonNull).forEach(this::protectIds);
        }
    }

    public void passThrough(Node node) {
        Channels in = input(node, 0);
        if (in != null && in.last) {
            protect(in);
        } else if (in != null) {
            channels.put(node.output(), in);
        }
        node.inputs().stream().skip(1).forEach(v -> protect(channels.get(v)));
    }

    public void elementwise(Node node) {
        Channels in = input(node, 0);
        if (in != null) {
            channels.put(node.output(), in);
        } else if (statistics.containsKey(node.inputs().get(0))) {
            statistics.put(node.output(), statistics.get(node.inputs().get(0)));
            statisticTaken = true;
        }
        node.inputs().stream().skip(1).forEach(v -> protect(channels.get(v)));
    }

    /**
     * LayerNormalization normalises over the axes from 'axis' on; over the last axis alone, where a channels-last
     * image or a feature vector holds its channels, each channel keeps its place and its own scale and shift, which
     * are cut with it. The remaining channels are then normalised with statistics over fewer channels: the cut is not
     * exact, and is taken all the same (README, Pruning, "LayerNorm over channels"). Any other axis is a barrier.
     */
    public void layerNorm(Node node) {
        Channels in = input(node, 0);
        protect(input(node, 1));
        protect(input(node, 2));
        if (in == null) {
            return;
        }
        long[] shape = shape(node.inputs().get(0));
        long axis = node.intAttr("axis", -1);
        boolean lastAxis = shape != null && (axis == -1 || axis == shape.length - 1);
        boolean fits = lastAxis && !in.channelsFirst();
        for (int i = 1; fits && i < node.inputs().size(); i++) {
            Tensor vector = node.input(i).map(graph.initializers()::get).orElse(null);
            fits = node.input(i).isEmpty() || vector != null && vector.rank() == 1
                    && ChannelConstants.channelAxis(vector, in) == 0;
        }
        if (!fits) {
            protect(in);
            return;
        }
        channels.put(node.output(), in);
    }

    public void tie(Node node) {
        Channels a = input(node, 0);
        Channels b = input(node, 1);
        if (a != null && b != null) {
            if (a.count() != b.count() || a.features != b.features || a.strided != b.strided || a.last != b.last) {
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
            statisticOfStatistics(node);
            return;
        }
        String other = node.inputs().get(a != null ? 1 : 0);
        Tensor constant = graph.initializers().get(other);
        int[] statistic = statistics.get(other);
        if (constant != null && ChannelConstants.fits(constant, activation)
                || statistic != null && Arrays.equals(statistic, activation.ids)) {
            // x - mean(x), (x - mean(x)) / std(x): the statistic is recomputed over the channels that stay
            channels.put(node.output(), activation);
            statisticTaken = statistic != null;
        } else {
            protect(activation);
            if (statistic != null) {
                protectIds(statistic);
            }
        }
    }

    /** An element-wise operator on a statistic and a constant or a statistic over the same channels is a statistic. */
    private void statisticOfStatistics(Node node) {
        int[] first = statistics.get(node.inputs().get(0));
        int[] second = statistics.get(node.inputs().get(1));
        boolean firstConstant = graph.initializers().containsKey(node.inputs().get(0));
        boolean secondConstant = graph.initializers().containsKey(node.inputs().get(1));
        if (first != null && (secondConstant || Arrays.equals(first, second))) {
            statistics.put(node.output(), first);
            statisticTaken = true;
        } else if (second != null && firstConstant) {
            statistics.put(node.output(), second);
            statisticTaken = true;
        } else {
            if (first != null) {
                protectIds(first);
            }
            if (second != null) {
                protectIds(second);
            }
        }
    }

    public void concat(Node node) {
        List<Channels> parts = new ArrayList<>();
        for (String input : node.inputs()) {
            parts.add(channels.get(input));
        }
        long axis = node.intAttr("axis", 1);
        boolean follow = (axis == 1 || axis == -3) && parts.stream().allMatch(p -> p == null || p.channelsFirst());
        if (follow && parts.stream().allMatch(p -> p == null)) {
            return;
        }
        if (!follow || !untrackedPartsKept(node, parts)) {
            parts.forEach(this::protect);
            return;
        }
        int[] ids = parts.stream().flatMapToInt(p -> Arrays.stream(p.ids)).toArray();
        channels.put(node.output(), new Channels(ids, false, 1, node.output()));
    }

    public void subRanges(Node node) {
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        int[][] ranges = !in.channelsFirst() ? null
                : node.opType().equals("Split") ? ChannelRanges.ofSplit(node, graph, in.count())
                : ChannelRanges.ofSlice(node, graph, in.count());
        if (ranges == null) {
            protect(in);
            return;
        }
        for (int k = 0; k < ranges.length; k++) {
            int[] ids = Arrays.copyOfRange(in.ids, ranges[k][0], ranges[k][1]);
            if (ids.length == in.count()) {
                channels.put(node.outputs().get(k), in);
            } else {
                channels.put(node.outputs().get(k), new Channels(ids, false, 1, node.outputs().get(k)));
                subRanges.add(ids);
            }
        }
    }

    public void conv(Node node) {
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
                if (!in.channelsFirst() || in.count() != perGroup) {
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
        } else if (perGroup == 1 && group == out && in != null && in.channelsFirst() && in.count() == out) {
            depthwise(node, in);
        } else if (out % group == 0 && !(perGroup == 1 && group == out)) {
            // a depthwise conv whose input is not followed is not treated as grouped: its kernels stay with it
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
            if (!in.channelsFirst() || perGroup == 1 || in.count() != group * perGroup) {
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

    public void dense(Node node) {
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
        if (in != null && in.last) {
            pointwise(node, in, features, out);
            return;
        }
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

    /**
     * A MatMul on a channels-last image, a Linear layer over the channels at each position (ConvNeXt's MLP): it
     * consumes the input's channels as a 1x1 convolution would, scored where they came from. Its outputs are channels
     * of their own that no conv kernel creates: not removable alone, they are cut with whatever kernels they are tied
     * to (a residual Add ties the second Linear's outputs to the block's input channels), so they stay unprotected.
     */
    private void pointwise(Node node, Channels in, int features, int out) {
        if (in.count() != features) {
            protect(in);
        } else if (!in.source.isEmpty()) {
            consumedAt.add(node.inputs().get(0));
        }
        int[] ids = new int[out];
        for (int k = 0; k < out; k++) {
            ids[k] = fresh(null);
        }
        channels.put(node.output(), Channels.channelsLast(ids, ""));
    }

    public void flatten(Node node) {
        if (channelShuffle(node)) {
            return;
        }
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        if (in.features) {
            featuresFlattened(node, in);
            return;
        }
        if (in.last) {
            channelsLastFlattened(node, in);
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
        if (!node.opType().equals("Reshape") || in == null || !in.channelsFirst() || target == null
                || target.rank() != 1 || target.size() != 5) {
            return false;
        }
        long groups = target.longAt(1);
        if (groups <= 0 || in.count() % groups != 0
                || (target.longAt(2) != in.count() / groups && target.longAt(2) != -1)) {
            return false;
        }
        Node transpose = onlyConsumer(node.output(), "Transpose");
        if (transpose == null
                || !Arrays.equals(transpose.intsAttr("perm", null), new long[] {0, 2, 1, 3, 4})) {
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

    /**
     * Concat along channels of tracked and untracked parts (the graph input, a barrier's output): the untracked parts
     * get fresh protected ids, so the tracked parts stay free. False when an untracked part's channel count is unknown.
     */
    private boolean untrackedPartsKept(Node node, List<Channels> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == null) {
                long[] shape = shape(node.inputs().get(i));
                if (shape == null || shape.length < 2 || shape[1] <= 0) {
                    return false;
                }
                parts.set(i, freshProtected((int) shape[1], false));
            }
        }
        return true;
    }

    /** A depthwise kernel goes with its one input channel: it gets an id of its own, tied to that channel's. */
    private void depthwise(Node node, Channels in) {
        int[] ids = new int[in.count()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = fresh(new Kernel(node.name(), k));
            classes.union(ids[k], in.ids[k]);
        }
        kernelCounts.put(node.name(), ids.length);
        channels.put(node.output(), new Channels(ids, false, 1, node.output()));
    }

    /**
     * A channels-last image flattened (Flatten, or a Reshape to [N, F]; Keras and TensorFlow exports): the features
     * are strided, channel c owning every C-th; they are scored on the NCHW value they came from.
     */
    private void channelsLastFlattened(Node node, Channels in) {
        int block = node.opType().equals("Squeeze") || in.source.isEmpty() ? -1 : flattenBlock(node, in);
        if (block < 0) {
            protect(in);
            return;
        }
        channels.put(node.output(), new Channels(in.ids, true, block, in.source, true));
    }

    /** Features flattened again (Flatten, or a Reshape to [N, F]) keep their channels; anything else is a barrier. */
    private void featuresFlattened(Node node, Channels in) {
        int block = node.opType().equals("Squeeze") ? -1 : flattenBlock(node, in);
        if (block < 0 || (block > 0 && in.block > 0 && block != in.block)) {
            protect(in);
            return;
        }
        if (block > 0) {
            in.block = block;
        }
        channels.put(node.output(), in);
    }

    /**
     * A Pad on the spatial axes only (any mode: each channel is padded from its own values or a constant) keeps every
     * channel where it was; one that pads N or C shifts channels and is a barrier.
     */
    public void pad(Node node) {
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        long[] pads = node.intsAttr("pads", null);
        if (pads == null) {
            pads = constantInput(node, 1);
        }
        long[] shape = shape(node.inputs().get(0));
        long[] axes = node.input(3).filter(v -> !v.isEmpty()).isPresent() ? constantInput(node, 3) : null;
        boolean spatial = in.channelsFirst() && pads != null && shape != null;
        if (spatial) {
            int rank = shape.length;
            int padded = axes != null ? axes.length : rank;
            spatial = pads.length == 2 * padded;
            for (int i = 0; spatial && i < padded; i++) {
                long axis = axes != null ? (axes[i] < 0 ? axes[i] + rank : axes[i]) : i;
                spatial = axis >= 2 || (pads[i] == 0 && pads[i + padded] == 0);
            }
        }
        if (!spatial) {
            protect(in);
            return;
        }
        channels.put(node.output(), in);
    }

    /**
     * ReduceMean over exactly the spatial axes is a global average pooling: with keepdims the output is image-shaped
     * [N, C, 1, 1] with the input's channels; without it, [N, C] features with one feature per channel, read from the
     * image-shaped input. Over exactly the channel axis with keepdims (axis 1, or the last of a channels-last image) it
     * is a statistic of the channels, as a LayerNorm written out takes its mean and variance: no channels, and the
     * element-wise operators that combine it with the same channels pass those on (see {@link #tie}). Any other axes
     * mix or drop channels: a barrier.
     */
    public void reduceMean(Node node) {
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        long[] axes = node.intsAttr("axes", null);
        if (axes == null) {
            axes = constantInput(node, 1);
        }
        long[] shape = shape(node.inputs().get(0));
        if (in.features || axes == null || shape == null || shape.length < 3) {
            protect(in);
            return;
        }
        int rank = shape.length;
        long[] reduced = Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
        long channelAxis = in.last ? rank - 1 : 1;
        if (Arrays.equals(reduced, new long[] {channelAxis}) && node.intAttr("keepdims", 1) != 0) {
            statistics.put(node.output(), in.ids);
            return;
        }
        if (in.last) {
            protect(in);
            return;
        }
        long[] spatialAxes = java.util.stream.LongStream.range(2, rank).toArray();
        if (!Arrays.equals(reduced, spatialAxes)) {
            protect(in);
            return;
        }
        if (node.intAttr("keepdims", 1) != 0) {
            channels.put(node.output(), in);
        } else {
            channels.put(node.output(), new Channels(in.ids, true, 1, node.inputs().get(0)));
        }
    }

    /**
     * A Transpose from NCHW to channels-last (perm [0, 2, ..., 1]: Keras and TensorFlow exports before their flatten,
     * ConvNeXt around its LayerNorm and Linear layers) moves the channels to the last axis, scored on the NCHW input
     * (a flatten of it makes strided features); the inverse (perm [0, r-1, 1, ..., r-2]) moves channels-last ones
     * back to axis 1. Any other permutation is a barrier.
     */
    public void channelsLast(Node node) {
        Channels in = input(node, 0);
        if (in == null) {
            return;
        }
        long[] perm = node.intsAttr("perm", null);
        int rank = perm == null ? 0 : perm.length;
        boolean toLast = rank >= 3 && perm[0] == 0 && perm[rank - 1] == 1;
        boolean toFirst = rank >= 3 && perm[0] == 0 && perm[1] == rank - 1;
        for (int i = 1; i < rank - 1; i++) {
            toLast &= perm[i] == i + 1;
            toFirst &= perm[i + 1] == i;
        }
        if (toLast && in.channelsFirst()) {
            channels.put(node.output(), Channels.channelsLast(in.ids, node.inputs().get(0)));
        } else if (toFirst && in.last) {
            channels.put(node.output(), new Channels(in.ids, false, 1, node.output()));
        } else {
            protect(in);
        }
    }

    private long[] constantInput(Node node, int index) {
        return node.input(index).map(graph.initializers()::get).map(Tensor::toLongs).orElse(null);
    }

    /** A value's shape from shape inference over the graph (-1 for unknown dims), or null when it is not known. */
    private long[] shape(String value) {
        if (shapes == null) {
            try {
                shapes = ShapeInference.infer(graph, Map.of());
            } catch (RuntimeException e) {
                shapes = Map.of();
            }
        }
        return shapes.get(value);
    }

    public void barrier(Node node) {
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
            protectedBy.putIfAbsent(ids[k], reason());
        }
        return new Channels(ids, features, 1, "");
    }

    private void protect(Channels c) {
        if (c != null) {
            protectIds(c.ids);
        }
    }

    private void protectIds(int[] ids) {
        for (int id : ids) {
            protectedIds.add(id);
            protectedBy.putIfAbsent(id, reason());
        }
    }

    /** The node being visited as "OpType 'name'" (a grouped Conv with its group), or "graph output" at the end. */
    private String reason() {
        if (current == null) {
            return "graph output";
        }
        long group = current.opType().equals("Conv") ? current.intAttr("group", 1) : 1;
        return current.opType() + (group > 1 ? " (group " + group + ")" : "") + " '" + current.name() + "'";
    }

    /** For each protected root, why its channels are kept: the distinct reasons recorded on its ids, in graph order. */
    Map<Integer, Set<String>> protectionReasons() {
        Map<Integer, Set<String>> reasons = new HashMap<>();
        protectedBy.forEach((id, reason) -> reasons.computeIfAbsent(classes.find(id), r -> new LinkedHashSet<>())
                .add(reason));
        return reasons;
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
