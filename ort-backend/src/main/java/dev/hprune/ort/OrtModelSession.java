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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Idle inputs kept: enough for a few threads or shapes, bounded so a caller varying shapes does not pile up. */
    private static final int MAX_IDLE_INPUTS = 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Graph graph;
    private final Set<String> outputs;
    /** Input tensors over direct buffers, kept between runs (see {@link #input}); guarded by itself. */
    private final ArrayDeque<ReusableInput> idleInputs = new ArrayDeque<>();
    private volatile boolean closed;

    /**
     * An ONNX Runtime tensor that reads a direct buffer in place: refilling the buffer is all a later run of the same
     * input and shape needs, where a new tensor per run costs a buffer allocation and two native calls.
     */
    private record ReusableInput(String name, long[] shape, FloatBuffer buffer, OnnxTensor tensor) {}

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
        List<ReusableInput> taken = new ArrayList<>(feeds.size());
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (Map.Entry<String, Tensor> feed : feeds.entrySet()) {
                ReusableInput input = input(feed.getKey(), feed.getValue());
                taken.add(input);
                inputs.put(feed.getKey(), input.tensor());
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
            giveBack(taken);
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
            synchronized (idleInputs) {
                idleInputs.forEach(input -> input.tensor().close());
                idleInputs.clear();
            }
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

    /**
     * An idle input of this name and shape, refilled with {@code tensor}'s values, else a new one. Concurrent runs
     * each take their own, so the pool holds at most as many per input as runs have overlapped.
     */
    private ReusableInput input(String name, Tensor tensor) throws OrtException {
        if (!tensor.isFloating()) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "the ONNX Runtime device takes float inputs");
        }
        ReusableInput input = null;
        synchronized (idleInputs) {
            for (var it = idleInputs.iterator(); it.hasNext(); ) {
                ReusableInput idle = it.next();
                if (idle.name().equals(name) && Arrays.equals(idle.shape(), tensor.shape())) {
                    it.remove();
                    input = idle;
                    break;
                }
            }
        }
        if (input == null) {
            FloatBuffer buffer = ByteBuffer.allocateDirect(tensor.size() * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            input = new ReusableInput(name, tensor.shape(), buffer, OnnxTensor.createTensor(env, buffer,
                    tensor.shape()));
        }
        input.buffer().clear();
        tensor.copyFloatsTo(input.buffer());
        return input;
    }

    /** Back to the pool after a run; closed instead once the session is. At most a few shapes are kept. */
    private void giveBack(List<ReusableInput> inputs) {
        synchronized (idleInputs) {
            for (ReusableInput input : inputs) {
                if (closed || idleInputs.size() >= MAX_IDLE_INPUTS) {
                    input.tensor().close();
                } else {
                    idleInputs.push(input);
                }
            }
        }
    }

    private static Tensor fromOrt(OnnxValue value) {
        if (!(value instanceof OnnxTensor t)) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "an output of the graph is not a tensor");
        }
        FloatBuffer data = t.getFloatBuffer();
        if (data == null) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "an output of the graph is not a float tensor");
        }
        // ONNX Runtime copies the output into a new heap buffer; its array is ours to keep
        float[] values;
        if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0
                && data.remaining() == data.array().length) {
            values = data.array();
        } else {
            values = new float[data.remaining()];
            data.get(values);
        }
        return Tensor.wrapFloats(t.getInfo().getShape(), values);
    }
}
