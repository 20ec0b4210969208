package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleOperators;
import dev.hprune.compat.testing.TestGraphs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * load_dl_model_weights: layers of the same name and weight shapes take the source's values; ChangesByLayer counts,
 * per target layer in graph order, the values that changed.
 */
class LoadDlModelWeightsTest {
    /** plainChain's layers in graph order: a, relu_a, b, relu_b, gap, flat, fc. */
    private static final int LAYERS = 7;

    private static List<Object> handle(Graph graph) {
        return List.of(DlModelOperators.register(DlModel.of(graph)));
    }

    private static Graph graphOf(List<Object> handle) {
        return DlModelOperators.model(handle).graph();
    }

    /** plainChain with conv a's kernel shifted by one (108 values) and its bias and conv b left alone. */
    private static Graph shiftedA() {
        Graph g = TestGraphs.plainChain();
        float[] w = g.initializers().get("a.w").toFloats();
        for (int i = 0; i < w.length; i++) {
            w[i] += 1;
        }
        return g.withUpdatedInitializers(Map.of("a.w", Tensor.ofFloats(new long[] {4, 3, 3, 3}, w)));
    }

    @Test
    void layersOfTheSameNameAndShapeTakeTheSourceWeightsAndChangesAreCounted() {
        List<Object> source = handle(shiftedA());
        DlModelOperators.model(source).setParam("class_ids", List.of(0L, 1L, 2L, 3L, 4L));
        List<Object> target = handle(TestGraphs.plainChain());

        List<Object> changes = DlModelOperators.loadDlModelWeights(source, target);
        // a's kernel changed in all 4x3x3x3 values; b equals already; fc has 5 outputs in the source and keeps its own
        assertThat(changes).containsExactly(108L, 0L, 0L, 0L, 0L, 0L, 0L);
        Graph loaded = graphOf(target);
        assertThat(loaded.initializers().get("a.w")).isEqualTo(shiftedA().initializers().get("a.w"));
        assertThat(loaded.initializers().get("fc.w")).isEqualTo(TestGraphs.plainChain().initializers().get("fc.w"));

        // loading again changes nothing
        assertThat(DlModelOperators.loadDlModelWeights(source, target)).hasSize(LAYERS).containsOnly(0L);
    }

    @Test
    void aPretrainedBodyGoesIntoAModelWithANewHead() {
        List<Object> pretrained = handle(shiftedA());
        List<Object> adapted = handle(TestGraphs.plainChain());
        DlModelOperators.model(adapted).setParam("class_ids", List.of(0L, 1L, 2L));
        Tensor head = graphOf(adapted).initializers().get("fc.w");

        List<Object> changes = DlModelOperators.loadDlModelWeights(pretrained, adapted);
        assertThat(changes.get(0)).isEqualTo(108L);
        assertThat(changes.get(LAYERS - 1)).isEqualTo(0L);
        assertThat(graphOf(adapted).initializers().get("fc.w")).isEqualTo(head);
    }

    @Test
    void badHandlesAreRefusedByNumber() {
        List<Object> model = handle(TestGraphs.plainChain());
        Handle dict = DictOperators.createDict();
        assertThat(code(() -> DlModelOperators.loadDlModelWeights(model, model))).isEqualTo(1302);
        assertThat(code(() -> DlModelOperators.loadDlModelWeights(List.of(dict), model))).isEqualTo(2404);
        assertThat(code(() -> DlModelOperators.loadDlModelWeights(model, List.of(dict)))).isEqualTo(2404);
        assertThat(code(() -> DlModelOperators.loadDlModelWeights(model, List.of()))).isEqualTo(1402);
        List<Object> cleared = handle(TestGraphs.plainChain());
        HandleOperators.clearHandle(cleared);
        assertThat(code(() -> DlModelOperators.loadDlModelWeights(model, cleared))).isEqualTo(2454);
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }
}
