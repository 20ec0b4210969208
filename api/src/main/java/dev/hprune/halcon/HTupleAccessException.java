package dev.hprune.halcon;

/**
 * Raised by {@link HTuple} accessors: 2400 (wrong Hctuple type) when an element has a type the accessor cannot convert,
 * 2402 (wrong Hctuple index) for an index outside the tuple.
 */
public class HTupleAccessException extends HalconException {
    private static final long serialVersionUID = 1L;

    public static final int WRONG_TYPE = 2400;
    public static final int WRONG_INDEX = 2402;

    public HTupleAccessException(int errorCode, String detail) {
        super(errorCode, "", errorCode == WRONG_INDEX ? "Wrong Hctuple index" : "Wrong Hctuple array type", detail, null);
    }
}
