package dev.hprune.tests.support;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** ONNX Runtime, the independent checker: runs a model file on a batch of planar inputs. */
public final class OnnxRuntimeRunner {
    private OnnxRuntimeRunner() {}

    /** The first output ([N, classes]) for the inputs, each of shape {@code sampleShape} (C, H, W). */
    public static float[][] run(Path model, List<float[]> inputs, long... sampleShape) throws OrtException {
        int plane = inputs.get(0).length;
        float[] batch = new float[inputs.size() * plane];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, batch, i * plane, plane);
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = inputs.size();
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            return (float[][]) result.get(0).getValue();
        }
    }
}
