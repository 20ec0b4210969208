package dev.hprune.compat.testing;

import dev.hprune.compat.graph.Graph;

/** The hand-built architectures the pruning analysis is pinned down on (and the tests module checks numerically). */
public final class TestGraphs {
    private TestGraphs() {}

    /** conv a(4) - relu - conv b(6) - relu - GAP - flatten - gemm(2). */
    public static Graph plainChain() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        x = g.relu("relu_b", g.conv("b", x, 4, 6, 3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", x)), 6, 2), 2);
    }

    /** conv a(4) - relu - conv b(4) - add(relu_a, b) - relu - GAP - flatten - gemm(2): a and b tied. */
    public static Graph residual() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.batchNorm("bn_a", g.conv("a", GraphBuilder.image(), 3, 4, 3), 4));
        String b = g.batchNorm("bn_b", g.conv("b", a, 4, 4, 3), 4);
        String sum = g.relu("relu_sum", g.binary("add", "Add", a, b));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", sum)), 4, 2), 2);
    }

    /** conv a(4) - relu - depthwise(4) - bn - relu - conv b(6) - GAP - flatten - gemm(2). */
    public static Graph depthwiseSeparable() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String dw = g.relu("relu_dw", g.batchNorm("bn_dw", g.depthwise("dw", a, 4, 3), 4));
        String b = g.conv("b", dw, 4, 6, 1);
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 6, 2), 2);
    }

    /** conv a(8) with a squeeze-and-excitation block (s1(2), s2(8), hard-sigmoid, Mul), then conv b(4) and a head. */
    public static Graph squeezeExcitation() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 8, 3));
        String squeeze = g.globalAveragePool("se_gap", a);
        String s1 = g.relu("se_relu", g.conv("s1", squeeze, 8, 2, 1));
        String gate = g.unary("se_gate", "HardSigmoid", g.conv("s2", s1, 2, 8, 1));
        String excited = g.binary("se_mul", "Mul", a, gate);
        String b = g.conv("b", excited, 8, 4, 3);
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 4, 2), 2);
    }

    /** convs a(3) and b(2) on the image, concatenated, relu, per-channel scale, conv c(4), head. */
    public static Graph concat() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.conv("a", GraphBuilder.image(), 3, 3, 3);
        String b = g.conv("b", GraphBuilder.image(), 3, 2, 1);
        String joined = g.scaleBy("scale", g.relu("relu", g.concat("cat", a, b)), 5, 1, 1);
        String c = g.conv("c", joined, 5, 4, 3);
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", c)), 4, 2), 2);
    }

    /** conv a(4) on a 1x8x8 image - relu - maxpool - flatten (64 features, 16 per channel) - gemm(3). */
    public static Graph flattenHead() {
        GraphBuilder g = GraphBuilder.input(1, 8);
        String a = g.maxPool("pool", g.relu("relu", g.conv("a", GraphBuilder.image(), 1, 4, 3)));
        return g.build(g.gemm("fc", g.flatten("flat", a), 64, 3), 3);
    }

    /**
     * SqueezeNet's fully convolutional head: conv a(4) - relu - conv cls 1x1 (3 classes) - relu - GAP - flatten; the
     * class scores come from a convolution, not a dense layer.
     */
    public static Graph convHead() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String scores = g.relu("relu_cls", g.conv("cls", a, 4, 3, 1));
        return g.build(g.flatten("flat", g.globalAveragePool("gap", scores)), 3);
    }

    /** conv a(4) - relu - GAP - flatten - MatMul - Add(bias): a dense layer as PyTorch's older exports write it. */
    public static Graph matMulAddHead() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String product = g.matMul("fc", g.flatten("flat", g.globalAveragePool("gap", a)), 4, 5);
        return g.build(g.addBias("fc_bias", product, 5), 5);
    }

    /** Like {@link #flattenHead} with an explicit Reshape [-1, 64] and a MatMul head. */
    public static Graph reshapeMatMulHead() {
        GraphBuilder g = GraphBuilder.input(1, 8);
        String a = g.maxPool("pool", g.relu("relu", g.conv("a", GraphBuilder.image(), 1, 4, 3)));
        return g.build(g.matMul("fc", g.reshape("flat", a, -1, 64), 64, 3), 3);
    }

    /** The most common classifier head: Flatten -> Gemm -> Relu -> Dropout -> Gemm (AlexNet, VGG, Keras CNNs). */
    public static Graph denseHiddenLayerHead() {
        GraphBuilder g = GraphBuilder.input(1, 8);
        String a = g.maxPool("pool", g.relu("relu", g.conv("a", GraphBuilder.image(), 1, 4, 3)));
        String hidden = g.unary("drop", "Dropout", g.relu("fc1.relu", g.gemm("fc1", g.flatten("flat", a), 64, 6)));
        return g.build(g.gemm("fc2", hidden, 6, 3), 3);
    }

    /** conv a(4) - relu - reflect Pad of H and W (Inception's pooling branch) - maxpool - conv b(6) - relu - head. */
    public static Graph spatialPad() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String padded = g.pad("pad", a, "reflect", 0, 0, 1, 2, 0, 0, 1, 0);
        String b = g.relu("relu_b", g.conv("b", g.maxPool("pool", padded), 4, 6, 3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 6, 2), 2);
    }

    /** conv a(4) - relu - conv b(6) - relu - ReduceMean over H and W without kept dims ([N, 6]) - gemm(2). */
    public static Graph reduceMeanHead() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String b = g.relu("relu_b", g.conv("b", a, 4, 6, 3));
        return g.build(g.gemm("fc", g.reduceMean("mean", b, false, 2, 3), 6, 2), 2);
    }

    /** Like {@link #reduceMeanHead} with kept dims and negative axes ([N, 6, 1, 1]), then Flatten. */
    public static Graph reduceMeanKeepDimsHead() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String b = g.relu("relu_b", g.conv("b", a, 4, 6, 3));
        return g.build(g.gemm("fc", g.flatten("flat", g.reduceMean("mean", b, true, -1, -2)), 6, 2), 2);
    }

    /**
     * A Keras-style head: conv a(4) on a 1x8x8 image - relu - maxpool - Transpose to NHWC - Reshape [-1, 64] (channel c
     * owns features c, c + 4, ...) - per-feature scale - gemm(3).
     */
    public static Graph channelsLastFlattenHead() {
        GraphBuilder g = GraphBuilder.input(1, 8);
        String a = g.maxPool("pool", g.relu("relu", g.conv("a", GraphBuilder.image(), 1, 4, 3)));
        String features = g.reshape("flat", g.transpose("nhwc", a, 0, 2, 3, 1), -1, 64);
        return g.build(g.gemm("fc", g.scaleBy("scale", features, 64), 64, 3), 3);
    }

    /**
     * A concat of the image itself (untracked, as DenseNet's first concat includes the stem) with conv a(3) and a
     * conv b(2) behind an operator the analysis does not follow, then conv c(4) and a head: only a is free.
     */
    public static Graph partlyTrackedConcat() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 3, 3));
        String b = g.unary("odd", "Softmax", g.conv("b", GraphBuilder.image(), 3, 2, 1));
        String joined = g.concat("cat", GraphBuilder.image(), a, b);
        String c = g.relu("relu_c", g.conv("c", joined, 8, 4, 3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", c)), 4, 2), 2);
    }

    /**
     * A ResNeXt block: stem a(8) - bn - relu, then 1x1 r1(8) - relu - grouped 3x3 g(8, 4 groups of 2) - relu - 1x1
     * r3(8) - bn, added to the stem; head.
     */
    public static Graph resnextBlock() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.batchNorm("bn_a", g.conv("a", GraphBuilder.image(), 3, 8, 3), 8));
        String r1 = g.relu("relu_r1", g.conv("r1", a, 8, 8, 1));
        String grouped = g.relu("relu_g", g.groupedConv("g", r1, 8, 8, 3, 4));
        String r3 = g.batchNorm("bn_r3", g.conv("r3", grouped, 8, 8, 1), 8);
        String sum = g.relu("relu_sum", g.binary("add", "Add", a, r3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", sum)), 8, 2), 2);
    }

    /**
     * A RegNetY block: stem a(8), then 1x1 r1(8) - relu - grouped 3x3 g(8, 2 groups of 4) - relu - squeeze-and-
     * excitation (s1(2), s2(8), sigmoid, Mul) - 1x1 r3(8), added to the stem; head.
     */
    public static Graph regnetBlock() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 8, 3));
        String r1 = g.relu("relu_r1", g.conv("r1", a, 8, 8, 1));
        String grouped = g.relu("relu_g", g.groupedConv("g", r1, 8, 8, 3, 2));
        String squeeze = g.globalAveragePool("se_gap", grouped);
        String s1 = g.relu("se_relu", g.conv("s1", squeeze, 8, 2, 1));
        String gate = g.unary("se_gate", "Sigmoid", g.conv("s2", s1, 2, 8, 1));
        String excited = g.binary("se_mul", "Mul", grouped, gate);
        String r3 = g.conv("r3", excited, 8, 8, 1);
        String sum = g.relu("relu_sum", g.binary("add", "Add", a, r3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", sum)), 8, 2), 2);
    }

    /**
     * A ShuffleNetV2 unit: stem a(8) - relu, channels [0, 4) kept as they are, channels [4, 8) through 1x1 b1(4) -
     * relu - depthwise dw - 1x1 b2(4) - relu; both concatenated, shuffled in 2 groups, then conv c(6) and a head.
     */
    public static Graph shuffleUnit() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 8, 3));
        String kept = g.sliceChannels("half0", a, 0, 4);
        String branch = g.sliceChannels("half1", a, 4, Long.MAX_VALUE);
        return shuffleUnitTail(g, kept, branch);
    }

    /** {@link #shuffleUnit} with the halves made by one Split. */
    public static Graph splitShuffleUnit() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 8, 3));
        var halves = g.splitChannels("halves", a, 4, 4);
        return shuffleUnitTail(g, halves.get(0), halves.get(1));
    }

    private static Graph shuffleUnitTail(GraphBuilder g, String kept, String branch) {
        String b1 = g.relu("relu_b1", g.conv("b1", branch, 4, 4, 1));
        String b2 = g.relu("relu_b2", g.conv("b2", g.depthwise("dw", b1, 4, 3), 4, 4, 1));
        String shuffled = g.channelShuffle("shuffle", g.concat("cat", kept, b2), 8, 2, 8);
        String c = g.conv("c", shuffled, 8, 6, 3);
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", c)), 6, 2), 2);
    }
}
