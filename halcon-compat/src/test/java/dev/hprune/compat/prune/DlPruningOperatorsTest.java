package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import dev.hprune.compat.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HALCON contract of the five pruning operators, on a scripted backend whose oracle score of channel c is
 * (c + 1) per sample. The real scores are checked against TensorFlow in the tests module.
 */
class DlPruningOperatorsTest {

    /** Scores every channel c of every requested activation with (c + 1) per sample. */
    static ScriptedScoringBackend scoringBackend() {
        return new ScriptedScoringBackend("scripted", (scores, images, labels) -> {
            for (float[] values : scores) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = (c + 1) * labels.length;
                }
            }
        });
    }

    private final ScriptedScoringBackend backend = scoringBackend();

    private List<Object> model(Graph graph) {
        return List.of(DlModelOperators.register(DlModelTestAccess.of(graph, backend)));
    }

    private static List<Object> samples(int count) {
        List<Object> handles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Dict sample = new Dict();
            sample.put("image", new DictValue.Objects(List.of(Image.constant(PixelType.REAL, 8, 8, 3, 0.5))));
            sample.put("image_label_id", new DictValue.Tuple(List.of((long) (i % 2))));
            handles.add(HandleRegistry.global().register(HandleType.DICT, sample));
        }
        return handles;
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    private static List<Object> get(List<Object> pruning, String name) {
        return DlPruningOperators.getDlPruningParam(pruning, List.of(name));
    }

    @Test
    void newHandleReportsHalconsDefaultsAndTheModelsPrunability() {
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()),
                List.of("oracle"), List.of()));
        assertThat(get(pruning, "mode")).containsExactly("oracle");
        assertThat(get(pruning, "percentage")).containsExactly(10L);
        assertThat(get(pruning, "prunable_conv_num")).containsExactly(2L);
        assertThat(get(pruning, "prunable_conv_layer_name")).containsExactly("a", "b");
        assertThat(get(pruning, "prunable_kernel_num")).containsExactly(8L);
        assertThat(get(pruning, "pruned_kernel_num")).containsExactly(0L);
        assertThat(get(pruning, "pruned_percentage")).containsExactly(0.0);
    }

    @Test
    void genParamDictMaySetThePercentage() {
        Handle params = DictOperators.createDict();
        DictOperators.setDictTuple(List.of(params), List.of("percentage"), List.of(30L));
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()),
                List.of("oracle"), List.of(params)));
        assertThat(get(pruning, "percentage")).containsExactly(30L);
        DictOperators.setDictTuple(List.of(params), List.of("percentage"), List.of(130L));
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()), List.of("oracle"),
                List.of(params)))).isEqualTo(1303);
        Handle unknown = DictOperators.createDict();
        DictOperators.setDictTuple(List.of(unknown), List.of("ratio"), List.of(3L));
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()), List.of("oracle"),
                List.of(unknown)))).isEqualTo(1303);
    }

    @Test
    void genParamKernelMultipleRoundsTheKeptKernelsOfEachConvolution() {
        Handle params = DictOperators.createDict();
        DictOperators.setDictTuple(List.of(params), List.of("kernel_multiple"), List.of(4L));
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model, List.of("oracle"), List.of(params)));
        DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(50L));
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(2));
        Handle pruned = DlPruningOperators.genDlPrunedModel(model, pruning);
        // HALCON's selection removes a0, a1, b0, b1 (see below); a then keeps 2 kernels, so both go back: a keeps 4.
        Graph result = ((DlModel) pruned.payload()).prunableGraph();
        assertThat(result.initializers().get("a.w").shape()).containsExactly(4, 3, 3, 3);
        assertThat(result.initializers().get("b.w").shape()).containsExactly(4, 4, 3, 3);
        assertThat(get(pruning, "pruned_kernel_num")).containsExactly(2L);
    }

    @Test
    void genParamKernelMultipleMustBeAnIntegerFromOneTo1024() {
        for (Object bad : List.of(0L, 1025L)) {
            Handle params = DictOperators.createDict();
            DictOperators.setDictTuple(List.of(params), List.of("kernel_multiple"), List.of(bad));
            assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()),
                    List.of("oracle"), List.of(params)))).isEqualTo(1303);
        }
        Handle real = DictOperators.createDict();
        DictOperators.setDictTuple(List.of(real), List.of("kernel_multiple"), List.of(8.0));
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()), List.of("oracle"),
                List.of(real)))).isEqualTo(1203);
    }

    @Test
    void createRefusesBadModeAndModelsWithoutPrunableConvs() {
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()), List.of("l1"),
                List.of()))).isEqualTo(1302);
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()), List.of(1L),
                List.of()))).isEqualTo(1202);
        dev.hprune.compat.testing.GraphBuilder noConv = dev.hprune.compat.testing.GraphBuilder.input(3, 4);
        Graph denseOnly = noConv.build(noConv.gemm("fc", noConv.flatten("flat", "image"), 48, 3), 3);
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(denseOnly), List.of("oracle"), List.of())))
                .isEqualTo(7981);
        Graph chain = TestGraphs.plainChain();
        Graph twoOutputs = chain.withOutputs(List.of(chain.outputs().get(0), chain.outputs().get(0)));
        assertThat(code(() -> DlPruningOperators.createDlPruning(model(twoOutputs), List.of("oracle"), List.of())))
                .isEqualTo(7912);
    }

    @Test
    void setAcceptsModeAndPercentageAndRefusesTheRestUnchanged() {
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()),
                List.of("oracle"), List.of()));
        DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(42.5));
        DlPruningOperators.setDlPruningParam(pruning, List.of("mode"), List.of("oracle"));
        assertThat(get(pruning, "percentage")).containsExactly(42.5);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("prunable_kernel_num"),
                List.of(3L)))).isEqualTo(1302);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("speed"), List.of(3L))))
                .isEqualTo(1302);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(-1L))))
                .isEqualTo(1303);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of("10"))))
                .isEqualTo(1203);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(1L, 2L))))
                .isEqualTo(1403);
        assertThat(code(() -> DlPruningOperators.setDlPruningParam(pruning, List.of("mode"), List.of("random"))))
                .isEqualTo(1303);
        assertThat(code(() -> DlPruningOperators.getDlPruningParam(pruning, List.of("speed")))).isEqualTo(1302);
        assertThat(get(pruning, "percentage")).containsExactly(42.5);
        assertThat(get(pruning, "mode")).containsExactly("oracle");
    }

    @Test
    void genBeforeAnyBatchIs7980() {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model, List.of("oracle"), List.of()));
        assertThat(code(() -> DlPruningOperators.genDlPrunedModel(model, pruning))).isEqualTo(7980);
    }

    @Test
    void aModelOfAnotherArchitectureIs7980() {
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model(TestGraphs.plainChain()),
                List.of("oracle"), List.of()));
        List<Object> other = model(TestGraphs.residual());
        assertThat(code(() -> DlPruningOperators.addDlPruningBatch(other, pruning, samples(2)))).isEqualTo(7980);
    }

    @Test
    void genRemovesTheLowestScoringKernelsIntoANewModel() {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = List.of(DlPruningOperators.createDlPruning(model, List.of("oracle"), List.of()));
        DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(50L));
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(3));
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(2));
        assertThat(backend.scoredSamples).isEqualTo(5);
        Handle pruned = DlPruningOperators.genDlPrunedModel(model, pruning);

        assertThat(get(pruning, "pruned_kernel_num")).containsExactly(4L);
        assertThat(get(pruning, "pruned_percentage")).containsExactly(50.0);
        Graph result = ((DlModel) pruned.payload()).prunableGraph();
        // Normalised by each layer's RMS, a's channel c scores (c+1)/sqrt(30/4) and b's (c+1)/sqrt(91/6): the four
        // lowest are b0 (0.257), a0 (0.365), b1 (0.514), a1 (0.730).
        assertThat(result.initializers().get("a.w").shape()).containsExactly(2, 3, 3, 3);
        assertThat(result.initializers().get("b.w").shape()).containsExactly(4, 2, 3, 3);
        Graph original = ((DlModel) ((Handle) model.get(0)).payload()).prunableGraph();
        assertThat(original.initializers().get("b.w").shape()).containsExactly(6, 4, 3, 3);
    }
}
