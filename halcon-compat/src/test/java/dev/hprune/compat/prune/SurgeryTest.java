package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.testing.GraphBuilder;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SurgeryTest {

    private static Set<ChannelGroup> groupsWith(PrunabilityAnalysis a, Kernel... kernels) {
        return a.groups().stream().filter(g -> List.of(kernels).stream().anyMatch(g.kernels()::contains))
                .collect(Collectors.toSet());
    }

    private static long[] shape(Graph g, String weight) {
        return g.initializers().get(weight).shape();
    }

    @Test
    void removingAKernelSlicesItsWeightsAndTheConsumersInputChannels() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.plainChain());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1), new Kernel("b", 0), new Kernel("b", 5)));
        assertThat(shape(pruned, "a.w")).containsExactly(3, 3, 3, 3);
        assertThat(shape(pruned, "a.b")).containsExactly(3);
        assertThat(shape(pruned, "b.w")).containsExactly(4, 3, 3, 3);
        assertThat(shape(pruned, "fc.w")).containsExactly(2, 4);
        Tensor original = a.graph().initializers().get("b.w");
        Tensor cut = pruned.initializers().get("b.w");
        // b's kernel 1, input channel 2 becomes kernel 0, input channel 1 after the cut.
        int perKernel = 4 * 9;
        assertThat(cut.floatAt(0 * 27 + 1 * 9 + 4)).isEqualTo(original.floatAt(1 * perKernel + 2 * 9 + 4));
    }

    @Test
    void removingAResidualGroupCutsBothProducersAndTheirBatchNorms() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.residual());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 3)));
        assertThat(shape(pruned, "a.w")).containsExactly(3, 3, 3, 3);
        assertThat(shape(pruned, "b.w")).containsExactly(3, 3, 3, 3);
        for (String bn : List.of("bn_a", "bn_b")) {
            for (String vector : List.of(".scale", ".bias", ".mean", ".var")) {
                assertThat(shape(pruned, bn + vector)).as(bn + vector).containsExactly(3);
            }
        }
        assertThat(shape(pruned, "fc.w")).containsExactly(2, 3);
    }

    @Test
    void depthwiseConvLosesTheChannelAndItsGroupCount() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.depthwiseSeparable());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 0), new Kernel("a", 2)));
        assertThat(shape(pruned, "dw.w")).containsExactly(2, 1, 3, 3);
        assertThat(pruned.node("dw").orElseThrow().intAttr("group", 0)).isEqualTo(2);
        assertThat(shape(pruned, "b.w")).containsExactly(6, 2, 1, 1);
    }

    @Test
    void groupedConvLosesTheSamePositionsInEveryGroupAndKeepsItsGroupCount() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.resnextBlock());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("r1", 1), new Kernel("g", 0)));
        assertThat(shape(pruned, "r1.w")).containsExactly(4, 8, 1, 1);
        assertThat(shape(pruned, "g.w")).containsExactly(4, 1, 3, 3);
        assertThat(shape(pruned, "g.b")).containsExactly(4);
        assertThat(pruned.node("g").orElseThrow().intAttr("group", 0)).isEqualTo(4);
        assertThat(shape(pruned, "r3.w")).containsExactly(8, 4, 1, 1);
        Tensor original = a.graph().initializers().get("g.w");
        Tensor cut = pruned.initializers().get("g.w");
        // cut kernel 2 is original kernel 5 (kernels 1, 3, 5, 7 stay); its one input is position 0 of its group.
        assertThat(cut.floatAt(2 * 9 + 4)).isEqualTo(original.floatAt(5 * 18 + 0 * 9 + 4));
    }

    @Test
    void slicesAndTheShuffleReshapesFollowTheKeptChannels() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.shuffleUnit());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1), new Kernel("a", 5), new Kernel("b1", 0)));
        assertThat(shape(pruned, "a.w")).containsExactly(6, 3, 3, 3);
        // a keeps 0, 2, 3 | 4, 6, 7: the halves become [0, 3) and [3, 6).
        assertThat(pruned.initializers().get("half0.starts").toLongs()).containsExactly(0);
        assertThat(pruned.initializers().get("half0.ends").toLongs()).containsExactly(3);
        assertThat(pruned.initializers().get("half1.starts").toLongs()).containsExactly(3);
        assertThat(pruned.initializers().get("half1.ends").toLongs()).containsExactly(6);
        assertThat(shape(pruned, "b1.w")).containsExactly(3, 3, 1, 1);
        assertThat(shape(pruned, "dw.w")).containsExactly(3, 1, 3, 3);
        assertThat(shape(pruned, "b2.w")).containsExactly(3, 3, 1, 1);
        assertThat(pruned.initializers().get("shuffle_split.shape").toLongs()).containsExactly(-1, 2, 3, 8, 8);
        assertThat(pruned.initializers().get("shuffle_join.shape").toLongs()).containsExactly(-1, 6, 8, 8);
        assertThat(shape(pruned, "c.w")).containsExactly(6, 6, 3, 3);
        // c's input 2 is now (group 0, position 1) = a's kernel 2; it was input 4 before.
        Tensor original = a.graph().initializers().get("c.w");
        assertThat(pruned.initializers().get("c.w").floatAt(2 * 9)).isEqualTo(original.floatAt(4 * 9));
    }

    @Test
    void splitGetsTheKeptSizesOfItsParts() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.splitShuffleUnit());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1), new Kernel("a", 5), new Kernel("a", 6)));
        assertThat(pruned.initializers().get("halves.split").toLongs()).containsExactly(3, 2);
        assertThat(shape(pruned, "b1.w")).containsExactly(4, 2, 1, 1);
    }

    @Test
    void equalSplitGetsExplicitSizesOnceItsPartsDiffer() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 6, 3));
        var parts = g.splitChannelsEqually("thirds", a, 3);
        String sum = g.binary("add", "Add", g.binary("add01", "Add", g.conv("b", parts.get(0), 2, 4, 1),
                g.conv("c", parts.get(1), 2, 4, 1)), g.conv("d", parts.get(2), 2, 4, 1));
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", sum)), 4, 2), 2);
        PrunabilityAnalysis a2 = PrunabilityAnalysis.of(graph);
        Graph pruned = Surgery.remove(a2, groupsWith(a2, new Kernel("a", 3)));
        var split = pruned.node("thirds").orElseThrow();
        assertThat(split.inputs()).hasSize(2);
        assertThat(pruned.initializers().get(split.inputs().get(1)).toLongs()).containsExactly(2, 1, 2);
        assertThat(shape(pruned, "c.w")).containsExactly(4, 1, 1, 1);
    }

    @Test
    void concatOffsetsAndPerChannelConstantsAreSliced() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.concat());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("b", 0)));
        assertThat(shape(pruned, "b.w")).containsExactly(1, 3, 1, 1);
        assertThat(shape(pruned, "scale.k")).containsExactly(4, 1, 1);
        assertThat(shape(pruned, "c.w")).containsExactly(4, 4, 3, 3);
        Tensor original = a.graph().initializers().get("scale.k");
        assertThat(pruned.initializers().get("scale.k").toFloats()).containsExactly(
                original.floatAt(0), original.floatAt(1), original.floatAt(2), original.floatAt(4));
    }

    @Test
    void denseHeadsLoseOneBlockOfFeaturesPerChannel() {
        PrunabilityAnalysis gemm = PrunabilityAnalysis.of(TestGraphs.flattenHead());
        Graph prunedGemm = Surgery.remove(gemm, groupsWith(gemm, new Kernel("a", 1)));
        assertThat(shape(prunedGemm, "fc.w")).containsExactly(3, 48);
        Tensor original = gemm.graph().initializers().get("fc.w");
        assertThat(prunedGemm.initializers().get("fc.w").floatAt(16)).isEqualTo(original.floatAt(32));

        PrunabilityAnalysis matMul = PrunabilityAnalysis.of(TestGraphs.reshapeMatMulHead());
        Graph prunedMatMul = Surgery.remove(matMul, groupsWith(matMul, new Kernel("a", 1)));
        assertThat(shape(prunedMatMul, "fc.w")).containsExactly(48, 3);
        assertThat(prunedMatMul.initializers().get("flat.shape").toLongs()).containsExactly(-1, 48);
    }

    @Test
    void theInputGraphIsUntouched() {
        Graph graph = TestGraphs.residual();
        Map<String, Tensor> before = Map.copyOf(graph.initializers());
        PrunabilityAnalysis a = PrunabilityAnalysis.of(graph);
        Surgery.remove(a, Set.copyOf(a.groups().subList(0, 2)));
        assertThat(graph.initializers()).isEqualTo(before);
    }

    @Test
    void spatialPadNeedsNoCut() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.spatialPad());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1)));
        assertThat(shape(pruned, "a.w")).containsExactly(3, 3, 3, 3);
        assertThat(shape(pruned, "b.w")).containsExactly(6, 3, 3, 3);
        assertThat(pruned.initializers().get("pad.pads").toLongs()).containsExactly(0, 0, 1, 2, 0, 0, 1, 0);
    }

    @Test
    void reduceMeanHeadLosesOneFeaturePerChannel() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.reduceMeanHead());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("b", 2)));
        assertThat(shape(pruned, "b.w")).containsExactly(5, 4, 3, 3);
        assertThat(shape(pruned, "fc.w")).containsExactly(2, 5);
        Tensor original = a.graph().initializers().get("fc.w");
        assertThat(pruned.initializers().get("fc.w").floatAt(5 + 2)).isEqualTo(original.floatAt(6 + 3));
    }

    @Test
    void channelsLastFeaturesAreCutAtTheirStridedPositions() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.channelsLastFlattenHead());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 1)));
        assertThat(shape(pruned, "fc.w")).containsExactly(3, 48);
        assertThat(shape(pruned, "scale.k")).containsExactly(48);
        assertThat(pruned.initializers().get("flat.shape").toLongs()).containsExactly(-1, 48);
        // Kept channels 0, 2, 3: pruned feature 4 is position 1 of kept channel 2, original feature 1 x 4 + 2.
        Tensor fc = a.graph().initializers().get("fc.w");
        Tensor scale = a.graph().initializers().get("scale.k");
        assertThat(pruned.initializers().get("fc.w").floatAt(4)).isEqualTo(fc.floatAt(6));
        assertThat(pruned.initializers().get("fc.w").floatAt(48 + 47)).isEqualTo(fc.floatAt(64 + 63));
        assertThat(pruned.initializers().get("scale.k").floatAt(4)).isEqualTo(scale.floatAt(6));
    }

    @Test
    void partlyTrackedConcatCutsOnlyItsFreePart() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.partlyTrackedConcat());
        Graph pruned = Surgery.remove(a, groupsWith(a, new Kernel("a", 0)));
        assertThat(shape(pruned, "a.w")).containsExactly(2, 3, 3, 3);
        assertThat(shape(pruned, "b.w")).containsExactly(2, 3, 1, 1);
        assertThat(shape(pruned, "c.w")).containsExactly(4, 7, 3, 3);
        // c's input channels: image 0-2, a 3-5, b 6-7; a's channel 1 (original input 4) becomes input 3.
        Tensor original = a.graph().initializers().get("c.w");
        assertThat(pruned.initializers().get("c.w").floatAt(3 * 9 + 4)).isEqualTo(original.floatAt(4 * 9 + 4));
        assertThat(pruned.initializers().get("c.w").floatAt(2 * 9)).isEqualTo(original.floatAt(2 * 9));
    }
}
