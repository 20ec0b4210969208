package dev.hprune.tests.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
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
 * Side-by-side throughput, measured in one run on one machine: ApplyDlModel vs ONNX Runtime on the PP-OCR classifier
 * and on a small MNIST CNN, and TrainDlModelBatch. Not a test: run it with {@code bench/run.sh model}.
 */
public final class ModelThroughputBench {
    private ModelThroughputBench() {}

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "5"));

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("# Model throughput (%d cores, %s, %.0f s per row)%n%n", threads,
                System.getProperty("os.arch"), SECONDS);
        System.out.println("| model | batch | work | hprune img/s | ONNX Runtime img/s | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        Path ppocr = TestMaterial.root().resolve("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx");
        for (int batch : new int[] {1, 8}) {
            row("PP-OCR cls 3x48x192", ppocr, batch, 3, 48, 192, threads);
        }
        Path cnn = Files.createTempFile("hprune-bench-cnn", ".onnx");
        OnnxWriter.write(SmallCnn.build(28, 1, 16, 32, 10, 42), cnn);
        for (int batch : new int[] {1, 64}) {
            row("MNIST CNN 1x28x28", cnn, batch, 1, 28, 28, threads);
        }
        trainRow("MNIST CNN 1x28x28", cnn, 64);
        Files.deleteIfExists(cnn);
    }

    private static void row(String name, Path file, int batch, int c, int h, int w, int threads) throws OrtException {
        HDlModel model = new HDlModel(file.toString());
        model.SetDlModelParam("image_width", w);
        model.SetDlModelParam("image_height", h);
        model.SetDlModelParam("batch_size", batch);
        HDict[] samples = Samples.random(batch, c, h, w, 0, new Random(3));
        double ours = rate(batch, () -> model.ApplyDlModel(samples, new HTuple()));
        model.ClearDlModel();

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        float[] data = new float[batch * c * h * w];
        Random random = new Random(3);
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextFloat();
        }
        try (OrtSession session = env.createSession(file.toString(), options);
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {batch, c, h, w})) {
            String input = session.getInputNames().iterator().next();
            double reference = rate(batch, () -> {
                try (OrtSession.Result ignored = session.run(Map.of(input, x))) {
                    // the result is discarded; only the time counts
                } catch (OrtException e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("| %s | %d | apply | %.1f | %.1f | %.2f |%n", name, batch, ours, reference,
                    ours / reference);
        }
    }

    private static void trainRow(String name, Path file, int batch) {
        HDlModel model = new HDlModel(file.toString());
        model.SetDlModelParam("batch_size", batch);
        model.SetDlModelParam("learning_rate", 0.001);
        HDict[] samples = Samples.random(batch, 1, 28, 28, 10, new Random(5));
        double ours = rate(batch, () -> model.TrainDlModelBatch(samples));
        System.out.printf("| %s | %d | train step | %.1f | - | - |%n", name, batch, ours);
        model.ClearDlModel();
    }

    /** Images per second of {@code work} on {@code batch} images, after a warm-up of a third of the time. */
    static double rate(int batch, Runnable work) {
        long warmUntil = System.nanoTime() + (long) (SECONDS / 3 * 1e9);
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (SECONDS * 1e9);
        int calls = 0;
        while (System.nanoTime() < end || calls < 3) {
            work.run();
            calls++;
        }
        return calls * batch / ((System.nanoTime() - start) / 1e9);
    }
}
