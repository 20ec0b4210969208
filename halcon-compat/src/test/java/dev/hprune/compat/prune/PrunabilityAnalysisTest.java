package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.testing.GraphBuilder;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
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
        assertThat(a.prunableConvs()).containsExactly("a", "dw", "b");
        assertThat(a.groupOf("a", 2)).containsExactlyInAnyOrder(new Kernel("a", 2), new Kernel("dw", 2));
        // Depthwise kernels removed with their group count: four groups of two, one of which stays, and b's 6 - 1.
        assertThat(a.prunableKernelCount()).isEqualTo(2 * 3 + 5);
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
    void spatialPadPassesChannelsThrough() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.spatialPad());
        assertThat(a.prunableConvs()).containsExactly("a", "b");
        assertThat(a.prunableKernelCount()).isEqualTo(3 + 5);
        assertThat(a.blockedConvs()).isEmpty();
    }

    @Test
    void padOnTheChannelAxisIsABarrier() {
        GraphBuilder g = GraphBuilder.input(3, 4);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String padded = g.pad("pad", a, "constant", 0, 1, 0, 0, 0, 0, 0, 0);
        String b = g.conv("b", padded, 5, 4, 3);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(
                g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", b)), 4, 2), 2));
        assertThat(analysis.prunableConvs()).containsExactly("b");
        assertThat(analysis.blockedConvs()).containsExactly(
                new PrunabilityAnalysis.BlockedConv("a", 4, 4, List.of("Pad 'pad'")));
    }

    @Test
    void reduceMeanOverHeightAndWidthIsAGlobalAveragePool() {
        PrunabilityAnalysis features = PrunabilityAnalysis.of(TestGraphs.reduceMeanHead());
        assertThat(features.prunableConvs()).containsExactly("a", "b");
        assertThat(features.prunableKernelCount()).isEqualTo(3 + 5);
        assertThat(features.flow().channels("mean.y").orElseThrow().features).isTrue();
        assertThat(features.scoringPoints()).containsExactly("relu_a.y", "relu_b.y");

        PrunabilityAnalysis image = PrunabilityAnalysis.of(TestGraphs.reduceMeanKeepDimsHead());
        assertThat(image.prunableKernelCount()).isEqualTo(3 + 5);
        assertThat(image.flow().channels("mean.y").orElseThrow().features).isFalse();
        assertThat(image.scoringPoints()).containsExactly("relu_a.y", "mean.y");
    }

    @Test
    void reduceMeanOverOtherAxesIsABarrier() {
        for (long[] axes : List.of(new long[] {1}, new long[] {1, 2, 3}, new long[] {2})) {
            GraphBuilder g = GraphBuilder.input(3, 4);
            String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 4, 3));
            String b = g.relu("relu_b", g.conv("b", a, 4, 6, 3));
            String mean = g.flatten("flat", g.globalAveragePool("gap", g.reduceMean("mean", b, true, axes)));
            PrunabilityAnalysis analysis = PrunabilityAnalysis.of(g.build(g.gemm("fc", mean, 6, 2), 2));
            assertThat(analysis.prunableConvs()).as(java.util.Arrays.toString(axes)).containsExactly("a");
            assertThat(analysis.blockedConvs()).extracting(PrunabilityAnalysis.BlockedConv::reasons)
                    .containsExactly(List.of("ReduceMean 'mean'"));
        }
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
            assertThat(a.prunableConvs()).containsExactly("a", "b1", "dw", "b2", "c");
            // The shuffle's groups are the concat's halves: a's first half and b2 (from a's second half) pair up.
            assertThat(a.groupOf("a", 2)).containsExactlyInAnyOrder(new Kernel("a", 2), new Kernel("b2", 2));
            assertThat(a.groupOf("a", 6)).containsExactly(new Kernel("a", 6));
            assertThat(a.groupOf("b1", 3)).containsExactlyInAnyOrder(new Kernel("b1", 3), new Kernel("dw", 3));
            int[] shuffledRoots = java.util.Arrays.stream(a.flow().channels("shuffle_join.y").orElseThrow().ids)
                    .map(a.flow()::root).toArray();
            for (int j = 0; j < 4; j++) {
                assertThat(shuffledRoots[2 * j]).as("position %d", j).isEqualTo(shuffledRoots[2 * j + 1]);
                assertThat(shuffledRoots[2 * j]).isEqualTo(a.flow().root(a.flow().channels("relu_a.y")
                        .orElseThrow().ids[j]));
            }
            // a: 4 pairs with b2 and 4 single kernels, b1 4 each paired with its depthwise kernel, c 6; one group
            // stays each for a, b1 (a pair with dw), b2 (a pair), c.
            assertThat(a.prunableKernelCount()).isEqualTo(26 - (1 + 2 + 2 + 1));
        }
    }

    @Test
    void transposeToChannelsLastBeforeAFlattenMakesStridedFeatures() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.channelsLastFlattenHead());
        assertThat(a.prunableConvs()).containsExactly("a");
        assertThat(a.prunableKernelCount()).isEqualTo(3);
        ChannelFlow.Channels flat = a.flow().channels("flat.y").orElseThrow();
        assertThat(flat.strided).isTrue();
        assertThat(flat.block).isEqualTo(16);
        // Channel 1 of 4 owns features 1, 5, 9, ...; channel 3 owns 3, 7, ...
        assertThat(flat.featurePositions(new int[] {1, 3})).startsWith(1, 3, 5, 7, 9, 11).endsWith(61, 63);
        assertThat(a.scoringPoints()).containsExactly("pool.y");
    }

    @Test
    void otherTransposesAndChannelsLastValuesReadByNoFlattenAreBarriers() {
        GraphBuilder g = GraphBuilder.input(1, 8);
        String a = g.maxPool("pool", g.relu("relu", g.conv("a", GraphBuilder.image(), 1, 4, 3)));
        String features = g.reshape("flat", g.transpose("nhwc", a, 0, 3, 2, 1), -1, 64);
        PrunabilityAnalysis swapped = PrunabilityAnalysis.of(g.build(g.gemm("fc", features, 64, 3), 3));
        assertThat(swapped.prunableConvs()).isEmpty();
        assertThat(swapped.blockedConvs().get(0).reasons()).containsExactly("Transpose 'nhwc'");

        GraphBuilder h = GraphBuilder.input(1, 8);
        String b = h.relu("relu", h.conv("a", GraphBuilder.image(), 1, 4, 3));
        String pooled = h.maxPool("pool", h.transpose("nhwc", b, 0, 2, 3, 1));
        PrunabilityAnalysis pooledLast = PrunabilityAnalysis.of(
                h.build(h.gemm("fc", h.reshape("flat", pooled, -1, 16), 16, 3), 3));
        assertThat(pooledLast.prunableConvs()).isEmpty();
    }

    @Test
    void concatFollowsItsTrackedPartsWhenOthersAreUntrackedOrProtected() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.partlyTrackedConcat());
        assertThat(a.prunableConvs()).containsExactly("a", "c");
        assertThat(a.prunableKernelCount()).isEqualTo(2 + 3);
        assertThat(a.flow().channels("cat.y").orElseThrow().count()).isEqualTo(3 + 3 + 2);
        assertThat(a.blockedConvs()).containsExactly(
                new PrunabilityAnalysis.BlockedConv("b", 2, 2, List.of("Softmax 'odd'")));
    }

    @Test
    void blockedConvsNameWhatKeepsTheirKernels() {
        GraphBuilder g = GraphBuilder.input(3, 4);
        String a = g.relu("relu", g.conv("a", GraphBuilder.image(), 3, 4, 3));
        String logits = g.conv("head", a, 4, 2, 1);
        PrunabilityAnalysis head = PrunabilityAnalysis.of(
                g.build(g.flatten("flat", g.globalAveragePool("gap", logits)), 2));
        assertThat(head.blockedConvs()).containsExactly(
                new PrunabilityAnalysis.BlockedConv("head", 2, 2, List.of("graph output")));

        GraphBuilder d = GraphBuilder.input(1, 8);
        String pooled = d.maxPool("pool", d.relu("relu", d.conv("a", GraphBuilder.image(), 1, 4, 3)));
        PrunabilityAnalysis misfit = PrunabilityAnalysis.of(d.build(d.gemm("fc", d.flatten("flat", pooled), 62, 3), 3));
        assertThat(misfit.blockedConvs()).extracting(PrunabilityAnalysis.BlockedConv::reasons)
                .containsExactly(List.of("Gemm 'fc'"));
        assertThat(PrunabilityAnalysis.of(TestGraphs.residual()).blockedConvs()).isEmpty();

        GraphBuilder dw = GraphBuilder.input(4, 4);
        String image = dw.depthwise("dw", GraphBuilder.image(), 4, 3);
        PrunabilityAnalysis onTheImage = PrunabilityAnalysis.of(dw.build(
                dw.gemm("fc", dw.flatten("flat", dw.globalAveragePool("gap", dw.conv("b", image, 4, 4, 1))), 4, 2), 2));
        assertThat(onTheImage.blockedConvs()).containsExactly(new PrunabilityAnalysis.BlockedConv("dw", 4, 4,
                List.of("depthwise on channels that are not followed")));
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
