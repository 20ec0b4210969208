package dev.hprune.tf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * What the TensorFlow native library runs with in this process: oneDNN, per-session thread pools and GPUs.
 *
 * <p>oneDNN: TensorFlow 2.18 reads {@code TF_ENABLE_ONEDNN_OPTS} once, when its first operation asks; unset, it
 * decides by the CPU (its {@code DefaultOneDnnPolicy}, tensorflow/core/util/port.cc): on Linux, oneDNN is on only for
 * CPUs with AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX (or an Arm Neoverse V1). An AVX2 CPU without those runs
 * TensorFlow's plain kernels at about half the speed (measured on an AMD EPYC build machine with AVX2 and no AVX-512, a plain {@code java -cp}
 * program running MobileNetV2 at batch 16: 23.7 img/s unset against 43.6 with {@code =1}), and grouped convolutions
 * then need splitting ({@link SpatialOps}). So {@link #prepare()} sets {@code TF_ENABLE_ONEDNN_OPTS=1} natively where
 * the user left it unset, as hprune's launchers and tests do, and {@link #oneDnnEnabled()} reports what TensorFlow
 * then runs with.
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
    private static volatile String oneDnnSet;
    private static volatile Boolean cpuDefault;

    /** The C library's setenv (POSIX): returns 0 on success. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Sets {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} and {@code TF_ENABLE_ONEDNN_OPTS=1} natively where the user left them
     * unset, and logs once what TensorFlow runs with. Called before TensorFlow's library loads (by {@link TfBackend}'s
     * class initialisation, and by {@link TfModelSession}).
     */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        sessionPoolsSet = setWhereUnset(SESSION_POOLS_VARIABLE,
                "so that each TensorFlow session gets a thread pool of its own size",
                "sessions share one intra-op thread pool");
        if (System.getenv(SESSION_POOLS_VARIABLE) != null && !isTrue(System.getenv(SESSION_POOLS_VARIABLE))) {
            LOG.info(() -> SESSION_POOLS_VARIABLE + "=" + System.getenv(SESSION_POOLS_VARIABLE) + " (set by the user): "
                    + "sessions share one intra-op thread pool sized by the first session");
        }
        oneDnnSet = setWhereUnset(ONEDNN_VARIABLE, "so that TensorFlow runs its oneDNN kernels on this CPU too"
                + (cpuEnablesOneDnn() ? "" : " (TensorFlow leaves them off by default on a CPU without AVX512_VNNI, "
                        + "AVX512_BF16, AVX_VNNI or AMX, as this one)"), "TensorFlow decides by the CPU");
        if (!oneDnnEnabled()) {
            LOG.info(() -> "oneDNN is off (" + ONEDNN_VARIABLE + "=" + System.getenv(ONEDNN_VARIABLE) + ", "
                    + System.getProperty("os.arch") + "): TensorFlow's CPU kernels run at about half speed");
        }
    }

    /** Sets {@code name=1} natively if the process has no value; returns what was set, else {@code null}. */
    private static String setWhereUnset(String name, String why, String otherwise) {
        if (System.getenv(name) != null) {
            return null;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            if (c.setenv(name, "1", 0) == 0) {
                LOG.info(() -> "set " + name + "=1 in this process (it was unset) " + why);
                return "1";
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.info(() -> "could not set " + name + " (" + e + "): " + otherwise + "; export " + name
                    + "=1 before starting Java");
        }
        return null;
    }

    /** Whether oneDNN is on, judged as TensorFlow 2.18 judges it when it first asks (see the class comment). */
    static boolean oneDnnEnabled() {
        return oneDnnEnabled(oneDnnSet != null ? oneDnnSet : System.getenv(ONEDNN_VARIABLE), cpuEnablesOneDnn());
    }

    /** TensorFlow's rule: a value of 0/false or 1/true decides; unset (or anything else), the CPU does. */
    static boolean oneDnnEnabled(String value, boolean cpuDefault) {
        if (value != null && (value.equals("0") || value.equalsIgnoreCase("false"))) {
            return false;
        }
        if (isTrue(value)) {
            return true;
        }
        return cpuDefault;
    }

    /**
     * TensorFlow's default for this machine (see {@link #cpuEnablesOneDnn(String, String, String)}), read from
     * /proc/cpuinfo once: every forward pass asks (through {@link #oneDnnEnabled()}), and the CPU does not change.
     */
    static boolean cpuEnablesOneDnn() {
        Boolean known = cpuDefault;
        if (known == null) {
            String cpuinfo;
            try {
                cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
            } catch (IOException | RuntimeException e) {
                cpuinfo = "";
            }
            known = cpuEnablesOneDnn(System.getProperty("os.name"), System.getProperty("os.arch"), cpuinfo);
            cpuDefault = known;
        }
        return known;
    }

    /**
     * TensorFlow 2.18's default without the variable: on Windows x86 on; on Linux on for an x86 CPU whose
     * /proc/cpuinfo flags include avx512_vnni, avx512_bf16, avx_vnni or an AMX feature, or an Arm Neoverse V1 (CPU part
     * 0xd40); off elsewhere.
     */
    static boolean cpuEnablesOneDnn(String osName, String arch, String cpuinfo) {
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        if (osName.startsWith("Windows")) {
            return x86;
        }
        if (!osName.equals("Linux")) {
            return false;
        }
        if (x86) {
            for (String line : cpuinfo.split("\n")) {
                if (line.startsWith("flags")) {
                    List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    return flags.contains("avx512_vnni") || flags.contains("avx512_bf16")
                            || flags.contains("avx_vnni") || flags.contains("amx_tile")
                            || flags.contains("amx_int8") || flags.contains("amx_bf16");
                }
            }
            return false;
        }
        return arch.equals("aarch64") && cpuinfo.lines().anyMatch(l -> l.startsWith("CPU part")
                && l.substring(l.indexOf(':') + 1).trim().equalsIgnoreCase("0xd40"));
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
