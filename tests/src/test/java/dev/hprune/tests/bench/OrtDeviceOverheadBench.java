package dev.hprune.tests.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlDevice;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.TestMaterial;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the ONNX Runtime device adds around ONNX Runtime: ApplyDlModel on the device (DLSample dicts in, result dicts
 * out) next to ONNX Runtime called directly on the same file with the same thread count and optimization level (1
 * intra-op thread, all graph optimizations; the device gets 1 thread through hprune.intraOpThreads; the device also
 * fixes the batch dimension and binds its outputs, see OrtBackend), at batch 1, 16 and 32. The direct side
 * reuses one input tensor and reads the output's floats, the least a caller does. Each pair is measured
 * {@code bench.rounds} times alternately (default 3) and the best rate of each side counts, so that a load spike on a
 * shared machine hits both sides alike. Besides wall-clock rates it reports rates by the calling thread's CPU time:
 * with one intra-op thread ONNX Runtime computes on the caller's thread, so CPU time counts the work of both sides and
 * not the time other processes held the cores (it leaves out GC and JIT threads, and cache contention remains). {@code bench.models} (a label prefix) and {@code bench.batches} (comma-separated)
 * narrow the run. Not a test: run its main with the tests' class path (as bench/run.sh does).
 */
public final class OrtDeviceOverheadBench {
    private OrtDeviceOverheadBench() {}

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "1"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    public static void main(String[] args) throws Exception {
        System.setProperty("hprune.intraOpThreads", "1");
        Path builtin = Path.of("cli/src/main/resources/dev/hprune/cli/model/builtin-cnn-8x8-10.onnx");
        ComparisonBench.Model tiny = new ComparisonBench.Model("builtin CNN", null, builtin, 1, 8, 8, 10);
        ComparisonBench.Model ppocr = new ComparisonBench.Model("PP-OCR cls", null,
                TestMaterial.root().resolve("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx"), 3, 48, 192, 2);
        System.out.printf(Locale.ROOT, "| model | batch | ORT device img/s | ORT direct img/s | device / direct "
                + "| device img/CPU-s | direct img/CPU-s | device / direct by CPU time |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|---|%n");
        String only = System.getProperty("bench.models", "");
        int[] batches = java.util.Arrays.stream(System.getProperty("bench.batches", "1,16,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (ComparisonBench.Model m : new ComparisonBench.Model[] {tiny, ppocr}) {
            if (!only.isEmpty() && !m.label().startsWith(only)) {
                continue;
            }
            for (int batch : batches) {
                double[] device = {0, 0};
                double[] direct = {0, 0};
                for (int round = 0; round < ROUNDS; round++) {
                    best(direct, directRate(m, batch));
                    best(device, deviceRate(m, batch));
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |%n", m.sizeLabel(),
                        batch, device[0], direct[0], device[0] / direct[0], device[1], direct[1],
                        device[1] / direct[1]);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void best(double[] best, double[] rates) {
        best[0] = Math.max(best[0], rates[0]);
        best[1] = Math.max(best[1], rates[1]);
    }

    /**
     * {wall-clock img/s, img per CPU-second of this thread} of {@code work}: one untimed call, a warm-up of a third of
     * the time, then calls until {@code SECONDS} have passed and at least two calls were made.
     */
    private static double[] rates(int batch, Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        work.run();
        long warmUntil = System.nanoTime() + (long) (SECONDS / 3 * 1e9);
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (SECONDS * 1e9);
        int calls = 0;
        while (calls < 2 || System.nanoTime() < end) {
            work.run();
            calls++;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new double[] {calls * (double) batch / wall, calls * (double) batch / cpu};
    }

    private static double[] deviceRate(ComparisonBench.Model m, int batch) {
        HDlModel model = ComparisonBench.open(m.file(), m, batch);
        HDlDevice[] ort = HDlDevice.QueryAvailableDlDevices(HTuple.of("ai2", "execution_provider"),
                HTuple.of("onnxruntime", "CPU"));
        model.SetDlModelParam("device", ort[0]);
        HDict[] samples = ComparisonBench.samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(3));
        double[] rate = rates(batch, () -> {
            HDict[] results = model.ApplyDlModel(samples, new HTuple());
            for (HDict r : results) {
                r.close();
            }
        });
        model.ClearDlModel();
        return rate;
    }

    private static double[] directRate(ComparisonBench.Model m, int batch) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            float[] data = new float[batch * m.c() * m.h() * m.w()];
            Random random = new Random(3);
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextFloat();
            }
            try (OrtSession session = env.createSession(m.file().toString(), options);
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data),
                            new long[] {batch, m.c(), m.h(), m.w()})) {
                String input = session.getInputNames().iterator().next();
                float[] sink = new float[1];
                return rates(batch, () -> {
                    try (OrtSession.Result result = session.run(Map.of(input, x))) {
                        sink[0] += ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
                    } catch (OrtException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }
}
