package dev.hprune.compat.testing;

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
 * Builds small NCHW classification graphs with random weights for tests. Each method adds one node named {@code name}
 * and returns the name of its output value.
 */
public final class GraphBuilder {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Random random;
    private final int channels;
    private final int size;

    private GraphBuilder(int channels, int size, long seed) {
        this.channels = channels;
        this.size = size;
        this.random = new Random(seed);
    }

    /** A graph whose input "image" is [N, channels, size, size]. */
    public static GraphBuilder input(int channels, int size) {
        return new GraphBuilder(channels, size, 1234);
    }

    public static String image() {
        return "image";
    }

    public String conv(String name, String input, int in, int out, int kernel) {
        return conv(name, input, in, out, kernel, 1);
    }

    public String conv(String name, String input, int in, int out, int kernel, int stride) {
        weights.put(name + ".w", random(new long[] {out, in, kernel, kernel}, Math.sqrt(2.0 / (in * kernel * kernel))));
        weights.put(name + ".b", random(new long[] {out}, 0.1));
        int pad = kernel / 2;
        nodes.add(new Node(name, "Conv", List.of(input, name + ".w", name + ".b"), List.of(name + ".y"), Map.of(
                "kernel_shape", ints(kernel, kernel), "pads", ints(pad, pad, pad, pad), "strides", ints(stride, stride))));
        return name + ".y";
    }

    public String depthwise(String name, String input, int channelCount, int kernel) {
        weights.put(name + ".w", random(new long[] {channelCount, 1, kernel, kernel}, Math.sqrt(2.0 / (kernel * kernel))));
        weights.put(name + ".b", random(new long[] {channelCount}, 0.1));
        int pad = kernel / 2;
        nodes.add(new Node(name, "Conv", List.of(input, name + ".w", name + ".b"), List.of(name + ".y"), Map.of(
                "kernel_shape", ints(kernel, kernel), "pads", ints(pad, pad, pad, pad),
                "group", new Attribute.IntValue(channelCount))));
        return name + ".y";
    }

    /** A convolution with {@code group} groups: weight [out, in/group, k, k]. */
    public String groupedConv(String name, String input, int in, int out, int kernel, int group) {
        int perGroup = in / group;
        weights.put(name + ".w", random(new long[] {out, perGroup, kernel, kernel},
                Math.sqrt(2.0 / (perGroup * kernel * kernel))));
        weights.put(name + ".b", random(new long[] {out}, 0.1));
        int pad = kernel / 2;
        nodes.add(new Node(name, "Conv", List.of(input, name + ".w", name + ".b"), List.of(name + ".y"), Map.of(
                "kernel_shape", ints(kernel, kernel), "pads", ints(pad, pad, pad, pad),
                "group", new Attribute.IntValue(group))));
        return name + ".y";
    }

    public String batchNorm(String name, String input, int channelCount) {
        float[] scale = new float[channelCount];
        float[] bias = new float[channelCount];
        float[] mean = new float[channelCount];
        float[] variance = new float[channelCount];
        for (int c = 0; c < channelCount; c++) {
            scale[c] = 0.5f + random.nextFloat();
            bias[c] = (float) random.nextGaussian() * 0.1f;
            mean[c] = (float) random.nextGaussian() * 0.1f;
            variance[c] = 0.5f + random.nextFloat();
        }
        long[] shape = {channelCount};
        weights.put(name + ".scale", Tensor.ofFloats(shape, scale));
        weights.put(name + ".bias", Tensor.ofFloats(shape, bias));
        weights.put(name + ".mean", Tensor.ofFloats(shape, mean));
        weights.put(name + ".var", Tensor.ofFloats(shape, variance));
        nodes.add(new Node(name, "BatchNormalization",
                List.of(input, name + ".scale", name + ".bias", name + ".mean", name + ".var"), List.of(name + ".y")));
        return name + ".y";
    }

    public String unary(String name, String opType, String input) {
        nodes.add(new Node(name, opType, List.of(input), List.of(name + ".y")));
        return name + ".y";
    }

    public String relu(String name, String input) {
        return unary(name, "Relu", input);
    }

    public String binary(String name, String opType, String a, String b) {
        nodes.add(new Node(name, opType, List.of(a, b), List.of(name + ".y")));
        return name + ".y";
    }

    /** Multiplies by a constant of the given shape (e.g. [C,1,1] per channel, [1] for all). */
    public String scaleBy(String name, String input, long... shape) {
        weights.put(name + ".k", random(shape, 1.0));
        return binary(name, "Mul", input, name + ".k");
    }

    /** Adds a constant of the given shape (e.g. [classes] as the bias of a MatMul). */
    public String addBias(String name, String input, long... shape) {
        weights.put(name + ".b", random(shape, 0.1));
        return binary(name, "Add", input, name + ".b");
    }

    public String concat(String name, String... inputs) {
        nodes.add(new Node(name, "Concat", List.of(inputs), List.of(name + ".y"),
                Map.of("axis", new Attribute.IntValue(1))));
        return name + ".y";
    }

    public String maxPool(String name, String input) {
        nodes.add(new Node(name, "MaxPool", List.of(input), List.of(name + ".y"),
                Map.of("kernel_shape", ints(2, 2), "strides", ints(2, 2))));
        return name + ".y";
    }

