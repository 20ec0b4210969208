package dev.hprune.cli;

import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.model.ModelStats;
import dev.hprune.cli.report.Numbers;
import dev.hprune.cli.report.TextTable;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hprune inspect MODEL.onnx}: the model's parameters, its pruning parameters, and its layers. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a model's get_dl_model_param values, every get_dl_pruning_param value of a fresh "
                + "'oracle' pruning handle, and its layers with their kernels.")
final class InspectCommand implements Callable<Integer>, Verbosity {
    /** HALCON's get_dl_model_param names for classifiers, in the order of HALCON's reference page. */
    static final List<String> MODEL_PARAMS = List.of("type", "image_width", "image_height", "image_num_channels",
            "image_dimensions", "image_range_min", "image_range_max", "class_names", "class_ids", "batch_size",
            "learning_rate", "momentum", "weight_prior", "batchnorm_momentum", "runtime");

    /** get_dl_pruning_param's names, as HALCON documents them. */
    static final List<String> PRUNING_PARAMS = List.of("mode", "percentage", "prunable_conv_num",
            "prunable_conv_layer_name", "prunable_kernel_num", "pruned_kernel_num", "pruned_percentage");

    @ParentCommand
    Cli root;

    @Parameters(paramLabel = "MODEL.onnx", description = "the ONNX classifier")
    Path model;

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
        HDlModel m = bench.open(model, modelOptions);
        var out = root.out;
        out.println("model: " + model);
        out.println();
        out.println("get_dl_model_param:");
        for (String name : MODEL_PARAMS) {
            out.printf("  %-20s %s%n", name, show(m.GetDlModelParam(name)));
        }
        out.println();
        ModelStats stats = ModelStats.of(m);
        out.println("get_dl_pruning_param (create_dl_pruning, mode 'oracle', no batch added yet):");
        try (HDlPrune pruning = m.CreateDlPruning("oracle", null)) {
            for (String name : PRUNING_PARAMS) {
                out.printf("  %-26s %s%n", name, show(pruning.GetDlPruningParam(name)));
            }
        } catch (HalconException e) {
            out.println("  not prunable: " + Cli.describe(e));
        }
        out.println();
        out.println("layers:");
        TextTable layers = new TextTable("layer", "operator", "kernels", "prunable", "parameters", "MACs");
        for (ModelStats.Layer layer : stats.layers()) {
            layers.row(layer.name(), layer.op(), layer.kernels(), layer.op().equals("Conv") ? (layer.prunable() ? "yes" : "no") : "",
                    Numbers.count(layer.parameters()), Numbers.compact(layer.macs()));
        }
        layers.print(out);
        out.printf("%ntotal: %d convolutions with %s kernels (%d prunable convolutions), %s parameters, %s MACs "
                + "per image%n", stats.kernelsPerConv().size(), Numbers.count(stats.kernels()),
                stats.layers().stream().filter(ModelStats.Layer::prunable).count(),
                Numbers.count(stats.parameters()), Numbers.compact(stats.macs()));
        m.ClearDlModel();
        return Cli.OK;
    }

    static String show(HTuple value) {
        List<Object> values = value.asList();
        if (values.size() == 1) {
            return quote(values.get(0));
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return text.append(']').toString();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
