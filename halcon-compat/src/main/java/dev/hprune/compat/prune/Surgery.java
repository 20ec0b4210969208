package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.op.ChannelCut;
import dev.hprune.compat.op.OpKinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Physically removes channel groups: a new graph in which each removed kernel's weights and bias are gone, and so is
 * its channel everywhere it flows: BatchNormalization and LayerNormalization vectors, depthwise kernels (and their
 * 'group'), per-channel constants, the input channels of consuming convolutions, the feature rows or columns of dense
 * layers (a channel's block of features, or its strided features after a channels-last flatten), the output columns
 * of Linear layers on channels-last images whose outputs are tied to removed channels, and explicit
 * Reshape targets. The input graph is not changed.
 */
public final class Surgery {
    private Surgery() {}

    public static Graph remove(PrunabilityAnalysis analysis, Set<ChannelGroup> removed) {
        return new Cut(analysis, removed).run();
    }

    private static final class Cut implements ChannelCut {
        private final Graph graph;
        private final ChannelFlow flow;
        private final Set<Integer> removedRoots = new HashSet<>();
        private final Map<String, Tensor> weights;
        private final List<Node> nodes = new ArrayList<>();

        Cut(PrunabilityAnalysis analysis, Set<ChannelGroup> removed) {
            this.graph = analysis.graph();
            this.flow = analysis.flow();
            removed.forEach(g -> removedRoots.add(g.id()));
            this.weights = new LinkedHashMap<>(graph.initializers());
        }

        Graph run() {
            for (Node node : graph.nodes()) {
                nodes.add(rewrite(node));
            }
            Set<String> used = new HashSet<>();
            nodes.forEach(n -> used.addAll(n.inputs()));
            weights.keySet().retainAll(used);
            return new Graph(graph.name(), nodes, weights, graph.inputs(), graph.outputs(), graph.opset(),
                    graph.metadata());
        }

        /** Positions of a value's channels that survive, or null when the value keeps all (or has no channels). */
        private int[] kept(String value) {
            ChannelFlow.Channels c = flow.channels(value).orElse(null);
            if (c == null) {
                return null;
            }
            int[] kept = IntStream.range(0, c.count()).filter(i -> !removedRoots.contains(flow.root(c.ids[i])))
                    .toArray();
            return kept.length == c.count() ? null : kept;
        }

        /** The node's operator kind says which weights it reads by channel; unregistered operators stay as they are. */
        private Node rewrite(Node node) {
            return OpKinds.of(node.opType()).map(kind -> kind.cut(node, this)).orElse(node);
        }

        public Node batchNorm(Node node) {
            int[] kept = kept(node.inputs().get(0));
            if (kept != null) {
                for (int i = 1; i <= 4; i++) {
                    node = slice(node, i, 0, kept);
                }
            }
            return node;
        }

        public Node conv(Node node) {
            long group = node.intAttr("group", 1);
            int[] in = kept(node.inputs().get(0));
            if (group > 1 && !tiesInputToOutput(node)) {
                return groupedConv(node, (int) group, in);
            }
            if (group > 1) {
                if (in == null) {
                    return node;
                }
                Node sliced = slice(slice(node, 1, 0, in), 2, 0, in);
                return sliced.withAttribute("group", new Attribute.IntValue(in.length));
            }
            int[] out = kept(node.output());
            if (out != null) {
                node = slice(slice(node, 1, 0, out), 2, 0, out);
            }
            if (in != null) {
                node = slice(node, 1, 1, in);
            }
            return node;
        }

        /**
         * A depthwise convolution as ChannelFlow follows it (one input channel per group, one kernel per input
         * channel, input followed): each kernel's id is tied to its input channel's, so input and output keep the
         * same positions.
         */
        private boolean tiesInputToOutput(Node node) {
            Tensor weight = weights.get(node.inputs().get(1));
            ChannelFlow.Channels in = flow.channels(node.inputs().get(0)).orElse(null);
            long group = node.intAttr("group", 1);
            return weight != null && weight.rank() >= 3 && weight.dim(1) == 1 && weight.dim(0) == group
                    && in != null && in.channelsFirst() && in.count() == group;
        }

        /**
         * A grouped convolution keeps 'group': removed kernels leave weight axis 0 (and the bias); removed input
         * channels leave axis 1 at their position within a group, which ChannelFlow makes the same in every group.
         */
        private Node groupedConv(Node node, int group, int[] in) {
            int[] out = kept(node.output());
            if (out != null) {
                node = slice(slice(node, 1, 0, out), 2, 0, out);
            }
            if (in != null) {
                int width = flow.channels(node.inputs().get(0)).orElseThrow().count() / group;
                int[] positions = IntStream.of(in).filter(i -> i < width).toArray();
                if (positions.length * group != in.length) {
                    throw new IllegalStateException(node.label() + " would keep different channels in its groups");
                }
                node = slice(node, 1, 1, positions);
            }
            return node;
        }

        public Node perChannelConstant(Node node) {
            for (int i = 0; i < 2; i++) {
                String constantName = node.input(i).orElse("");
                Tensor constant = weights.get(constantName);
                String other = node.input(1 - i).orElse("");
                ChannelFlow.Channels activation = flow.channels(other).orElse(null);
                int[] kept = kept(other);
                if (constant == null || activation == null || kept == null) {
                    continue;
                }
                int axis = ChannelConstants.channelAxis(constant, activation);
                if (axis >= 0) {
                    int[] positions = activation.features ? activation.featurePositions(kept) : kept;
                    node = slice(node, i, axis, positions);
                }
            }
            return node;
        }

        public Node dense(Node node) {
            boolean transB = node.opType().equals("Gemm") && node.intAttr("transB", 0) != 0;
            int[] out = kept(node.output());
            if (out != null) {
                // a Linear layer over channels-last channels whose outputs are tied to removed kernels
                node = slice(node, 1, transB ? 0 : 1, out);
            }
            int[] kept = kept(node.inputs().get(0));
            if (kept == null) {
                return node;
            }
            ChannelFlow.Channels in = flow.channels(node.inputs().get(0)).orElseThrow();
            int[] features = in.featurePositions(kept);
            return slice(node, 1, transB ? 1 : 0, features);
        }

        public Node layerNorm(Node node) {
            int[] kept = kept(node.inputs().get(0));
            if (kept == null) {
                return node;
            }
            int[] positions = flow.channels(node.inputs().get(0)).orElseThrow().featurePositions(kept);
            return slice(slice(node, 1, 0, positions), 2, 0, positions);
        }

        public Node subRanges(Node node) {
            int[] kept = kept(node.inputs().get(0));
            if (kept == null) {
                return node;
            }
            return node.opType().equals("Split") ? splitSizes(node) : sliceBounds(node, kept);
        }

        /** Rewrites a Split's sizes to the channels each part keeps, as an explicit 'split' (input or attribute). */
        private Node splitSizes(Node node) {
            List<Long> sizes = new ArrayList<>();
            for (String output : node.outputs()) {
                int[] keptHere = kept(output);
                sizes.add(keptHere != null ? keptHere.length : (long) flow.channels(output).orElseThrow().count());
            }
            long[] values = sizes.stream().mapToLong(Long::longValue).toArray();
            if (graph.opset() < 13) {
                return node.withAttribute("split", new Attribute.Ints(sizes));
            }
            Tensor tensor = Tensor.ofLongs(new long[] {values.length}, values);
            if (node.input(1).isPresent()) {
                return replaceInput(node, 1, tensor);
            }
            String name = node.name() + "#split";
            weights.put(name, tensor);
            Map<String, Attribute> attributes = new LinkedHashMap<>(node.attributes());
            attributes.remove("num_outputs");
            return new Node(node.name(), node.opType(), List.of(node.inputs().get(0), name), node.outputs(),
                    attributes);
        }

        /** Moves a channel Slice's start and end to where the kept channels before them end. */
        private Node sliceBounds(Node node, int[] kept) {
            Tensor[] bounds = new Tensor[5];
            for (int i = 1; i < 5; i++) {
                bounds[i] = node.input(i).map(weights::get).orElse(null);
            }
            int k = ChannelRanges.channelBound(bounds);
            if (k < 0) {
                return node;
            }
            int count = flow.channels(node.inputs().get(0)).orElseThrow().count();
            for (int i = 1; i <= 2; i++) {
                int bound = ChannelRanges.clampBound(bounds[i].longAt(k), count);
                long[] values = bounds[i].toLongs();
                values[k] = IntStream.of(kept).filter(position -> position < bound).count();
                node = replaceInput(node, i, Tensor.ofLongs(bounds[i].type(), bounds[i].shape(), values));
            }
            return node;
        }

        public Node reshapeTarget(Node node) {
            if (flow.isChannelShuffle(node.output())) {
                return shuffleTarget(node);
            }
            int[] kept = kept(node.inputs().get(0));
            Tensor target = node.input(1).map(weights::get).orElse(null);
            ChannelFlow.Channels out = flow.channels(node.output()).orElse(null);
            if (kept == null || target == null || out == null || target.size() != 2 || target.longAt(1) <= 0) {
                return node;
            }
            Tensor updated = Tensor.ofLongs(target.type(), target.shape(),
                    new long[] {target.longAt(0), (long) kept.length * out.block});
            return replaceInput(node, 1, updated);
        }

        /**
         * The Reshapes of a channel shuffle: [N, g, C/g, H, W] gets the kept channels per group, [N, C, H, W] the kept
         * channels (a -1 stays, it still resolves).
         */
        private Node shuffleTarget(Node node) {
            Tensor target = node.input(1).map(weights::get).orElseThrow();
            boolean split = target.size() == 5;
            int[] kept = kept(split ? node.inputs().get(0) : node.output());
            int axis = split ? 2 : 1;
            if (kept == null || target.longAt(axis) == -1) {
                return node;
            }
            long[] values = target.toLongs();
            values[axis] = split ? kept.length / values[1] : kept.length;
            return replaceInput(node, 1, Tensor.ofLongs(target.type(), target.shape(), values));
        }

        private Node slice(Node node, int input, int axis, int[] positions) {
            String name = node.input(input).orElse(null);
            Tensor tensor = name == null ? null : weights.get(name);
            if (tensor == null) {
                return node;
            }
            return replaceInput(node, input, Slicing.take(tensor, axis, positions));
        }

        /** Stores the new tensor under the input's name, or under a fresh name when another node shares the weight. */
        private Node replaceInput(Node node, int input, Tensor tensor) {
            String name = node.inputs().get(input);
            String target = graph.consumers(name).size() > 1 ? name + "#" + node.name() : name;
            weights.put(target, tensor);
            if (target.equals(name)) {
                return node;
            }
            List<String> inputs = new ArrayList<>(node.inputs());
            inputs.set(input, target);
            return node.withInputs(inputs);
        }
    }
}
