package dev.hprune.compat.backend;

import dev.hprune.compat.graph.Graph;

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
     * Prepares {@code graph} for execution. The graph's inputs may have unknown dimensions (the batch size); every value
     * is addressed by its ONNX name and exchanged in ONNX's layout (NCHW for images), whatever the backend uses inside.
     *
     * @throws dev.hprune.compat.error.HalconError 7779 when the graph cannot be built, naming the node
     */
    ModelSession open(Graph graph, SessionOptions options);
}
