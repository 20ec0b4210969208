package dev.hprune.cli;

import dev.hprune.cli.data.DataSource;
import dev.hprune.cli.model.BuiltinModel;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.DlSteps;
import dev.hprune.cli.run.Outcome;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hprune}: HALCON's pruning workflow on ONNX classifiers from the command line. Without a subcommand it runs the
 * built-in default: train a small CNN on scikit-learn's digits, prune it at 30 % and 50 %, retrain, and compare.
 */
@Command(name = "hprune", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        subcommands = {InspectCommand.class, AdaptCommand.class, PruneCommand.class, EvaluateCommand.class,
            SweepCommand.class},
        description = {"HALCON-compatible pruning of ONNX classifiers (create_dl_pruning, add_dl_pruning_batch, "
                + "gen_dl_pruned_model).",
            "Without a command: train a small CNN on the built-in 8x8 digits, prune it at 30 %% and 50 %%, retrain, "
                    + "and print accuracy, kernels, parameters and MACs before and after."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (the one line on stderr says why, with HALCON's error number where "
                + "there is one)", "2:wrong arguments"})
public final class Cli implements Callable<Integer>, Verbosity {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    final PrintStream out;
    final PrintStream err;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--epochs", defaultValue = "12", description = "training epochs of the built-in model (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--retrain-epochs", defaultValue = "3",
            description = "retraining epochs after pruning (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Option(names = "--percentages", split = ",", defaultValue = "30,50",
            description = "pruning percentages (default: ${DEFAULT-VALUE})")
    List<Double> percentages;

    Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new Cli(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorReport(err));
        commandLine.setParameterExceptionHandler(ErrorReport::usage);
        return commandLine.execute(args);
    }

    @Override
    public boolean verbose() {
        return output.verbose;
    }

    /** The built-in default. */
    @Override
    public Integer call() {
        long started = System.nanoTime();
        out.println("hprune " + HPrune.version() + ": built-in default (small CNN on scikit-learn's 8x8 digits)");
        DataOptions dataOptions = new DataOptions();
        dataOptions.source = DataSource.BUILTIN;
        dataOptions.heldOut = 0.2;
        dataOptions.seed = 1;
        try (Workbench bench = new Workbench(out, err, output.quiet);
                BuiltinModel builtin = BuiltinModel.create()) {
            HDlModel model = builtin.model();
            Workbench.Prepared prepared = bench.prepare(model, bench.load(dataOptions), dataOptions);
            out.printf("data: %d training images, %d held out; model: %s%n", prepared.data().trainCount(),
                    prepared.data().testCount(), builtin.description());
            double loss = DlSteps.train(new HTuple(model), prepared.data(), epochs, 1, !output.quiet);
            out.printf(Locale.ROOT, "trained %d epochs, mean loss of the last samples %.4f%n", epochs, loss);
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(bench.measure("original", 0, false, model, prepared));
            outcomes.addAll(bench.pruneAndMeasure(model, prepared, percentages, 1, retrainEpochs, 1,
                    (percentage, pruned, pruning) -> { }));
            out.println();
            TextTable summary = bench.summary(outcomes);
            summary.print(out);
            out.println();
            bench.report(output, "hprune built-in default",
                    "Small CNN trained on scikit-learn's 8x8 digits, pruned with HALCON's oracle mode and retrained "
                            + retrainEpochs + " epochs; accuracy on " + prepared.data().testCount()
                            + " held-out images.",
                    outcomes, summary);
        }
        out.printf(Locale.ROOT, "total time: %.1f s%n", (System.nanoTime() - started) / 1e9);
        return OK;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hprune " + HPrune.version()};
        }
    }

    /** HALCON's exception as one line: operator, number, standard text and the detail. */
    static String describe(HalconException e) {
        StringBuilder line = new StringBuilder();
        if (!e.getProcName().isEmpty()) {
            line.append(e.getProcName()).append(": ");
        }
        line.append(e.getErrorMessage());
        if (!e.getExtendedErrorMessage().isEmpty()) {
            line.append(": ").append(e.getExtendedErrorMessage());
        }
        return line.append(" (HALCON error ").append(e.getErrorCode()).append(')').toString();
    }
}
