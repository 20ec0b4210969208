package dev.hprune.compat.prune;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.ShapeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a classification graph costs per image: multiply-accumulates of its convolutions and dense layers (the work
 * pruning removes), layer by layer and in total, and its float parameters.
 *
 * <p>Output sizes come from {@link ShapeInference}, the same walk the reader and the backend rely on, so every
 * operator it knows (broadcasting {@code Mul} of a squeeze-and-excitation gate, padding, reshapes) keeps the spatial
 * size right. Other operators are not counted: they do little arithmetic per element compared with these.
 *
 * @param layers the Conv, Gemm and MatMul nodes with a constant weight, in graph order
 * @param macs multiply-accumulates for one image, the sum over {@code layers}
 * @param parameters float weights, biases and BatchNormalization vectors (initializers and {@code Constant} nodes)
 */
public record ModelCost(List<Layer> layers, long macs, long parameters) {

    /**
     * One convolution or dense layer.
     *
     * @param kernels output channels of a Conv, output features of a Gemm or MatMul
     * @param parameters elements of the layer's constant inputs after the data input (weight and bias)
     * @param macs multiply-accumulates of the layer for one image
     */
    public record Layer(String name, String op, int kernels, long parameters, long macs) {}

    public ModelCost {
        layers = List.copyOf(layers);
    }

    /** The cost of {@code graph} for one image of the given channels and size. */
    public static ModelCost of(Graph graph, int channels, int height, int width) {
        String input = graph.inputs().get(0).name();
        Map<String, long[]> shapes = ShapeInference.infer(graph, Map.of(input, new long[] {1, channels, height, width}));
        List<Layer> layers = new ArrayList<>();
        long macs = 0;
        for (Node node : graph.nodes()) {
            Tensor weight = node.input(1).map(graph.initializers()::get).orElse(null);
            if (weight == null) {
                continue;
            }
            long[] out = shapes.get(node.output());
            Layer layer = switch (node.opType()) {
                // every output element of a convolution sums over one kernel: in/group x kh x kw products
                case "Conv" -> new Layer(node.name(), "Conv", (int) weight.dim(0), weightCount(graph, node),
                        Tensor.elementCount(out) * (weight.size() / weight.dim(0)));
                case "Gemm", "MatMul" -> dense(graph, node, weight, out);
                default -> null;
            };
            if (layer != null) {
                layers.add(layer);
                macs += layer.macs();
            }
        }
        long parameters = graph.initializers().values().stream().filter(Tensor::isFloating).mapToLong(Tensor::size)
                .sum();
        for (Node node : graph.nodes()) {
            if (node.opType().equals("Constant")) {
                parameters += node.tensorAttr("value").filter(Tensor::isFloating).map(t -> (long) t.size()).orElse(0L);
            }
        }
        return new ModelCost(layers, macs, parameters);
    }

    /**
     * The cost of a graph that fixes its image size ([N, C, H, W] with C, H and W known, as
     * {@link dev.hprune.compat.dl.DlModel#prunableGraph} gives).
     *
     * @throws HalconError 7914 when the graph leaves the channels or the image size open
     */
    public static ModelCost of(Graph graph) {
        ValueInfo input = graph.inputs().get(0);
        if (input.rank() != 4 || input.shape().stream().skip(1).anyMatch(d -> !d.isFixed())) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "the cost of a model needs its image size; input '"
                    + input.name() + "' leaves it open");
        }
        return of(graph, (int) input.shape().get(1).value(), (int) input.shape().get(2).value(),
                (int) input.shape().get(3).value());
    }

    /** Every output element of a dense layer sums over its K inputs; the weight is [K, N], or [N, K] with transB. */
    private static Layer dense(Graph graph, Node node, Tensor weight, long[] out) {
        if (weight.rank() != 2) {
            return null;
        }
        boolean transposed = node.opType().equals("Gemm") && node.intAttr("transB", 0) != 0;
        long inputs = weight.dim(transposed ? 1 : 0);
        long features = weight.dim(transposed ? 0 : 1);
        return new Layer(node.name(), node.opType(), (int) features, weightCount(graph, node),
                Tensor.elementCount(out) * inputs);
    }

    private static long weightCount(Graph graph, Node node) {
        long count = 0;
        for (String input : node.inputs().subList(1, node.inputs().size())) {
            Tensor t = graph.initializers().get(input);
            count += t == null ? 0 : t.size();
        }
        return count;
    }
}
