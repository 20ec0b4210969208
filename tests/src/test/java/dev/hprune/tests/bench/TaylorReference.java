package dev.hprune.tests.bench;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A pruning reference that shares nothing with hprune's oracle, channel analysis or surgery, for the bench's own
 * hand-built models only. Which channels are coupled is written down per model by construction ({@link ChannelSet}),
 * so a set is prunable whatever operator reads it (a ReduceMean head included).
 *
 * <p>Importance: weight-based first-order Taylor, as Torch-Pruning's {@code TaylorImportance} with its defaults
 * (group reduction 'mean', normaliser 'mean', weights without biases): for channel j of a set and each weight tensor
 * that has j on some axis (the producing convolutions' kernels, a depthwise kernel, the consumers' input slices, a dense
 * layer's columns), the sum over that slice of |w * G| with G the gradient of the mean cross-entropy summed over the
 * scoring batches; the mean of these over the set's tensors; divided by the set's mean over its channels. The gradient
 * comes from TrainDlModelBatch steps without momentum or weight prior at a small rate, G = (w_before - w_after) / rate
 * (TensorFlow's gradient of the training loss, not hprune's TaylorGraph).
 *
 * <p>Selection: one global ranking of all (set, channel) pairs, lowest first, each set keeping at least one channel;
 * the shortest prefix whose removal brings the graph's MACs (ModelCost) to the target is removed.
 */
final class TaylorReference {
    private TaylorReference() {}

    /** A weight tensor that has one entry per channel of a set on {@code axis}, {@code block} consecutive entries each. */
    record Use(String tensor, int axis, int block) {
        Use(String tensor, int axis) {
            this(tensor, axis, 1);
        }
    }

    /** Coupled channels: removed together everywhere they are used. {@code producers} are the convs creating them. */
    record ChannelSet(String name, List<String> producers, List<Use> uses) {
        int width(Graph graph) {
            Use first = uses.get(0);
            return (int) (graph.initializers().get(first.tensor()).dim(first.axis()) / first.block());
        }
    }

    /** SmallCnn's two convolutions; the dense layer reads conv2's channels as blocks of (size/4)^2 features. */
    static List<ChannelSet> smallCnn(int size) {
        int block = (size / 4) * (size / 4);
        return List.of(
                new ChannelSet("conv1", List.of("conv1"),
                        List.of(new Use("conv1.w", 0), new Use("conv1.b", 0), new Use("conv2.w", 1))),
                new ChannelSet("conv2", List.of("conv2"),
                        List.of(new Use("conv2.w", 0), new Use("conv2.b", 0), new Use("fc.w", 1, block))));
    }

    /** ResidualDepthwiseCnn: each block's sum ties the block input's producer to its project conv. */
    static List<ChannelSet> residualDepthwiseCnn() {
        return List.of(
                new ChannelSet("stem+b1", List.of("stem", "b1.project"), List.of(new Use("stem.w", 0),
                        new Use("stem.b", 0), new Use("b1.project.w", 0), new Use("b1.project.b", 0),
                        new Use("b1.expand.w", 1), new Use("down.w", 1))),
                expansion("b1"),
                new ChannelSet("down+b2", List.of("down", "b2.project"), List.of(new Use("down.w", 0),
                        new Use("down.b", 0), new Use("b2.project.w", 0), new Use("b2.project.b", 0),
                        new Use("b2.expand.w", 1), new Use("fc.w", 1))),
                expansion("b2"));
    }

    private static ChannelSet expansion(String block) {
        return new ChannelSet(block + ".expand", List.of(block + ".expand", block + ".dw"), List.of(
                new Use(block + ".expand.w", 0), new Use(block + ".expand.b", 0), new Use(block + ".dw.w", 0),
                new Use(block + ".dw.b", 0), new Use(block + ".project.w", 1)));
    }

    /** Per set, the normalised importance of each channel (see the class comment). */
    static Map<ChannelSet, double[]> importance(List<ChannelSet> sets, Graph graph, Map<String, Tensor> gradients) {
        Map<ChannelSet, double[]> result = new LinkedHashMap<>();
        for (ChannelSet set : sets) {
            int width = set.width(graph);
            double[] score = new double[width];
            List<Use> weights = set.uses().stream().filter(u -> !u.tensor().endsWith(".b")).toList();
            for (Use use : weights) {
                float[] w = graph.initializers().get(use.tensor()).toFloats();
                float[] g = gradients.get(use.tensor()).toFloats();
                double[] local = new double[width];
                forEachEntry(graph.initializers().get(use.tensor()).shape(), use,
                        (channel, i) -> local[channel] += Math.abs((double) w[i] * g[i]));
                for (int j = 0; j < width; j++) {
                    score[j] += local[j] / weights.size();
                }
            }
            double mean = java.util.Arrays.stream(score).average().orElse(0);
            for (int j = 0; j < width; j++) {
                score[j] = mean == 0 ? 0 : score[j] / mean;
            }
            result.put(set, score);
        }
        return result;
    }

    /**
     * The channels each set keeps after removing the globally lowest-scoring channels of the sets {@code eligible}
     * accepts until the MACs are at most {@code targetMacs} (or nothing more can go).
     */
    static Map<ChannelSet, int[]> select(List<ChannelSet> sets, Map<ChannelSet, double[]> scores, Graph graph,
            long targetMacs, Predicate<ChannelSet> eligible, int channels, int size) {
        record Candidate(ChannelSet set, int channel, double score) {}
        List<Candidate> ranked = new ArrayList<>();
        for (ChannelSet set : sets) {
            if (eligible.test(set)) {
                double[] s = scores.get(set);
                for (int j = 0; j < s.length; j++) {
                    ranked.add(new Candidate(set, j, s[j]));
                }
            }
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score));
        // drop the candidates that would take a set's last channel: the set's best channel stays
        Map<ChannelSet, Integer> left = new HashMap<>();
        sets.forEach(s -> left.put(s, s.width(graph)));
        List<Candidate> order = new ArrayList<>();
        for (Candidate c : ranked) {
            if (left.get(c.set()) > 1) {
                order.add(c);
                left.merge(c.set(), -1, Integer::sum);
            }
        }
        // MACs only fall as channels go, so the shortest sufficient prefix is found by bisection
        int low = 0;
        int high = order.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            long macs = ModelCost.of(slice(graph, sets, kept(sets, graph, order.subList(0, mid).stream()
                    .map(c -> Map.entry(c.set(), c.channel())).toList())), channels, size, size).macs();
            if (macs <= targetMacs) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return kept(sets, graph, order.subList(0, low).stream().map(c -> Map.entry(c.set(), c.channel())).toList());
    }

    private static Map<ChannelSet, int[]> kept(List<ChannelSet> sets, Graph graph,
            List<Map.Entry<ChannelSet, Integer>> removed) {
        Map<ChannelSet, int[]> kept = new LinkedHashMap<>();
        for (ChannelSet set : sets) {
            Set<Integer> gone = new java.util.HashSet<>();
            removed.stream().filter(e -> e.getKey() == set).forEach(e -> gone.add(e.getValue()));
            kept.put(set, java.util.stream.IntStream.range(0, set.width(graph)).filter(j -> !gone.contains(j))
                    .toArray());
        }
        return kept;
    }

    /**
     * The graph with only the kept channels of each set: every use sliced on its axis, and each depthwise conv's
     * 'group' set to its remaining kernels.
     */
    static Graph slice(Graph graph, List<ChannelSet> sets, Map<ChannelSet, int[]> kept) {
        Map<String, Tensor> weights = new LinkedHashMap<>(graph.initializers());
        for (ChannelSet set : sets) {
            int[] channels = kept.get(set);
            if (channels.length == set.width(graph)) {
                continue;
            }
            for (Use use : set.uses()) {
                weights.put(use.tensor(), keep(weights.get(use.tensor()), use, channels));
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.opType().equals("Conv") && node.intAttr("group", 1) > 1) {
                long kernels = weights.get(node.inputs().get(1)).dim(0);
                node = node.withAttribute("group", new Attribute.IntValue(kernels));
            }
            nodes.add(node);
        }
        return graph.withInitializers(weights).withNodes(nodes);
    }

    /** A shape as {elements before axis, the axis' extent, elements after it}. */
    private static int[] split(long[] shape, int axis) {
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= (int) shape[a];
        }
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= (int) shape[a];
        }
        return new int[] {outer, (int) shape[axis], inner};
    }

    private static Tensor keep(Tensor tensor, Use use, int[] channels) {
        long[] shape = tensor.shape();
        int[] split = split(shape, use.axis());
        int outer = split[0];
        int along = split[1];
        int inner = split[2];
        int run = use.block() * inner;
        float[] from = tensor.toFloats();
        float[] to = new float[outer * channels.length * run];
        int t = 0;
        for (int o = 0; o < outer; o++) {
            for (int c : channels) {
                System.arraycopy(from, o * along * inner + c * run, to, t, run);
                t += run;
            }
        }
        long[] newShape = shape.clone();
        newShape[use.axis()] = (long) channels.length * use.block();
        return Tensor.ofFloats(newShape, to);
    }

    /** Calls {@code action(channel, flat index)} for every entry of a tensor of {@code shape} that belongs to a channel. */
    private static void forEachEntry(long[] shape, Use use, java.util.function.BiConsumer<Integer, Integer> action) {
        int[] split = split(shape, use.axis());
        int outer = split[0];
        int along = split[1];
        int inner = split[2];
        for (int o = 0; o < outer; o++) {
            for (int a = 0; a < along; a++) {
                int channel = a / use.block();
                for (int i = 0; i < inner; i++) {
                    action.accept(channel, (o * along + a) * inner + i);
                }
            }
        }
    }

    /**
     * The gradient of the mean cross-entropy summed over {@code samples}' batches, for every trainable weight of
     * {@code graph}: recovered from TrainDlModelBatch steps on a copy without momentum or weight prior, whose weights
     * move by -rate x gradient per step (the rate is small, so the weights barely move while the batches are summed).
     */
    static Map<String, Tensor> accumulatedGradients(Graph graph, List<HDict> samples, int batch) {
        double rate = 1e-3;
        HDlModel probe = MnistPruningReport.fromGraph(graph);
        probe.SetDlModelParam("batch_size", batch);
        probe.SetDlModelParam("momentum", 0.0);
        probe.SetDlModelParam("weight_prior", 0.0);
        probe.SetDlModelParam("learning_rate", rate);
        for (int s = 0; s + batch <= samples.size(); s += batch) {
            probe.TrainDlModelBatch(samples.subList(s, s + batch).toArray(HDict[]::new));
        }
        Map<String, Tensor> after = MnistPruningReport.compat(probe).graph().initializers();
        probe.ClearDlModel();
        Map<String, Tensor> gradients = new HashMap<>();
        graph.initializers().forEach((name, before) -> {
            Tensor moved = after.get(name);
            if (before.isFloating() && moved != null) {
                float[] b = before.toFloats();
                float[] a = moved.toFloats();
                float[] g = new float[b.length];
                for (int i = 0; i < b.length; i++) {
                    g[i] = (float) ((b[i] - a[i]) / rate);
                }
                gradients.put(name, Tensor.ofFloats(before.shape(), g));
            }
        });
        return gradients;
    }
}
