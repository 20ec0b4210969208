package dev.hprune.tests.bench;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Peak resident memory of AddDlPruningBatch, in a JVM of its own so that nothing else measured before counts: opens
 * the model, scores three batches, prints the process's VmHWM in MB. Args: model file, C, H, W, classes, batch.
 */
public final class ScoringMemoryProbe {
    private ScoringMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        int c = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        int w = Integer.parseInt(args[3]);
        int classes = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        HDlModel model = new HDlModel(args[0]);
        model.SetDlModelParam("batch_size", batch);
        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        HDict[] samples = ComparisonBench.samples(batch, c, h, w, classes, new Random(1));
        for (int i = 0; i < 3; i++) {
            model.AddDlPruningBatch(pruning, samples);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
    }
}
