package dev.hprune.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
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
 *
 * <p>Where the backend fixed the batch dimension (the model's 'batch_size', which apply_dl_model always runs, padding a
 * short batch), ONNX Runtime plans every shape and buffer once, and this class binds the outputs to tensors it keeps
 * (ONNX Runtime writes into them rather than allocating a result per run). Together that took a run of the MNIST CNN
 * at batch 1 on one thread from 54 to 40 us of CPU time. Feeds of another shape go to a second session with the batch
 * left open, opened on first need.
 */
final class OrtModelSession implements ModelSession {
    /** Idle tensors kept: enough for a few threads or shapes, bounded so a caller varying shapes does not pile up. */
    private static final int MAX_IDLE = 16;

    /** Opens an ONNX Runtime session on the graph with its batch dimension left open. */
    interface Opener {
        OrtSession open() throws OrtException;
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    /** The input shapes {@link #session} takes: -1 where a dimension is open. */
    private final Map<String, long[]> sessionShapes;
    /** Whether every input dimension of {@link #session} is fixed, so that its output shapes are fixed too. */
    private final boolean fullyFixed;
    private final Opener anyShape;
    private final Graph graph;
    private final Set<String> outputs;
    /** Tensors over direct buffers, kept between runs (see {@link #take}); guarded by itself. */
    private final ArrayDeque<Reusable> idle = new ArrayDeque<>();
    /** Output shapes of {@link #session}, learnt on its first run; null until then or when binding failed. */
    private volatile Map<String, long[]> outputShapes;
    private volatile boolean bindOutputs = true;
    /** The session for feeds of other shapes, opened on first need; guarded by this. */
    private OrtSession anyShapeSession;
    private volatile boolean closed;

    /**
     * An ONNX Runtime tensor over a direct buffer that it reads or writes in place: refilling or reading the buffer is
     * all a later run of the same value and shape needs, where a new tensor per run costs an allocation and native calls.
     */
    private record Reusable(boolean output, String name, long[] shape, FloatBuffer buffer, OnnxTensor tensor) {}