    public String globalAveragePool(String name, String input) {
        return unary(name, "GlobalAveragePool", input);
    }

    public String flatten(String name, String input) {
        return unary(name, "Flatten", input);
    }

    public String gemm(String name, String input, int in, int out) {
        weights.put(name + ".w", random(new long[] {out, in}, Math.sqrt(1.0 / in)));
        weights.put(name + ".b", random(new long[] {out}, 0.1));
        nodes.add(new Node(name, "Gemm", List.of(input, name + ".w", name + ".b"), List.of(name + ".y"),
                Map.of("transB", new Attribute.IntValue(1))));
        return name + ".y";
    }

    public String matMul(String name, String input, int in, int out) {
        weights.put(name + ".w", random(new long[] {in, out}, Math.sqrt(1.0 / in)));
        nodes.add(new Node(name, "MatMul", List.of(input, name + ".w"), List.of(name + ".y")));
        return name + ".y";
    }

    public String reshape(String name, String input, long... target) {
        weights.put(name + ".shape", Tensor.ofLongs(new long[] {target.length}, target));
        nodes.add(new Node(name, "Reshape", List.of(input, name + ".shape"), List.of(name + ".y")));
        return name + ".y";
    }

    /** Pad (opset 11 and later: pads as an input) with the given mode, e.g. [0,0,1,1, 0,0,1,1] pads H and W by one. */
    public String pad(String name, String input, String mode, long... pads) {
        weights.put(name + ".pads", Tensor.ofLongs(new long[] {pads.length}, pads));
        nodes.add(new Node(name, "Pad", List.of(input, name + ".pads"), List.of(name + ".y"),
                Map.of("mode", new Attribute.StringValue(mode))));
        return name + ".y";
    }

    /** ReduceMean (opset 13: axes as an attribute). */
    public String reduceMean(String name, String input, boolean keepDims, long... axes) {
        nodes.add(new Node(name, "ReduceMean", List.of(input), List.of(name + ".y"),
                Map.of("axes", ints(axes), "keepdims", new Attribute.IntValue(keepDims ? 1 : 0))));
        return name + ".y";
    }

    /** Channels {@code [start, end)} of an NCHW value (Slice with constant starts, ends and axes [1]). */
    public String sliceChannels(String name, String input, long start, long end) {
        weights.put(name + ".starts", Tensor.ofLongs(new long[] {1}, new long[] {start}));
        weights.put(name + ".ends", Tensor.ofLongs(new long[] {1}, new long[] {end}));
        weights.put(name + ".axes", Tensor.ofLongs(new long[] {1}, new long[] {1}));
        nodes.add(new Node(name, "Slice", List.of(input, name + ".starts", name + ".ends", name + ".axes"),
                List.of(name + ".y")));
        return name + ".y";
    }

    /** Splits the channels into parts of the given sizes; the outputs are {@code name.y0, name.y1, ...}. */
    public List<String> splitChannels(String name, String input, long... sizes) {
        weights.put(name + ".split", Tensor.ofLongs(new long[] {sizes.length}, sizes));
        List<String> outputs = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            outputs.add(name + ".y" + k);
        }
        nodes.add(new Node(name, "Split", List.of(input, name + ".split"), outputs,
                Map.of("axis", new Attribute.IntValue(1))));
        return outputs;
    }

    /** Splits the channels into {@code parts} equal parts (no 'split' sizes); outputs {@code name.y0, ...}. */
    public List<String> splitChannelsEqually(String name, String input, int parts) {
        List<String> outputs = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            outputs.add(name + ".y" + k);
        }
        nodes.add(new Node(name, "Split", List.of(input), outputs, Map.of("axis", new Attribute.IntValue(1))));
        return outputs;
    }

    public String transpose(String name, String input, long... perm) {
        nodes.add(new Node(name, "Transpose", List.of(input), List.of(name + ".y"), Map.of("perm", ints(perm))));
        return name + ".y";
    }

    /** ShuffleNet's channel shuffle of a [N, channels, size, size] value in {@code groups} groups. */
    public String channelShuffle(String name, String input, int channelCount, int groups, int spatial) {
        String grouped = reshape(name + "_split", input, -1, groups, channelCount / groups, spatial, spatial);
        String swapped = transpose(name + "_swap", grouped, 0, 2, 1, 3, 4);
        return reshape(name + "_join", swapped, -1, channelCount, spatial, spatial);
    }

    /** The graph with {@code output} ([N, classes]) as its one output. */
    public Graph build(String output, int classes) {
        ValueInfo in = new ValueInfo(image(), DataType.FLOAT, List.of(ValueInfo.Dim.named("N"),
                ValueInfo.Dim.fixed(channels), ValueInfo.Dim.fixed(size), ValueInfo.Dim.fixed(size)));
        ValueInfo out = new ValueInfo(output, DataType.FLOAT,
                List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(classes)));
        return new Graph("test", nodes, weights, List.of(in), List.of(out), 13, Map.of());
    }

    private Tensor random(long[] shape, double std) {
        float[] values = new float[(int) Tensor.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Tensor.ofFloats(shape, values);
    }

    private static Attribute ints(long... values) {
        List<Long> list = new ArrayList<>();
        for (long v : values) {
            list.add(v);
        }
        return new Attribute.Ints(list);
    }
}
