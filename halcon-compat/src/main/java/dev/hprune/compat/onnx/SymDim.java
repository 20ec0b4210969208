package dev.hprune.compat.onnx;

/**
 * A dimension, or one element of a small integer tensor such as a shape, that is either a known number or unknown. An
 * unknown carries a symbol: two unknowns with the same symbol are the same number (the batch size that flows from the
 * input through {@code Shape} into a {@code Reshape} target), which lets shape arithmetic cancel them.
 */
record SymDim(long value, String symbol) {
    static SymDim of(long value) {
        return new SymDim(value, null);
    }

    static SymDim unknown(String symbol) {
        return new SymDim(-1, symbol);
    }

    boolean known() {
        return symbol == null;
    }

    boolean isKnown(long expected) {
        return known() && value == expected;
    }

    /** The public form: the number, or -1 for an unknown. */
    long concrete() {
        return known() ? value : -1;
    }

    @Override
    public String toString() {
        return known() ? Long.toString(value) : symbol;
    }
}
