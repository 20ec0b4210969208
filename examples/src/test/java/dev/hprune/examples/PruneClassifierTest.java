package dev.hprune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.cli.Cli;
import dev.hprune.cli.data.PngFolders;
import dev.hprune.cli.model.BuiltinModel;
import dev.hprune.halcon.HTuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pruning program end to end on the built-in digits written as PNG folders, with the CLI's built-in CNN written
 * to ONNX (untrained: the program's retraining is what makes it accurate), against {@code hprune prune} on the same
 * folder with the same seed, percentage, epochs and batch size: the two must report the same accuracies. The C version
 * of the program (examples/c, through the C interface and the procedures' hprune_ functions, training and evaluating
 * with the TensorFlow backend in the JVM the library starts) must print the same lines as the Java one.
 */
class PruneClassifierTest {
    private static final Path NATIVE = Path.of(System.getProperty("hprune.examples.native", "target"));

    @TempDir
    static Path dir;

    static Path images;
    static Path model;
    static double programPruned;
    static double programRetrained;
    static String programOut;
    static String cliOut;
    static int cliExit;
    static Run cProgram;

    private record Run(int exit, String out, String err) {}

    @BeforeAll
    static void runProgramAndCli() {
        images = PngFolders.writeDigits(dir.resolve("digits"));
        model = dir.resolve("builtin-cnn.onnx");
        try (BuiltinModel builtin = BuiltinModel.create()) {
            builtin.model().WriteDlModel(model.toString());
        }
        // The C version runs alongside the Java program and the CLI (a process of its own, its own data directory).
        CompletableFuture<Run> c = startC(NATIVE.resolve("prune_classifier").toAbsolutePath().toString(),
                images.toString(), model.toString(), dir.resolve("prepared-c").toString(),
                dir.resolve("pruned-c.onnx").toString(), "50", "2", "42");
        HTuple pruned = new HTuple();
        HTuple retrained = new HTuple();
        // What the program prints, to compare with the C version's lines; passed on to the console as well.
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            PruneClassifier.action(new HTuple(images.toString()), new HTuple(model.toString()),
                    new HTuple(dir.resolve("prepared").toString()), new HTuple(dir.resolve("pruned.onnx").toString()),
                    new HTuple(50.0), new HTuple(2), new HTuple(42L), pruned, retrained);
        } finally {
            System.setOut(console);
        }
        programOut = printed.toString(StandardCharsets.UTF_8);
        console.print(programOut);
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
        cProgram = c.join();
    }

    /**
     * The C program as a user runs it: its JVM's class path (with the backend) from hprune-classpath.txt next to its
     * copy of the library, not from the environment.
     */
    private static CompletableFuture<Run> startC(String... command) {
        Path stdout = dir.resolve("prune_classifier.out");
        Path stderr = dir.resolve("prune_classifier.err");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().remove("HPRUNE_CLASSPATH");
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (built by examples/c/build.sh)", e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (!process.waitFor(300, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the C program ran past 300 s");
                }
                return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
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

    @Test
    void cProgramPrintsTheJavaProgramsLines() {
        assertThat(cProgram.exit()).as(cProgram.err()).isZero();
        List<String> lines = programOut.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("pruned \\d+ of \\d+ kernels");
        assertThat(lines.get(1)).startsWith("top-1 error after pruning: ");
        assertThat(lines.get(2)).startsWith("top-1 error after retraining: ");
        assertThat(cProgram.out().lines().toList()).isEqualTo(lines);
        assertThat(dir.resolve("pruned-c.onnx")).isRegularFile();
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
