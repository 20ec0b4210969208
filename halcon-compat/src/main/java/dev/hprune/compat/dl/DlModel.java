package dev.hprune.compat.dl;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.ShapeInference;
import dev.hprune.compat.system.RandomSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A deep-learning model as a HALCON handle holds it: the graph (immutable; its weights are updated by replacing it), the
 * HALCON parameters, and a backend session opened on first use that holds the weights while training.
 *
 * <p>Inference may run concurrently; training, parameter changes and weight reads are exclusive.
 */
public final class DlModel implements AutoCloseable {
    /**
     * System properties that set the backend's threads inside one operator and operators run at once; unset or 0 leaves
     * the choice to the backend (see the README's 'Threads'). Read when a model opens its session.
     */
    public static final String INTRA_OP_THREADS = "hprune.intraOpThreads";
    public static final String INTER_OP_THREADS = "hprune.interOpThreads";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Supplier<List<Backend>> backends;
    private ClassifierLayout layout;
    private Graph graph;
    private ModelParams params;
    private ModelSession session;
    private boolean sessionHasNewerWeights;
    private boolean closed;
    /** Kept image arrays for apply (see {@link #takeBatchBuffer}); guarded by itself. */
    private final ArrayDeque<float[]> idleBatchBuffers = new ArrayDeque<>();
    private static final int MAX_IDLE_BATCH_BUFFERS = 4;

    private DlModel(Graph graph, ModelParams params, ClassifierLayout layout, Supplier<List<Backend>> backends) {
        this.graph = graph;
        this.params = params;
        this.layout = layout;
        this.backends = backends;
    }

    /** A model for a graph, with parameters from its metadata where present (see {@link ModelMetadata}). */
    public static DlModel of(Graph graph) {
        return withBackends(graph, Backends::all);
    }

    static DlModel of(Graph graph, Supplier<Backend> backend) {
        return withBackends(graph, () -> List.of(backend.get()));
    }

    static DlModel withBackends(Graph graph, Supplier<List<Backend>> backends) {
        ClassifierLayout layout = ClassifierLayout.of(graph).orElse(null);
        return new DlModel(graph, defaults(graph, layout), layout, backends);
    }

