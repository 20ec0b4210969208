package dev.hprune.cli;

import dev.hprune.cli.model.ModelFiles;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hprune adapt MODEL.onnx --classes a,b,c --image-size WxH --out NEW.onnx}: a pretrained classifier given
 * other classes and another image size, as HALCON's set_dl_model_param 'class_names' and 'image_width'/'image_height'
 * do, written for fine-tuning. No data is needed; the new last layer is untrained.
 */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = {"Give a (pretrained) classifier other classes and another image size: set_dl_model_param "
                + "'class_names' replaces the last layer by one with a new output per class (freshly initialised, "
                + "seeded by --seed), 'image_width'/'image_height' re-declare the input where the layers allow it; "
                + "write_dl_model writes the result.",
            "Refused with HALCON's 7914 where the graph has no last layer of the classes, or fixes its image size "
                    + "(a Flatten into a dense layer); the message names the layer."})
final class AdaptCommand implements Callable<Integer>, Verbosity {
    @ParentCommand
    Cli root;

    @Parameters(paramLabel = "MODEL.onnx", description = "the ONNX classifier")
    Path model;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "set_system('seed_rand') before the new layer is drawn (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "NEW.onnx", required = true, description = "where to write the adapted model")
    Path outFile;

    @Option(names = {"-v", "--verbose"}, description = "stack traces with errors")
    boolean verbose;

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        if (modelOptions.classes == null && modelOptions.imageSize == null && modelOptions.range == null) {
            throw new CliException("nothing to adapt: give --classes, --image-size or --range");
        }
        HDlModel m = ModelFiles.read(model);
        Workbench.requireClassifier(m, model.toString());
        String before = describe(m);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seed));
        Workbench.configure(m, modelOptions);
        // the file keeps HALCON's default batch size; --batch-size only matters for commands that run the model
        m.SetDlModelParam("batch_size", 1);
        ModelFiles.write(m, outFile);
        root.out.println("before: " + before);
        root.out.println("after:  " + describe(m));
        root.out.println("written to " + outFile);
        m.ClearDlModel();
        return Cli.OK;
    }

    private static String describe(HDlModel m) {
        HTuple names = m.GetDlModelParam("class_names");
        StringBuilder classes = new StringBuilder();
        for (int i = 0; i < names.length() && i < 8; i++) {
            classes.append(i == 0 ? "" : ",").append(names.getS(i));
        }
        if (names.length() > 8) {
            classes.append(",...");
        }
        return String.format(Locale.ROOT, "%d classes (%s), image %dx%dx%d, range %s..%s", names.length(), classes,
                m.GetDlModelParam("image_width").getI(), m.GetDlModelParam("image_height").getI(),
                m.GetDlModelParam("image_num_channels").getI(), m.GetDlModelParam("image_range_min").getD(),
                m.GetDlModelParam("image_range_max").getD());
    }
}
