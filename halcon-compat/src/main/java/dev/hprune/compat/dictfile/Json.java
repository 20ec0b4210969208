package dev.hprune.compat.dictfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader into a small tree, and the string escaping the writer needs. Strict means: one value,
 * only whitespace around it, no trailing commas, no leading zeros, no duplicate keys in one object, no unpaired
 * surrogate escapes, nesting at most {@link #MAX_DEPTH} deep. Numbers keep their text so that the caller decides
 * between integer and real by HALCON's rules.
 */
final class Json {
    /** Deeper files are refused rather than risking the reader's stack. */
    static final int MAX_DEPTH = 256;

    sealed interface Value {}

    record ObjectValue(Map<String, Value> members) implements Value {}

    record ArrayValue(List<Value> elements) implements Value {}

    record StringValue(String text) implements Value {}

    /** A number as written; {@link #isInteger()} when it has neither fraction nor exponent. */
    record NumberValue(String text) implements Value {
        boolean isInteger() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }
    }

    enum Literal implements Value { TRUE, FALSE, NULL }

    /** Thrown for text that is no JSON; the message says where and why. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    static Value parse(String text) throws SyntaxException {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Value value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /** {@code s} as a JSON string literal: quotes, backslashes and control characters escaped, the rest as is. */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Value value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new StringValue(string());
            case 't' -> literal("true", Literal.TRUE);
            case 'f' -> literal("false", Literal.FALSE);
            case 'n' -> literal("null", Literal.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private ObjectValue object(int depth) throws SyntaxException {
        pos++;
        Map<String, Value> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new ObjectValue(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a member name expected");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Value value = value(depth + 1);
            if (members.putIfAbsent(key, value) != null) {
                throw error("duplicate member name \"" + key + "\"");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new ObjectValue(members);
            }
            if (c != ',') {
                pos--;
                throw error("',' or '}' expected");
            }
        }
    }

    private ArrayValue array(int depth) throws SyntaxException {
        pos++;
        List<Value> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new ArrayValue(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new ArrayValue(elements);
            }
            if (c != ',') {
                pos--;
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() throws SyntaxException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    /** One {@code \\uXXXX} (after the {@code \\u}); a high surrogate must be followed by an escaped low one. */
    private char[] unicodeEscape() throws SyntaxException {
        char first = hex4();
        if (Character.isLowSurrogate(first)) {
            throw error("unpaired low surrogate");
        }
        if (!Character.isHighSurrogate(first)) {
            return new char[] {first};
        }
        if (!text.startsWith("\\u", pos)) {
            throw error("unpaired high surrogate");
        }
        pos += 2;
        char second = hex4();
        if (!Character.isLowSurrogate(second)) {
            throw error("unpaired high surrogate");
        }
        return new char[] {first, second};
    }

    private char hex4() throws SyntaxException {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("bad hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private NumberValue number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek()) && peek() != '0') {
            digits();
        } else {
            throw error("a digit expected");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a digit expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a digit expected in the exponent");
            }
            digits();
        }
        return new NumberValue(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Value literal(String word, Literal literal) throws SyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("unknown literal");
        }
        pos += word.length();
        return literal;
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    /** The next character, or NUL at the end (NUL is never valid there, so every caller reports it as an error). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private SyntaxException error(String what) {
        return new SyntaxException(what + " at character " + pos);
    }
}
