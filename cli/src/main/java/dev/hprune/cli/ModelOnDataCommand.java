package dev.hprune.cli;

import dev.hprune.cli.run.DlData;
import dev.hprune.halcon.HDlModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What the commands that run a model on data share: the model file, the data, model and output options, and the
 * set-up of loading the data, reading the model and preparing the samples (data first, so a bad folder is reported
 * before the model is read).
 */
abstract class ModelOnDataCommand implements Callable<Integer>, Verbosity {
    @ParentCommand
    Cli root;

    @Parameters(paramLabel = "MODEL.onnx", description = "the ONNX classifier")
    Path model;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    /** A read model with its prepared samples, and the workbench that measures it. */
    record Run(Workbench bench, HDlModel model, Workbench.Prepared prepared) {}

    @Override
    public boolean verbose() {
        return output.verbose;
    }

    /** HALCON's 'percentage' range, checked before any work (1302, as set_dl_pruning_param would answer). */
    static void checkPercentage(String option, double percentage) {
        if (!(percentage >= 0 && percentage <= 100)) {
            throw new CliException(option + " must be in 0..100, got " + percentage, 1302);
        }
    }

    /** Opens the run and removes its temporary data folder afterwards, also when the command fails. */
    @Override
    public final Integer call() {
        checkOptions();
        Workbench bench = new Workbench(root.out, root.err, output.quiet);
        try {
            DlData.Raw images = bench.load(data);
            HDlModel m = bench.open(model, modelOptions);
            Run run = new Run(bench, m, bench.prepare(m, images, data));
            try {
                return call(run);
            } finally {
                m.ClearDlModel();
            }
        } finally {
            bench.close();
        }
    }

    /** Checks of the command's own options, before any work. */
    void checkOptions() {}

    abstract Integer call(Run run);
}
