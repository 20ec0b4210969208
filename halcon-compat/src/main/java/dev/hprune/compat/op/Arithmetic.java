package dev.hprune.compat.op;

/**
 * The four element-wise arithmetic operators, as shape inference (on tracked integer elements) and constant folding
 * compute them. Integer division truncates toward zero, like ONNX Runtime's CPU kernel.
 */
public enum Arithmetic {
    ADD, SUB, MUL, DIV;

    public long apply(long x, long y) {
        return switch (this) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
        };
    }

    public float apply(float x, float y) {
        return switch (this) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
        };
    }

    /** The value {@code y} for which {@code x op y == x} (0 for Add/Sub, 1 for Mul/Div). */
    public long rightIdentity() {
        return this == ADD || this == SUB ? 0 : 1;
    }

    /** The value {@code x} for which {@code x op y == y}, if any (0 for Add, 1 for Mul). */
    public boolean isLeftIdentity(long x) {
        return this == ADD && x == 0 || this == MUL && x == 1;
    }
}
