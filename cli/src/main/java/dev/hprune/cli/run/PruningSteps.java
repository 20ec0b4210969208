package dev.hprune.cli.run;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import java.util.List;

/**
 * HALCON's pruning workflow, step by step: create_dl_pruning ('oracle'), add_dl_pruning_batch over the data, then
 * gen_dl_pruned_model for one or more percentages. Oracle scores are sums over batches, so one scoring pass serves every
 * percentage.
 */
public final class PruningSteps {
    private PruningSteps() {}

    private static final int CHUNK = 256;

    /**
     * A pruning handle holding the oracle scores of {@code samples}; {@code kernelMultiple} above 1 sets hprune's
     * 'kernel_multiple' GenParam (1 leaves it out, so the call is HALCON's own).
     */
    public static HDlPrune score(HDlModel model, List<HDict> samples, double percentage, int kernelMultiple,
            Progress progress) {
        HDict genParam = new HDict();
        genParam.SetDictTuple("percentage", new HTuple(percentage));
        if (kernelMultiple != 1) {
            genParam.SetDictTuple("kernel_multiple", new HTuple(kernelMultiple));
        }
        HDlPrune pruning = model.CreateDlPruning("oracle", genParam);
        genParam.close();
        try (Progress.Bar bar = progress.start("scoring", samples.size())) {
            for (int start = 0; start < samples.size(); start += CHUNK) {
                int end = Math.min(samples.size(), start + CHUNK);
                model.AddDlPruningBatch(pruning, samples.subList(start, end).toArray(HDict[]::new));
                bar.stepBy(end - start);
            }
        }
        return pruning;
    }

    /** gen_dl_pruned_model at {@code percentage}: a new model, the original unchanged. */
    public static HDlModel prune(HDlModel model, HDlPrune pruning, double percentage) {
        pruning.SetDlPruningParam("percentage", percentage);
        return model.GenDlPrunedModel(pruning);
    }
}
