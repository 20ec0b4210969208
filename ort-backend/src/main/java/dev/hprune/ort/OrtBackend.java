package dev.hprune.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.ModelCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ONNX Runtime's CPU execution provider as an inference-only device, as HALCON 26.11 offers it through its ONNX Runtime
 * AI² interface: query_available_dl_devices(['ai2', 'execution_provider'], ['onnxruntime', 'CPU'], ...). It runs the
 * model's current ONNX graph, written by halcon-compat's OnnxWriter, so weights trained on another device come along.
 * Found through {@link java.util.ServiceLoader}.
 */
public final class OrtBackend implements Backend {
    static final String NAME = "onnxruntime";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supportsRuntime(String runtime) {
        return runtime.equals("cpu");
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public List<Device> devices() {
        return List.of(new Device(NAME, "cpu", 0, "ONNX Runtime CPU", NAME, "CPU", true));
    }

    /**
     * Runs whose multiply-accumulating operators (Conv, ConvTranspose, Gemm, MatMul) average fewer multiply-accumulates
     * than this, batch included, get one thread (see {@link #intraOpThreads}).
     */
    static final long SMALL_OPERATOR_MACS = 2_000_000L;

    private static final Set<String> MAC_OPERATORS = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul");

    /**
     * The caller's choice, else one thread where the run's multiply-accumulating operators average fewer than
     * {@link #SMALL_OPERATOR_MACS} multiply-accumulates (batch included) and the machine's cores otherwise. What decides
     * is the work one operator hands to the pool, not the whole run's: on 2 vCPUs (bench section 3b, ONNX Runtime
     * direct) two threads ran the MNIST CNN at batch 16 (16.5 M MACs in 3 operators, 5.5 M each) 1.45 times as fast as
     * one, but the PP-OCR classifier at batch 1 (16.3 M MACs in 54 operators, 0.3 M each) 0.9 to 0.99 times as fast;
     * MobileNetV2 at batch 1 (5.7 M each) 1.4 times; at 0.3 M each (the MNIST CNN at batch 1) the two were alike.
     */
    static int intraOpThreads(Graph graph, SessionOptions options, int cores) {
        if (options.intraOpThreads() > 0) {
            return options.intraOpThreads();
        }
        if (options.batchSize() > 0 && graph.inputs().size() == 1) {
            var shape = graph.inputs().get(0).shape();
            if (shape.size() == 4 && shape.stream().skip(1).allMatch(d -> d.isFixed())) {
                try {
                    long macs = ModelCost.of(graph, (int) shape.get(1).value(), (int) shape.get(2).value(),
                            (int) shape.get(3).value()).macs();
                    long operators = Math.max(1,
                            graph.nodes().stream().filter(n -> MAC_OPERATORS.contains(n.opType())).count());
                    if (macs / operators * options.batchSize() < SMALL_OPERATOR_MACS) {
                        return 1;
                    }
                } catch (RuntimeException e) {
                    // shapes not inferable ahead of running: the cores, as for a large model
                }
            }
        }
        return cores;
    }

    /**
     * Opens the graph with its batch dimension fixed to the model's 'batch_size' where the options name one (see
     * {@link #withFixedBatch}); feeds of another batch run on a second session with the batch open.
     *
     * @throws HalconError 7913 for a runtime other than "cpu"; 7779 when ONNX Runtime refuses the graph
     */
    @Override
    public ModelSession open(Graph graph, SessionOptions options) {
        if (!options.runtime().equals("cpu") || options.device() != 0) {
            throw HalconError.of(ErrorCodes.DL_RUNTIME, "ONNX Runtime offers only its CPU device here");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int intraOp = intraOpThreads(graph, options, Runtime.getRuntime().availableProcessors());
        Graph fixed = withFixedBatch(graph, options.batchSize());
        OrtSession session = null;
        try {
            session = create(env, fixed, intraOp, options.interOpThreads());
            OrtModelSession.Opener anyBatch = fixed == graph ? null
                    : () -> create(env, graph, intraOp, options.interOpThreads());
            return new OrtModelSession(env, session, anyBatch, graph);
        } catch (OrtException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException ignored) {
                    // already failing with the first error
                }
            }
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "ONNX Runtime cannot run the model: " + e.getMessage());
        }
    }

    private static OrtSession create(OrtEnvironment env, Graph graph, int intraOpThreads, int interOpThreads)
            throws OrtException {
        try (OrtSession.SessionOptions ortOptions = new OrtSession.SessionOptions()) {
            ortOptions.setIntraOpNumThreads(intraOpThreads);
            if (interOpThreads > 0) {
                ortOptions.setInterOpNumThreads(interOpThreads);
            }
            ortOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(OnnxWriter.toBytes(graph), ortOptions);
        }
    }

    /**
     * The graph with the first dimension of its single input fixed to {@code batch} where it is open, else the graph
     * itself. With every input shape known, ONNX Runtime infers all shapes and plans its memory when the session opens
     * instead of on each run: on the MNIST CNN at batch 1 that took a run from 54 to 49 us of CPU time.
     */
    static Graph withFixedBatch(Graph graph, int batch) {
        if (batch <= 0 || graph.inputs().size() != 1 || graph.inputs().get(0).rank() == 0
                || graph.inputs().get(0).shape().get(0).isFixed()) {
            return graph;
        }
        ValueInfo input = graph.inputs().get(0);
        List<ValueInfo.Dim> shape = new ArrayList<>(input.shape());
        shape.set(0, ValueInfo.Dim.fixed(batch));
        return graph.withInputs(List.of(new ValueInfo(input.name(), input.type(), shape)));
    }
}
