package dev.hprune.cli.run;

import static dev.hprune.procedures.DlDataset.read_dl_samples;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/**
 * HALCON's pruning workflow, step by step: create_dl_pruning ('oracle'), add_dl_pruning_batch over the 'train' split in
 * batches of the model's 'batch_size' (read_dl_samples), then gen_dl_pruned_model for one or more percentages. Oracle
 * scores are sums over batches, so one scoring pass serves every percentage.
 */
public final class PruningSteps {
    private PruningSteps() {}

    /**
     * A pruning handle holding the oracle scores of the training samples; {@code kernelMultiple} above 1 sets hprune's
     * 'kernel_multiple' GenParam (1 leaves it out, so the call is HALCON's own).
     */
    public static HDlPrune score(HDlModel model, DlData data, double percentage, int kernelMultiple,
            Progress progress) {
        HDlPrune pruning = create(model, percentage, kernelMultiple);
        HTuple train = data.indices("train");
        try (Progress.Bar bar = progress.start("scoring", train.length())) {
            addBatches(model, pruning, data.dataset(), train, bar);
        }
        return pruning;
    }

    /** create_dl_pruning ('oracle') with 'percentage' and, above 1, hprune's 'kernel_multiple'. */
    public static HDlPrune create(HDlModel model, double percentage, int kernelMultiple) {
        HDict genParam = new HDict();
        genParam.SetDictTuple("percentage", new HTuple(percentage));
        if (kernelMultiple != 1) {
            genParam.SetDictTuple("kernel_multiple", new HTuple(kernelMultiple));
        }
        HDlPrune pruning = model.CreateDlPruning("oracle", genParam);
        genParam.close();
        return pruning;
    }

    /**
     * add_dl_pruning_batch over the samples {@code indices} of {@code dataset}, in their order, in batches of the
     * model's 'batch_size' (read_dl_samples); the batches start at the first index, so a caller that splits the indices
     * at multiples of the batch size gets the same batches as one call over all of them.
     */
    public static void addBatches(HDlModel model, HDlPrune pruning, HTuple dataset, HTuple indices,
            Progress.Bar bar) {
        int batchSize = model.GetDlModelParam("batch_size").getI();
        for (int start = 0; start < indices.length(); start += batchSize) {
            int end = Math.min(indices.length(), start + batchSize);
            HTuple batch = new HTuple();
            read_dl_samples(dataset, indices.TupleSelectRange(new HTuple(start), new HTuple(end - 1)), batch);
            HOperatorSet.AddDlPruningBatch(new HTuple(model), new HTuple(pruning), batch);
            for (int i = 0; i < batch.length(); i++) {
                HOperatorSet.ClearHandle(new HTuple(batch.getH(i)));
            }
            bar.stepBy(end - start);
        }
    }

    /** gen_dl_pruned_model at {@code percentage}: a new model, the original unchanged. */
    public static HDlModel prune(HDlModel model, HDlPrune pruning, double percentage) {
        pruning.SetDlPruningParam("percentage", percentage);
        return model.GenDlPrunedModel(pruning);
    }
}
