package dev.hprune.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session on a model graph. Inference only: the weights are those of the graph it was opened on, and
 * training or scoring raises 7917 (what HALCON raises on a model converted for an AI² device). ONNX Runtime's
 * {@code run} is safe to call from several threads, as {@link ModelSession#run} promises.
 */
final class OrtModelSession implements ModelSession {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Graph graph;
    private final Set<String> outputs;
    private volatile boolean closed;
    /**
     * Each calling thread's direct input buffer, grown to the largest input it fed: ONNX Runtime reads a direct buffer in
     * native order in place, and the buffer is free again once the run's OnnxTensor is closed, so a thread that applies
     * the model again copies its batch into the same memory instead of allocating (and later freeing) a new one.
     */
    private final ThreadLocal<FloatBuffer> inputBuffers = new ThreadLocal<>();

    OrtModelSession(OrtEnvironment env, OrtSession session, Graph graph) {
        this.env = env;
        this.session = session;
        this.graph = graph;
        this.outputs = session.getOutputNames();
    }

    /**
     * @throws HalconError 7779 for a fetch that is not a graph output (ONNX Runtime computes only those) or when ONNX
     *     Runtime fails; 2454 after {@link #close}
     */
    @Override
    public Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches) {
        checkOpen();
        for (String fetch : fetches) {
            if (!outputs.contains(fetch)) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "the ONNX Runtime device computes only the graph's "
                        + "outputs " + outputs + ", not '" + fetch + "'");
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            // the thread's buffer serves one feed per run; a graph with several inputs gets fresh buffers for them
            boolean reuse = feeds.size() == 1;
            for (Map.Entry<String, Tensor> feed : feeds.entrySet()) {
                inputs.put(feed.getKey(), toOrt(feed.getValue(), reuse));
            }
            try (OrtSession.Result result = session.run(inputs, Set.copyOf(fetches))) {
                Map<String, Tensor> values = new LinkedHashMap<>();
                for (String fetch : fetches) {
                    values.put(fetch, fromOrt(result.get(fetch).orElseThrow()));
                }
                return values;
            }
        } catch (OrtException e) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "ONNX Runtime failed: " + e.getMessage());
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public double trainStep(TrainingSpec spec, Tensor images, long[] labels) {
        throw inferenceOnly("train_dl_model_batch");
    }

    @Override
    public Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
            List<String> activations) {
        throw inferenceOnly("add_dl_pruning_batch");
    }

    /** The graph's own weights: nothing here changes them. */
    @Override
    public Map<String, Tensor> weights() {
        checkOpen();
        return graph.initializers();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                // the native session is gone either way; nothing a caller could do about a failed release
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw HalconError.of(ErrorCodes.HANDLE_CLEARED, "the ONNX Runtime session was closed");
        }
    }

    private static HalconError inferenceOnly(String operator) {
        return HalconError.of(ErrorCodes.DL_CONVERTED_UNSUPPORTED,
                operator + " is not supported on the inference-only ONNX Runtime device");
    }

    private OnnxTensor toOrt(Tensor tensor, boolean reuseThreadBuffer) throws OrtException {
        if (!tensor.isFloating()) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "the ONNX Runtime device takes float inputs");
        }
        // one copy, from the batch's array straight into the direct buffer ONNX Runtime reads in place
        FloatBuffer buffer = reuseThreadBuffer ? inputBuffers.get() : null;
        if (buffer == null || buffer.capacity() < tensor.size()) {
            buffer = ByteBuffer.allocateDirect(tensor.size() * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            if (reuseThreadBuffer) {
                inputBuffers.set(buffer);
            }
        }
        FloatBuffer view = buffer.duplicate();
        view.clear().limit(tensor.size());
        tensor.copyFloatsTo(view);
        view.flip();
        return OnnxTensor.createTensor(env, view, tensor.shape());
    }

    private static Tensor fromOrt(OnnxValue value) {
        if (!(value instanceof OnnxTensor t)) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "an output of the graph is not a tensor");
        }
        FloatBuffer data = t.getFloatBuffer();
        if (data == null) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "an output of the graph is not a float tensor");
        }
        // getFloatBuffer already copied the native output into a fresh heap buffer: take its array as it is
        if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0
                && data.remaining() == data.array().length) {
            return Tensor.wrapFloats(t.getInfo().getShape(), data.array());
        }
        float[] values = new float[data.remaining()];
        data.get(values);
        return Tensor.wrapFloats(t.getInfo().getShape(), values);
    }
}
