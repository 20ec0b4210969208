package dev.hprune.cshim;

import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;

/** Errors the C side's own parameters raise (undefined tuple elements, pixel pointers), with HALCON's texts. */
final class Errors {
    private Errors() {}

    static HOperatorException of(int code, String operator, String detail) {
        return new HOperatorException(code, operator, standardText(code), detail, null);
    }

    /** {@code e}, reported by {@code operator}: the api names its helper, the C caller called {@code operator}. */
    static HOperatorException renamed(dev.hprune.halcon.HalconException e, String operator) {
        return new HOperatorException(e.getErrorCode(), operator, e.getErrorMessage(), e.getExtendedErrorMessage(), e);
    }

    static String standardText(int code) {
        HTuple text = new HTuple();
        HOperatorSet.GetErrorText(new HTuple(code), text);
        return text.getS();
    }
}
