package dev.hprune.tests.bench;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.cshim.NativeBridge;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.TestMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Per-call cost of get_dl_pruning_param through the C interface next to the Java API, measured in one run on the PP-OCR
 * classifier: the Java call {@code HOperatorSet.GetDlPruningParam}; the C call {@code T_get_dl_pruning_param} plus
 * {@code destroy_tuple} of its output, entered from Java through JNA (C -> JNA callback -> the same Java operator); a JNA
 * down-call to a trivial C function, the part of the C row a C caller does not pay; and, each in its own process whose
 * JVM the library starts, the C++ interface (c-shim's call_bench_cpp: global function, HDlPrune member, plain C) and the
 * Python package hprune (list and _s forms). Not a test: {@code bench/run.sh cshim}.
 */
public final class CInterfaceCallBench {
    private CInterfaceCallBench() {}

    /** libhprune_c's functions the benchmark calls (JNA direct mapping: the cheapest down-call JNA offers). */
    static final class Lib {
        static native int create_tuple_s(PointerByReference t, String value);
        static native int create_tuple_h(PointerByReference t, long handle);
        static native int destroy_tuple(Pointer t);
        static native long length_tuple(Pointer t);
        static native int T_get_dl_pruning_param(Pointer pruning, Pointer name, PointerByReference value);
    }

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(System.getProperty("hprune.cshim.lib", "c-shim/target/libhprune_c.so")).toAbsolutePath();
        int calls = Integer.getInteger("bench.calls", 200_000);
        Path ppocr = TestMaterial.ppocrClassifier();
        if (!Files.exists(ppocr)) {
            throw new IllegalStateException("PP-OCR model not fetched (scripts/fetch-test-material.sh): " + ppocr);
        }
        NativeBridge.start(lib.toString());
        Native.register(Lib.class, NativeLibrary.getInstance(lib.toString()));

        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(ppocr.toString()), model);
        HOperatorSet.SetDlModelParam(model, new HTuple("image_width"), new HTuple(192));
        HOperatorSet.SetDlModelParam(model, new HTuple("image_height"), new HTuple(48));
        HTuple pruning = new HTuple();
        HOperatorSet.CreateDlPruning(model, new HTuple("oracle"), new HTuple(new HDict()), pruning);
        HTuple name = new HTuple("prunable_kernel_num");

        PointerByReference ref = new PointerByReference();
        Lib.create_tuple_h(ref, pruning.getH().getHandleId());
        Pointer cPruning = ref.getValue();
        Lib.create_tuple_s(ref, "prunable_kernel_num");
        Pointer cName = ref.getValue();

        System.out.printf("# get_dl_pruning_param('prunable_kernel_num'), %d calls per row, %d cores%n%n", calls,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| call | ns per call |");
        System.out.println("|---|---|");
        for (int round = 0; round < 3; round++) { // round 0 warms up; the last two are printed
            long java = time(calls, () -> {
                HTuple out = new HTuple();
                HOperatorSet.GetDlPruningParam(pruning, name, out);
                return out.getL();
            });
            long c = time(calls, () -> {
                PointerByReference out = new PointerByReference();
                if (Lib.T_get_dl_pruning_param(cPruning, cName, out) != 2) {
                    throw new IllegalStateException("T_get_dl_pruning_param failed");
                }
                Pointer value = out.getValue();
                long length = Lib.length_tuple(value);
                Lib.destroy_tuple(value);
                return length;
            });
            long downCall = time(calls, () -> Lib.length_tuple(cName));
            if (round > 0) {
                System.out.printf("| Java HOperatorSet.GetDlPruningParam | %d |%n", java);
                System.out.printf("| C T_get_dl_pruning_param + destroy_tuple, called via JNA | %d |%n", c);
                System.out.printf("| of which JNA down-calls (3 x length_tuple), not paid by a C caller | %d |%n",
                        3 * downCall);
            }
        }
        Lib.destroy_tuple(cPruning);
        Lib.destroy_tuple(cName);
        otherLanguages(lib, ppocr, calls);
    }

    /** The C++ and Python rows: separate processes, so fewer calls (their JVM starts cold, the warm-up is as long). */
    private static void otherLanguages(Path lib, Path model, int calls) throws Exception {
        String perProcess = Integer.toString(Math.max(1_000, calls / 4));
        Path dir = lib.getParent();
        Path cpp = dir.resolve("call_bench_cpp");
        if (Files.isExecutable(cpp)) {
            Map<String, String> labels = Map.of("cpp_global", "C++ GetDlPruningParam(handle, name, &value), HTuple arguments",
                    "cpp_member", "C++ HDlPrune::GetDlPruningParam(name)",
                    "c", "C T_get_dl_pruning_param + destroy_tuple, from a C++ program");
            rows(labels, lib, cpp.toString(), model.toString(), perProcess);
        } else {
            System.out.println("| C++ | not built: g++ missing |");
        }
        Path python = Path.of("/usr/bin/python3");
        Path loop = dir.resolve("../src/test/python/call_loop.py").normalize();
        if (Files.isExecutable(python)) {
            Map<String, String> labels = Map.of("python_list", "Python hprune.get_dl_pruning_param(handle, name)",
                    "python_s", "Python hprune.get_dl_pruning_param_s(handle, name)");
            rows(labels, lib, python.toString(), loop.toString(), model.toString(), perProcess, "time");
        } else {
            System.out.println("| Python | not measured: no /usr/bin/python3 |");
        }
    }

    private static void rows(Map<String, String> labels, Path lib, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HPRUNE_LIB", lib.toString());
        builder.environment().put("HPRUNE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("PYTHONPATH", lib.getParent().resolve("../../python").normalize().toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
        for (String line : out.lines().toList()) {
            String[] words = line.split(" ");
            System.out.printf("| %s | %s |%n", labels.getOrDefault(words[0], words[0]), words[1]);
        }
    }

    private interface Call {
        long run();
    }

    private static long sink;

    private static long time(int calls, Call call) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.run();
        }
        return (System.nanoTime() - start) / calls;
    }
}
