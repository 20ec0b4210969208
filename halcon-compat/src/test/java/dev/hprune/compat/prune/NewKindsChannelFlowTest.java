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

/** Channels through the kinds added with the operator registry: element-wise ones pass or tie, LayerNorm blocks. */
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
}
