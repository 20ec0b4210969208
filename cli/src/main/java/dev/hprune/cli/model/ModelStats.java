package dev.hprune.cli.model;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The size of a model: its convolutions with their kernel counts, parameters (elements of all weight tensors) and
 * multiply-accumulates per image of Conv, Gemm and MatMul layers (other operators are not counted).
 *
 * <p>Spatial sizes are followed from the input through Conv, pooling, Flatten and Concat; operators the walk does not
 * know keep the shape of their first input, which is right for the element-wise ones.
 */
public record ModelStats(List<Layer> layers, long parameters, long macs) {

    /** One Conv (kernels = output channels) or fully connected layer (kernels = output features). */
    public record Layer(String name, String op, int kernels, boolean prunable, long parameters, long macs) {}

    public long kernels() {
        return layers.stream().filter(l -> l.op().equals("Conv")).mapToLong(Layer::kernels).sum();
    }

    public Map<String, Integer> kernelsPerConv() {
        Map<String, Integer> kernels = new java.util.LinkedHashMap<>();
        layers.stream().filter(l -> l.op().equals("Conv")).forEach(l -> kernels.put(l.name(), l.kernels()));
        return kernels;
    }

    public static ModelStats of(Graph graph) {
        Set<String> prunable = new LinkedHashSet<>(PrunabilityAnalysis.of(graph).prunableConvs());
        Map<String, long[]> shapes = new HashMap<>();
        for (ValueInfo input : graph.inputs()) {
            long[] shape = new long[input.rank()];
            for (int i = 0; i < shape.length; i++) {
                ValueInfo.Dim d = input.shape().get(i);
                shape[i] = i == 0 ? 1 : d.isFixed() ? d.value() : -1;
            }
            shapes.put(input.name(), shape);
        }
        graph.initializers().forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        List<Layer> layers = new ArrayList<>();
        long macs = 0;
        for (Node node : graph.nodes()) {
            long[] in = node.inputs().isEmpty() ? null : shapes.get(node.inputs().get(0));
            long[] out = in;
            switch (node.opType()) {
                case "Conv" -> {
                    long[] w = weight(graph, node, 1);
                    if (w != null && in != null && in.length == 4) {
                        out = new long[] {1, w[0], outSize(node, in[2], w[2], 0), outSize(node, in[3], w[3], 1)};
                        long layerMacs = out[2] < 0 || out[3] < 0 ? 0
                                : w[0] * w[1] * w[2] * w[3] * out[2] * out[3];
                        macs += layerMacs;
                        layers.add(new Layer(node.name(), "Conv", (int) w[0], prunable.contains(node.name()),
                                weightCount(graph, node), layerMacs));
                    }
                }
                case "MaxPool", "AveragePool", "LpPool" -> {
                    if (in != null && in.length == 4) {
                        long[] k = node.intsAttr("kernel_shape", new long[] {1, 1});
                        out = new long[] {1, in[1], outSize(node, in[2], k[0], 0), outSize(node, in[3], k[1], 1)};
                    }
                }
                case "GlobalAveragePool", "GlobalMaxPool" -> {
                    if (in != null && in.length == 4) {
                        out = new long[] {1, in[1], 1, 1};
                    }
                }
                case "Flatten" -> {
                    if (in != null) {
                        out = new long[] {1, product(in, 1)};
                    }
                }
                case "Concat" -> out = concat(node, shapes);
                case "Gemm", "MatMul" -> {
                    long[] w = weight(graph, node, 1);
                    if (w != null && w.length == 2) {
                        boolean transposed = node.opType().equals("Gemm") && node.intAttr("transB", 0) == 1;
                        long features = transposed ? w[0] : w[1];
                        long rows = in == null || in.length < 2 ? 1 : Math.max(1, product(in, 0) / w[transposed ? 1 : 0]);
                        out = new long[] {1, features};
                        long layerMacs = rows * w[0] * w[1];
                        macs += layerMacs;
                        layers.add(new Layer(node.name(), node.opType(), (int) features, false,
                                weightCount(graph, node), layerMacs));
                    }
                }
                default -> {
                }
            }
            if (out != null) {
                for (String output : node.outputs()) {
                    shapes.put(output, out);
                }
            }
        }
        long parameters = graph.initializers().values().stream().filter(Tensor::isFloating)
                .mapToLong(t -> Tensor.elementCount(t.shape())).sum();
        for (Node node : graph.nodes()) {
            if (node.opType().equals("Constant")) {
                parameters += node.tensorAttr("value").filter(Tensor::isFloating)
                        .map(t -> Tensor.elementCount(t.shape())).orElse(0L);
            }
        }
        return new ModelStats(List.copyOf(layers), parameters, macs);
    }

    private static long[] weight(Graph graph, Node node, int input) {
        return node.input(input).flatMap(graph::initializer).map(Tensor::shape).orElse(null);
    }

    private static long weightCount(Graph graph, Node node) {
        long count = 0;
        for (String input : node.inputs().subList(1, node.inputs().size())) {
            count += graph.initializer(input).map(t -> Tensor.elementCount(t.shape())).orElse(0L);
        }
        return count;
    }

    /** ONNX's output size rule for Conv and pooling along spatial axis {@code axis} (0 = height). */
    private static long outSize(Node node, long in, long kernel, int axis) {
        if (in < 0) {
            return -1;
        }
        long stride = node.intsAttr("strides", new long[] {1, 1})[axis];
        long dilation = node.intsAttr("dilations", new long[] {1, 1})[axis];
        String autoPad = node.stringAttr("auto_pad", "NOTSET");
        if (autoPad.startsWith("SAME")) {
            return (in + stride - 1) / stride;
        }
        long[] pads = autoPad.equals("VALID") ? new long[4] : node.intsAttr("pads", new long[4]);
        long span = dilation * (kernel - 1) + 1;
        long padded = in + pads[axis] + pads[axis + 2] - span;
        boolean ceil = node.intAttr("ceil_mode", 0) == 1;
        return (ceil ? Math.floorDiv(padded + stride - 1, stride) : Math.floorDiv(padded, stride)) + 1;
    }

    private static long[] concat(Node node, Map<String, long[]> shapes) {
        long[] first = shapes.get(node.inputs().get(0));
        if (first == null) {
            return null;
        }
        long axis = node.intAttr("axis", 1);
        int a = (int) (axis < 0 ? axis + first.length : axis);
        long[] out = first.clone();
        out[a] = 0;
        for (String input : node.inputs()) {
            long[] shape = shapes.get(input);
            if (shape == null || shape.length != first.length) {
                return first;
            }
            out[a] += shape[a];
        }
        return out;
    }

    private static long product(long[] shape, int from) {
        long p = 1;
        for (int i = from; i < shape.length; i++) {
            p *= Math.max(1, shape[i]);
        }
        return p;
    }
}
