package dev.hprune.compat.error;

/**
 * A HALCON operator error raised by the semantic layer: HALCON's error number, the message HALCON gives for it, and the
 * operator that raised it.
 *
 * <p>The api module turns it into {@code HOperatorException}; the C shim turns it into an {@code Herror} return value. The
 * operator name is filled in at the operator boundary when the code that detected the error did not know it.
 */
public final class HalconError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String operator;

    public HalconError(int code, String operator, String detail) {
        this(code, operator, detail, null);
    }

    public HalconError(int code, String operator, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.operator = operator == null ? "" : operator;
    }

    /** An error without operator name; {@link #inOperator} adds it where the operator is known. */
    public static HalconError of(int code, String detail) {
        return new HalconError(code, "", detail);
    }

    /** An error with HALCON's standard text for the code and no further detail. */
    public static HalconError of(int code) {
        return new HalconError(code, "", "");
    }

    /** HALCON's error number, e.g. 1302 or 2454. */
    public int code() {
        return code;
    }

    /** The HALCON operator name in snake case (e.g. {@code get_dl_pruning_param}); empty when not known. */
    public String operator() {
        return operator;
    }

    /** Extra information beyond HALCON's standard text; may be empty. */
    public String detail() {
        return super.getMessage() == null ? "" : super.getMessage();
    }

    /** HALCON's standard text for the code. */
    public String standardText() {
        return ErrorCodes.text(code);
    }

    /** The same error attributed to {@code operatorName} unless it already names one. */
    public HalconError inOperator(String operatorName) {
        if (!operator.isEmpty()) {
            return this;
        }
        HalconError named = new HalconError(code, operatorName, detail(), getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    /** "HALCON error #1302: Wrong value of control parameter 2 in operator set_dict_tuple (detail)". */
    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder("HALCON error #").append(code).append(": ").append(standardText());
        if (!operator.isEmpty()) {
            text.append(" in operator ").append(operator);
        }
        if (!detail().isEmpty()) {
            text.append(" (").append(detail()).append(')');
        }
        return text.toString();
    }
}
