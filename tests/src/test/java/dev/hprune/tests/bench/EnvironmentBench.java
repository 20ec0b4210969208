package dev.hprune.tests.bench;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.bench.ComparisonBench.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A plain Java program with and without TensorFlow's environment variables, two models in one process: the MNIST CNN
 * at batch 1 runs first (its session would size a shared intra-op pool to one thread), then MobileNetV2 at batch 16.
 * Each environment runs in a child JVM started from this one's class path, as a user's program would start.
 */
final class EnvironmentBench {
    private EnvironmentBench() {}

    /** The child: prints both rates. Arguments: MNIST file, MobileNetV2 file, seconds. */
    public static void main(String[] args) {
        Model mnist = new Model("MNIST CNN", null, Path.of(args[0]), 1, 28, 28, 10);
        Model mobilenet = new Model("MobileNetV2", null, Path.of(args[1]), 3, 224, 224, 1000);
        double seconds = Double.parseDouble(args[2]);
        double small = rate(mnist, 1, seconds);
        double large = rate(mobilenet, 16, seconds);
        System.out.printf(Locale.ROOT, "rates %.1f %.1f%n", small, large);
    }

    private static double rate(Model m, int batch, double seconds) {
        HDlModel model = ComparisonBench.open(m.file(), m, batch);
        HDict[] samples = ComparisonBench.samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(3));
        // both models stay open, as in a program that serves two
        return ComparisonBench.rate(batch, seconds, () -> model.ApplyDlModel(samples, new HTuple()));
    }

    /** Runs the child with exactly {@code variables} of TensorFlow's set; returns {MNIST b1, MobileNetV2 b16}. */
    static double[] measure(Path mnist, Path mobilenet, double seconds, Map<String, String> variables)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dhprune.testMaterial=" + System.getProperty("hprune.testMaterial", ""),
                EnvironmentBench.class.getName(), mnist.toString(), mobilenet.toString(), String.valueOf(seconds));
        builder.environment().remove("TF_ENABLE_ONEDNN_OPTS");
        builder.environment().remove("TF_OVERRIDE_GLOBAL_THREADPOOL");
        builder.environment().putAll(variables);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("environment bench child failed: " + out);
        }
        String line = out.lines().filter(l -> l.startsWith("rates ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rates in: " + out));
        String[] parts = line.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }
}
