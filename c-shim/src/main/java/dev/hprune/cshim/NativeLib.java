package dev.hprune.cshim;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libhprune_c's functions that the Java side calls (JNA direct mapping: one native call each, no reflection), and the
 * two callback types it registers. See {@code hprune_bridge.h}.
 */
final class NativeLib {
    private NativeLib() {}

    /** {@code hprune_dispatch_fn}: runs one operator; returns H_MSG_TRUE or HALCON's error number. */
    interface Dispatch extends Callback {
        int invoke(int op, Pointer objIn, Pointer objOut, Pointer ctrlIn, Pointer ctrlOut, Pointer err, int errSize);
    }

    /** {@code hprune_ref_fn}: a tuple element took ({@code +1}) or dropped ({@code -1}) a handle reference. */
    interface Ref extends Callback {
        void invoke(long handleId, int delta);
    }

    private static volatile boolean bound;

    static synchronized void bind(String libraryPath) {
        if (!bound) {
            Native.register(NativeLib.class, NativeLibrary.getInstance(libraryPath));
            bound = true;
        }
    }

    static native int hprune_register(Dispatch dispatch, Ref ref);

    static native int hprune_op_count();

    static native Pointer hprune_op_name(int op);

    static native int hprune_op_arity(int op, int which);

    static native Pointer hprune_tuple_new(long length);

    static native int hprune_tuple_set_handle_taken(Pointer tuple, long handleId, long index);

    static native int set_i(Pointer tuple, long value, long index);

    static native int set_d(Pointer tuple, double value, long index);

    /** {@code value} is NUL-terminated UTF-8. */
    static native int set_s(Pointer tuple, byte[] value, long index);

    static native long length_tuple(Pointer tuple);

    static native int get_type(Pointer tuple, long index);

    static native long get_i(Pointer tuple, long index);

    static native double get_d(Pointer tuple, long index);

    static native Pointer get_s(Pointer tuple, long index);

    static native long get_h(Pointer tuple, long index);

    static native int destroy_tuple(Pointer tuple);
}