    /**
     * Runs shape inference over the graph with the model's image size (open sizes stay open), so that shape
     * contradictions are reported as 7801 naming the node.
     */
    void checkShapes() {
        lock.readLock().lock();
        try {
            Map<String, long[]> given = layout == null ? Map.of() : Map.of(layout.input(),
                    new long[] {-1, layout.channels(), params.imageHeight(), params.imageWidth()});
            ShapeInference.infer(graph, given);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A model for {@code replacement} (e.g. a pruned graph) with this model's parameters. */
    public DlModel derive(Graph replacement) {
        lock.readLock().lock();
        try {
            ClassifierLayout derived = ClassifierLayout.of(replacement).orElse(null);
            return new DlModel(replacement, params, derived, backends);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static ModelParams defaults(Graph graph, ClassifierLayout layout) {
        Map<String, String> m = graph.metadata();
        int classes = layout == null ? 0 : layout.classes();
        List<Long> ids = ModelMetadata.integers(m, "class_ids").filter(l -> l.size() == classes)
                .orElse(IntStream.range(0, classes).mapToObj(i -> (long) i).toList());
        List<String> names = ModelMetadata.strings(m, "class_names").filter(l -> l.size() == classes)
                .orElse(ids.stream().map(String::valueOf).toList());
        int width = layout == null ? -1 : layout.width() > 0 ? layout.width() : ModelMetadata.integer(m, "image_width").orElse(-1);
        int height = layout == null ? -1 : layout.height() > 0 ? layout.height() : ModelMetadata.integer(m, "image_height").orElse(-1);
        ModelParams params = new ModelParams(layout == null ? ModelParams.GENERIC : ModelParams.CLASSIFICATION,
                ModelMetadata.integer(m, "batch_size").filter(b -> b > 0).orElse(1),
                width, height, layout == null ? -1 : layout.channels(),
                ModelMetadata.real(m, "image_range_min").orElse(-127.0),
                ModelMetadata.real(m, "image_range_max").orElse(128.0),
                names, ids,
                ModelMetadata.real(m, "learning_rate").filter(v -> v > 0).orElse(0.001),
                ModelMetadata.real(m, "momentum").filter(v -> v >= 0 && v < 1).orElse(0.9),
                ModelMetadata.real(m, "weight_prior").filter(v -> v >= 0).orElse(0.0),
                ModelMetadata.real(m, "batchnorm_momentum").filter(v -> v >= 0 && v <= 1).orElse(0.9),
                null);
        // a stored batch size that set_dl_model_param would refuse is ignored like the other invalid metadata above;
        // batch 1 needs no check (it falls back to itself), so a file without one runs no shape inference here
        if (params.batchSize() == 1) {
            return params;
        }
        try {
            BatchBuffers.check(graph, layout, params);
            return params;
        } catch (HalconError e) {
            return params.withBatchSize(1);
        }
    }

    public List<Object> getParam(String name) {
        lock.readLock().lock();
        try {
            checkOpen();
            ModelParams p = name.equals(ModelParamTable.DEVICE) ? params.withDevice(device()) : params;
            return ModelParamTable.row(name, false).getter().apply(p);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * set_dl_model_param. A class count other than the model's ('class_ids' or 'class_names') replaces the layer that
     * makes the class scores (see {@link ClassifierHead}); an image size other than the one the graph declares
     * re-declares its input where the layers allow that size (see {@link InputSize}). Either way the model gets a new
     * graph, and a refused change leaves the model as it was.
     */
    public void setParam(String name, List<Object> value) {
        lock.writeLock().lock();
        try {
            checkOpen();
            ModelParamTable.Row row = ModelParamTable.row(name, true);
            int classes = layout == null ? 0 : layout.classes();
            ModelParams updated = row.setter().set(params, value,
                    new ModelParamTable.Context(classes, () -> DlDeviceOperators.available(backends.get())));
            Graph adapted = adaptedGraph(updated);
            ClassifierLayout adaptedLayout = adapted == graph ? layout : ClassifierLayout.of(adapted).orElseThrow();
            if (adaptedLayout != null && (adapted != graph || updated.batchSize() != params.batchSize()
                    || updated.imageWidth() != params.imageWidth() || updated.imageHeight() != params.imageHeight())) {
                BatchBuffers.check(adapted, adaptedLayout, updated);
            }
            boolean newGraph = adapted != graph;
            boolean rebuild = newGraph || updated.imageWidth() != params.imageWidth()
                    || updated.imageHeight() != params.imageHeight() || !Objects.equals(updated.device(), params.device());
            if (rebuild) {
                closeSession(); // may fold trained weights into graph; an adapted graph already holds them
            }
            if (newGraph) {
                graph = adapted;
            }
            layout = adaptedLayout;
            params = updated;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The graph for {@code updated}: this one, or one with a new head and/or a re-declared input size. The current
     * weights are taken from the session first, so that a new head keeps what training has taught the body.
     */
    private Graph adaptedGraph(ModelParams updated) {
        if (layout == null) {
            return graph;
        }
        boolean newClasses = updated.classIds().size() != layout.classes();
        boolean newSize = (layout.width() > 0 && updated.imageWidth() != layout.width())
                || (layout.height() > 0 && updated.imageHeight() != layout.height());
        if (!newClasses && !newSize) {
            return graph;
        }
        syncWeights();
        Graph adapted = graph;
        if (newSize) {
            adapted = InputSize.resize(adapted, layout, updated.imageWidth(), updated.imageHeight());
        }
        if (newClasses) {
            adapted = ClassifierHead.withClasses(adapted, layout, updated.classIds().size(), RandomSource.global());
        }
        return adapted;
    }

    /**
     * apply_dl_model for classification: the samples in chunks of 'batch_size', a short last chunk padded (as HALCON
     * does, so that time and memory per call stay those of a full batch).
     */
    public List<ClassificationResult> apply(List<Dict> samples) {
        lock.readLock().lock();
        try {
            checkOpen();
            ModelParams p = requireClassification();
            ModelSession s = session();
            List<ClassificationResult> results = new ArrayList<>(samples.size());
            float[] images = takeBatchBuffer(SampleBatch.floats(p, p.batchSize()));
            try {
                for (int start = 0; start < samples.size(); start += p.batchSize()) {
                    List<Dict> chunk = samples.subList(start, Math.min(samples.size(), start + p.batchSize()));
                    SampleBatch batch = SampleBatch.of(chunk, p, false, p.batchSize(), images);
                    Tensor scores = s.run(Map.of(layout.input(), batch.images()), List.of(layout.output()))
                            .get(layout.output());
                    for (int n = 0; n < chunk.size(); n++) {
                        results.add(result(scores, n, p));
                    }
                }
            } finally {
                giveBackBatchBuffer(images);
            }
            return results;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** train_dl_model_batch: one optimisation step on exactly 'batch_size' samples; returns the mean loss. */
    public double train(List<Dict> samples) {
        lock.writeLock().lock();
        try {
            checkOpen();
            ModelParams p = requireClassification();
            requireTrainingDevice("train_dl_model_batch");
            if (samples.size() != p.batchSize()) {
                throw HalconError.of(ErrorCodes.DL_WRONG_BATCH_SIZE,
                        samples.size() + " samples for a 'batch_size' of " + p.batchSize());
            }
            SampleBatch batch = SampleBatch.of(samples, p, true, 0);
            TrainingSpec spec = new TrainingSpec(layout.input(), layout.logits(), TrainableWeights.of(graph),
                    p.learningRate(), p.momentum(), p.weightPrior(), p.batchNormMomentum());
            double loss = session().trainStep(spec, batch.images(), batch.labels());
            sessionHasNewerWeights = true;
            return loss;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The graph with the current weights (trained weights flow back here) and the parameters in its metadata. */
    public Graph graph() {
        lock.writeLock().lock();
        try {
            checkOpen();
            syncWeights();
            return graph.withMetadata(ModelMetadata.encode(params, graph.metadata()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * load_dl_model_weights with this model as the target: every layer (node) whose weights all have a counterpart in
     * {@code source} (a node of the same name whose weight input at the same position has the same shape) takes the
     * source's values. Returns, per layer of this model in graph order (hprune's layer ids), how many weight values
     * changed: values that were equal already, and layers without weights or without a counterpart, count 0.
     * Weights are the floating-point initializers a node reads (kernels, biases, BatchNormalization's statistics);
     * integer constants such as a Reshape's target are structure, not weights.
     */
    public List<Long> loadWeights(DlModel source) {
        Graph from = source.graph();
        lock.writeLock().lock();
        try {
            checkOpen();
            syncWeights();
            Map<String, Tensor> updates = new java.util.LinkedHashMap<>();
            List<Long> changes = new ArrayList<>();
            for (var node : graph.nodes()) {
                var match = from.node(node.name()).filter(n -> n.opType().equals(node.opType()));
                long changed = 0;
                if (match.isPresent() && sameWeightShapes(node, match.get(), from)) {
                    for (int i = 0; i < node.inputs().size(); i++) {
                        Tensor target = weight(graph, node.inputs().get(i));
                        if (target == null) {
                            continue;
                        }
                        Tensor value = weight(from, match.get().inputs().get(i));
                        float[] before = target.toFloats();
                        float[] after = value.toFloats();
                        for (int k = 0; k < before.length; k++) {
                            changed += Float.floatToIntBits(before[k]) != Float.floatToIntBits(after[k]) ? 1 : 0;
                        }
                        updates.put(node.inputs().get(i), Tensor.ofFloats(target.type(), target.shape(), after));
                    }
                }
                changes.add(changed);
            }
            if (!updates.isEmpty()) {
                closeSession();
                graph = graph.withUpdatedInitializers(updates);
            }
            return changes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether every weight input of {@code node} has one of the same shape at the same position in {@code other}. */
    private boolean sameWeightShapes(dev.hprune.compat.graph.Node node, dev.hprune.compat.graph.Node other,
            Graph from) {
        boolean any = false;
        for (int i = 0; i < node.inputs().size(); i++) {
            Tensor target = weight(graph, node.inputs().get(i));
            if (target == null) {
                continue;
            }
            Tensor value = i < other.inputs().size() ? weight(from, other.inputs().get(i)) : null;
            if (value == null || !Arrays.equals(target.shape(), value.shape())) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The floating-point initializer a node input names, or null. */
    private static Tensor weight(Graph graph, String input) {
        Tensor t = input.isEmpty() ? null : graph.initializers().get(input);
        return t != null && t.isFloating() ? t : null;
    }

    public boolean isClassification() {
        return layout != null;
    }

    /**
     * The graph pruning works on: the current weights, the image size fixed (batch open), and what that size makes
     * constant folded away (a Shape chain in a classifier head would otherwise hide its channels).
     */
    public Graph prunableGraph() {
        lock.writeLock().lock();
        try {
            checkOpen();
            requireClassification();
            syncWeights();
            return ExecutionGraph.of(graph, params.imageChannels(), params.imageHeight(), params.imageWidth())
                    .withMetadata(ModelMetadata.encode(params, graph.metadata()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What identifies the model's architecture for a pruning handle: operators, their connections, weight shapes and
     * the image size. Training changes weights, not this.
     */
    public String structure() {
        lock.readLock().lock();
        try {
            StringBuilder text = new StringBuilder();
            text.append(params.imageChannels()).append('x').append(params.imageHeight()).append('x')
                    .append(params.imageWidth()).append(';');
            for (var node : graph.nodes()) {
                text.append(node.name()).append(':').append(node.opType()).append(node.inputs()).append(node.outputs());
                for (String input : node.inputs()) {
                    Tensor weight = graph.initializers().get(input);
                    if (weight != null) {
                        text.append(Arrays.toString(weight.shape()));
                    }
                }
                text.append(';');
            }
            return text.toString();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code body} with this model's session and current parameters, exclusively (scoring for pruning). */
    public <T> T withSession(SessionWork<T> body) {
        lock.writeLock().lock();
        try {
            checkOpen();
            ModelParams p = requireClassification();
            requireTrainingDevice("training and scoring");
            return body.run(session(), layout.input(), layout.logits(), samples -> SampleBatch.of(samples, p, true, 0));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Work that needs the backend session (see {@link #withSession}). */
    public interface SessionWork<T> {
        T run(ModelSession session, String input, String logits, BatchMaker batches);
    }

    /** Turns DLSample dicts into images and labels for the session. */
    public interface BatchMaker {
        SampleBatch make(List<Dict> samples);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            closeSession();
            synchronized (idleBatchBuffers) {
                idleBatchBuffers.clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ModelParams requireClassification() {
        if (layout == null) {
            throw HalconError.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED,
                    "the model's type is '" + params.type() + "'; only 'classification' models are supported");
        }
        if (params.imageWidth() < 1 || params.imageHeight() < 1) {
            throw HalconError.of(ErrorCodes.DL_TUPLE_VALUES,
                    "the graph leaves the image size open: set 'image_width' and 'image_height' first");
        }
        return params;
    }

    /**
     * HALCON 26.11 runs models on AI² devices (ONNX Runtime) for inference only; training such a model, or scoring it
     * for pruning, raises what HALCON raises for an operation its converted models do not support.
     */
    private void requireTrainingDevice(String what) {
        Device device = device();
        if (device.inferenceOnly()) {
            throw HalconError.of(ErrorCodes.DL_CONVERTED_UNSUPPORTED, what + " is not supported on the inference-only "
                    + "device '" + device.name() + "'; set 'device' to a TensorFlow device first");
        }
    }

    /** The chosen device, or the first CPU device of the backends (training backends come first). */
    private Device device() {
        Device chosen = params.device();
        if (chosen != null) {
            return chosen;
        }
        return DlDeviceOperators.available(backends.get()).stream().filter(d -> d.type().equals("cpu")).findFirst()
                .orElseThrow(() -> HalconError.of(ErrorCodes.DL_RUNTIME, "no backend offers a CPU device"));
    }

    private Backend backendOf(Device device) {
        return backends.get().stream().filter(b -> b.name().equals(device.backend())).findFirst()
                .orElseThrow(() -> HalconError.of(ErrorCodes.DL_RUNTIME, "no backend '" + device.backend() + "'"));
    }

    /** Opens the session on first use; callers hold a lock. Double-checked so concurrent readers open it once. */
    private ModelSession session() {
        ModelSession s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    Device device = device();
                    session = backendOf(device).open(
                            ExecutionGraph.of(graph, params.imageChannels(), params.imageHeight(), params.imageWidth()),
                            device, new SessionOptions(device.type(), device.id(),
                                    Integer.getInteger(INTRA_OP_THREADS, 0), Integer.getInteger(INTER_OP_THREADS, 0),
                                    params.batchSize()));
                }
                s = session;
            }
        }
        return s;
    }

    private void syncWeights() {
        if (sessionHasNewerWeights && session != null) {
            graph = graph.withUpdatedInitializers(session.weights());
            sessionHasNewerWeights = false;
        }
    }

    /**
     * A batch-sized image array for apply, kept between calls: a new one per call cost more than the run of a small
     * model (zeroing and collecting 100 kB at batch 32 of 28x28 images took 20 to 50 us, against 6 us to refill a kept
     * one). Backends copy their feeds and keep nothing (see {@link ModelSession#run}). Concurrent calls each take
     * their own; arrays of another size (after 'batch_size' or the image size changed) are dropped.
     */
    private float[] takeBatchBuffer(int floats) {
        synchronized (idleBatchBuffers) {
            for (float[] idle; (idle = idleBatchBuffers.poll()) != null; ) {
                if (idle.length == floats) {
                    return idle;
                }
            }
        }
        return new float[floats];
    }

    private void giveBackBatchBuffer(float[] images) {
        synchronized (idleBatchBuffers) {
            if (!closed && idleBatchBuffers.size() < MAX_IDLE_BATCH_BUFFERS) {
                idleBatchBuffers.push(images);
            }
        }
    }

    private void closeSession() {
        syncWeights();
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw HalconError.of(ErrorCodes.HANDLE_CLEARED, "the model was cleared");
        }
    }

    private ClassificationResult result(Tensor scores, int sample, ModelParams p) {
        int classes = layout.classes();
        double[] confidence = new double[classes];
        for (int c = 0; c < classes; c++) {
            confidence[c] = scores.floatAt(sample * classes + c);
        }
        layout.scores().toConfidences(confidence);
        int[] order = Ranking.descending(confidence);
        Long[] ids = new Long[classes];
        String[] names = new String[classes];
        Double[] values = new Double[classes];
        for (int k = 0; k < classes; k++) {
            int c = order[k];
            ids[k] = p.classIds().get(c);
            names[k] = p.classNames().get(c);
            values[k] = confidence[c];
        }
        return new ClassificationResult(List.of(ids), List.of(names), List.of(values));
    }
}
