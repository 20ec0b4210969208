package dev.hprune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.cli.Cli;
import dev.hprune.cli.data.PngFolders;
import dev.hprune.cli.model.BuiltinModel;
import dev.hprune.halcon.HTuple;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pruning program end to end on the built-in digits written as PNG folders, with the CLI's built-in CNN written
 * to ONNX (untrained: the program's retraining is what makes it accurate), against {@code hprune prune} on the same
 * folder with the same seed, percentage, epochs and batch size: the two must report the same accuracies.
 */
class PruneClassifierTest {
    @TempDir
    static Path dir;

    static Path images;
    static Path model;
    static double programPruned;
    static double programRetrained;
    static String cliOut;
    static int cliExit;

    @BeforeAll
    static void runProgramAndCli() {
        images = PngFolders.writeDigits(dir.resolve("digits"));
        model = dir.resolve("builtin-cnn.onnx");
        try (BuiltinModel builtin = BuiltinModel.create()) {
            builtin.model().WriteDlModel(model.toString());
        }
        HTuple pruned = new HTuple();
        HTuple retrained = new HTuple();
        PruneClassifier.action(new HTuple(images.toString()), new HTuple(model.toString()),
                new HTuple(dir.resolve("prepared").toString()), new HTuple(dir.resolve("pruned.onnx").toString()),
                new HTuple(50.0), new HTuple(2), new HTuple(42L), pruned, retrained);
        programPruned = 1 - pruned.getD();
        programRetrained = 1 - retrained.getD();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            cliExit = Cli.run(new String[] {"prune", model.toString(), "--data", images.toString(), "--percentage",
                    "50", "--retrain-epochs", "2", "--seed", "42", "--batch-size", "32", "--held-out", "0.2",
                    "--quiet", "--no-report", "--out", dir.resolve("pruned-by-cli.onnx").toString()}, o, e);
        }
        cliOut = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void programWritesThePrunedModel() {
        assertThat(dir.resolve("pruned.onnx")).isRegularFile();
        assertThat(dir.resolve("prepared").resolve("dl_dataset.hdict")).isRegularFile();
    }

    @Test
    void retrainingMakesThePrunedModelAccurate() {
        assertThat(programRetrained).isGreaterThan(programPruned).isGreaterThan(0.8);
    }

    @Test
    void accuraciesMatchTheCliOnTheSameData() {
        assertThat(cliExit).as(cliOut).isZero();
        assertThat(cliAccuracy("pruned 50 %")).isEqualTo(percent(programPruned));
        assertThat(cliAccuracy("pruned 50 % \\+ retrained")).isEqualTo(percent(programRetrained));
    }

    private static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.2f", 100 * accuracy);
    }

    private static String cliAccuracy(String label) {
        Matcher row = Pattern.compile("(?m)^" + label + "\\s+(\\d+\\.\\d+) %").matcher(cliOut);
        assertThat(row.find()).as("row '%s' in%n%s", label, cliOut).isTrue();
        return row.group(1);
    }
}
