package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * A C caller's bookkeeping for a test: builds input tuples, takes ownership of outputs, and at the end destroys every
 * tuple and clears every object it saw, as a correct C program does.
 */
final class CSide implements AutoCloseable {
    static final int H_MSG_TRUE = 2;

    /** A handle element, by number. */
    record H(long id) {}

    private final List<Pointer> tuples = new ArrayList<>();
    private final List<Pointer> objects = new ArrayList<>();

    /** A new C tuple of Long/Integer, Double, String and {@link H} values. */
    Pointer tuple(Object... values) {
        PointerByReference ref = new PointerByReference();
        assertThat(C.create_tuple(ref, values.length)).isEqualTo(H_MSG_TRUE);
        Pointer t = own(ref.getValue());
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int rc;
            if (v instanceof Integer || v instanceof Long) {
                rc = C.set_i(t, ((Number) v).longValue(), i);
            } else if (v instanceof Double d) {
                rc = C.set_d(t, d, i);
            } else if (v instanceof String s) {
                rc = C.set_s(t, s, i);
            } else if (v instanceof H h) {
                rc = C.set_h(t, h.id(), i);
            } else {
                throw new IllegalArgumentException(String.valueOf(v));
            }
            assertThat(rc).isEqualTo(H_MSG_TRUE);
        }
        return t;
    }

    Pointer own(Pointer tuple) {
        if (tuple != null && !tuples.contains(tuple)) {
            tuples.add(tuple);
        }
        return tuple;
    }

    Pointer ownObject(Pointer object) {
        if (object != null && !objects.contains(object)) {
            objects.add(object);
        }
        return object;
    }

    /** The tuple behind an output reference, now owned by this side. */
    Pointer out(PointerByReference ref) {
        return own(ref.getValue());
    }

    Pointer outObject(PointerByReference ref) {
        return ownObject(ref.getValue());
    }

    /** The elements of a C tuple as Long, Double, String and {@link H}. */
    static List<Object> read(Pointer t) {
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < C.length_tuple(t); i++) {
            switch (C.get_type(t, i)) {
                case 1 -> values.add(C.get_i(t, i));
                case 2 -> values.add(C.get_d(t, i));
                case 4 -> values.add(C.get_s(t, i));
                case 16 -> values.add(new H(C.get_h(t, i)));
                default -> values.add("<undefined>");
            }
        }
        return values;
    }

    /** An HTuple's elements in the same form, for comparing C results with the Java API's. */
    static List<Object> javaValues(HTuple tuple) {
        List<Object> values = new ArrayList<>();
        for (Object element : tuple.asList()) {
            values.add(element instanceof HHandle h ? new H(h.getHandleId()) : element);
        }
        return values;
    }

    static long handle(Pointer t) {
        return C.get_h(t, 0);
    }

    @Override
    public void close() {
        for (Pointer object : objects) {
            C.clear_obj(object);
        }
        for (Pointer tuple : tuples) {
            C.destroy_tuple(tuple);
        }
        objects.clear();
        tuples.clear();
    }
}
