package dev.hprune.compat.error;

import dev.hprune.compat.control.ControlArgs;
import java.util.List;

/** HALCON's operators about errors. */
public final class ErrorOperators {
    private ErrorOperators() {}

    /** get_error_text( : : ErrorCode : ErrorText): HALCON's standard text for an error number. */
    public static List<Object> getErrorText(List<Object> errorCode) {
        long code = ControlArgs.integer(errorCode, 1);
        return List.of(code < Integer.MIN_VALUE || code > Integer.MAX_VALUE ? "HALCON error " + code
                : ErrorCodes.text((int) code));
    }
}
