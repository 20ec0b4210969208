package dev.hprune.tf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.logging.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * What the TensorFlow native library runs with in this process: oneDNN, per-session thread pools and GPUs.
 *
 * <p>oneDNN: TensorFlow 2.9 and later (we ship 2.18) turn oneDNN on by default on x86-64 Linux; only
 * {@code TF_ENABLE_ONEDNN_OPTS=0} switches it off (measured with a plain {@code java -cp} program scoring MobileNetV2 at
 * batch 16: unset 42.4 img/s, {@code =1} 42.5, {@code =0} 18.9). On other architectures it is off unless the variable
 * says 1. The library reads the variable when it loads, so what we report is what it runs with.
 *
 * <p>{@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} gives each session its own intra-op thread pool of the size its
 * configuration asks for. Without it TensorFlow keeps one intra-op pool for the whole process, sized by the first
 * session ever opened, and ignores the size every later session asks for (measured: a ResNet-18 opened after an MNIST
 * CNN ran on the MNIST session's one thread, 26 against 43 images/s). A program that embeds hprune will not export it,
 * so {@link #prepare()} sets it in the process environment with libc's {@code setenv} (through JNA; Java has no setenv
 * of its own) before the first session reads it, where the user set no value. TensorFlow reads it with
 * {@code getenv} when a session is created, so setting it before the first session is enough.
 */
final class NativeEnvironment {
    private static final Logger LOG = Logger.getLogger(NativeEnvironment.class.getName());
    static final String ONEDNN_VARIABLE = "TF_ENABLE_ONEDNN_OPTS";
    static final String SESSION_POOLS_VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

    private NativeEnvironment() {}

    private static volatile Boolean gpu;
    private static volatile boolean prepared;
    /** What {@link #prepare()} set natively: the process's value now, which {@link System#getenv} does not see. */
    private static volatile String sessionPoolsSet;

    /** The C library's setenv (POSIX): returns 0 on success. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Sets {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} natively where the user left it unset, and logs once what TensorFlow
     * runs with. Called before any TensorFlow session exists (by {@link TfBackend} and {@link TfModelSession}).
     */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getenv(SESSION_POOLS_VARIABLE) == null) {
            try {
                CLibrary c = Native.load("c", CLibrary.class);
                if (c.setenv(SESSION_POOLS_VARIABLE, "1", 0) == 0) {
                    sessionPoolsSet = "1";
                    LOG.info(() -> "set " + SESSION_POOLS_VARIABLE + "=1 in this process (it was unset) so that each "
                            + "TensorFlow session gets a thread pool of its own size");
                }
            } catch (LinkageError | RuntimeException e) {
                LOG.info(() -> "could not set " + SESSION_POOLS_VARIABLE + " (" + e + "): sessions share one intra-op "
                        + "thread pool; export " + SESSION_POOLS_VARIABLE + "=1 before starting Java");
            }
        } else if (!isTrue(System.getenv(SESSION_POOLS_VARIABLE))) {
            LOG.info(() -> SESSION_POOLS_VARIABLE + "=" + System.getenv(SESSION_POOLS_VARIABLE) + " (set by the user): "
                    + "sessions share one intra-op thread pool sized by the first session");
        }
        if (!oneDnnEnabled()) {
            LOG.info(() -> "oneDNN is off (" + ONEDNN_VARIABLE + "=" + System.getenv(ONEDNN_VARIABLE) + ", "
                    + System.getProperty("os.arch") + "): TensorFlow's CPU kernels run at about half speed");
        }
    }

    /** Whether oneDNN is on, judged as TensorFlow 2.18 judges it when its library loads (see the class comment). */
    static boolean oneDnnEnabled() {
        return oneDnnEnabled(System.getenv(ONEDNN_VARIABLE), System.getProperty("os.arch"));
    }

    static boolean oneDnnEnabled(String value, String arch) {
        if (value != null && (value.equals("0") || value.equalsIgnoreCase("false"))) {
            return false;
        }
        if (isTrue(value)) {
            return true;
        }
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** Whether every session gets an intra-op thread pool of its own size (see the class comment). */
    static boolean sessionThreadPools() {
        String value = sessionPoolsSet != null ? sessionPoolsSet : System.getenv(SESSION_POOLS_VARIABLE);
        return isTrue(value);
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
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
