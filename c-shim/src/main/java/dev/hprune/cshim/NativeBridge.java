package dev.hprune.cshim;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of libhprune_c: registers the dispatch and handle-reference callbacks, and runs every {@code T_}
 * operator by calling the Java operator of the same name ({@link JavaOperator}).
 *
 * <p>libhprune_c calls {@link #start} through JNI the first time an operator runs, in the JVM it found or created; a Java
 * program may call it first itself. No exception leaves a callback: a {@link HalconException} becomes its error number
 * and text, anything else 7779 (internal error) with the exception as text.
 */
public final class NativeBridge {
    private static final int H_MSG_TRUE = 2;
    private static final int DL_INTERNAL = 7779;

    private static volatile NativeBridge instance;

    private final JavaOperator[] operators;
    private final ObjectRegistry objects = new ObjectRegistry();
    private final HandleReferences handles = new HandleReferences();
    // Held in fields: JNA callbacks must stay reachable while C may call them.
    private final NativeLib.Dispatch dispatch = this::dispatch;
    private final NativeLib.Ref ref = this::ref;

    private NativeBridge(JavaOperator[] operators) {
        this.operators = operators;
    }

    /** Binds libhprune_c at {@code libraryPath} and registers the callbacks; later calls do nothing. */
    public static synchronized void start(String libraryPath) {
        if (instance != null) {
            return;
        }
        NativeLib.bind(libraryPath);
        NativeBridge bridge = new NativeBridge(operatorTable());
        // C threads stay attached to the JVM between calls (JNA detaches them when they exit).
        CallbackThreadInitializer keepAttached = new CallbackThreadInitializer(true, false, "hprune-c-caller");
        Native.setCallbackThreadInitializer(bridge.dispatch, keepAttached);
        Native.setCallbackThreadInitializer(bridge.ref, keepAttached);
        NativeLib.hprune_register(bridge.dispatch, bridge.ref);
        instance = bridge;
    }

    /** Maps the C library's operator table to the Java operators by name, checking that the parameter counts agree. */
    private static JavaOperator[] operatorTable() {
        int count = NativeLib.hprune_op_count();
        JavaOperator[] table = new JavaOperator[count];
        List<String> problems = new ArrayList<>();
        for (int op = 0; op < count; op++) {
            String name = NativeLib.hprune_op_name(op).getString(0, StandardCharsets.UTF_8.name());
            JavaOperator operator = JavaOperator.BY_NAME.get(name);
            if (operator == null) {
                problems.add(name + " has no Java operator");
                continue;
            }
            for (int which = 0; which < 4; which++) {
                if (NativeLib.hprune_op_arity(op, which) != operator.arity(which)) {
                    problems.add(name + ": parameter counts differ between C and Java");
                }
            }
            table[op] = operator;
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("libhprune_c and dev.hprune.cshim do not match: " + problems);
        }
        return table;
    }

    static NativeBridge instance() {
        return instance;
    }

    /** Objects C holds (not yet cleared with clear_obj). */
    int liveObjects() {
        return objects.size();
    }

    /** Distinct handles C tuples hold. */
    int referencedHandles() {
        return handles.size();
    }

    long references(long handleId) {
        return handles.count(handleId);
    }

    HObject object(long id) {
        return objects.get(id);
    }

    private void ref(long handleId, int delta) {
        try {
            handles.change(handleId, delta);
        } catch (Throwable t) {
            // Nothing can be reported from destroy_tuple; a failed count only keeps a handle alive longer.
        }
    }

    int dispatch(int op, Pointer objIn, Pointer objOut, Pointer ctrlIn, Pointer ctrlOut, Pointer err,
            int errSize) {
        JavaOperator operator = op >= 0 && op < operators.length ? operators[op] : null;
        try {
            if (operator == null) {
                throw new IllegalArgumentException("unknown operator number " + op);
            }
            HObject[] oi = new HObject[operator.objIn()];
            for (int i = 0; i < oi.length; i++) {
                long id = objIn.getLong(8L * i);
                oi[i] = objects.get(id);
                if (operator.name().equals("clear_obj")) {
                    objects.remove(id);
                }
            }
            HObject[] oo = new HObject[operator.objOut()];
            for (int i = 0; i < oo.length; i++) {
                oo[i] = objOut.getPointer(8L * i) == null ? null : new HObject();
            }
            HTuple[] ci = new HTuple[operator.ctrlIn()];
            for (int i = 0; i < ci.length; i++) {
                Pointer tuple = ctrlIn.getPointer(8L * i);
                ci[i] = tuple == null ? null : CTuples.read(tuple, operator.name(), i + 1);
            }
            HTuple[] co = new HTuple[operator.ctrlOut()];
            for (int i = 0; i < co.length; i++) {
                co[i] = ctrlOut.getPointer(8L * i) == null ? null : new HTuple();
            }
            operator.body().run(oi, oo, ci, co);
            writeOutputs(oo, objOut, co, ctrlOut);
            return H_MSG_TRUE;
        } catch (HalconException e) {
            writeError(err, errSize, e.getMessage());
            return e.getErrorCode();
        } catch (Throwable t) {
            String name = operator == null ? "?" : operator.name();
            writeError(err, errSize, "HALCON error #" + DL_INTERNAL + ": internal error in operator " + name + " ("
                    + t + ")");
            return DL_INTERNAL;
        }
    }

    /** All outputs or none: what was written is undone if a later output cannot be. */
    private void writeOutputs(HObject[] oo, Pointer objOut, HTuple[] co, Pointer ctrlOut) {
        List<Long> registered = new ArrayList<>();
        List<Pointer> created = new ArrayList<>();
        try {
            for (HTuple tuple : co) {
                created.add(tuple == null ? null : CTuples.write(tuple, handles));
            }
            for (HObject object : oo) {
                registered.add(object == null ? null : objects.register(object));
            }
        } catch (RuntimeException | Error e) {
            created.forEach(t -> NativeLib.destroy_tuple(t));
            registered.forEach(id -> {
                if (id != null) {
                    objects.remove(id);
                }
            });
            throw e;
        }
        for (int i = 0; i < co.length; i++) {
            if (created.get(i) != null) {
                ctrlOut.getPointer(8L * i).setPointer(0, created.get(i));
            }
        }
        for (int i = 0; i < oo.length; i++) {
            if (registered.get(i) != null) {
                objOut.getPointer(8L * i).setLong(0, registered.get(i));
            }
        }
    }

    private static void writeError(Pointer err, int errSize, String text) {
        if (err == null || errSize <= 0) {
            return;
        }
        byte[] utf8 = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        int n = Math.min(utf8.length, errSize - 1);
        while (n > 0 && n < utf8.length && (utf8[n] & 0xC0) == 0x80) {
            n--; // do not cut a character in half
        }
        err.write(0, utf8, 0, n);
        err.setByte(n, (byte) 0);
    }
}
