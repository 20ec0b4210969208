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
 * out) next to ONNX Runtime called directly on the same file with the same session options (1 intra-op thread, all
 * graph optimizations; the device gets 1 thread through hprune.intraOpThreads), at batch 1, 16 and 32. The direct side
 * reuses one input tensor and reads the output's floats, the least a caller does. Each pair is measured
 * {@code bench.rounds} times alternately (default 3) and the best rate of each side counts, so that a load spike on a
 * shared machine hits both sides alike. Not a test: run its main with the tests' class path (as bench/run.sh does).
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
        System.out.printf(Locale.ROOT, "| model | batch | ORT device img/s | ORT direct img/s | device / direct |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|%n");
        for (ComparisonBench.Model m : new ComparisonBench.Model[] {tiny, ppocr}) {
            for (int batch : new int[] {1, 16, 32}) {
                double device = 0;
                double direct = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    direct = Math.max(direct, directRate(m, batch));
                    device = Math.max(device, deviceRate(m, batch));
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f |%n", m.sizeLabel(), batch, device,
                        direct, device / direct);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double deviceRate(ComparisonBench.Model m, int batch) {
        HDlModel model = ComparisonBench.open(m.file(), m, batch);
        HDlDevice[] ort = HDlDevice.QueryAvailableDlDevices(HTuple.of("ai2", "execution_provider"),
                HTuple.of("onnxruntime", "CPU"));
        model.SetDlModelParam("device", ort[0]);
        HDict[] samples = ComparisonBench.samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(3));
        double rate = ComparisonBench.rate(batch, SECONDS, () -> {
            HDict[] results = model.ApplyDlModel(samples, new HTuple());
            for (HDict r : results) {
                r.close();
            }
        });
        model.ClearDlModel();
        return rate;
    }

    private static double directRate(ComparisonBench.Model m, int batch) throws OrtException {
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
                return ComparisonBench.rate(batch, SECONDS, () -> {
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
