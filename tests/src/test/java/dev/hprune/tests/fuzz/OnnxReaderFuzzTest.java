package dev.hprune.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.DlPruningOperators;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the ONNX importer with coverage-guided mutations of small real models (the seeds in
 * {@code OnnxReaderFuzzTestInputs/readModel}, written by {@link FuzzSeeds}). Whatever the bytes, reading either gives a
 * graph or fails with 7801; a 7801 must not hide a Java defect (a NullPointerException or an index out of bounds
 * caught and wrapped). A graph that reads must write and read back to the same graph, and turning it into a model and
 * a pruning handle (no backend involved) fails only with HALCON's model errors.
 */
class OnnxReaderFuzzTest {
    /** What create_dl_pruning may answer for a model that reads: not a classifier, nothing prunable, size open. */
    private static final Set<Integer> PRUNING_ERRORS = Set.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED,
            ErrorCodes.DL_PRUNING_UNSUPPORTED_BY_CNN, ErrorCodes.DL_TUPLE_VALUES, ErrorCodes.DL_READ_ONNX);

    @FuzzTest(maxExecutions = 10_000)
    void readModel(byte[] bytes) {
        Graph graph;
        try {
            graph = OnnxReader.read(bytes);
        } catch (HalconError e) {
            assertThat(e.code()).as("error of %s", e).isEqualTo(ErrorCodes.DL_READ_ONNX);
            FuzzChecks.assertNoHiddenDefect(e);
            return;
        }
        Graph reread = OnnxReader.read(OnnxWriter.toBytes(graph));
        assertThat(reread.nodes()).isEqualTo(graph.nodes());
        assertThat(reread.inputs()).isEqualTo(graph.inputs());
        assertThat(reread.outputs()).isEqualTo(graph.outputs());
        assertThat(reread.initializers().keySet()).isEqualTo(graph.initializers().keySet());

        Handle model = DlModelOperators.register(DlModel.of(graph));
        try {
            Handle pruning = DlPruningOperators.createDlPruning(List.of(model), List.of("oracle"), List.of());
            assertThat(DlPruningOperators.getDlPruningParam(List.of(pruning), List.of("prunable_kernel_num")))
                    .singleElement().isInstanceOf(Long.class);
            pruning.clear();
        } catch (HalconError e) {
            assertThat(e.code()).as("error of %s", e).isIn(PRUNING_ERRORS);
            FuzzChecks.assertNoHiddenDefect(e);
        } finally {
            model.clear();
        }
    }
}
