package dev.hprune.compat.backend;

/**
 * One device a backend executes on, as HALCON's query_available_dl_devices lists it: one entry per device and per engine,
 * so a CPU usable by TensorFlow and by ONNX Runtime is two devices.
 *
 * @param backend the {@link Backend#name()} that runs on it
 * @param type {@code "cpu"} or {@code "gpu"}
 * @param id the index among the backend's devices of this type (0 for the first GPU)
 * @param name a readable name such as {@code "TensorFlow CPU"}
 * @param acceleratorInterface HALCON's 'ai_accelerator_interface': {@code "none"} for a device the backend trains on,
 *     else the inference engine behind it (HALCON 26.11's AI² interfaces, e.g. {@code "onnxruntime"})
 * @param executionProvider for an AI² device the engine's execution provider ({@code "CPU"}), else {@code "none"}
 * @param inferenceOnly whether the device runs inference only (no training step, no Taylor scores)
 */
public record Device(String backend, String type, int id, String name, String acceleratorInterface,
        String executionProvider, boolean inferenceOnly) {

    /** HALCON's value of 'ai_accelerator_interface' for the library's own devices. */
    public static final String NO_INTERFACE = "none";

    /** A device the backend trains and infers on, with no accelerator interface. */
    public static Device full(String backend, String type, int id, String name) {
        return new Device(backend, type, id, name, NO_INTERFACE, NO_INTERFACE, false);
    }
}
