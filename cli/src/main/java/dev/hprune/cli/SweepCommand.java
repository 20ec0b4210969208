package dev.hprune.cli;

import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.Outcome;
import dev.hprune.halcon.HDlModel;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hprune sweep MODEL.onnx --data SOURCE --percentages 10,30,50,70}: accuracy and size against percentage. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Score once, then prune at each percentage and measure accuracy, kernels, parameters and MACs, "
                + "without and with retraining.")
final class SweepCommand extends ModelOnDataCommand {
    @Option(names = "--percentages", paramLabel = "P,P,...", split = ",", defaultValue = "10,30,50,70",
            description = "percentages to prune at (default: ${DEFAULT-VALUE})")
    List<Double> percentages;

    @Option(names = "--retrain-epochs", paramLabel = "E", defaultValue = "1",
            description = "epochs of retraining at each percentage; 0 for none (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Mixin
    PruningOptions selection = new PruningOptions();

    @Override
    void checkOptions() {
        percentages.forEach(p -> checkPercentage("--percentages", p));
    }

    @Override
    Integer call(Run run) {
        Workbench bench = run.bench();
        HDlModel m = run.model();
        Workbench.Prepared prepared = run.prepared();
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(bench.measure("original", 0, false, m, prepared));
        outcomes.addAll(bench.pruneAndMeasure(m, prepared, percentages, selection.kernelMultiple, retrainEpochs,
                data.seed, (p, pruned, h) -> { }));
        TextTable summary = bench.summary(outcomes);
        summary.print(root.out);
        root.out.println();
        bench.report(output, "hprune sweep " + model.getFileName(), "Oracle pruning of " + model.getFileName()
                + " on " + prepared.data().description() + "; retrained " + retrainEpochs + " epochs; accuracy on "
                + prepared.data().testCount() + " held-out images.", outcomes, summary);
        return Cli.OK;
    }
}
