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

    @Test
    void groupedConvTiesEachPositionWithinAGroupAcrossTheGroups() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.resnextBlock());
        assertThat(a.prunableConvs()).containsExactly("a", "r1", "g", "r3");
        // g has 4 groups of 2: its input (r1's kernels) and its own kernels tie positions 0 and 1 of every group.
        assertThat(a.groupOf("r1", 1)).containsExactlyInAnyOrder(
                new Kernel("r1", 1), new Kernel("r1", 3), new Kernel("r1", 5), new Kernel("r1", 7));
        assertThat(a.groupOf("g", 6)).containsExactlyInAnyOrder(
                new Kernel("g", 0), new Kernel("g", 2), new Kernel("g", 4), new Kernel("g", 6));
        assertThat(a.groupOf("r3", 5)).containsExactlyInAnyOrder(new Kernel("a", 5), new Kernel("r3", 5));
        assertThat(a.scoringPoints()).contains("relu_r1.y", "relu_g.y");
        // a+r3: 8 pairs, one stays; r1 and g: 2 groups of 4 each, one stays.
        assertThat(a.prunableKernelCount()).isEqualTo((16 - 2) + (8 - 4) + (8 - 4));
    }

    @Test
    void groupedConvKernelsAlsoTieToTheSqueezeExcitationGate() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.regnetBlock());
        assertThat(a.prunableConvs()).containsExactly("a", "r1", "g", "s1", "s2", "r3");
        assertThat(a.groupOf("g", 1)).containsExactlyInAnyOrder(
                new Kernel("g", 1), new Kernel("g", 5), new Kernel("s2", 1), new Kernel("s2", 5));
        assertThat(a.groupOf("r1", 6)).containsExactlyInAnyOrder(new Kernel("r1", 2), new Kernel("r1", 6));
        assertThat(a.prunableKernelCount()).isEqualTo((16 - 2) + (8 - 2) + (16 - 4) + (2 - 1));
    }

    @Test
    void groupedConvWithOneInputChannelPerGroupKeepsItsInputButPrunesItsKernels() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String grouped = g.groupedConv("g", a, 4, 8, 3, 4);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", grouped)), 8, 2), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        assertThat(analysis.prunableConvs()).containsExactly("g");
        assertThat(analysis.groupOf("g", 3)).containsExactlyInAnyOrder(
                new Kernel("g", 1), new Kernel("g", 3), new Kernel("g", 5), new Kernel("g", 7));
    }

    @Test
    void slicesCarryTheirChannelsAndTheShuffleTiesEachPositionAcrossItsGroups() {
        for (Graph graph : java.util.List.of(TestGraphs.shuffleUnit(), TestGraphs.splitShuffleUnit())) {
            PrunabilityAnalysis a = PrunabilityAnalysis.of(graph);
            assertThat(a.prunableConvs()).containsExactly("a", "b1", "b2", "c");
            // The shuffle's groups are the concat's halves: a's first half and b2 (from a's second half) pair up.
            assertThat(a.groupOf("a", 2)).containsExactlyInAnyOrder(new Kernel("a", 2), new Kernel("b2", 2));
            assertThat(a.groupOf("a", 6)).containsExactly(new Kernel("a", 6));
            assertThat(a.groupOf("b1", 3)).containsExactly(new Kernel("b1", 3));
            int[] shuffledRoots = java.util.Arrays.stream(a.flow().channels("shuffle_join.y").orElseThrow().ids)
                    .map(a.flow()::root).toArray();
            for (int j = 0; j < 4; j++) {
                assertThat(shuffledRoots[2 * j]).as("position %d", j).isEqualTo(shuffledRoots[2 * j + 1]);
                assertThat(shuffledRoots[2 * j]).isEqualTo(a.flow().root(a.flow().channels("relu_a.y")
                        .orElseThrow().ids[j]));
            }
            // a: 4 pairs with b2 and 4 single kernels, b1 4, c 6; one group stays each for a, b1, b2 (a pair), c.
            assertThat(a.prunableKernelCount()).isEqualTo(22 - (1 + 1 + 2 + 1));
        }
    }

    @Test
    void everySliceKeepsAChannelEvenWhenNoConvolutionNeedsIt() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 6, 3));
        String first = g.conv("b", g.sliceChannels("first", a, 0, 2), 2, 4, 1);
        String rest = g.conv("c", g.sliceChannels("rest", a, 2, 6), 4, 4, 1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", g.binary("add", "Add",
                first, rest))), 4, 2), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        assertThat(analysis.scoringPoints()).containsExactly("first.y", "rest.y", "gap.y");
        // a keeps one kernel in each slice (one of them also keeps a itself); b and c, tied by the Add, keep a pair.
        assertThat(analysis.prunableKernelCount()).isEqualTo((6 - 2) + (8 - 2));
    }

    @Test
    void negativeSliceBoundsCountFromTheLastChannel() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String sliced = g.sliceChannels("s", a, -3, -1);
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap",
                g.conv("b", sliced, 2, 3, 1))), 3, 2), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        int[] ids = analysis.flow().channels("s.y").orElseThrow().ids;
        int[] source = analysis.flow().channels("relu_a.y").orElseThrow().ids;
        assertThat(ids).containsExactly(source[1], source[2]);
    }
}
