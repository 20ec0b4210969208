package dev.hprune.cli;

import dev.hprune.cli.data.Dataset;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.Outcome;
import dev.hprune.halcon.HDlModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hprune sweep MODEL.onnx --data SOURCE --percentages 10,30,50,70}: accuracy and size against percentage. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Score once, then prune at each percentage and measure accuracy, kernels, parameters and MACs, "
                + "without and with retraining.")
final class SweepCommand implements Callable<Integer>, Verbosity {
    @ParentCommand
    Cli root;

    @Parameters(paramLabel = "MODEL.onnx", description = "the ONNX classifier")
    Path model;

    @Option(names = "--percentages", paramLabel = "P,P,...", split = ",", defaultValue = "10,30,50,70",
            description = "percentages to prune at (default: ${DEFAULT-VALUE})")
    List<Double> percentages;

    @Option(names = "--retrain-epochs", paramLabel = "E", defaultValue = "1",
            description = "epochs of retraining at each percentage; 0 for none (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public boolean verbose() {
        return output.verbose;
    }

    @Override
    public Integer call() {
        for (double p : percentages) {
            if (!(p >= 0 && p <= 100)) {
                throw new CliException("--percentages must lie in 0..100, got " + p, 1302);
            }
        }
        Workbench bench = new Workbench(root.out, root.err, output.quiet);
        Dataset images = bench.load(data);
        HDlModel m = bench.open(model, modelOptions);
        Workbench.Prepared prepared = bench.prepare(m, images, data);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(bench.measure("original", 0, false, m, prepared));
        outcomes.addAll(bench.pruneAndMeasure(m, prepared, percentages, retrainEpochs, data.seed, (p, pruned, h) -> { }));
        TextTable summary = bench.summary(outcomes);
        summary.print(root.out);
        root.out.println();
        bench.report(output, "hprune sweep " + model.getFileName(), "Oracle pruning of " + model.getFileName()
                + " on " + prepared.data().description() + "; retrained " + retrainEpochs + " epochs; accuracy on "
                + prepared.samples().test().size() + " held-out images.", outcomes, summary);
        m.ClearDlModel();
        return Cli.OK;
    }
}
