package dev.hprune.tests.support;

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
 * A small MNIST-size classifier built as an untrained graph with He-initialised weights:
 * conv3x3(c1) - relu - maxpool2 - conv3x3(c2) - relu - maxpool2 - flatten - gemm(classes) - softmax.
 */
public final class SmallCnn {
    private SmallCnn() {}

    public static Graph build(int size, int channels, int c1, int c2, int classes, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("conv1.w", he(random, new long[] {c1, channels, 3, 3}, channels * 9));
        weights.put("conv1.b", Tensor.ofFloats(new long[] {c1}, new float[c1]));
        weights.put("conv2.w", he(random, new long[] {c2, c1, 3, 3}, c1 * 9));
        weights.put("conv2.b", Tensor.ofFloats(new long[] {c2}, new float[c2]));
        int features = c2 * (size / 4) * (size / 4);
        weights.put("fc.w", he(random, new long[] {classes, features}, features));
        weights.put("fc.b", Tensor.ofFloats(new long[] {classes}, new float[classes]));

        Map<String, Attribute> conv = Map.of(
                "kernel_shape", new Attribute.Ints(List.of(3L, 3L)),
                "pads", new Attribute.Ints(List.of(1L, 1L, 1L, 1L)));
        Map<String, Attribute> pool = Map.of(
                "kernel_shape", new Attribute.Ints(List.of(2L, 2L)),
                "strides", new Attribute.Ints(List.of(2L, 2L)));
        List<Node> nodes = new ArrayList<>(List.of(
                new Node("conv1", "Conv", List.of("image", "conv1.w", "conv1.b"), List.of("conv1.y"), conv),
                new Node("relu1", "Relu", List.of("conv1.y"), List.of("relu1.y")),
                new Node("pool1", "MaxPool", List.of("relu1.y"), List.of("pool1.y"), pool),
                new Node("conv2", "Conv", List.of("pool1.y", "conv2.w", "conv2.b"), List.of("conv2.y"), conv),
                new Node("relu2", "Relu", List.of("conv2.y"), List.of("relu2.y")),
                new Node("pool2", "MaxPool", List.of("relu2.y"), List.of("pool2.y"), pool),
                new Node("flatten", "Flatten", List.of("pool2.y"), List.of("features")),
                new Node("fc", "Gemm", List.of("features", "fc.w", "fc.b"), List.of("logits"),
                        Map.of("transB", new Attribute.IntValue(1))),
                new Node("softmax", "Softmax", List.of("logits"), List.of("probabilities"),
                        Map.of("axis", new Attribute.IntValue(1)))));
        ValueInfo input = new ValueInfo("image", DataType.FLOAT, List.of(ValueInfo.Dim.named("batch"),
                ValueInfo.Dim.fixed(channels), ValueInfo.Dim.fixed(size), ValueInfo.Dim.fixed(size)));
        ValueInfo output = new ValueInfo("probabilities", DataType.FLOAT,
                List.of(ValueInfo.Dim.named("batch"), ValueInfo.Dim.fixed(classes)));
        return new Graph("small_cnn", nodes, weights, List.of(input), List.of(output), 13, Map.of());
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
