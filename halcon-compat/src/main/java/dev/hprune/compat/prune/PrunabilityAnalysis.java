package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which kernels of a graph can be removed, as channel groups ({@link ChannelFlow} follows the channels).
 *
 * <p>Counting, as HALCON's get_dl_pruning_param reports it: 'prunable_conv_num' is the number of convolutions with at
 * least one kernel in a removable group; 'prunable_kernel_num' is the number of kernels in removable groups less those
 * that must stay so that every convolution keeps at least one kernel (for each convolution all of whose kernels are
 * removable, the smallest group touching it is counted as staying, unless a group already counted does; so is one
 * group for each part of a Split or Slice whose channels are all removable).
 */
public final class PrunabilityAnalysis {
    private final ChannelFlow flow;
    private final List<ChannelGroup> groups = new ArrayList<>();
    private final Map<Integer, ChannelGroup> byId = new LinkedHashMap<>();
    private final Map<String, List<ChannelGroup>> byConv = new LinkedHashMap<>();
    private final int prunableKernels;

    private PrunabilityAnalysis(ChannelFlow flow) {
        this.flow = flow;
        Set<Integer> protectedRoots = flow.protectedRoots();
        Map<Integer, List<Kernel>> members = new LinkedHashMap<>();
        for (int id = 0; id < flow.ids(); id++) {
            Kernel kernel = flow.kernel(id);
            int root = flow.root(id);
            if (kernel != null && !protectedRoots.contains(root)) {
                members.computeIfAbsent(root, r -> new ArrayList<>()).add(kernel);
            }
        }
        members.forEach((root, kernels) -> {
            ChannelGroup group = new ChannelGroup(root, kernels);
            groups.add(group);
            byId.put(root, group);
        });
        for (String conv : flow.kernelCounts().keySet()) {
            byConv.put(conv, new ArrayList<>());
        }
        for (ChannelGroup group : groups) {
            group.kernels().stream().map(Kernel::conv).distinct().forEach(conv -> byConv.get(conv).add(group));
        }
        byConv.values().removeIf(List::isEmpty);
        int removable = groups.stream().mapToInt(ChannelGroup::size).sum();
        int staying = keepers(Comparator.comparingInt(ChannelGroup::size)).stream()
                .mapToInt(ChannelGroup::size).sum();
        this.prunableKernels = removable - staying;
    }

    public static PrunabilityAnalysis of(Graph graph) {
        return new PrunabilityAnalysis(ChannelFlow.of(graph));
    }

    public Graph graph() {
        return flow.graph();
    }

    /** The removable channel groups. */
    public List<ChannelGroup> groups() {
        return groups;
    }

    /** Names of the convolutions with removable kernels, in graph order. */
    public List<String> prunableConvs() {
        List<String> convs = new ArrayList<>();
        for (var node : flow.graph().nodes()) {
            if (byConv.containsKey(node.name())) {
                convs.add(node.name());
            }
        }
        return convs;
    }

    public int prunableKernelCount() {
        return prunableKernels;
    }

    /** The kernels removed together with kernel {@code index} of {@code conv}; empty when it cannot be removed. */
    public List<Kernel> groupOf(String conv, int index) {
        for (ChannelGroup group : groups) {
            if (group.kernels().contains(new Kernel(conv, index))) {
                return group.kernels();
            }
        }
        return List.of();
    }

    /** The values whose per-channel oracle scores rank the groups (where convolutions and dense layers read them). */
    public List<String> scoringPoints() {
        return new ArrayList<>(flow.scoringPoints());
    }

    /** The channel count of one of {@link #scoringPoints}: the length of its scores. */
    public int scoringPointChannels(String scoringPoint) {
        return flow.channels(scoringPoint).orElseThrow().count();
    }

    /**
     * For each scoring point, the positions of its channels that removing {@code groups} takes away (points that lose
     * nothing are left out). Zeroing these positions in the original graph gives what the pruned graph computes.
     */
    public Map<String, int[]> removedPositions(Set<ChannelGroup> groups) {
        Set<Integer> roots = new java.util.HashSet<>();
        groups.forEach(g -> roots.add(g.id()));
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (String point : flow.scoringPoints()) {
            ChannelFlow.Channels c = flow.channels(point).orElseThrow();
            int[] removed = java.util.stream.IntStream.range(0, c.count())
                    .filter(i -> roots.contains(flow.root(c.ids[i]))).toArray();
            if (removed.length > 0) {
                positions.put(point, removed);
            }
        }
        return positions;
    }

