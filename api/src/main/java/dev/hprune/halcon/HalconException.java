package dev.hprune.halcon;

/**
 * Base of every error hprune's HALCON API raises, with HALCON's error number.
 *
 * <p>Unchecked, like HALCON's .NET {@code HalconException}: ported code that catches it, or declares it, compiles either
 * way.
 */
public class HalconException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String procName;
    private final String errorMessage;
    private final String extendedMessage;

    public HalconException(int errorCode, String procName, String errorMessage, String extendedMessage, Throwable cause) {
        super(format(errorCode, procName, errorMessage, extendedMessage), cause);
        this.errorCode = errorCode;
        this.procName = procName == null ? "" : procName;
        this.errorMessage = errorMessage == null ? "" : errorMessage;
        this.extendedMessage = extendedMessage == null ? "" : extendedMessage;
    }

    public HalconException(int errorCode, String errorMessage) {
        this(errorCode, "", errorMessage, "", null);
    }

    /** HALCON's error number, e.g. 2454 for a cleared handle. */
    public int getErrorCode() {
        return errorCode;
    }

    /** HALCON's standard text for the error number. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The operator that raised the error (HALCON's snake-case name), or empty. */
    public String getProcName() {
        return procName;
    }

    /** hprune adds no extended numbers; 0 as in HALCON when none is set. */
    public int getExtendedErrorCode() {
        return 0;
    }

    /** What exactly was wrong (the offending value, the key, the file), beyond the standard text. */
    public String getExtendedErrorMessage() {
        return extendedMessage;
    }

    private static String format(int code, String proc, String message, String extended) {
        StringBuilder text = new StringBuilder("HALCON error #").append(code).append(": ").append(message);
        if (proc != null && !proc.isEmpty()) {
            text.append(" in operator ").append(proc);
        }
        if (extended != null && !extended.isEmpty()) {
            text.append(" (").append(extended).append(')');
        }
        return text.toString();
    }
}
