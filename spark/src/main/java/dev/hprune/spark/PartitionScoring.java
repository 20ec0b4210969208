package dev.hprune.spark;

import static dev.hprune.halcon.HOperatorSet.WriteDlPruningScores;

import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.Progress;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;

/**
 * One executor task of the scoring: read the shared model and data set, create_dl_pruning ('oracle'),
 * add_dl_pruning_batch over the partition's samples in the model's batches, and write_dl_pruning_scores to a local
 * temporary file whose bytes go back to the driver (a few kilobytes: one double per channel of each scoring point).
 */
record PartitionScoring(SharedInputs inputs, double percentage, int kernelMultiple)
        implements Function<long[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] call(long[] samples) throws IOException {
        HDlModel model = inputs.readModel();
        DlData data = inputs.readData();
        Path file = Files.createTempFile("hprune-scores-", ".hdict");
        try (HDlPrune pruning = PruningSteps.create(model, percentage, kernelMultiple);
                Progress.Bar none = new Progress(System.err, true).start("scoring", samples.length)) {
            PruningSteps.addBatches(model, pruning, data.dataset(), new HTuple(samples), none);
            WriteDlPruningScores(new HTuple(pruning), new HTuple(file.toString()));
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
            HOperatorSet.ClearHandle(data.dataset());
            model.ClearDlModel();
        }
    }
}