    /**
     * A convolution some of whose kernels cannot be removed, and why.
     *
     * @param conv the convolution's node name
     * @param blockedKernels its kernels in no removable group
     * @param kernels all its kernels
     * @param reasons what keeps them: "OpType 'node'" for the node that stopped their channels (a barrier, a graph
     *     output's "graph output", a consumer whose channels do not fit), or why the convolution is not followed
     */
    public record BlockedConv(String conv, int blockedKernels, int kernels, List<String> reasons) {
        public BlockedConv {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The convolutions, in graph order, with kernels that no removable group holds (all of them, or some), each with
     * what blocks them. The kernel that must stay so that a convolution keeps one is no block and is not listed.
     */
    public List<BlockedConv> blockedConvs() {
        Map<Integer, Set<String>> reasons = flow.protectionReasons();
        Set<Integer> protectedRoots = flow.protectedRoots();
        Map<String, Set<String>> byConv = new LinkedHashMap<>();
        Map<String, Integer> blocked = new LinkedHashMap<>();
        for (int id = 0; id < flow.ids(); id++) {
            Kernel kernel = flow.kernel(id);
            int root = flow.root(id);
            if (kernel != null && protectedRoots.contains(root)) {
                blocked.merge(kernel.conv(), 1, Integer::sum);
                byConv.computeIfAbsent(kernel.conv(), c -> new LinkedHashSet<>())
                        .addAll(reasons.getOrDefault(root, Set.of()));
            }
        }
        List<BlockedConv> result = new ArrayList<>();
        for (var node : flow.graph().nodes()) {
            if (!node.opType().equals("Conv")) {
                continue;
            }
            String conv = node.name();
            if (!flow.kernelCounts().containsKey(conv)) {
                Tensor weight = node.input(1).map(flow.graph().initializers()::get).orElse(null);
                int kernels = weight == null ? 0 : (int) weight.dim(0);
                long group = node.intAttr("group", 1);
                String why = weight == null ? "weights computed in the graph"
                        : weight.dim(1) == 1 && group == kernels ? "depthwise on channels that are not followed"
                        : "grouped convolution (group " + group + ") not followed";
                result.add(new BlockedConv(conv, kernels, kernels, List.of(why)));
            } else if (blocked.containsKey(conv)) {
                result.add(new BlockedConv(conv, blocked.get(conv), kernelCount(conv),
                        new ArrayList<>(byConv.get(conv))));
            }
        }
        return result;
    }

    ChannelFlow flow() {
        return flow;
    }

    /** The removable groups with a kernel in {@code conv}. */
    List<ChannelGroup> groupsOf(String conv) {
        return byConv.getOrDefault(conv, List.of());
    }

    /** All kernels (output channels) of {@code conv}. */
    int kernelCount(String conv) {
        return flow.kernelCounts().get(conv);
    }

    ChannelGroup group(int id) {
        return byId.get(id);
    }

    /**
     * Groups that must stay so that every convolution keeps a kernel: for each convolution all of whose kernels are
     * removable and that no chosen group touches yet, the first group touching it in {@code preference} order; then
     * the same for each part of a Split or Slice (see {@link ChannelFlow#subRanges()}).
     */
    Set<ChannelGroup> keepers(Comparator<ChannelGroup> preference) {
        Set<ChannelGroup> keep = new LinkedHashSet<>();
        for (Map.Entry<String, List<ChannelGroup>> entry : byConv.entrySet()) {
            String conv = entry.getKey();
            int removable = (int) entry.getValue().stream()
                    .flatMap(g -> g.kernels().stream()).filter(k -> k.conv().equals(conv)).count();
            boolean allRemovable = removable == flow.kernelCounts().get(conv);
            if (allRemovable && entry.getValue().stream().noneMatch(keep::contains)) {
                keep.add(entry.getValue().stream().min(preference).orElseThrow());
            }
        }
        for (int[] range : flow.subRanges()) {
            List<ChannelGroup> touching = new ArrayList<>();
            boolean allRemovable = true;
            for (int id : range) {
                ChannelGroup group = byId.get(flow.root(id));
                allRemovable &= group != null;
                if (group != null && !touching.contains(group)) {
                    touching.add(group);
                }
            }
            if (allRemovable && touching.stream().noneMatch(keep::contains)) {
                keep.add(touching.stream().min(preference).orElseThrow());
            }
        }
        return keep;
    }
}
