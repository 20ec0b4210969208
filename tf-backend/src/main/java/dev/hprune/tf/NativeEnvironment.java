package dev.hprune.tf;

import java.util.logging.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * What the TensorFlow native library offers in this process: oneDNN and GPUs.
 *
 * <p>oneDNN is switched on only by {@code TF_ENABLE_ONEDNN_OPTS=1} in the process environment before the native
 * library loads. Java cannot change its own environment, and neither TensorFlow Java nor JavaCPP offers a setenv, so
 * launchers (the {@code hprune} script, Surefire's {@code environmentVariables}) must export it; we log once when it is
 * off.
 *
 * <p>Likewise {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} gives each session its own intra-op thread pool of the size its
 * configuration asks for. Without it TensorFlow keeps one intra-op pool for the whole process, sized by the first
 * session ever opened, and ignores the size every later session asks for (measured: a ResNet-18 opened after an MNIST
 * CNN ran on the MNIST session's one thread, 26 against 43 images/s).
 */
final class NativeEnvironment {
    private static final Logger LOG = Logger.getLogger(NativeEnvironment.class.getName());
    static final String ONEDNN_VARIABLE = "TF_ENABLE_ONEDNN_OPTS";
    static final String SESSION_POOLS_VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

    private NativeEnvironment() {}

    private static volatile Boolean gpu;
    private static volatile boolean reported;

    /** Whether oneDNN is on, judged from the environment the native library reads. */
    static boolean oneDnnEnabled() {
        return isSet(ONEDNN_VARIABLE);
    }

    /** Whether every session gets an intra-op thread pool of its own size (see the class comment). */
    static boolean sessionThreadPools() {
        return isSet(SESSION_POOLS_VARIABLE);
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** Logs once per process what the environment leaves off. */
    static void report() {
        if (!reported) {
            reported = true;
            if (!oneDnnEnabled()) {
                LOG.info(() -> "oneDNN is off: export " + ONEDNN_VARIABLE + "=1 before starting Java for about twice "
                        + "the CPU speed (it cannot be switched on from inside the JVM)");
            }
            if (!sessionThreadPools()) {
                LOG.info(() -> "sessions share one intra-op thread pool: export " + SESSION_POOLS_VARIABLE + "=1 "
                        + "before starting Java so that small models run on one thread and large ones on all cores");
            }
        }
    }

    /**
     * Whether TensorFlow can run an operation on {@code /device:GPU:0}: an addition pinned there, without soft
     * placement, fails to run on a machine (or a native build) without a usable GPU.
     */
    static boolean hasGpu() {
        Boolean known = gpu;
        if (known == null) {
            known = probeGpu();
            gpu = known;
        }
        return known;
    }

    private static synchronized boolean probeGpu() {
        try (Graph g = new Graph()) {
            TfGraphWriter w = new TfGraphWriter(g, 0);
            var input = w.placeholder(org.tensorflow.proto.DataType.DT_FLOAT, org.tensorflow.ndarray.Shape.scalar());
            var probe = w.binary("AddV2", input, input);
            try (Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build());
                    TFloat32 one = TFloat32.scalarOf(1f)) {
                s.runner().feed(input, one).fetch(probe).run().close();
                return true;
            }
        } catch (RuntimeException e) {
            return false;
        }
    }
}
