package dev.hprune.tests.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HImage;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

/**
 * Checks that a benchmark model computes what ONNX Runtime computes (largest absolute difference of the class
 * confidences over a few random images), so that a speed-up is not a wrong result. Args: model.onnx C H W.
 */
public final class AgreementCheck {
    private AgreementCheck() {}

    public static void main(String[] args) throws Exception {
        int c = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        int w = Integer.parseInt(args[3]);
        int n = 4;
        HDlModel model = new HDlModel(args[0]);
        model.SetDlModelParam("image_width", w);
        model.SetDlModelParam("image_height", h);
        model.SetDlModelParam("batch_size", n);
        Random random = new Random(7);
        float[] all = new float[n * c * h * w];
        HDict[] samples = new HDict[n];
        for (int i = 0; i < n; i++) {
            float[] planar = new float[c * h * w];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = random.nextFloat() * 2 - 1;
            }
            System.arraycopy(planar, 0, all, i * planar.length, planar.length);
            samples[i] = new HDict();
            samples[i].SetDictObject(HImage.fromPlanar(w, h, c, planar), "image");
        }
        HDict[] results = model.ApplyDlModel(samples, new dev.hprune.halcon.HTuple());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(args[0], new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(all), new long[] {n, c, h, w});
                OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            float[][] reference = (float[][]) r.get(0).getValue();
            double worst = 0;
            int top1Agree = 0;
            for (int i = 0; i < n; i++) {
                var ids = results[i].GetDictTuple("classification_class_ids");
                var conf = results[i].GetDictTuple("classification_confidences");
                int best = 0;
                for (int k = 0; k < reference[i].length; k++) {
                    if (reference[i][k] > reference[i][best]) {
                        best = k;
                    }
                }
                if (ids.getL(0) == best) {
                    top1Agree++;
                }
                for (int k = 0; k < ids.length(); k++) {
                    worst = Math.max(worst, Math.abs(conf.getD(k) - reference[i][(int) ids.getL(k)]));
                }
            }
            System.out.printf("%s: largest confidence difference %.2e, top-1 agrees on %d of %d%n", args[0], worst,
                    top1Agree, n);
        }
        System.exit(0);
    }
}
