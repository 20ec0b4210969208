package dev.hprune.spark;

import java.io.Serializable;

/**
 * One percentage of a sweep as an executor receives it: the pruned model the driver wrote to the shared folder, and
 * where to write it after retraining (null: nowhere).
 */
record Candidate(double percentage, String prunedFile, String retrainedFile) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What an executor measured: top-1 accuracy on the 'test' split before and after retraining (NaN: not run). */
    record Result(double percentage, double prunedAccuracy, double retrainedAccuracy, double lastLoss)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
