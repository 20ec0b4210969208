package dev.hprune.compat.backend;

/**
 * How a backend runs a graph.
 *
 * @param runtime {@code "cpu"} or {@code "gpu"}
 * @param device the device index for the runtime (0 for the first GPU)
 * @param intraOpThreads threads inside one operator; 0 for the backend's choice
 * @param interOpThreads operators run at once; 0 for the backend's choice, negative to run every operator on the
 *     calling thread
 * @param batchSize the number of images the caller mostly runs at once (the model's 'batch_size'), so that a backend
 *     can size its threads by the work of one run; 0 when unknown
 */
public record SessionOptions(String runtime, int device, int intraOpThreads, int interOpThreads, int batchSize) {
    public static SessionOptions cpu() {
        return new SessionOptions("cpu", 0, 0, 0, 0);
    }
}
