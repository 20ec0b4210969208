package dev.hprune.tf;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A model graph in one TensorFlow graph and session. The inference pass and an ONNX-layout view of every value are built
 * at open; the operations of a training setting or of a Taylor-score request are added on first use and reused.
 * {@link #run} calls share a read lock; training, scoring, {@link #weights} and {@link #close} take the write lock, so
 * inference never sees a half-applied update.
 */
final class TfModelSession implements ModelSession {
    private final Graph ir;
    private final org.tensorflow.Graph graph;
    private final Session session;
    private final TfGraphWriter w;
    private final TfVariables variables;
    private final Map<String, Output<?>> inputs = new LinkedHashMap<>();
    private final Map<String, Output<?>> constants = new HashMap<>();
    private final Map<String, Output<?>> inferenceReads;
    private final ForwardPass inference;
    private final Map<String, Output<?>> fetchable = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadPlan threads;
    private volatile boolean closed;

    /** When set (by profiling tools), every run is traced and its step statistics are handed over. */
    static volatile java.util.function.Consumer<org.tensorflow.proto.RunMetadata> tracer;

    private final DerivedWeights derived;
    private ForwardPass trainingPass;
    private ForwardPass frozenBatchNormPass;
    private Map<String, Output<?>> frozenBatchNormReads;
    private Map<String, Output<?>> trainingReads;
    private TrainingGraph.Feeds trainingFeeds;
    private final Map<List<Object>, TrainingGraph> trainingGraphs = new HashMap<>();
    private final Map<List<Object>, TaylorGraph> taylorGraphs = new HashMap<>();

    static {
        NativeEnvironment.prepare();
    }

    TfModelSession(Graph ir, SessionOptions options, int gpu) {
        this.ir = ir;
        this.graph = new org.tensorflow.Graph();
        Session opened = null;
        try {
            this.w = new TfGraphWriter(graph, gpu);
            this.threads = ThreadPlan.of(ir, options, Runtime.getRuntime().availableProcessors(),
                    NativeEnvironment.sessionThreadPools());
            ConfigProto config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(threads.intraOp())
                    .setInterOpParallelismThreads(threads.interOp())
                    .setAllowSoftPlacement(true)
                    .build();
            for (ValueInfo input : ir.inputs()) {
                long[] dims = input.shape().stream().mapToLong(d -> d.isFixed() ? d.value() : -1).toArray();
                inputs.put(input.name(), w.placeholder(TensorTransfer.tfType(input.type()), Shape.of(dims)));
            }
            opened = new Session(graph, config);
            this.session = opened;
            this.variables = new TfVariables(ir, w, session);
            ir.initializers().forEach((name, tensor) -> {
                if (!variables.all().containsKey(name)) {
                    try (org.tensorflow.Tensor t = TensorTransfer.toTf(tensor)) {
                        constants.put(name, w.constant(t));
                    }
                }
            });
            this.inferenceReads = variables.readAll();
            this.derived = new DerivedWeights(w);
            this.inference = new ForwardPass(ir, w, sources(inferenceReads), filters(inferenceReads), false, derived);
            inference.values().forEach((name, value) -> fetchable.put(name, inference.onnx(value)));
            // TensorFlow refuses to fetch a fed tensor; fetch a copy of each input
            inputs.forEach((name, placeholder) -> fetchable.put(name, w.unary("Identity", placeholder)));
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            graph.close();
            throw e instanceof HalconError h ? h
                    : new HalconError(ErrorCodes.DL_INTERNAL, "", "cannot build the TensorFlow graph: " + e.getMessage(), e);
        }
    }

    /** Inputs, constants and {@code reads} of the variables, all in ONNX's layout. */
    private Map<String, Output<?>> sources(Map<String, Output<?>> reads) {
        Map<String, Output<?>> sources = new HashMap<>(constants);
        reads.forEach((name, read) -> sources.put(name, variables.onnxView(variables.all().get(name), read)));
        sources.putAll(inputs);
        return sources;
    }

    /** The {@code reads} of variables held in TensorFlow's filter layout, by name. */
    private Map<String, Output<?>> filters(Map<String, Output<?>> reads) {
        Map<String, Output<?>> filters = new HashMap<>();
        reads.forEach((name, read) -> {
            if (variables.all().get(name).filter()) {
                filters.put(name, read);
            }
        });
        return filters;
    }

    /** The threads this session runs on. */
    ThreadPlan threads() {
        return threads;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches) {
        return locked(lock.readLock(), () -> {
            synchronized (derived) {
                derived.refresh(session);
            }
            List<org.tensorflow.Tensor> fed = new ArrayList<>();
            try {
                Session.Runner runner = session.runner();
                for (Map.Entry<String, Tensor> feed : feeds.entrySet()) {
                    Output<?> placeholder = inputs.get(feed.getKey());
                    if (placeholder == null) {
                        throw HalconError.of(ErrorCodes.DL_INTERNAL, "'" + feed.getKey() + "' is not an input of the model");
                    }
                    org.tensorflow.Tensor t = TensorTransfer.toTf(feed.getValue());
                    fed.add(t);
                    if (t.dataType() != placeholder.dataType()) {
                        throw HalconError.of(ErrorCodes.DL_INTERNAL, "input '" + feed.getKey() + "' expects "
                                + placeholder.dataType() + ", got " + feed.getValue().type());
                    }
                    runner.feed(placeholder, t);
                }
                List<String> names = fetches.stream().distinct().toList();
                for (String name : names) {
                    Output<?> output = fetchable.get(name);
                    if (output == null) {
                        throw HalconError.of(ErrorCodes.DL_INTERNAL, "the model has no value named '" + name + "'");
                    }
                    runner.fetch(output);
                }
                Map<String, Tensor> results = new LinkedHashMap<>();
                try (Result result = execute(runner)) {
                    for (int i = 0; i < names.size(); i++) {
                        results.put(names.get(i), TensorTransfer.fromTf(result.get(i)));
                    }
                }
                return results;
            } finally {
                fed.forEach(org.tensorflow.Tensor::close);
            }
        });
    }

    @Override
    public double trainStep(TrainingSpec spec, Tensor images, long[] labels) {
        return locked(lock.writeLock(), () -> {
            boolean batchNormTraining = spec.batchNormMomentum() >= 0;
            boolean withPrior = spec.weightPrior() != 0;
            TrainingGraph training = trainingGraphs.computeIfAbsent(
                    List.of(spec.logits(), Set.copyOf(spec.trainable()), batchNormTraining, withPrior), k -> {
                        ForwardPass pass = batchNormTraining ? trainingPass() : frozenBatchNormPass();
                        Map<String, Output<?>> reads = batchNormTraining ? trainingReads : frozenBatchNormReads;
                        return TrainingGraph.build(ir, w, session, variables, pass, reads, spec.logits(),
                                spec.trainable(), withPrior, feeds());
                    });
            Output<?> input = input(spec.input());
            training.crossEntropy().checkLabels(labels, images.dim(0));
            TrainingGraph.Feeds f = feeds();
            try (org.tensorflow.Tensor x = TensorTransfer.toTf(images);
                    TInt64 y = TensorTransfer.longs(new long[] {labels.length}, labels);
                    TFloat32 lr = TFloat32.scalarOf((float) spec.learningRate());
                    TFloat32 momentum = TFloat32.scalarOf((float) spec.momentum());
                    TFloat32 prior = TFloat32.scalarOf((float) spec.weightPrior());
                    TFloat32 bnMomentum = TFloat32.scalarOf((float) Math.max(0, spec.batchNormMomentum()));
                    Result result = execute(session.runner().feed(input, x).feed(f.labels(), y).feed(f.learningRate(), lr)
                            .feed(f.momentum(), momentum).feed(f.weightPrior(), prior)
                            .feed(f.batchNormMomentum(), bnMomentum).fetch(training.loss())
                            .addTarget(training.update()))) {
                derived.markStale();
                return (double) ((TFloat32) result.get(0)).getFloat();
            }
        });
    }

    private ForwardPass trainingPass() {
        if (trainingPass == null) {
            trainingReads = variables.readAll();
            trainingPass = new ForwardPass(ir, w, sources(trainingReads), filters(trainingReads), true, null);
        }
        return trainingPass;
    }

    /** BatchNormalization with running statistics, weights read directly so that gradients reach them. */
    private ForwardPass frozenBatchNormPass() {
        if (frozenBatchNormPass == null) {
            frozenBatchNormReads = variables.readAll();
            frozenBatchNormPass = new ForwardPass(ir, w, sources(frozenBatchNormReads), filters(frozenBatchNormReads),
                    false, null);
        }
        return frozenBatchNormPass;
    }

    private TrainingGraph.Feeds feeds() {
        if (trainingFeeds == null) {
            trainingFeeds = new TrainingGraph.Feeds(labelsPlaceholder(), scalarPlaceholder(), scalarPlaceholder(),
                    scalarPlaceholder(), scalarPlaceholder());
        }
        return trainingFeeds;
    }

    private Output<?> labelsPlaceholder() {
        return w.placeholder(DataType.DT_INT64, Shape.of(-1));
    }

    private Output<?> scalarPlaceholder() {
        return w.placeholder(DataType.DT_FLOAT, Shape.scalar());
    }

    private Output<?> input(String name) {
        Output<?> input = inputs.get(name);
        if (input == null) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "'" + name + "' is not an input of the model");
        }
        return input;
    }

    @Override
    public Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
            List<String> activations) {
        return locked(lock.writeLock(), () -> {
            TaylorGraph taylor = taylorGraphs.computeIfAbsent(List.of(logits, List.copyOf(activations)),
                    k -> TaylorGraph.build(ir, w, inference, feeds().labels(), logits, activations));
            taylor.crossEntropy().checkLabels(labels, images.dim(0));
            synchronized (derived) {
                derived.refresh(session);
            }
            Session.Runner runner = session.runner();
            taylor.scores().forEach(runner::fetch);
            try (org.tensorflow.Tensor x = TensorTransfer.toTf(images);
                    TInt64 y = TensorTransfer.longs(new long[] {labels.length}, labels);
                    Result result = execute(runner.feed(input(input), x).feed(feeds().labels(), y))) {
                Map<String, float[]> scores = new LinkedHashMap<>();
                for (int i = 0; i < activations.size(); i++) {
                    scores.put(activations.get(i), TensorTransfer.fromTf(result.get(i)).toFloats());
                }
                return scores;
            }
        });
    }

    @Override
    public Map<String, Tensor> weights() {
        return locked(lock.readLock(), () -> {
            Map<String, Tensor> weights = new LinkedHashMap<>();
            if (inferenceReads.isEmpty()) {
                return weights;
            }
            Session.Runner runner = session.runner();
            List<String> names = new ArrayList<>(inferenceReads.keySet());
            names.forEach(n -> runner.fetch(inferenceReads.get(n)));
            try (Result result = runner.run()) {
                for (int i = 0; i < names.size(); i++) {
                    TfVariables.Variable v = variables.all().get(names.get(i));
                    Tensor read = TfVariables.toOnnx(v, TensorTransfer.fromTf(result.get(i)));
                    weights.put(names.get(i), Tensor.ofFloats(v.initial().type(), read.shape(), read.toFloats()));
                }
            }
            return weights;
        });
    }

    private static Result execute(Session.Runner runner) {
        var trace = tracer;
        if (trace == null) {
            return runner.run();
        }
        Result result = runner.setOptions(org.tensorflow.proto.RunOptions.newBuilder()
                .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).build()).runAndFetchMetadata();
        result.getMetadata().ifPresent(trace);
        return result;
    }

    /** Runs {@code body} under {@code l} on an open session, turning TensorFlow failures into HALCON errors. */
    private <T> T locked(Lock l, Supplier<T> body) {
        l.lock();
        try {
            if (closed) {
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "the model session is closed");
            }
            return body.get();
        } catch (HalconError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HalconError(ErrorCodes.DL_INTERNAL, "", "TensorFlow failed: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
                graph.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
