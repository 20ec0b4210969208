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
import dev.hprune.compat.onnx.OnnxWriter;
import java.util.List;

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
     * @throws HalconError 7913 for a runtime other than "cpu"; 7779 when ONNX Runtime refuses the graph
     */
    @Override
    public ModelSession open(Graph graph, SessionOptions options) {
        if (!options.runtime().equals("cpu") || options.device() != 0) {
            throw HalconError.of(ErrorCodes.DL_RUNTIME, "ONNX Runtime offers only its CPU device here");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions ortOptions = new OrtSession.SessionOptions()) {
            // the same thread setting as ONNX Runtime called directly in the bench: one intra-op thread per core
            int intra = options.intraOpThreads() > 0 ? options.intraOpThreads()
                    : Runtime.getRuntime().availableProcessors();
            ortOptions.setIntraOpNumThreads(intra);
            if (options.interOpThreads() > 0) {
                ortOptions.setInterOpNumThreads(options.interOpThreads());
            }
            ortOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(OnnxWriter.toBytes(graph), ortOptions);
            return new OrtModelSession(env, session, graph);
        } catch (OrtException e) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "ONNX Runtime cannot run the model: " + e.getMessage());
        }
    }
}
