package dev.hprune.cli;

import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.Outcome;
import dev.hprune.cli.run.DlSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hprune prune MODEL.onnx --data SOURCE --percentage P --out PRUNED.onnx}: HALCON's workflow in one go. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"HALCON's pruning workflow: create_dl_pruning ('oracle'), add_dl_pruning_batch over the "
                + "training part of SOURCE, gen_dl_pruned_model, retraining with train_dl_model, "
                + "write_dl_model.", "Prints accuracy and size (kernels, parameters, MACs) before and after."})
final class PruneCommand extends ModelOnDataCommand {
    @Option(names = "--percentage", paramLabel = "P", required = true,
            description = "percentage of the prunable kernels to remove (HALCON's 'percentage', 0..100)")
    double percentage;

    @Option(names = "--retrain-epochs", paramLabel = "E", defaultValue = "1",
            description = "epochs of retraining after pruning (default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Option(names = "--train-epochs", paramLabel = "E", defaultValue = "0",
            description = "epochs of training before pruning, e.g. to fine-tune a head that --classes replaced "
                    + "(default: ${DEFAULT-VALUE})")
    int trainEpochs;

    @Mixin
    PruningOptions selection = new PruningOptions();

    @Option(names = "--out", paramLabel = "PRUNED.onnx", required = true, description = "where to write the pruned model")
    Path outFile;

    @Override
    void checkOptions() {
        checkPercentage("--percentage", percentage);
    }

    @Override
    Integer call(Run run) {
        Workbench bench = run.bench();
        HDlModel m = run.model();
        Workbench.Prepared prepared = run.prepared();
        if (trainEpochs > 0) {
            double loss = DlSteps.train(new HTuple(m), prepared.data(), trainEpochs, data.seed, !output.quiet);
            root.out.printf(Locale.ROOT, "trained %d epochs before pruning, last epoch's mean loss %.4f%n",
                    trainEpochs, loss);
        }
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(bench.measure("original", 0, false, m, prepared));
        outcomes.addAll(bench.pruneAndMeasure(m, prepared, List.of(percentage), selection.kernelMultiple,
                retrainEpochs, data.seed, (p, pruned, pruning) -> {
                    ModelFiles.write(pruned, outFile);
                    root.out.printf("pruned %d of %d prunable kernels (%.1f %%); written to %s%n",
                            pruning.GetDlPruningParam("pruned_kernel_num").getL(),
                            pruning.GetDlPruningParam("prunable_kernel_num").getL(),
                            pruning.GetDlPruningParam("pruned_percentage").getD(), outFile);
                }));
        TextTable summary = bench.summary(outcomes);
        root.out.println();
        summary.print(root.out);
        root.out.println();
        bench.report(output, "hprune prune " + model.getFileName(), "Pruned " + Workbench.format(percentage)
                + " with HALCON's oracle mode on " + prepared.data().description() + ", retrained " + retrainEpochs
                + " epochs; accuracy on " + prepared.data().testCount() + " held-out images.", outcomes, summary);
        return Cli.OK;
    }
}
