package dev.hprune.cli.model;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The size of a model as the tool prints it: {@link ModelCost}'s convolutions and dense layers (kernels, parameters,
 * multiply-accumulates per image on the shapes halcon-compat infers) with whether pruning may remove a convolution's
 * kernels. The counting itself lives in {@link ModelCost}, so the tool and the library report the same numbers.
 */
public record ModelStats(List<Layer> layers, long parameters, long macs) {

    /** One Conv (kernels = output channels) or fully connected layer (kernels = output features). */
    public record Layer(String name, String op, int kernels, boolean prunable, long parameters, long macs) {}

    public long kernels() {
        return layers.stream().filter(l -> l.op().equals("Conv")).mapToLong(Layer::kernels).sum();
    }

    public Map<String, Integer> kernelsPerConv() {
        Map<String, Integer> kernels = new LinkedHashMap<>();
        layers.stream().filter(l -> l.op().equals("Conv")).forEach(l -> kernels.put(l.name(), l.kernels()));
        return kernels;
    }

    /** The statistics of a graph that fixes its image size (a model handle's prunable graph, the built-in CNN). */
    public static ModelStats of(Graph graph) {
        Set<String> prunable = Set.copyOf(PrunabilityAnalysis.of(graph).prunableConvs());
        ModelCost cost = ModelCost.of(graph);
        List<Layer> layers = cost.layers().stream().map(l -> new Layer(l.name(), l.op(), l.kernels(),
                l.op().equals("Conv") && prunable.contains(l.name()), l.parameters(), l.macs())).toList();
        return new ModelStats(layers, cost.parameters(), cost.macs());
    }
}
