package dev.hprune.tests.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import dev.hprune.tests.support.TestMaterial;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Pruning speed, measured side by side in one run: AddDlPruningBatch images/s, GenDlPrunedModel wall time, and the
 * ONNX Runtime latency of the unpruned and the pruned models at 30 and 50 % next to their MAC ratio. Not a test: run
 * with {@code bench/run.sh pruning-speed}.
 */
public final class PruningSpeedBench {
    private PruningSpeedBench() {}

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "4"));

    public static void main(String[] args) throws Exception {
        System.out.printf("# Pruning speed (%d cores)%n%n", Runtime.getRuntime().availableProcessors());
        Path cnn = Files.createTempFile("hprune-bench-cnn", ".onnx");
        OnnxWriter.write(SmallCnn.build(28, 1, 16, 32, 10, 42), cnn);
        Path ppocr = TestMaterial.root().resolve("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx");
        System.out.println("| model | batch | AddDlPruningBatch img/s | GenDlPrunedModel ms (30 %) |");
        System.out.println("|---|---|---|---|");
        scoring("PP-OCR cls 3x48x192", ppocr, 3, 48, 192, 8);
        scoring("MNIST CNN 1x28x28", cnn, 1, 28, 28, 64);
        System.out.println();
        System.out.println("| model | pruned | MACs ratio (base/pruned) | ORT latency batch 1, ms | speed-up | "
                + "ORT img/s batch 32 | speed-up |");
        System.out.println("|---|---|---|---|---|---|---|");
        latency("PP-OCR cls 3x48x192", ppocr, 3, 48, 192);
        latency("MNIST CNN 1x28x28", cnn, 1, 28, 28);
        Files.deleteIfExists(cnn);
    }

    private static HDlModel open(Path file, int w, int h, int batch) {
        HDlModel model = new HDlModel(file.toString());
        model.SetDlModelParam("image_width", w);
        model.SetDlModelParam("image_height", h);
        model.SetDlModelParam("batch_size", batch);
        return model;
    }

    private static void scoring(String name, Path file, int c, int h, int w, int batch) {
        HDlModel model = open(file, w, h, batch);
        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        HDict[] samples = Samples.random(batch, c, h, w, 2, new Random(1));
        double rate = ModelThroughputBench.rate(batch, () -> model.AddDlPruningBatch(pruning, samples));
        pruning.SetDlPruningParam("percentage", 30);
        long start = System.nanoTime();
        int runs = 5;
        for (int i = 0; i < runs; i++) {
            model.GenDlPrunedModel(pruning).ClearDlModel();
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("| %s | %d | %.1f | %.1f |%n", name, batch, rate, ms);
        pruning.close();
        model.ClearDlModel();
    }

    private static void latency(String name, Path file, int c, int h, int w) throws Exception {
        HDlModel model = open(file, w, h, 8);
        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        model.AddDlPruningBatch(pruning, Samples.random(32, c, h, w, 2, new Random(2)));
        ModelCost base = ModelCost.of(OnnxReader.read(file), c, h, w);
        double[] baseTimes = ortTimes(file, c, h, w);
        System.out.printf("| %s | 0 %% | 1.00 | %.3f | 1.00 | %.1f | 1.00 |%n", name, baseTimes[0], baseTimes[1]);
        for (int percentage : new int[] {30, 50}) {
            pruning.SetDlPruningParam("percentage", percentage);
            HDlModel pruned = model.GenDlPrunedModel(pruning);
            Path prunedFile = Files.createTempFile("hprune-bench-pruned", ".onnx");
            pruned.WriteDlModel(prunedFile.toString());
            ModelCost cost = ModelCost.of(OnnxReader.read(prunedFile), c, h, w);
            double[] times = ortTimes(prunedFile, c, h, w);
            System.out.printf("| %s | %d %% | %.2f | %.3f | %.2f | %.1f | %.2f |%n", name, percentage,
                    base.macs() / (double) cost.macs(), times[0], baseTimes[0] / times[0], times[1],
                    times[1] / baseTimes[1]);
            pruned.ClearDlModel();
            Files.deleteIfExists(prunedFile);
        }
        pruning.close();
        model.ClearDlModel();
    }

    /** ONNX Runtime: mean latency in ms at batch 1, and images/s at batch 32. */
    private static double[] ortTimes(Path file, int c, int h, int w) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        try (OrtSession session = env.createSession(file.toString(), options)) {
            String input = session.getInputNames().iterator().next();
            double one = ModelThroughputBench.rate(1, run(env, session, input, 1, c, h, w));
            double many = ModelThroughputBench.rate(32, run(env, session, input, 32, c, h, w));
            return new double[] {1000 / one, many};
        }
    }

    private static Runnable run(OrtEnvironment env, OrtSession session, String input, int n, int c, int h, int w)
            throws OrtException {
        float[] data = new float[n * c * h * w];
        Random random = new Random(3);
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextFloat();
        }
        OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {n, c, h, w});
        return () -> {
            try (OrtSession.Result ignored = session.run(Map.of(input, x))) {
                // only the time counts
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
