package dev.hprune.tf;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/** The TensorFlow Java backend, found through {@link java.util.ServiceLoader}. */
public final class TfBackend implements Backend {
    static {
        // before TensorFlow's library loads or opens a session (it reads these variables then)
        NativeEnvironment.prepare();
    }

    @Override
    public String name() {
        return "tensorflow";
    }

    @Override
    public boolean supportsRuntime(String runtime) {
        return switch (runtime) {
            case "cpu" -> true;
            case "gpu" -> NativeEnvironment.hasGpu();
            default -> false;
        };
    }

    /** The CPU, and GPU 0 where TensorFlow can place an operation on one (it trains on both). */
    @Override
    public List<Device> devices() {
        List<Device> devices = new ArrayList<>();
        devices.add(Device.full(name(), "cpu", 0, "TensorFlow CPU"));
        if (NativeEnvironment.hasGpu()) {
            devices.add(Device.full(name(), "gpu", 0, "TensorFlow GPU 0"));
        }
        return devices;
    }

    /**
     * @throws HalconError 7779 when the graph cannot be built (naming the node), or when the runtime is "gpu" and
     *     TensorFlow sees no GPU (it never falls back to the CPU silently); 7912 for an unsupported operator
     */
    @Override
    public ModelSession open(Graph graph, SessionOptions options) {
        int gpu = switch (options.runtime()) {
            case "cpu" -> -1;
            case "gpu" -> {
                if (!NativeEnvironment.hasGpu()) {
                    throw HalconError.of(ErrorCodes.DL_INTERNAL, "runtime 'gpu' requested, but TensorFlow sees no GPU "
                            + "on this machine (a CUDA driver and the linux-x86_64-gpu native library are needed)");
                }
                yield options.device();
            }
            default -> throw HalconError.of(ErrorCodes.DL_INTERNAL, "unknown runtime '" + options.runtime() + "'");
        };
        return new TfModelSession(graph, options, gpu);
    }
}
