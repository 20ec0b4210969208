package dev.hprune.cli.run;

import dev.hprune.cli.model.ModelStats;

/**
 * One model measured: the original ({@code percentage} 0) or a pruned one, with or without retraining.
 *
 * @param accuracy top-1 accuracy on the held-out samples, NaN where there are none
 */
public record Outcome(String label, double percentage, boolean retrained, double accuracy, ModelStats stats) {}
