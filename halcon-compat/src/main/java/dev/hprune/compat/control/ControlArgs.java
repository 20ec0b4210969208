package dev.hprune.compat.control;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleState;
import dev.hprune.compat.handle.HandleType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads control parameters given as plain Java values (a tuple is a {@code List<Object>} of {@link Long}, {@link Double},
 * {@link String} and {@link Handle}) and raises HALCON's errors for the parameter's position:
 * 1400+N wrong number of values, 1200+N wrong type, 2453/2450/2454/2404 for handles.
 *
 * <p>Conversion rules: an integer is accepted where a real is expected; a real is not accepted where an integer is
 * expected; a string is never accepted where a number is expected, nor a number where a string is expected.
 */
public final class ControlArgs {
    private ControlArgs() {}

    /** The single value of a one-element tuple. */
    public static Object single(List<Object> tuple, int position) {
        if (tuple == null || tuple.size() != 1) {
            throw HalconError.of(ErrorCodes.wrongCount(position),
                    "expected 1 value, got " + (tuple == null ? "none" : tuple.size()));
        }
        return tuple.get(0);
    }

    public static String string(List<Object> tuple, int position) {
        Object value = single(tuple, position);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(position, "a string", value);
    }

    public static long integer(List<Object> tuple, int position) {
        Object value = single(tuple, position);
        if (value instanceof Long l) {
            return l;
        }
        throw wrongType(position, "an integer", value);
    }

    /** A number as double; integers are converted. */
    public static double real(List<Object> tuple, int position) {
        return toReal(single(tuple, position), position);
    }

    /** A dict key: a string or an integer. */
    public static Object key(List<Object> tuple, int position) {
        Object value = single(tuple, position);
        checkKey(value, position);
        return value;
    }

    /** Any number of dict keys (strings or integers). */
    public static List<Object> keys(List<Object> tuple, int position) {
        List<Object> keys = new ArrayList<>(nonNull(tuple, position));
        for (Object key : keys) {
            checkKey(key, position);
        }
        return keys;
    }

    /** One or more strings. */
    public static List<String> strings(List<Object> tuple, int position) {
        List<Object> values = nonNull(tuple, position);
        if (values.isEmpty()) {
            throw HalconError.of(ErrorCodes.wrongCount(position), "expected at least 1 value");
        }
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String s)) {
                throw wrongType(position, "strings", value);
            }
            strings.add(s);
        }
        return strings;
    }

    /** The handle value itself, without checking its state (for operators that accept any handle). */
    public static Handle anyHandle(List<Object> tuple, int position) {
        Object value = single(tuple, position);
        if (value instanceof Handle h) {
            return h;
        }
        throw wrongType(position, "a handle", value);
    }

    /** The payload of a live handle of {@code type}; see {@link HandleState#check}. */
    public static <T> T handle(List<Object> tuple, int position, HandleType type, Class<T> payloadClass) {
        return HandleState.check(anyHandle(tuple, position), type, payloadClass);
    }

    /** One handle per element, each live and of {@code type} (e.g. a batch of DLSample dicts). */
    public static <T> List<T> handles(List<Object> tuple, int position, HandleType type, Class<T> payloadClass) {
        List<Object> values = nonNull(tuple, position);
        List<T> payloads = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof Handle h)) {
                throw wrongType(position, "handles", value);
            }
            payloads.add(HandleState.check(h, type, payloadClass));
        }
        return payloads;
    }

    /** A number as double; integers are converted, anything else is 1200+N. */
    public static double toReal(Object value, int position) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        throw wrongType(position, "a number", value);
    }

    public static HalconError wrongType(int position, String expected, Object got) {
        return HalconError.of(ErrorCodes.wrongType(position), "expected " + expected + ", got " + describe(got));
    }

    public static HalconError wrongValue(int position, String detail) {
        return HalconError.of(ErrorCodes.wrongValue(position), detail);
    }

    /** A value as HALCON prints it in messages: strings quoted, handles by type. */
    public static String describe(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Double || value instanceof Long) {
            return (value instanceof Double ? "real " : "integer ") + value;
        }
        return String.valueOf(value);
    }

    private static void checkKey(Object key, int position) {
        if (!(key instanceof String) && !(key instanceof Long)) {
            throw wrongType(position, "a string or integer key", key);
        }
    }

    private static List<Object> nonNull(List<Object> tuple, int position) {
        if (tuple == null) {
            throw HalconError.of(ErrorCodes.wrongCount(position), "no tuple given");
        }
        return tuple;
    }
}
