package dev.hprune.cli;

import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.Outcome;
import dev.hprune.halcon.HDlModel;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code hprune evaluate MODEL.onnx --data SOURCE}: accuracy and size. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model's top-1 accuracy (apply_dl_model) on the held-out images of SOURCE and print "
                + "its kernels, parameters and MACs.")
final class EvaluateCommand extends ModelOnDataCommand {
    @Override
    Integer call(Run run) {
        Workbench bench = run.bench();
        HDlModel m = run.model();
        Workbench.Prepared prepared = run.prepared();
        Outcome outcome = bench.measure(model.getFileName().toString(), 0, false, m, prepared);
        TextTable summary = bench.summary(List.of(outcome));
        summary.print(root.out);
        root.out.printf("(accuracy on %d held-out images of %s)%n", prepared.data().testCount(),
                prepared.data().description());
        return Cli.OK;
    }
}
