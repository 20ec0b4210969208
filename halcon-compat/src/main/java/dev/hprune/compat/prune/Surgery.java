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
 * its channel everywhere it flows: BatchNormalization vectors, depthwise kernels (and their 'group'), per-channel
 * constants, the input channels of consuming convolutions, the feature rows or columns of dense layers (a channel's
 * block of features, or its strided features after a channels-last flatten), and explicit
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
            int[] kept = kept(node.inputs().get(0));
            if (kept == null) {
                return node;
            }
            ChannelFlow.Channels in = flow.channels(node.inputs().get(0)).orElseThrow();
            int[] features = in.featurePositions(kept);
            boolean transB = node.opType().equals("Gemm") && node.intAttr("transB", 0) != 0;
            return slice(node, 1, transB ? 1 : 0, features);
        }

        public Node reshapeTarget(Node node) {
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
