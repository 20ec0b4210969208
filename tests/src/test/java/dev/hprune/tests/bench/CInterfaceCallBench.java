package dev.hprune.tests.bench;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.handle.Handle;
import dev.hprune.cshim.NativeBridge;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.SmallCnn;
import java.nio.file.Path;

/**
 * Per-call cost of get_dl_pruning_param through the C interface next to the Java API, measured in one run: the Java
 * call {@code HOperatorSet.GetDlPruningParam}; the C call {@code T_get_dl_pruning_param} plus {@code destroy_tuple} of
 * its output, entered from Java through JNA (C -> JNA callback -> the same Java operator); and a JNA down-call to a
 * trivial C function, the part of the C row a C caller does not pay. Not a test: {@code bench/run.sh cshim}.
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

    public static void main(String[] args) {
        Path lib = Path.of(System.getProperty("hprune.cshim.lib", "c-shim/target/libhprune_c.so")).toAbsolutePath();
        int calls = Integer.getInteger("bench.calls", 200_000);
        NativeBridge.start(lib.toString());
        Native.register(Lib.class, NativeLibrary.getInstance(lib.toString()));

        Handle model = DlModelOperators.register(DlModel.of(SmallCnn.build(28, 1, 16, 32, 10, 42)));
        HTuple pruning = new HTuple();
        HOperatorSet.CreateDlPruning(new HTuple(new HHandle(model.id())), new HTuple("oracle"),
                new HTuple(new HDict()), pruning);
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
