package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.onnx.ShapeInference;
import dev.hprune.compat.testing.GraphBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Channels through the kinds added with the operator registry: element-wise ones pass or tie; channels-last Linear
 * layers and LayerNorms over the channels are followed (LayerNormPruningTest runs torch's exports of them).
 */
class NewKindsChannelFlowTest {

    private static Set<ChannelGroup> groupsWith(PrunabilityAnalysis a, Kernel kernel) {
        return a.groups().stream().filter(g -> g.kernels().contains(kernel)).collect(Collectors.toSet());
    }

    /** conv a(4) - Erf - conv b(6) - Softplus - Sqrt - GlobalMaxPool - Flatten - Gemm(2). */
    private static Graph unaryChain() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.unary("erf", "Erf", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        x = g.unary("sqrt", "Sqrt", g.unary("softplus", "Softplus", g.conv("b", x, 4, 6, 3)));
        return g.build(g.gemm("fc", g.flatten("flat", g.unary("gmp", "GlobalMaxPool", x)), 6, 2), 2);
    }

    @Test
    void elementWiseKindsAndGlobalMaxPoolPassChannelsOn() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(unaryChain());
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        assertThat(a.prunableKernelCount()).isEqualTo(3 + 5);
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("b", 2)));
        assertThat(pruned.initializers().get("fc.w").shape()).containsExactly(2, 5);
        Map<String, long[]> shapes = ShapeInference.infer(pruned, Map.of("image", new long[] {1, 3, 8, 8}));
        assertThat(shapes.get("gmp.y")).containsExactly(1, 5, 1, 1);
    }

    @Test
    void powWithAPerChannelExponentIsTiedAndItsExponentIsCut() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        String scaled = g.scaleBy("k", x, 4, 1, 1);
        Graph mul = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", g.conv("b", scaled, 4, 6, 3))),
                6, 2), 2);
        Graph pow = mul.withNodes(mul.nodes().stream().map(n -> n.opType().equals("Mul")
                ? new Node(n.name(), "Pow", n.inputs(), n.outputs()) : n).toList());
        PrunabilityAnalysis a = PrunabilityAnalysis.of(pow);
        assertThat(a.prunableConvs()).contains("a");
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1)));
        assertThat(pruned.initializers().get("k.k").shape()).containsExactly(3, 1, 1);
        assertThat(pruned.initializers().get("k.k").floatAt(1)).isEqualTo(pow.initializers().get("k.k").floatAt(2));
        assertThat(pruned.initializers().get("b.w").shape()).containsExactly(6, 3, 3, 3);
    }

    @Test
    void layerNormalizationOverAnotherAxisThanTheChannelsIsABarrier() {
        // on NCHW, axis -1 is W: not where the channels are (ConvNeXt's channels-last form is LayerNormPruningTest's)
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        Graph plain = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", g.unary("ln", "Identity",
                g.conv("b", x, 4, 6, 3)))), 6, 2), 2);
        Graph ln = plain.withNodes(plain.nodes().stream().map(n -> n.name().equals("ln")
                ? new Node("ln", "LayerNormalization", List.of(n.inputs().get(0), "a.b"), n.outputs()) : n).toList());
        assertThat(PrunabilityAnalysis.of(plain).prunableConvs()).containsExactly("a", "b");
        assertThat(PrunabilityAnalysis.of(ln).prunableConvs()).containsExactly("a");
    }

    /**
     * ConvNeXt's block on hand-built nodes: conv a(4) -> Transpose to channels-last -> MatMul up(4 -> 8) -> Relu ->
     * MatMul down(8 -> 4) -> [4] bias -> Transpose back -> residual Add with a's output -> conv b(6) -> head.
     */
    private static Graph channelsLastMlp() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        String hidden = g.relu("act", g.matMul("up", g.transpose("nhwc", x, 0, 2, 3, 1), 4, 8));
        String y = g.transpose("nchw", g.addBias("bias", g.matMul("down", hidden, 8, 4), 4), 0, 3, 1, 2);
        String b = g.conv("b", g.binary("res", "Add", x, y), 4, 6, 3);
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 6, 2), 2);
    }

    @Test
    void linearLayersOnChannelsLastChannelsAreCutAlongTheChannelsTheyReadAndWrite() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(channelsLastMlp());
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        assertThat(a.prunableKernelCount()).isEqualTo(3 + 5);
        // read where a's kernels made them, not on the channels-last value
        assertThat(a.scoringPoints()).containsExactly("a.y", "res.y", "gap.y");
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1)));
        assertThat(pruned.initializers().get("up.w").shape()).containsExactly(3, 8);
        assertThat(pruned.initializers().get("down.w").shape()).containsExactly(8, 3);
        assertThat(pruned.initializers().get("down.w").floatAt(2))
                .isEqualTo(channelsLastMlp().initializers().get("down.w").floatAt(3));
        assertThat(pruned.initializers().get("bias.b").shape()).containsExactly(3);
        assertThat(pruned.initializers().get("b.w").shape()).containsExactly(6, 3, 3, 3);
        Map<String, long[]> shapes = ShapeInference.infer(pruned, Map.of("image", new long[] {1, 3, 8, 8}));
        assertThat(shapes.get("res.y")).containsExactly(1, 3, 8, 8);
    }

    @Test
    void channelsLastChannelsReachingAnNchwOperatorAreKept() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.transpose("nhwc", g.conv("a", GraphBuilder.image(), 3, 4, 3), 0, 2, 3, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap",
                g.conv("b", g.maxPool("pool", x), 8, 6, 3))), 6, 2), 2);
        PrunabilityAnalysis a = PrunabilityAnalysis.of(graph);
        assertThat(a.prunableConvs()).containsExactly("b");
        assertThat(a.blockedConvs()).singleElement().satisfies(c -> assertThat(c.reasons())
                .containsExactly("MaxPool 'pool'"));
    }

    @Test
    void aMeanOverTheChannelsUsedOtherwiseThanToNormaliseThemKeepsThem() {
        // x.mean(1, keepdim=True) as the input of a conv (a spatial attention map): removing channels would change it
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        String attention = g.conv("att", g.reduceMean("mean", x, true, 1), 1, 6, 3);
        String y = g.binary("gate", "Add", g.conv("b", x, 4, 6, 3), attention);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", y)), 6, 2), 2);
        PrunabilityAnalysis a = PrunabilityAnalysis.of(graph);
        assertThat(a.blockedConvs()).anySatisfy(c -> {
            assertThat(c.conv()).isEqualTo("a");
            assertThat(c.blockedKernels()).isEqualTo(4);
            assertThat(c.reasons()).containsExactly("Conv 'att'");
        });
        assertThat(a.prunableConvs()).containsExactly("att", "b");
    }

    @Test
    void aLayerNormWrittenOutOverNchwChannelsPassesThemOnAndIsCut() {
        // (x - mean_c(x)) / sqrt(mean_c((x - mean_c(x))^2) + eps) * w + b, over axis 1 of NCHW
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        String centred = g.binary("sub", "Sub", x, g.reduceMean("mean", x, true, 1));
        String variance = g.reduceMean("var", g.binary("square", "Mul", centred, centred), true, 1);
        String std = g.unary("sqrt", "Sqrt", g.addBias("eps", variance, 1));
        String normalised = g.addBias("shift", g.scaleBy("scale", g.binary("div", "Div", centred, std), 4, 1, 1),
                4, 1, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap",
                g.conv("b", normalised, 4, 6, 3))), 6, 2), 2);
        PrunabilityAnalysis a = PrunabilityAnalysis.of(graph);
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 0)));
        assertThat(pruned.initializers().get("scale.k").shape()).containsExactly(3, 1, 1);
        assertThat(pruned.initializers().get("shift.b").shape()).containsExactly(3, 1, 1);
        assertThat(pruned.initializers().get("eps.b").shape()).containsExactly(1);
        assertThat(pruned.initializers().get("b.w").shape()).containsExactly(6, 3, 3, 3);
    }
}
