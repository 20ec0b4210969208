package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.testing.GraphBuilder;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Multiply-accumulates and parameters against counts by hand: out channels x out pixels x (in/group x kh x kw). */
class ModelCostTest {

    @Test
    void countsConvAndDenseMultiplyAccumulatesByHand() {
        // conv a: 1->4, 3x3, pad 1 on 8x8: 4*8*8 outputs x 9; maxpool; gemm 64->3: 3 outputs x 64.
        ModelCost cost = ModelCost.of(TestGraphs.flattenHead(), 1, 8, 8);
        assertThat(cost.macs()).isEqualTo(4L * 8 * 8 * 9 + 3L * 64);
        assertThat(cost.parameters()).isEqualTo(4 * 9 + 4 + 3 * 64 + 3);
    }

    @Test
    void pruningAKernelLowersTheCost() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.flattenHead());
        ModelCost pruned = ModelCost.of(Surgery.remove(a, java.util.Set.of(a.groups().get(0))), 1, 8, 8);
        assertThat(pruned.macs()).isEqualTo(3L * 8 * 8 * 9 + 3L * 48);
    }

    /**
     * torchvision's squeeze-and-excitation writes {@code scale * input}: the 1x1 gate is the Mul's first input. The
     * Mul broadcasts back to the block's 8x8, so the 1x1 conv after it works on 64 pixels, not one.
     */
    @Test
    void theSpatialSizeSurvivesASqueezeAndExcitationGate() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 8, 3));
        String s1 = g.relu("se_relu", g.conv("s1", g.globalAveragePool("se_gap", a), 8, 2, 1));
        String gate = g.unary("se_gate", "HardSigmoid", g.conv("s2", s1, 2, 8, 1));
        String b = g.conv("b", g.binary("se_mul", "Mul", gate, a), 8, 4, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 4, 2), 2);

        ModelCost cost = ModelCost.of(graph);

        assertThat(cost.layers()).containsExactly(
                new ModelCost.Layer("a", "Conv", 8, 8 * 3 * 9 + 8, 8L * 64 * 3 * 9),
                new ModelCost.Layer("s1", "Conv", 2, 2 * 8 + 2, 2L * 8),
                new ModelCost.Layer("s2", "Conv", 8, 8 * 2 + 8, 8L * 2),
                new ModelCost.Layer("b", "Conv", 4, 4 * 8 + 4, 4L * 64 * 8),
                new ModelCost.Layer("fc", "Gemm", 2, 2 * 4 + 2, 2L * 4));
        assertThat(cost.macs()).isEqualTo(13824 + 16 + 16 + 2048 + 8);
        assertThat(cost.parameters()).isEqualTo(224 + 18 + 24 + 36 + 10);
    }

    /** A strided stem halves 16x16 to 8x8; the depthwise conv sums over one channel only (group = channels). */
    @Test
    void stridedAndDepthwiseConvolutionsByHand() {
        GraphBuilder g = GraphBuilder.input(3, 16);
        String stem = g.relu("relu_stem", g.conv("stem", GraphBuilder.image(), 3, 8, 3, 2));
        String dw = g.relu("relu_dw", g.batchNorm("bn_dw", g.depthwise("dw", stem, 8, 3), 8));
        String pw = g.conv("pw", dw, 8, 16, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", pw)), 16, 10), 10);

        ModelCost cost = ModelCost.of(graph, 3, 16, 16);

        assertThat(cost.layers()).extracting(ModelCost.Layer::macs).containsExactly(
                8L * 8 * 8 * 3 * 9, // (16 + 2 - 3) / 2 + 1 = 8
                8L * 8 * 8 * 9,
                16L * 8 * 8 * 8,
                10L * 16);
        assertThat(cost.layers()).extracting(ModelCost.Layer::kernels).containsExactly(8, 8, 16, 10);
        // BatchNormalization's four vectors are parameters of the model, not of a layer
        assertThat(cost.parameters()).isEqualTo((8 * 27 + 8) + (8 * 9 + 8) + 4 * 8 + (16 * 8 + 16) + (10 * 16 + 10));
    }

    @Test
    void denseHeadsCountEveryLayer() {
        // conv 1->4 at 8x8, pool to 4x4, fc1 64->6, fc2 6->3
        assertThat(ModelCost.of(TestGraphs.denseHiddenLayerHead()).layers()).extracting(ModelCost.Layer::macs)
                .containsExactly(4L * 64 * 9, 6L * 64, 3L * 6);
        // MatMul's weight is [in, out]: 64 -> 3
        assertThat(ModelCost.of(TestGraphs.reshapeMatMulHead()).layers()).extracting(ModelCost.Layer::kernels)
                .containsExactly(4, 3);
        assertThat(ModelCost.of(TestGraphs.reshapeMatMulHead()).macs()).isEqualTo(4L * 64 * 9 + 3L * 64);
    }

    @Test
    void aSizeTheGraphLeavesOpenMustBeGiven() {
        Graph free = TestGraphs.plainChain().withInputs(List.of(new ValueInfo(GraphBuilder.image(), DataType.FLOAT,
                List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3), ValueInfo.Dim.named("H"),
                        ValueInfo.Dim.named("W")))));
        Assertions.assertThatThrownBy(() -> ModelCost.of(free)).isInstanceOfSatisfying(HalconError.class,
                e -> assertThat(e.code()).isEqualTo(7914));
        assertThat(ModelCost.of(free, 3, 8, 8).macs()).isEqualTo(ModelCost.of(TestGraphs.plainChain()).macs());
    }
}
