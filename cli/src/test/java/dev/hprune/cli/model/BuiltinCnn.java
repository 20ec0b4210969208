package dev.hprune.cli.model;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The built-in default's classifier for 8x8 grey digits, untrained with He-initialised weights:
 * conv3x3(16)-relu - conv3x3(32)-relu-maxpool2 - conv3x3(32)-relu-maxpool2 - flatten - gemm(10) - softmax.
 * Its metadata sets HALCON's image range to [0, 1].
 */
public final class BuiltinCnn {
    private BuiltinCnn() {}

    public static Graph build(int side, int classes, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        String x = conv(nodes, weights, random, "conv1", "image", 1, 16);
        x = conv(nodes, weights, random, "conv2", x, 16, 32);
        x = pool(nodes, "pool2", x);
        x = conv(nodes, weights, random, "conv3", x, 32, 32);
        x = pool(nodes, "pool3", x);
        int features = 32 * (side / 4) * (side / 4);
        weights.put("fc.w", he(random, new long[] {classes, features}, features));
        weights.put("fc.b", Tensor.ofFloats(new long[] {classes}, new float[classes]));
        nodes.add(new Node("flatten", "Flatten", List.of(x), List.of("features")));
        nodes.add(new Node("fc", "Gemm", List.of("features", "fc.w", "fc.b"), List.of("logits"),
                Map.of("transB", new Attribute.IntValue(1))));
        nodes.add(new Node("softmax", "Softmax", List.of("logits"), List.of("probabilities"),
                Map.of("axis", new Attribute.IntValue(1))));
        ValueInfo input = new ValueInfo("image", DataType.FLOAT, List.of(ValueInfo.Dim.named("batch"),
                ValueInfo.Dim.fixed(1), ValueInfo.Dim.fixed(side), ValueInfo.Dim.fixed(side)));
        ValueInfo output = new ValueInfo("probabilities", DataType.FLOAT,
                List.of(ValueInfo.Dim.named("batch"), ValueInfo.Dim.fixed(classes)));
        return new Graph("hprune_builtin_digits_cnn", nodes, weights, List.of(input), List.of(output), 13,
                Map.of("halcon.image_range_min", "0.0", "halcon.image_range_max", "1.0"));
    }

    private static String conv(List<Node> nodes, Map<String, Tensor> weights, Random random, String name, String in,
            int inChannels, int outChannels) {
        weights.put(name + ".w", he(random, new long[] {outChannels, inChannels, 3, 3}, inChannels * 9));
        weights.put(name + ".b", Tensor.ofFloats(new long[] {outChannels}, new float[outChannels]));
        nodes.add(new Node(name, "Conv", List.of(in, name + ".w", name + ".b"), List.of(name + ".y"), Map.of(
                "kernel_shape", new Attribute.Ints(List.of(3L, 3L)),
                "pads", new Attribute.Ints(List.of(1L, 1L, 1L, 1L)))));
        String relu = "relu" + name.substring("conv".length());
        nodes.add(new Node(relu, "Relu", List.of(name + ".y"), List.of(relu + ".y")));
        return relu + ".y";
    }

    private static String pool(List<Node> nodes, String name, String in) {
        nodes.add(new Node(name, "MaxPool", List.of(in), List.of(name + ".y"), Map.of(
                "kernel_shape", new Attribute.Ints(List.of(2L, 2L)),
                "strides", new Attribute.Ints(List.of(2L, 2L)))));
        return name + ".y";
    }

    private static Tensor he(Random random, long[] shape, int fanIn) {
        float[] values = new float[(int) Tensor.elementCount(shape)];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Tensor.ofFloats(shape, values);
    }
}
