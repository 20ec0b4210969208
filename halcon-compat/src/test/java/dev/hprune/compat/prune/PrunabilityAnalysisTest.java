package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.testing.GraphBuilder;
import dev.hprune.compat.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class PrunabilityAnalysisTest {

    @Test
    void plainChainHasOneGroupPerKernel() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.plainChain());
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        assertThat(a.groups()).hasSize(10).allMatch(g -> g.size() == 1);
        assertThat(a.prunableKernelCount()).isEqualTo(3 + 5);
    }

    @Test
    void residualAddTiesProducersIntoOneGroup() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.residual());
        assertThat(a.groupOf("a", 0)).containsExactlyInAnyOrder(new Kernel("a", 0), new Kernel("b", 0));
        assertThat(a.groups()).hasSize(4);
        assertThat(a.prunableKernelCount()).isEqualTo(8 - 2);
    }

    @Test
    void depthwiseConvTiesItsInputAndOutputChannel() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.depthwiseSeparable());
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        assertThat(a.groupOf("a", 2)).containsExactly(new Kernel("a", 2));
        assertThat(a.prunableKernelCount()).isEqualTo(3 + 5);
    }

    @Test
    void squeezeExcitationMulTiesTheGateToTheBlocksChannels() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.squeezeExcitation());
        assertThat(a.groupOf("a", 5)).containsExactlyInAnyOrder(new Kernel("a", 5), new Kernel("s2", 5));
        assertThat(a.groupOf("s1", 1)).containsExactly(new Kernel("s1", 1));
        assertThat(a.prunableConvs()).containsExactly("a", "s1", "s2", "b");
        assertThat(a.prunableKernelCount()).isEqualTo((16 - 2) + (2 - 1) + (4 - 1));
    }

    @Test
    void concatOffsetsTheSecondInputsChannels() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.concat());
        assertThat(a.groups()).hasSize(3 + 2 + 4);
        assertThat(a.groupOf("b", 1)).containsExactly(new Kernel("b", 1));
        assertThat(a.prunableKernelCount()).isEqualTo(2 + 1 + 3);
    }

    @Test
    void flattenGemmHeadMapsEachChannelToABlockOfFeatures() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.flattenHead());
        assertThat(a.prunableKernelCount()).isEqualTo(3);
        assertThat(a.flow().channels("flat.y").orElseThrow().block).isEqualTo(16);
        assertThat(a.scoringPoints()).containsExactly("pool.y");
    }

    @Test
    void secondDenseLayerReadsNoKernelsAndIsNoScoringPoint() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.denseHiddenLayerHead());
        assertThat(a.prunableConvs()).containsExactly("a");
        assertThat(a.prunableKernelCount()).isEqualTo(3);
        assertThat(a.scoringPoints()).containsExactly("pool.y");
    }

    @Test
    void reshapeMatMulHeadIsFollowedLikeAFlatten() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.reshapeMatMulHead());
        assertThat(a.prunableKernelCount()).isEqualTo(3);
        assertThat(a.flow().channels("flat.y").orElseThrow().block).isEqualTo(16);
    }

    @Test
    void classifierOutputLayerIsNeverPruned() {
        GraphBuilder g = GraphBuilder.input(3, 4);
        String a = g.relu("relu", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String logits = g.conv("head", a, 4, 2, 1);
        Graph graph = g.build(g.flatten("flat", g.globalAveragePool("gap", logits)), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        assertThat(analysis.prunableConvs()).containsExactly("a");
        assertThat(analysis.groupOf("head", 0)).isEmpty();
    }

    @Test
    void channelsReachingAnUnknownOperatorAreKept() {
        GraphBuilder g = GraphBuilder.input(3, 4);
        String a = g.conv("a", GraphBuilder.image(), 3, 4, 3);
        String b = g.conv("b", g.unary("odd", "Softsign", a), 4, 4, 3);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 4, 2), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        assertThat(analysis.prunableConvs()).containsExactly("b");
        assertThat(analysis.prunableKernelCount()).isEqualTo(3);
    }

    @Test
    void perChannelConstantOfAnotherSizeStopsPruning() {
        GraphBuilder g = GraphBuilder.input(3, 4);
        String a = g.scaleBy("odd_scale", g.conv("a", GraphBuilder.image(), 3, 4, 3), 2, 1, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", a)), 4, 2), 2);
        assertThat(PrunabilityAnalysis.of(graph).prunableConvs()).isEmpty();
    }
}
