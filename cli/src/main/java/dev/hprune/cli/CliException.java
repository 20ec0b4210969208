package dev.hprune.cli;

/**
 * A failure the user can fix (a missing folder, an empty data set, a model that does not fit the data), reported as one
 * line. {@code halconCode} is HALCON's error number where one applies, else 0.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int halconCode;

    public CliException(String message) {
        this(message, 0);
    }

    public CliException(String message, int halconCode) {
        super(message);
        this.halconCode = halconCode;
    }

    public int halconCode() {
        return halconCode;
    }
}
