package dev.hprune.compat.prune;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.dl.SampleBatch;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.io.FileBytes;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HALCON's pruning operators on plain values (https://www.mvtec.com/doc/halcon/2405/en/create_dl_pruning.html and the
 * pages of set/get_dl_pruning_param, add_dl_pruning_batch, gen_dl_pruned_model). Parameter positions in errors count
 * each operator's control parameters from 1. All are safe to call from any thread.
 *
 * <p>Beyond HALCON's table, hprune's own write_dl_pruning_scores, read_dl_pruning_scores and add_dl_pruning_scores let
 * scores accumulated in several processes (or on several handles) be merged: the scores are exact sums, so merging
 * gives the same bits as scoring every batch on one handle.
 */
public final class DlPruningOperators {
    private DlPruningOperators() {}

    /** hprune's GenParam key beyond HALCON's: round kept kernels per convolution to a multiple (see PruningPlan). */
    public static final String KERNEL_MULTIPLE = "kernel_multiple";

    /**
     * create_dl_pruning( : : DLModelHandle, Mode, GenParam : DLPruningHandle): Mode 'oracle'; GenParam a dict that may
     * set 'percentage' (an empty tuple is taken as an empty dict), and, as hprune's extension, 'kernel_multiple' (an
     * integer 1..1024; 1, the default, is HALCON's behaviour). 7912 for a model that is not a classifier, 7981 for one
     * without a prunable convolution.
     */
    public static Handle createDlPruning(List<Object> model, List<Object> mode, List<Object> genParam) {
        DlModel m = DlModelOperators.model(model);
        DlPruning.checkedMode(ControlArgs.string(mode, 2), 2);
        Object percentage = null;
        int kernelMultiple = 1;
        if (genParam == null || !genParam.isEmpty()) {
            Dict params = ControlArgs.handle(genParam, 3, HandleType.DICT, Dict.class);
            for (Object key : params.keys()) {
                if (!"percentage".equals(key) && !KERNEL_MULTIPLE.equals(key)) {
                    throw ControlArgs.wrongValue(3, "GenParam may set 'percentage' and 'kernel_multiple' only, got key "
                            + ControlArgs.describe(key));
                }
                DictValue value = params.get(key).orElseThrow();
                if (!(value instanceof DictValue.Tuple tuple)) {
                    throw ControlArgs.wrongValue(3, "GenParam '" + key + "' must be a tuple");
                }
                if (KERNEL_MULTIPLE.equals(key)) {
                    long multiple = ControlArgs.integer(tuple.values(), 3);
                    if (multiple < 1 || multiple > 1024) {
                        throw ControlArgs.wrongValue(3, "'kernel_multiple' must be in 1..1024, got " + multiple);
                    }
                    kernelMultiple = (int) multiple;
                } else {
                    percentage = DlPruning.checkedPercentage(tuple.values(), 3);
                }
            }
        }
        if (!m.isClassification()) {
            throw HalconError.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED, "pruning supports 'classification' models only");
        }
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(m.prunableGraph());
        if (analysis.prunableConvs().isEmpty()) {
            throw HalconError.of(ErrorCodes.DL_PRUNING_UNSUPPORTED_BY_CNN, "no convolution has a removable kernel");
        }
        DlPruning pruning = new DlPruning(analysis, m.structure());
        if (percentage != null) {
            pruning.set("percentage", List.of(percentage), 3, 3);
        }
        pruning.setKernelMultiple(kernelMultiple);
        return HandleRegistry.global().register(HandleType.DL_PRUNING, pruning);
    }

    /** set_dl_pruning_param( : : DLPruningHandle, GenParamName, GenParamValue : ). */
    public static void setDlPruningParam(List<Object> pruning, List<Object> genParamName, List<Object> genParamValue) {
        DlPruning p = pruning(pruning, 1);
        String name = ControlArgs.string(genParamName, 2);
        p.set(name, genParamValue, 2, 3);
    }

    /** get_dl_pruning_param( : : DLPruningHandle, GenParamName : GenParamValue). */
    public static List<Object> getDlPruningParam(List<Object> pruning, List<Object> genParamName) {
        DlPruning p = pruning(pruning, 1);
        return p.get(ControlArgs.string(genParamName, 2));
    }

    /**
     * add_dl_pruning_batch( : : DLModelHandleToPrune, DLPruningHandle, DLSampleBatch : ): adds the oracle scores of the
     * samples (which need 'image_label_id'), in chunks of the model's 'batch_size'. Weights do not change.
     */
    public static void addDlPruningBatch(List<Object> model, List<Object> pruning, List<Object> sampleBatch) {
        DlModel m = DlModelOperators.model(model);
        DlPruning p = pruning(pruning, 2);
        List<Dict> samples = ControlArgs.handles(sampleBatch, 3, HandleType.DICT, Dict.class);
        if (samples.isEmpty()) {
            throw HalconError.of(ErrorCodes.DL_INVALID_NUM_SAMPLES, "the sample batch is empty");
        }
        p.checkFits(m);
        List<String> points = p.analysis().scoringPoints();
        int batchSize = ((Long) m.getParam("batch_size").get(0)).intValue();
        // Every sample is checked before the first is scored, and the scores reach the handle only when all chunks
        // are done: a bad sample anywhere in the batch leaves the handle as it was.
        List<Map<String, float[]>> chunkScores = m.withSession((session, input, logits, batches) -> {
            List<SampleBatch> chunks = new ArrayList<>();
            for (int start = 0; start < samples.size(); start += batchSize) {
                chunks.add(batches.make(samples.subList(start, Math.min(samples.size(), start + batchSize))));
            }
            List<Map<String, float[]>> scores = new ArrayList<>(chunks.size());
            for (SampleBatch batch : chunks) {
                scores.add(session.taylorScores(input, logits, batch.images(), batch.labels(), points));
            }
            return scores;
        });
        p.scores().addAll(chunkScores, samples.size());
    }

    /**
     * gen_dl_pruned_model( : : DLModelHandleToPrune, DLPruningHandle : DLModelHandlePruned): a new model with the
     * lowest-scoring 'percentage' of the prunable kernels removed; the input model is not changed. 7980 before any batch
     * was added or for a model the handle was not created for.
     */
    public static Handle genDlPrunedModel(List<Object> model, List<Object> pruning) {
        DlModel m = DlModelOperators.model(model);
        DlPruning p = pruning(pruning, 2);
        p.checkFits(m);
        if (p.scores().samples() == 0) {
            throw HalconError.of(ErrorCodes.DL_PRUNING_WRONG_DATA,
                    "no scores yet: call add_dl_pruning_batch before gen_dl_pruned_model");
        }
        Graph current = m.prunableGraph();
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(current);
        PruningPlan plan = PruningPlan.select(analysis, p.scores().groupScores(analysis), p.percentage(),
                p.kernelMultiple());
        Graph pruned = Surgery.remove(analysis, plan.removed());
        Handle handle = DlModelOperators.register(m.derive(pruned));
        p.recordPruned(plan);
        return handle;
    }

    /**
     * hprune's write_dl_pruning_scores( : : DLPruningHandle, FileName : ): writes the handle's accumulated oracle scores,
     * their sample count and the architecture they belong to as an hprune dict file (see {@link ScoresFile}; read_dict
     * opens it). Written atomically; 5212 when the file cannot be written.
     */
    public static void writeDlPruningScores(List<Object> pruning, List<Object> fileName) {
        DlPruning p = pruning(pruning, 1);
        String name = ControlArgs.string(fileName, 2);
        Path file = path(name, ErrorCodes.FILE_WRITE);
        byte[] bytes = ScoresFile.encode(p.architecture(), p.scores());
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw new HalconError(ErrorCodes.FILE_WRITE, "", "cannot write " + name + ": " + e, e);
        }
    }

    /**
     * hprune's read_dl_pruning_scores( : : DLPruningHandle, FileName : ): replaces the handle's scores and sample count
     * with a file's from write_dl_pruning_scores. 5200 for a missing file, 5250 for one that cannot be read, 5238 for
     * one that is no scores file, 7980 for scores of another architecture; on any error the handle is unchanged.
     */
    public static void readDlPruningScores(List<Object> pruning, List<Object> fileName) {
        DlPruning p = pruning(pruning, 1);
        String name = ControlArgs.string(fileName, 2);
        Path file = path(name, ErrorCodes.FILE_NOT_FOUND);
        byte[] bytes = FileBytes.read(file, name);
        p.scores().replaceWith(ScoresFile.decode(bytes, p.architecture(), p.analysis()));
    }

    /**
     * hprune's add_dl_pruning_scores( : : DLPruningHandle, DLPruningHandleOther : ): adds the scores and sample count of
     * the other handle into the first, exactly; the other is unchanged. 7980 when the handles were created for models
     * of different architectures. Adding a handle to itself doubles its scores.
     */
    public static void addDlPruningScores(List<Object> pruning, List<Object> pruningOther) {
        DlPruning p = pruning(pruning, 1);
        DlPruning other = pruning(pruningOther, 2);
        p.checkSameArchitecture(other, "the two pruning handles were created for models of different architectures");
        p.scores().addAll(other.scores());
    }

    /** A file name the platform accepts as a path (a NUL character, say, it does not): else {@code code}. */
    private static Path path(String name, int code) {
        try {
            return Path.of(name);
        } catch (RuntimeException e) {
            throw new HalconError(code, "", "no valid file name: '" + name + "'", e);
        }
    }

    private static DlPruning pruning(List<Object> pruning, int position) {
        return ControlArgs.handle(pruning, position, HandleType.DL_PRUNING, DlPruning.class);
    }
}
