package dev.hprune.compat.op;

/**
 * How many inputs a node of one operator kind takes at one opset: the required ones must be present and named,
 * optional ones (up to {@code max}) may be empty names. {@link #ABSENT} marks an opset the operator does not exist in.
 */
public record Arity(int required, int max) {
    public static final int MANY = Integer.MAX_VALUE;

    /** The operator is not defined at this opset (LayerNormalization before 17). */
    public static final Arity ABSENT = new Arity(-1, -1);

    public static Arity exactly(int n) {
        return new Arity(n, n);
    }

    public static Arity between(int required, int max) {
        return new Arity(required, max);
    }

    public static Arity atLeast(int required) {
        return new Arity(required, MANY);
    }

    public boolean absent() {
        return required < 0;
    }

    public boolean accepts(int inputs) {
        return !absent() && inputs >= required && inputs <= max;
    }

    /** "2", "1 to 3", "at least 1". */
    public String describe() {
        if (max == MANY) {
            return "at least " + required;
        }
        return required == max ? String.valueOf(required) : required + " to " + max;
    }
}
