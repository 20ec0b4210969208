package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which initializers training updates: the weights and biases of Conv, Gemm and MatMul, the scale and offset of
 * BatchNormalization, and a bias added to a Conv/Gemm/MatMul result by Add. Constants of the graph's arithmetic (the 3 and
 * 6 of a hard-swish, a Reshape target, Clip bounds) never train.
 */
final class TrainableWeights {
    private TrainableWeights() {}

    static Set<String> of(Graph graph) {
        Set<String> trainable = new LinkedHashSet<>();
        for (Node node : graph.nodes()) {
            switch (node.opType()) {
                case "Conv", "Gemm", "MatMul" -> {
                    addIfWeight(graph, node.input(1).orElse(""), trainable);
                    addIfWeight(graph, node.input(2).orElse(""), trainable);
                    if (node.opType().equals("MatMul")) {
                        addIfWeight(graph, node.input(0).orElse(""), trainable);
                    }
                }
                case "BatchNormalization" -> {
                    addIfWeight(graph, node.input(1).orElse(""), trainable);
                    addIfWeight(graph, node.input(2).orElse(""), trainable);
                }
                case "Add" -> {
                    for (int i = 0; i < 2; i++) {
                        String other = node.input(1 - i).orElse("");
                        boolean afterLinear = graph.producer(other)
                                .filter(p -> Set.of("Conv", "Gemm", "MatMul").contains(p.opType())).isPresent();
                        if (afterLinear) {
                            addIfWeight(graph, node.input(i).orElse(""), trainable);
                        }
                    }
                }
                default -> {
                    // Other operators carry no trainable weights.
                }
            }
        }
        return trainable;
    }

    private static void addIfWeight(Graph graph, String value, Set<String> trainable) {
        Tensor tensor = graph.initializers().get(value);
        if (tensor != null && tensor.isFloating() && tensor.rank() >= 1) {
            trainable.add(value);
        }
    }
}
