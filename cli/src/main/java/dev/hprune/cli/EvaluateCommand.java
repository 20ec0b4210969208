package dev.hprune.cli;

import dev.hprune.cli.data.Dataset;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.Outcome;
import dev.hprune.halcon.HDlModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hprune evaluate MODEL.onnx --data SOURCE}: accuracy and size. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model's top-1 accuracy (apply_dl_model) on the held-out images of SOURCE and print "
                + "its kernels, parameters and MACs.")
final class EvaluateCommand implements Callable<Integer>, Verbosity {
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

    @Override
    public boolean verbose() {
        return output.verbose;
    }

    @Override
    public Integer call() {
        Workbench bench = new Workbench(root.out, root.err, output.quiet);
        Dataset images = bench.load(data);
        HDlModel m = bench.open(model, modelOptions);
        Workbench.Prepared prepared = bench.prepare(m, images, data);
        Outcome outcome = bench.measure(model.getFileName().toString(), 0, false, m, prepared);
        TextTable summary = bench.summary(List.of(outcome));
        summary.print(root.out);
        root.out.printf("(accuracy on %d held-out images of %s)%n", prepared.samples().test().size(),
                prepared.data().description());
        m.ClearDlModel();
        return Cli.OK;
    }
}
