package dev.hprune.compat.backend;

import dev.hprune.compat.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes model graphs. halcon-compat decides what to run (which graph, which values are logits, which weights train);
 * a backend decides how. Implementations register with {@link java.util.ServiceLoader} and are found by
 * {@link Backends}.
 */
public interface Backend {
    /** A short name such as {@code tensorflow}. */
    String name();

    /** Whether this machine offers the runtime ({@code "cpu"} or {@code "gpu"}). */
    boolean supportsRuntime(String runtime);

    /**
     * The devices this backend offers on this machine, in the order query_available_dl_devices lists them. By default a
     * CPU and, where {@link #supportsRuntime} says so, GPU 0, both trainable.
     */
    default List<Device> devices() {
        List<Device> devices = new ArrayList<>();
        devices.add(Device.full(name(), "cpu", 0, name() + " CPU"));
        if (supportsRuntime("gpu")) {
            devices.add(Device.full(name(), "gpu", 0, name() + " GPU 0"));
        }
        return devices;
    }

    /** Whether any device of this backend trains; backends that do are listed first (see {@link Backends#all()}). */
    default boolean trains() {
        return true;
    }

    /**
     * Prepares {@code graph} for execution. The graph's inputs may have unknown dimensions (the batch size); every value
     * is addressed by its ONNX name and exchanged in ONNX's layout (NCHW for images), whatever the backend uses inside.
     *
     * @throws dev.hprune.compat.error.HalconError 7779 when the graph cannot be built, naming the node
     */
    ModelSession open(Graph graph, SessionOptions options);

    /**
     * Prepares {@code graph} for {@code device}, one of {@link #devices()}. By default the device's type and id become
     * the options' runtime and device index.
     */
    default ModelSession open(Graph graph, Device device, SessionOptions options) {
        return open(graph, new SessionOptions(device.type(), device.id(), options.intraOpThreads(),
                options.interOpThreads(), options.batchSize()));
    }
}
