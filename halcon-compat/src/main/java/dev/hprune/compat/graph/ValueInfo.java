package dev.hprune.compat.graph;

import java.util.List;

/**
 * A graph input or output: name, element type and shape. A dimension is a {@link Dim} that is either fixed or named
 * (a dynamic dimension such as the batch size).
 */
public record ValueInfo(String name, DataType type, List<Dim> shape) {
    public ValueInfo {
        shape = List.copyOf(shape);
    }

    /** One dimension: {@code value >= 0} when fixed, otherwise {@code -1} and the symbolic name (possibly empty). */
    public record Dim(long value, String param) {
        public static Dim fixed(long value) {
            return new Dim(value, "");
        }

        public static Dim named(String param) {
            return new Dim(-1, param == null ? "" : param);
        }

        public boolean isFixed() {
            return value >= 0;
        }
    }

    public static ValueInfo of(String name, DataType type, long... dims) {
        return new ValueInfo(name, type, java.util.Arrays.stream(dims)
                .mapToObj(d -> d < 0 ? Dim.named("") : Dim.fixed(d)).toList());
    }

    public int rank() {
        return shape.size();
    }
}
