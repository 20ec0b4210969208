package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.testing.GraphBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selection of the removed groups, with and without hprune's 'kernel_multiple' rounding. */
class PruningPlanTest {

    /** conv a(20) - relu - conv b(30) - relu - GAP - flatten - gemm(2). */
    private static Graph wideChain() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String x = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 20, 3));
        x = g.relu("relu_b", g.conv("b", x, 20, 30, 3));
        return g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", x)), 30, 2), 2);
    }

    /** Scores that rise with the group's position, so the selection is known. */
    private static Map<ChannelGroup, Double> rising(PrunabilityAnalysis analysis) {
        Map<ChannelGroup, Double> scores = new LinkedHashMap<>();
        List<ChannelGroup> groups = analysis.groups();
        for (int i = 0; i < groups.size(); i++) {
            scores.put(groups.get(i), (double) (i % 7) + i / 100.0);
        }
        return scores;
    }

    private static int kept(PrunabilityAnalysis analysis, PruningPlan plan, String conv) {
        int removed = (int) plan.removed().stream().flatMap(g -> g.kernels().stream())
                .filter(k -> k.conv().equals(conv)).count();
        return analysis.kernelCount(conv) - removed;
    }

    @Test
    void aMultipleOfOneIsHalconsSelection() {
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(wideChain());
        Map<ChannelGroup, Double> scores = rising(analysis);
        PruningPlan halcon = PruningPlan.select(analysis, scores, 30);
        assertThat(PruningPlan.select(analysis, scores, 30, 1)).isEqualTo(halcon);
        assertThat(halcon.removedKernels()).isEqualTo(Math.round(0.3 * analysis.prunableKernelCount()));
    }

    @Test
    void everyPrunedConvolutionKeepsAMultipleOfTheKernelMultiple() {
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(wideChain());
        for (int percentage : new int[] {10, 30, 50, 70, 90}) {
            PruningPlan plan = PruningPlan.select(analysis, rising(analysis), percentage, 8);
            for (String conv : List.of("a", "b")) {
                int kept = kept(analysis, plan, conv);
                assertThat(kept % 8 == 0 || kept == analysis.kernelCount(conv))
                        .as("%s keeps %d kernels at %d %%", conv, kept, percentage).isTrue();
            }
        }
    }

    @Test
    void roundingOnlyPutsKernelsBackAndTakesTheBestScoringFirst() {
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(wideChain());
        Map<ChannelGroup, Double> scores = rising(analysis);
        PruningPlan halcon = PruningPlan.select(analysis, scores, 50);
        PruningPlan rounded = PruningPlan.select(analysis, scores, 50, 8);
        assertThat(halcon.removed()).containsAll(rounded.removed());
        double worstPutBackInB = halcon.removed().stream().filter(g -> !rounded.removed().contains(g))
                .filter(g -> g.kernels().stream().anyMatch(k -> k.conv().equals("b")))
                .mapToDouble(scores::get).min().orElseThrow();
        double bestStillRemovedInB = rounded.removed().stream()
                .filter(g -> g.kernels().stream().anyMatch(k -> k.conv().equals("b")))
                .mapToDouble(scores::get).max().orElseThrow();
        assertThat(worstPutBackInB).isGreaterThanOrEqualTo(bestStillRemovedInB);
        assertThat(rounded.removedKernels()).isEqualTo(
                rounded.removed().stream().mapToInt(ChannelGroup::size).sum());
    }

    @Test
    void tiedResidualConvolutionsAreRoundedTogether() {
        GraphBuilder g = GraphBuilder.input(3, 8);
        String a = g.relu("relu_a", g.conv("a", GraphBuilder.image(), 3, 12, 3));
        String b = g.conv("b", a, 12, 12, 3);
        String sum = g.relu("relu_sum", g.binary("add", "Add", a, b));
        String c = g.relu("relu_c", g.conv("c", sum, 12, 20, 3));
        Graph graph = g.build(g.gemm("fc", g.flatten("flat", g.globalAveragePool("gap", c)), 20, 2), 2);
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        PruningPlan plan = PruningPlan.select(analysis, rising(analysis), 60, 4);
        assertThat(kept(analysis, plan, "a")).isEqualTo(kept(analysis, plan, "b"));
        for (String conv : List.of("a", "b", "c")) {
            assertThat(kept(analysis, plan, conv) % 4).as(conv).isZero();
        }
    }
}
