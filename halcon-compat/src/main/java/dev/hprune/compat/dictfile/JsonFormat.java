package dev.hprune.compat.dictfile;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dicts as JSON (write_dict/read_dict with 'file_type' 'json' or the '.json' ending). The mapping:
 *
 * <ul>
 *   <li>a dict is an object; string keys are member names, an integer key is written as its decimal text (JSON names
 *       are strings, so it reads back as a string key);</li>
 *   <li>a tuple of one element is that element; any other tuple (the empty one too) is an array;</li>
 *   <li>integers are written without, reals always with a decimal point or exponent; reading follows the same rule
 *       (HALCON's: {@code 3} is an integer, {@code 3.0} and {@code 1e3} are reals); an integer outside 64 bits reads as a
 *       real, one beyond the range of a real is refused (5238);</li>
 *   <li>a dict handle in a tuple is a nested object; an array that holds arrays becomes a dict with the integer keys
 *       0..n-1 (HALCON's 'convert_json_arrays_to' 'dict'), since tuples do not nest;</li>
 *   <li>true, false and null read as the values of 'json_value_true', 'json_value_false', 'json_value_null' (defaults
 *       1, 0 and 'HNULL'); the writer never produces them;</li>
 *   <li>iconic objects, handles other than dicts and non-finite reals have no JSON form: 2455, or with
 *       'raise_error_if_content_not_serializable' 'false' the entry (or tuple element) is left out.</li>
 * </ul>
 *
 * The output is compact UTF-8 (no whitespace), so writing what was read gives the same bytes.
 */
final class JsonFormat {
    private JsonFormat() {}

    /** The values read_dict substitutes for the JSON literals. */
    record Literals(List<Object> whenTrue, List<Object> whenFalse, List<Object> whenNull) {
        static final Literals DEFAULT = new Literals(List.of(1L), List.of(0L), List.of("HNULL"));
    }

    // ---- writing ----

    static byte[] encode(Dict dict, Unserializable policy) {
        StringBuilder out = new StringBuilder();
        new Writer(out, policy).dict(dict);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Writer(StringBuilder out, Unserializable policy, DictPath path) {
        Writer(StringBuilder out, Unserializable policy) {
            this(out, policy, new DictPath());
        }

        void dict(Dict dict) {
            path.enter(dict);
            out.append('{');
            boolean first = true;
            for (Object key : dict.keys()) {
                DictValue value = dict.get(key).orElse(null);
                List<Object> elements = value == null ? null : elements(value, key);
                if (elements == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                Json.appendString(out, key.toString());
                out.append(':');
                tuple(elements);
            }
            out.append('}');
            path.leave(dict);
        }

        /** The elements that JSON can hold, or {@code null} when the entry is left out. */
        private List<Object> elements(DictValue value, Object key) {
            if (value instanceof DictValue.Objects) {
                policy.refuse("the iconic object under key " + key + " (JSON holds no images)");
                return null;
            }
            List<Object> kept = new ArrayList<>();
            for (Object element : ((DictValue.Tuple) value).values()) {
                if (representable(element)) {
                    kept.add(element);
                } else {
                    policy.refuse(describe(element) + " under key " + key + " (JSON has no form for it)");
                }
            }
            return kept;
        }

        private static boolean representable(Object element) {
            if (element instanceof Double d) {
                return Double.isFinite(d);
            }
            if (element instanceof Handle h) {
                return h.type() == HandleType.DICT && h.payload() instanceof Dict;
            }
            return true;
        }

        private static String describe(Object element) {
            return element instanceof Handle h ? "the handle " + h : "the value " + element;
        }

        private void tuple(List<Object> elements) {
            if (elements.size() == 1) {
                element(elements.get(0));
                return;
            }
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                element(elements.get(i));
            }
            out.append(']');
        }

        private void element(Object element) {
            if (element instanceof String s) {
                Json.appendString(out, s);
            } else if (element instanceof Handle h) {
                dict((Dict) h.payload());
            } else {
                // Long.toString has no point; Double.toString always has one (or an exponent), and both are JSON
                out.append(element);
            }
        }
    }

    // ---- reading ----

    static Dict decode(byte[] bytes, Literals literals) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DictFiles.wrongFormat("the JSON file is no UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some editors write
        }
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw DictFiles.wrongFormat("no JSON: " + e.getMessage());
        }
        if (!(root instanceof Json.ObjectValue object)) {
            throw DictFiles.wrongFormat("the JSON text is no object");
        }
        return new Reader(literals).dict(object);
    }

    private record Reader(Literals literals) {
        Dict dict(Json.ObjectValue object) {
            Dict dict = new Dict();
            for (Map.Entry<String, Json.Value> member : object.members().entrySet()) {
                dict.put(member.getKey(), value(member.getValue()));
            }
            return dict;
        }

        private DictValue value(Json.Value value) {
            if (value instanceof Json.ArrayValue array) {
                if (array.elements().stream().anyMatch(e -> e instanceof Json.ArrayValue)) {
                    return new DictValue.Tuple(List.of(register(arrayAsDict(array))));
                }
                List<Object> elements = new ArrayList<>();
                for (Json.Value element : array.elements()) {
                    elements.addAll(scalar(element));
                }
                return new DictValue.Tuple(elements);
            }
            return new DictValue.Tuple(scalar(value));
        }

        private Dict arrayAsDict(Json.ArrayValue array) {
            Dict dict = new Dict();
            for (int i = 0; i < array.elements().size(); i++) {
                dict.put((long) i, value(array.elements().get(i)));
            }
            return dict;
        }

        /** One non-array JSON value as tuple elements (a literal may stand for several, e.g. 'json_value_null' []). */
        private List<Object> scalar(Json.Value value) {
            if (value instanceof Json.StringValue s) {
                return List.of(s.text());
            }
            if (value instanceof Json.NumberValue n) {
                return List.of(number(n));
            }
            if (value instanceof Json.ObjectValue o) {
                return List.of(register(dict(o)));
            }
            return switch ((Json.Literal) value) {
                case TRUE -> literals.whenTrue();
                case FALSE -> literals.whenFalse();
                case NULL -> literals.whenNull();
            };
        }

        /** An integer or a real by the text; a number beyond the range of a real (1e400) is no valid content. */
        private static Object number(Json.NumberValue n) {
            if (n.isInteger()) {
                try {
                    return Long.parseLong(n.text());
                } catch (NumberFormatException tooLarge) {
                    // falls through to the real below
                }
            }
            double real = Double.parseDouble(n.text()); // JSON's number syntax is a subset of Java's
            if (!Double.isFinite(real)) {
                throw DictFiles.wrongFormat("the number " + n.text() + " exceeds the range of a real");
            }
            return real;
        }

        private static Handle register(Dict dict) {
            return HandleRegistry.global().register(HandleType.DICT, dict);
        }
    }
}
