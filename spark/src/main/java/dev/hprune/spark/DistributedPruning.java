package dev.hprune.spark;

import static dev.hprune.halcon.HOperatorSet.AddDlPruningScores;
import static dev.hprune.halcon.HOperatorSet.ReadDlPruningScores;

import dev.hprune.cli.CliException;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's side of the two distributed steps. Scoring: the training samples are cut into partitions of whole
 * batches ({@link ScoringPlan}), each executor scores one ({@link PartitionScoring}) and sends its
 * write_dl_pruning_scores file back, and the driver reads each into a handle of its own model
 * (read_dl_pruning_scores) and adds it into one (add_dl_pruning_scores): oracle scores are sums over samples, so the
 * merged handle holds what one process scoring every batch would. Sweep: one task per percentage
 * ({@link CandidateRun}), since each retraining is independent of the others.
 */
final class DistributedPruning {
    private final JavaSparkContext spark;
    private final SharedInputs inputs;

    DistributedPruning(JavaSparkContext spark, SharedInputs inputs) {
        this.spark = spark;
        this.inputs = inputs;
    }

    /**
     * The merged oracle scores of {@code samples} (training sample indices, in scoring order) in at most
     * {@code partitions} tasks, in a handle created for {@code model} with 'percentage' and 'kernel_multiple' as the
     * tool creates it.
     */
    HDlPrune score(HDlModel model, long[] samples, int partitions, double percentage, int kernelMultiple) {
        int batchSize = model.GetDlModelParam("batch_size").getI();
        List<long[]> split = ScoringPlan.split(samples, batchSize, partitions);
        spark.setJobDescription("oracle scores of " + samples.length + " samples in " + split.size() + " partitions");
        List<byte[]> partial = spark.parallelize(split, split.size())
                .map(new PartitionScoring(inputs, percentage, kernelMultiple))
                .collect();
        return merge(model, partial, percentage, kernelMultiple);
    }

    /** Reads each partition's scores into a handle of {@code model} and adds them up in partition order. */
    static HDlPrune merge(HDlModel model, List<byte[]> partial, double percentage, int kernelMultiple) {
        HDlPrune merged = PruningSteps.create(model, percentage, kernelMultiple);
        Path file = null;
        try {
            file = Files.createTempFile("hprune-scores-", ".hdict");
            for (byte[] scores : partial) {
                Files.write(file, scores);
                try (HDlPrune part = PruningSteps.create(model, percentage, kernelMultiple)) {
                    ReadDlPruningScores(new HTuple(part), new HTuple(file.toString()));
                    AddDlPruningScores(new HTuple(merged), new HTuple(part));
                }
            }
            return merged;
        } catch (IOException e) {
            merged.close();
            throw new CliException("cannot pass the partial scores through a temporary file: " + e.getMessage(), 5200);
        } catch (RuntimeException e) {
            merged.close();
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temporary file is harmless; the scores are read
                }
            }
        }
    }

    /** Evaluates and retrains each candidate in a task of its own; results in the candidates' order. */
    List<Candidate.Result> retrainAndEvaluate(List<Candidate> candidates, int retrainEpochs, long seed) {
        spark.setJobDescription((retrainEpochs > 0 ? "retraining and evaluating " : "evaluating ")
                + candidates.size() + " pruned models");
        return spark.parallelize(candidates, candidates.size())
                .map(new CandidateRun(inputs, retrainEpochs, seed))
                .collect();
    }
}
