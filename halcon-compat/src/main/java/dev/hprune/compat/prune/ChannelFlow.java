package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.op.ChannelEngine;
import dev.hprune.compat.op.OpKinds;
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
 * <p>Each channel gets an id when a convolution creates it; operators pass ids on (the pattern their
 * {@link dev.hprune.compat.op.OpKind} names); element-wise operators on two activations tie ids together (union-find);
 * a depthwise convolution keeps its input's ids. Ids that reach a graph output or an operator the analysis cannot
 * follow are protected. The values at which channels are consumed (inputs of convolutions and dense layers) are the
 * scoring points.
 */
final class ChannelFlow implements ChannelEngine {

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

    /** Output channels (kernels) of each convolution that creates kernels, by node name. */
    Map<String, Integer> kernelCounts() {
        return kernelCounts;
    }

    /** The node's operator kind says which pattern its channels follow; an operator not registered is a barrier. */
    private void visit(Node node) {
        OpKinds.of(node.opType()).ifPresentOrElse(kind -> kind.flow(node, this), () -> barrier(node));
    }

    public void passThrough(Node node) {
        Channels in = input(node, 0);
        if (in != null) {
            channels.put(node.output(), in);
        }
        node.inputs().stream().skip(1).forEach(v -> protect(channels.get(v)));
    }

    public void tie(Node node) {
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

    public void concat(Node node) {
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
        } else {
            protect(in);
            channels.put(node.output(), freshProtected(out, false));
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

    public void flatten(Node node) {
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
