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
 * A small MobileNetV2-style classifier as an untrained graph (no BatchNormalization, biases instead), written as
 * hand-written PyTorch models often are, with global average pooling as {@code x.mean((2, 3))} (ReduceMean over H and
 * W, keepdims 0) in front of the dense layer:
 *
 * <pre>
 * stem    conv3x3/2 (c)  - relu                                       size/2
 * block1  conv1x1 (e1) - relu - depthwise3x3 - relu - conv1x1 (c)  + stem
 * down    conv3x3/2 (d)  - relu                                       size/4
 * block2  conv1x1 (e2) - relu - depthwise3x3 - relu - conv1x1 (d)  + down
 * head    ReduceMean(2, 3) - gemm(classes) - softmax
 * </pre>
 *
 * Weights are He-initialised; each block's last conv starts at a quarter of that scale so that the residual sums stay
 * near the scale of their input without BatchNormalization.
 */
public final class ResidualDepthwiseCnn {
    private ResidualDepthwiseCnn() {}

    public static Graph build(int size, int channels, int c, int e1, int d, int e2, int classes, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        conv(nodes, weights, random, "stem", "image", channels, c, 3, 2, 1, 1.0);
        nodes.add(relu("stem"));
        String x = block(nodes, weights, random, "b1", "stem.r", c, e1);
        conv(nodes, weights, random, "down", x, c, d, 3, 2, 1, 1.0);
        nodes.add(relu("down"));
        x = block(nodes, weights, random, "b2", "down.r", d, e2);
        nodes.add(new Node("gap", "ReduceMean", List.of(x), List.of("pooled"),
                Map.of("axes", new Attribute.Ints(List.of(2L, 3L)), "keepdims", new Attribute.IntValue(0))));
        weights.put("fc.w", he(random, new long[] {classes, d}, d, 1.0));
        weights.put("fc.b", Tensor.ofFloats(new long[] {classes}, new float[classes]));
        nodes.add(new Node("fc", "Gemm", List.of("pooled", "fc.w", "fc.b"), List.of("logits"),
                Map.of("transB", new Attribute.IntValue(1))));
        nodes.add(new Node("softmax", "Softmax", List.of("logits"), List.of("probabilities"),
                Map.of("axis", new Attribute.IntValue(1))));
        ValueInfo input = new ValueInfo("image", DataType.FLOAT, List.of(ValueInfo.Dim.named("batch"),
                ValueInfo.Dim.fixed(channels), ValueInfo.Dim.fixed(size), ValueInfo.Dim.fixed(size)));
        ValueInfo output = new ValueInfo("probabilities", DataType.FLOAT,
                List.of(ValueInfo.Dim.named("batch"), ValueInfo.Dim.fixed(classes)));
        return new Graph("residual_depthwise_cnn", nodes, weights, List.of(input), List.of(output), 13, Map.of());
    }

    /** Inverted residual: expand 1x1, depthwise 3x3, project 1x1, added to the block's input; returns the sum. */
    private static String block(List<Node> nodes, Map<String, Tensor> weights, Random random, String name,
            String input, int width, int expanded) {
        conv(nodes, weights, random, name + ".expand", input, width, expanded, 1, 1, 0, 1.0);
        nodes.add(relu(name + ".expand"));
        String dw = name + ".dw";
        weights.put(dw + ".w", he(random, new long[] {expanded, 1, 3, 3}, 9, 1.0));
        weights.put(dw + ".b", Tensor.ofFloats(new long[] {expanded}, new float[expanded]));
        nodes.add(new Node(dw, "Conv", List.of(name + ".expand.r", dw + ".w", dw + ".b"), List.of(dw + ".y"),
                convAttributes(3, 1, 1, expanded)));
        nodes.add(relu(dw));
        conv(nodes, weights, random, name + ".project", dw + ".r", expanded, width, 1, 1, 0, 0.25);
        nodes.add(new Node(name + ".add", "Add", List.of(name + ".project.y", input), List.of(name + ".y")));
        return name + ".y";
    }

    private static void conv(List<Node> nodes, Map<String, Tensor> weights, Random random, String name, String input,
            int in, int out, int kernel, int stride, int pad, double scale) {
        weights.put(name + ".w", he(random, new long[] {out, in, kernel, kernel}, in * kernel * kernel, scale));
        weights.put(name + ".b", Tensor.ofFloats(new long[] {out}, new float[out]));
        nodes.add(new Node(name, "Conv", List.of(input, name + ".w", name + ".b"), List.of(name + ".y"),
                convAttributes(kernel, stride, pad, 1)));
    }

    private static Map<String, Attribute> convAttributes(int kernel, int stride, int pad, int group) {
        return Map.of(
                "kernel_shape", new Attribute.Ints(List.of((long) kernel, (long) kernel)),
                "strides", new Attribute.Ints(List.of((long) stride, (long) stride)),
                "pads", new Attribute.Ints(List.of((long) pad, (long) pad, (long) pad, (long) pad)),
                "group", new Attribute.IntValue(group));
    }

    private static Node relu(String name) {
        return new Node(name + ".relu", "Relu", List.of(name + ".y"), List.of(name + ".r"));
    }

    private static Tensor he(Random random, long[] shape, int fanIn, double scale) {
        float[] values = new float[(int) Tensor.elementCount(shape)];
        double std = scale * Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Tensor.ofFloats(shape, values);
    }
}
