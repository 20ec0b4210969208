package dev.hprune.spark;

import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.DlSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;

/**
 * One executor task of a sweep: read the pruned model, evaluate_dl_model on the 'test' split, and with
 * {@code retrainEpochs} above 0 train_dl_model on the 'train' split (seeded as the tool seeds it) and evaluate again:
 * the steps the tool's sweep takes for one percentage, on the same shared data.
 */
record CandidateRun(SharedInputs inputs, int retrainEpochs, long seed)
        implements Function<Candidate, Candidate.Result> {
    private static final long serialVersionUID = 1L;

    @Override
    public Candidate.Result call(Candidate candidate) {
        HDlModel model = ModelFiles.read(Path.of(candidate.prunedFile()));
        DlData data = inputs.readData();
        try {
            double pruned = accuracy(model, data);
            double retrained = Double.NaN;
            double loss = Double.NaN;
            if (retrainEpochs > 0) {
                loss = DlSteps.train(new HTuple(model), data, retrainEpochs, seed, false);
                retrained = accuracy(model, data);
                if (candidate.retrainedFile() != null) {
                    ModelFiles.write(model, Path.of(candidate.retrainedFile()));
                }
            }
            return new Candidate.Result(candidate.percentage(), pruned, retrained, loss);
        } finally {
            HOperatorSet.ClearHandle(data.dataset());
            model.ClearDlModel();
        }
    }

    private static double accuracy(HDlModel model, DlData data) {
        return data.testCount() == 0 ? Double.NaN : 1 - DlSteps.top1Error(new HTuple(model), data);
    }
}
