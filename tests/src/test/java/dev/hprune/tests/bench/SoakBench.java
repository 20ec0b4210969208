package dev.hprune.tests.bench;

import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.SmallCnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Native-memory soak (bench/run.sh soak, not a unit test): 10,000 calls alternating AddDlPruningBatch and ApplyDlModel
 * on a small MNIST-size CNN, with the pruning handle replaced (and the old one cleared) every 1,000 calls, so tensors,
 * result dicts and pruning state are created and dropped throughout. Prints the process RSS (VmRSS of
 * /proc/self/status) at start, after the warm-up and every 1,000 calls, and fails (exit 1) when RSS grows by 5 % or
 * more between the end of the warm-up and the end. {@code -Dsoak.calls=N} changes the count.
 */
public final class SoakBench {
    private static final int WARM_UP = 1_000;
    private static final int BATCH = 8;

    private SoakBench() {}

    public static void main(String[] args) throws IOException {
        int calls = Integer.getInteger("soak.calls", 10_000);
        Path folder = Files.createTempDirectory("hprune-soak");
        Path file = folder.resolve("cnn.onnx");
        OnnxWriter.write(SmallCnn.build(28, 1, 8, 16, 10, 7), file);
        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(file.toString()), model);
        HOperatorSet.SetDlModelParam(model, new HTuple("batch_size"), new HTuple(BATCH));
        List<HTuple> batches = batches(new Random(3), 16);
        HTuple pruning = newPruning(model);

        long start = rssKiB();
        System.out.printf(Locale.ROOT, "| calls | RSS MiB | note |%n|---|---|---|%n| 0 | %.1f | start |%n", start / 1024.0);
        long warm = 0;
        long began = System.nanoTime();
        for (int call = 1; call <= calls; call++) {
            HTuple batch = batches.get(call % batches.size());
            if (call % 2 == 0) {
                HOperatorSet.AddDlPruningBatch(model, pruning, batch);
            } else {
                HTuple results = new HTuple();
                HOperatorSet.ApplyDlModel(model, batch, new HTuple(), results);
                HOperatorSet.ClearHandle(results);
            }
            if (call % 1_000 == 0) {
                HOperatorSet.ClearHandle(pruning);
                pruning = newPruning(model);
                long rss = rssKiB();
                if (call == WARM_UP) {
                    warm = rss;
                }
                System.out.printf(Locale.ROOT, "| %d | %.1f | %s |%n", call, rss / 1024.0,
                        call == WARM_UP ? "after warm-up" : "");
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long end = rssKiB();
        double growth = warm == 0 ? 0 : 100.0 * (end - warm) / warm;
        System.out.printf(Locale.ROOT, "%n%d calls in %.1f s; RSS start %.1f MiB, after warm-up %.1f MiB, end %.1f MiB;"
                + " growth after warm-up %.2f %%%n", calls, seconds, start / 1024.0, warm / 1024.0, end / 1024.0, growth);
        if (growth >= 5) {
            System.out.println("FAIL: RSS grew by 5 % or more after the warm-up");
            System.exit(1);
        }
    }

    private static HTuple newPruning(HTuple model) {
        HTuple pruning = new HTuple();
        HOperatorSet.CreateDlPruning(model, new HTuple("oracle"), new HTuple(), pruning);
        return pruning;
    }

    private static List<HTuple> batches(Random random, int count) {
        List<HTuple> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            HTuple batch = new HTuple();
            for (int s = 0; s < BATCH; s++) {
                float[] pixels = new float[28 * 28];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextFloat() * 255 - 127;
                }
                HTuple sample = new HTuple();
                HOperatorSet.CreateDict(sample);
                HOperatorSet.SetDictObject(HImage.fromPlanar("real", 28, 28, 1, pixels), sample, new HTuple("image"));
                HOperatorSet.SetDictTuple(sample, new HTuple("image_label_id"), new HTuple(random.nextInt(10)));
                batch.append(sample);
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The resident set size from /proc/self/status, in KiB. */
    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
