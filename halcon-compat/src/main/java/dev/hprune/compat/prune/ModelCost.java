package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.ShapeInference;
import java.util.Map;

/**
 * What a classification graph costs per image: multiply-accumulates of its convolutions and dense layers (the work
 * pruning removes), and its float parameters.
 *
 * @param macs multiply-accumulates for one image
 * @param parameters float weights, biases and BatchNormalization vectors
 */
public record ModelCost(long macs, long parameters) {

    /** The cost of {@code graph} for one image of the given channels and size. */
    public static ModelCost of(Graph graph, int channels, int height, int width) {
        String input = graph.inputs().get(0).name();
        Map<String, long[]> shapes = ShapeInference.infer(graph, Map.of(input, new long[] {1, channels, height, width}));
        long macs = 0;
        for (Node node : graph.nodes()) {
            Tensor weight = node.input(1).map(graph.initializers()::get).orElse(null);
            if (weight == null) {
                continue;
            }
            switch (node.opType()) {
                case "Conv" -> {
                    long[] out = shapes.get(node.output());
                    long perOutput = weight.size() / weight.dim(0);
                    macs += Tensor.elementCount(out) * perOutput;
                }
                case "Gemm", "MatMul" -> {
                    long[] out = shapes.get(node.output());
                    if (weight.rank() == 2) {
                        boolean transB = node.intAttr("transB", 0) != 0;
                        macs += Tensor.elementCount(out) * weight.dim(transB ? 1 : 0);
                    }
                }
                default -> {
                    // Other operators do little arithmetic per element compared with these.
                }
            }
        }
        long parameters = graph.initializers().values().stream().filter(Tensor::isFloating).mapToLong(Tensor::size)
                .sum();
        return new ModelCost(macs, parameters);
    }
}
