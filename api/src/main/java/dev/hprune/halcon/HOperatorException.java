package dev.hprune.halcon;

/** An error raised by an operator call, as HALCON's .NET {@code HOperatorException}. */
public class HOperatorException extends HalconException {
    private static final long serialVersionUID = 1L;

    public HOperatorException(int errorCode, String procName, String errorMessage, String extendedMessage,
            Throwable cause) {
        super(errorCode, procName, errorMessage, extendedMessage, cause);
    }
}
