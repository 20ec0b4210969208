package dev.hprune.compat.dl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a model's HALCON parameters in ONNX {@code metadata_props}, so that a model written with write_dl_model reads
 * back with the same parameters. Keys are {@code halcon.<parameter name>}; lists are JSON arrays. The runtime is not
 * stored, as in HALCON.
 */
final class ModelMetadata {
    private ModelMetadata() {}

    static final String PREFIX = "halcon.";

    static Map<String, String> encode(ModelParams p, Map<String, String> existing) {
        Map<String, String> metadata = new LinkedHashMap<>();
        existing.forEach((k, v) -> {
            if (!k.startsWith(PREFIX)) {
                metadata.put(k, v);
            }
        });
        metadata.put(PREFIX + "type", p.type());
        metadata.put(PREFIX + "batch_size", Integer.toString(p.batchSize()));
        metadata.put(PREFIX + "image_width", Integer.toString(p.imageWidth()));
        metadata.put(PREFIX + "image_height", Integer.toString(p.imageHeight()));
        metadata.put(PREFIX + "image_range_min", Double.toString(p.imageRangeMin()));
        metadata.put(PREFIX + "image_range_max", Double.toString(p.imageRangeMax()));
        metadata.put(PREFIX + "class_names", Json.strings(p.classNames()));
        metadata.put(PREFIX + "class_ids", p.classIds().toString().replace(" ", ""));
        metadata.put(PREFIX + "learning_rate", Double.toString(p.learningRate()));
        metadata.put(PREFIX + "momentum", Double.toString(p.momentum()));
        metadata.put(PREFIX + "weight_prior", Double.toString(p.weightPrior()));
        metadata.put(PREFIX + "batchnorm_momentum", Double.toString(p.batchNormMomentum()));
        return metadata;
    }

    static Optional<String> text(Map<String, String> metadata, String name) {
        return Optional.ofNullable(metadata.get(PREFIX + name));
    }

    static Optional<Integer> integer(Map<String, String> metadata, String name) {
        return text(metadata, name).flatMap(v -> parse(() -> Integer.parseInt(v.trim())));
    }

    static Optional<Double> real(Map<String, String> metadata, String name) {
        return text(metadata, name).flatMap(v -> parse(() -> Double.parseDouble(v.trim())));
    }

    static Optional<List<String>> strings(Map<String, String> metadata, String name) {
        return text(metadata, name).flatMap(v -> parse(() -> Json.parseStrings(v)));
    }

    static Optional<List<Long>> integers(Map<String, String> metadata, String name) {
        return text(metadata, name).flatMap(v -> parse(() -> {
            String body = v.trim();
            if (!body.startsWith("[") || !body.endsWith("]")) {
                throw new IllegalArgumentException(v);
            }
            List<Long> values = new ArrayList<>();
            for (String part : body.substring(1, body.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    values.add(Long.parseLong(part.trim()));
                }
            }
            return values;
        }));
    }

    private interface Parse<T> {
        T get();
    }

    /** Metadata written by others may be malformed; such entries are ignored rather than failing the read. */
    private static <T> Optional<T> parse(Parse<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** JSON string arrays, enough for class names. */
    static final class Json {
        private Json() {}

        static String strings(List<String> values) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < values.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"');
                for (char ch : values.get(i).toCharArray()) {
                    switch (ch) {
                        case '"' -> json.append("\\\"");
                        case '\\' -> json.append("\\\\");
                        case '\n' -> json.append("\\n");
                        case '\r' -> json.append("\\r");
                        case '\t' -> json.append("\\t");
                        default -> {
                            if (ch < 0x20) {
                                json.append(String.format("\\u%04x", (int) ch));
                            } else {
                                json.append(ch);
                            }
                        }
                    }
                }
                json.append('"');
            }
            return json.append(']').toString();
        }

        static List<String> parseStrings(String json) {
            List<String> values = new ArrayList<>();
            int i = skipSpace(json, 0);
            expect(json, i++, '[');
            i = skipSpace(json, i);
            if (json.charAt(i) == ']') {
                return values;
            }
            while (true) {
                i = skipSpace(json, i);
                expect(json, i++, '"');
                StringBuilder value = new StringBuilder();
                while (json.charAt(i) != '"') {
                    char ch = json.charAt(i++);
                    if (ch == '\\') {
                        char escaped = json.charAt(i++);
                        switch (escaped) {
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'b' -> value.append('\b');
                            case 'f' -> value.append('\f');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> value.append(escaped);
                        }
                    } else {
                        value.append(ch);
                    }
                }
                values.add(value.toString());
                i = skipSpace(json, i + 1);
                if (json.charAt(i) == ']') {
                    return values;
                }
                expect(json, i++, ',');
            }
        }

        private static int skipSpace(String s, int i) {
            while (Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static void expect(String s, int i, char ch) {
            if (s.charAt(i) != ch) {
                throw new IllegalArgumentException("expected '" + ch + "' at " + i + " in " + s);
            }
        }
    }
}
