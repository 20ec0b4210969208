package dev.hprune.cshim;

import com.sun.jna.Pointer;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HTuple;
import java.nio.charset.StandardCharsets;

/** Converts between C tuples ({@code Htuple}) and {@link HTuple}: same elements, same types. */
final class CTuples {
    static final int UNDEF_PAR = 0;
    static final int LONG_PAR = 1;
    static final int DOUBLE_PAR = 2;
    static final int STRING_PAR = 4;
    static final int HANDLE_PAR = 16;

    private CTuples() {}

    /** The C tuple as an HTuple; an element never set (UNDEF_PAR) is a wrong type of control parameter {@code position}. */
    static HTuple read(Pointer tuple, String operator, int position) {
        long length = NativeLib.length_tuple(tuple);
        HTuple result = new HTuple();
        for (long i = 0; i < length; i++) {
            switch (NativeLib.get_type(tuple, i)) {
                case LONG_PAR -> result.append(NativeLib.get_i(tuple, i));
                case DOUBLE_PAR -> result.append(NativeLib.get_d(tuple, i));
                case STRING_PAR -> result.append(NativeLib.get_s(tuple, i).getString(0, StandardCharsets.UTF_8.name()));
                case HANDLE_PAR -> result.append(new HHandle(NativeLib.get_h(tuple, i)));
                default -> throw Errors.of(1200 + position, operator,
                        "element " + i + " of control parameter " + position + " was never set (UNDEF_PAR)");
            }
        }
        return result;
    }

    /** A new C tuple holding {@code tuple}'s elements; each handle element takes a reference in {@code references}. */
    static Pointer write(HTuple tuple, HandleReferences references) {
        Pointer out = NativeLib.hprune_tuple_new(tuple.length());
        if (out == null) {
            throw new OutOfMemoryError("hprune_tuple_new(" + tuple.length() + ")");
        }
        try {
            for (int i = 0; i < tuple.length(); i++) {
                Object element = tuple.getO(i);
                int rc;
                if (element instanceof Long l) {
                    rc = NativeLib.set_i(out, l, i);
                } else if (element instanceof Double d) {
                    rc = NativeLib.set_d(out, d, i);
                } else if (element instanceof String s) {
                    rc = NativeLib.set_s(out, cString(s), i);
                } else {
                    HHandle handle = (HHandle) element;
                    references.take(handle);
                    rc = NativeLib.hprune_tuple_set_handle_taken(out, handle.getHandleId(), i);
                }
                if (rc != 2) {
                    throw new HOperatorException(rc, "", "cannot fill a C tuple", "element " + i, null);
                }
            }
            return out;
        } catch (RuntimeException | Error e) {
            NativeLib.destroy_tuple(out); // drops the handle references taken so far
            throw e;
        }
    }

    static byte[] cString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, terminated, 0, utf8.length);
        return terminated;
    }
}
