package dev.hprune.compat.backend;

/**
 * How a backend runs a graph.
 *
 * @param runtime {@code "cpu"} or {@code "gpu"}
 * @param device the device index for the runtime (0 for the first GPU)
 * @param intraOpThreads threads inside one operator; 0 for the backend's default (the machine's cores)
 * @param interOpThreads operators run at once; 0 for the backend's default
 */
public record SessionOptions(String runtime, int device, int intraOpThreads, int interOpThreads) {
    public static SessionOptions cpu() {
        return new SessionOptions("cpu", 0, 0, 0);
    }
}
