package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * get_dl_model_param's 'hprune_*' keys on two small graphs, against counts by hand. Every conv pads to keep the 8×8
 * size, so a conv's multiply-accumulates are out channels × 64 pixels × in channels × kh × kw, its parameters
 * out × in × kh × kw + out (bias); a Gemm's are out × in and out × in + out.
 */
class ModelCostParamsTest {
    private final ScriptedScoringBackend backend = DlPruningOperatorsTest.scoringBackend();

    private List<Object> model(Graph graph) {
        return List.of(DlModelOperators.register(DlModelTestAccess.of(graph, backend)));
    }

    private static List<Object> get(List<Object> model, String name) {
        return ModelCostParams.get(model, List.of(name));
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    /** conv a 3→4 3×3, relu, conv b 4→6 3×3, relu, GAP, flatten, gemm fc 6→2. */
    @Test
    void plainChainByHand() {
        List<Object> model = model(TestGraphs.plainChain());
        assertThat(get(model, "hprune_layer_names")).containsExactly("a", "b", "fc");
        assertThat(get(model, "hprune_layer_ops")).containsExactly("Conv", "Conv", "Gemm");
        assertThat(get(model, "hprune_layer_kernels")).containsExactly(4L, 6L, 2L);
        assertThat(get(model, "hprune_layer_parameters")).containsExactly(4L * 3 * 9 + 4, 6L * 4 * 9 + 6, 2L * 6 + 2);
        assertThat(get(model, "hprune_layer_macs")).containsExactly(4L * 64 * 3 * 9, 6L * 64 * 4 * 9, 2L * 6);
        // both convs can lose kernels (fc's inputs follow b's channels through GAP); a Gemm is never flagged
        assertThat(get(model, "hprune_layer_prunable")).containsExactly(1L, 1L, 0L);
        assertThat(get(model, "hprune_parameters")).containsExactly(112L + 222 + 14);
        assertThat(get(model, "hprune_macs")).containsExactly(6912L + 13824 + 12);
    }

    /** SqueezeNet's head: conv a 3→4 3×3, relu, conv cls 4→3 1×1 giving the class scores (so not prunable), GAP. */
    @Test
    void convolutionalHeadIsNotPrunable() {
        List<Object> model = model(TestGraphs.convHead());
        assertThat(get(model, "hprune_layer_names")).containsExactly("a", "cls");
        assertThat(get(model, "hprune_layer_kernels")).containsExactly(4L, 3L);
        assertThat(get(model, "hprune_layer_parameters")).containsExactly(4L * 3 * 9 + 4, 3L * 4 + 3);
        assertThat(get(model, "hprune_layer_macs")).containsExactly(4L * 64 * 27, 3L * 64 * 4);
        assertThat(get(model, "hprune_layer_prunable")).containsExactly(1L, 0L);
        assertThat(get(model, "hprune_macs")).containsExactly(6912L + 768);
    }

    /** Pruning one kernel of a lowers a's and b's counts by hand and leaves fc's. */
    @Test
    void thePrunedModelAnswersWithItsOwnCounts() {
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(TestGraphs.plainChain());
        // the first group is a kernel of a (groups follow the graph order)
        Graph pruned = Surgery.remove(analysis, java.util.Set.of(analysis.groups().get(0)));
        List<Object> model = model(pruned);
        assertThat(get(model, "hprune_layer_kernels")).containsExactly(3L, 6L, 2L);
        assertThat(get(model, "hprune_layer_macs")).containsExactly(3L * 64 * 27, 6L * 64 * 3 * 9, 12L);
    }

    @Test
    void badNamesAndSettingAreHalconErrors() {
        List<Object> model = model(TestGraphs.plainChain());
        assertThat(ModelCostParams.handles(List.of("hprune_macs"))).isTrue();
        assertThat(ModelCostParams.handles(List.of("batch_size"))).isFalse();
        assertThat(code(() -> get(model, "hprune_flops"))).isEqualTo(7911);
        assertThat(code(() -> ModelCostParams.refuseSet(model, List.of("hprune_macs")))).isEqualTo(7911);
        assertThat(catchThrowableOfType(HalconError.class, () -> ModelCostParams.refuseSet(model,
                List.of("hprune_layer_names")))).hasMessageContaining("can only be read");
        assertThat(code(() -> ModelCostParams.refuseSet(model, List.of("hprune_flops")))).isEqualTo(7911);
    }
}