    /**
     * @param session the session runs use when their feeds have its input shapes
     * @param anyShape opens the session for feeds of other shapes; null when {@code session} takes any
     */
    OrtModelSession(OrtEnvironment env, OrtSession session, Opener anyShape, Graph graph) throws OrtException {
        this.env = env;
        this.session = session;
        this.anyShape = anyShape;
        this.graph = graph;
        this.outputs = session.getOutputNames();
        Map<String, long[]> shapes = new HashMap<>();
        boolean fixed = true;
        for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
            long[] shape = input.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
            shapes.put(input.getKey(), shape);
            fixed &= Arrays.stream(shape).allMatch(d -> d >= 0);
        }
        this.sessionShapes = Map.copyOf(shapes);
        this.fullyFixed = fixed && !shapes.isEmpty();
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
        List<Reusable> taken = new ArrayList<>(feeds.size() + fetches.size());
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (Map.Entry<String, Tensor> feed : feeds.entrySet()) {
                Tensor tensor = feed.getValue();
                if (!tensor.isFloating()) {
                    throw HalconError.of(ErrorCodes.DL_INTERNAL, "the ONNX Runtime device takes float inputs");
                }
                Reusable input = take(false, feed.getKey(), tensor.shape());
                taken.add(input);
                input.buffer().clear();
                tensor.copyFloatsTo(input.buffer());
                inputs.put(feed.getKey(), input.tensor());
            }
            if (!fits(feeds)) {
                return unbound(anyShapeSession(), inputs, fetches);
            }
            Map<String, long[]> known = outputShapes;
            if (known == null || !bindOutputs || !known.keySet().containsAll(fetches)) {
                Map<String, Tensor> values = unbound(session, inputs, fetches);
                if (fullyFixed && known == null) {
                    Map<String, long[]> learnt = new HashMap<>();
                    values.forEach((name, value) -> learnt.put(name, value.shape()));
                    outputShapes = Map.copyOf(learnt);
                }
                return values;
            }
            Map<String, OnnxTensor> bound = new HashMap<>();
            for (String fetch : fetches) {
                Reusable output = take(true, fetch, known.get(fetch));
                taken.add(output);
                bound.put(fetch, output.tensor());
            }
            try {
                session.run(inputs, bound).close();
            } catch (OrtException e) {
                // an output whose shape depends on the data: run unbound from now on
                bindOutputs = false;
                return unbound(session, inputs, fetches);
            }
            Map<String, Tensor> values = new LinkedHashMap<>();
            for (Reusable output : taken.subList(feeds.size(), taken.size())) {
                float[] copy = new float[output.buffer().capacity()];
                output.buffer().clear();
                output.buffer().get(copy);
                values.put(output.name(), Tensor.wrapFloats(output.shape(), copy));
            }
            return values;
        } catch (OrtException e) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "ONNX Runtime failed: " + e.getMessage());
        } finally {
            giveBack(taken);
        }
    }

    /** Whether runs of the session's own input shapes now write into kept outputs (for tests). */
    boolean bindsOutputs() {
        return bindOutputs && outputShapes != null;
    }

    /** A run whose outputs ONNX Runtime allocates. */
    private static Map<String, Tensor> unbound(OrtSession on, Map<String, OnnxTensor> inputs, List<String> fetches)
            throws OrtException {
        try (OrtSession.Result result = on.run(inputs, Set.copyOf(fetches))) {
            Map<String, Tensor> values = new LinkedHashMap<>();
            for (String fetch : fetches) {
                values.put(fetch, fromOrt(result.get(fetch).orElseThrow()));
            }
            return values;
        }
    }

    /** Whether every feed has the shape {@link #session} takes. */
    private boolean fits(Map<String, Tensor> feeds) {
        for (Map.Entry<String, Tensor> feed : feeds.entrySet()) {
            long[] want = sessionShapes.get(feed.getKey());
            long[] have = feed.getValue().shape();
            if (want == null || want.length != have.length) {
                return anyShape == null;
            }
            for (int i = 0; i < want.length; i++) {
                if (want[i] >= 0 && want[i] != have[i]) {
                    return anyShape == null;
                }
            }
        }
        return true;
    }

    private synchronized OrtSession anyShapeSession() throws OrtException {
        checkOpen();
        if (anyShapeSession == null) {
            anyShapeSession = anyShape.open();
        }
        return anyShapeSession;
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
            synchronized (idle) {
                idle.forEach(reusable -> reusable.tensor().close());
                idle.clear();
            }
            for (OrtSession s : new OrtSession[] {session, anyShapeSession}) {
                try {
                    if (s != null) {
                        s.close();
                    }
                } catch (OrtException e) {
                    // the native session is gone either way; nothing a caller could do about a failed release
                }
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
     * An idle tensor for this input or output name and shape, else a new one. Concurrent runs each take their own, so
     * the pool holds at most as many per value as runs have overlapped.
     */
    private Reusable take(boolean output, String name, long[] shape) throws OrtException {
        synchronized (idle) {
            for (var it = idle.iterator(); it.hasNext(); ) {
                Reusable reusable = it.next();
                if (reusable.output() == output && reusable.name().equals(name)
                        && Arrays.equals(reusable.shape(), shape)) {
                    it.remove();
                    return reusable;
                }
            }
        }
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        FloatBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(size * Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        return new Reusable(output, name, shape.clone(), buffer, OnnxTensor.createTensor(env, buffer, shape));
    }

    /** Back to the pool after a run; closed instead once the session is. At most a few shapes are kept. */
    private void giveBack(List<Reusable> used) {
        synchronized (idle) {
            for (Reusable reusable : used) {
                if (closed || idle.size() >= MAX_IDLE) {
                    reusable.tensor().close();
                } else {
                    idle.push(reusable);
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
