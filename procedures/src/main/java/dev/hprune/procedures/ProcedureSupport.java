package dev.hprune.procedures;

import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.List;
import dev.hprune.halcon.HalconException;

/**
 * What every procedure needs besides the operators: HALCON's error numbers for bad input, outputs filled in place, and
 * short forms of the dict operators. HALCON's own procedures throw free-text errors; ours carry the error number an
 * operator would raise for the same fault (1300 + n: wrong value of control parameter n, 1400 + n: wrong number of
 * values, 1200 + n: wrong type), with the procedure's name as the operator.
 */
final class ProcedureSupport {
    private ProcedureSupport() {}

    static final int WRONG_TYPE = 1200;
    static final int WRONG_VALUE = 1300;
    static final int WRONG_COUNT = 1400;
    static final int FILE_NOT_FOUND = 5200;

    /** An error of procedure {@code procedure} with HALCON's number and text, {@code detail} saying what exactly. */
    static HalconException error(String procedure, int code, String detail) {
        return new HalconException(code, procedure, errorText(code), detail, null);
    }

    /** The same fault as {@code cause} (an operator's error), reported by the procedure with what it was doing. */
    static HalconException error(String procedure, HalconException cause, String context) {
        String detail = cause.getExtendedErrorMessage().isEmpty() ? context
                : context + ": " + cause.getExtendedErrorMessage();
        return new HalconException(cause.getErrorCode(), procedure, cause.getErrorMessage(), detail, cause);
    }

    static HalconException wrongValue(String procedure, int position, String detail) {
        return error(procedure, WRONG_VALUE + position, detail);
    }

    static HalconException wrongCount(String procedure, int position, String detail) {
        return error(procedure, WRONG_COUNT + position, detail);
    }

    static HalconException wrongType(String procedure, int position, String detail) {
        return error(procedure, WRONG_TYPE + position, detail);
    }

    private static String errorText(int code) {
        HTuple text = new HTuple();
        HOperatorSet.GetErrorText(new HTuple(code), text);
        return text.getS();
    }

    // ---- outputs, filled in place as HOperatorSet fills them ----

    /** Replaces the content of the output tuple {@code out} by {@code value} (2956 when {@code out} is null). */
    static void fill(HTuple out, HTuple value) {
        HOperatorSet.TupleConcat(value, new HTuple(), out);
    }

    /** Replaces the objects of the output {@code out} by those of {@code value}. */
    static void fill(HObject out, HObject value) {
        HObject empty = new HObject();
        HOperatorSet.GenEmptyObj(empty);
        HOperatorSet.ConcatObj(empty, value, out);
    }

    // ---- dicts ----

    static boolean keyExists(HTuple dict, String key) {
        HTuple exists = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("key_exists"), new HTuple(key), exists);
        return exists.getL() == 1;
    }

    /** True when the key exists and holds a tuple (not an iconic object). */
    static boolean tupleKeyExists(HTuple dict, String key) {
        if (!keyExists(dict, key)) {
            return false;
        }
        HTuple type = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("key_data_type"), new HTuple(key), type);
        return "tuple".equals(type.getS());
    }

    static HTuple get(HTuple dict, String key) {
        HTuple value = new HTuple();
        HOperatorSet.GetDictTuple(dict, new HTuple(key), value);
        return value;
    }

    static void set(HTuple dict, String key, HTuple value) {
        HOperatorSet.SetDictTuple(dict, new HTuple(key), value);
    }

    static HTuple newDict() {
        HTuple dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        return dict;
    }

    /**
     * The keys of a GenParam dict at control position {@code position}, none for []; anything else than one dict
     * handle is {@code 1200+position}, a wrong type, as HALCON's operators answer a string where a handle belongs.
     */
    static List<String> genParamKeys(String procedure, int position, HTuple genParam) {
        if (genParam.length() == 0) {
            return List.of();
        }
        if (genParam.length() != 1 || genParam.getType(0) != HTuple.HANDLE) {
            throw wrongType(procedure, position, "GenParam must be a dict or [], got " + genParam);
        }
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(genParam, new HTuple("keys"), new HTuple(), keys);
        List<String> names = new ArrayList<>(keys.length());
        for (Object key : keys.asList()) {
            names.add(String.valueOf(key));
        }
        return names;
    }

    /** Element {@code index} of a handle tuple, as a one-element tuple the operators accept. */
    static HTuple handleAt(HTuple handles, int index) {
        HHandle handle = handles.getH(index);
        return new HTuple(handle);
    }

    /** A tuple that must hold one string; else {@code 1200+position} / {@code 1400+position}. */
    static String singleString(String procedure, HTuple value, int position, String name) {
        if (value == null || value.length() != 1) {
            throw wrongCount(procedure, position, name + " must be a single string, got "
                    + (value == null ? "null" : value));
        }
        if (value.getType(0) != HTuple.STRING) {
            throw wrongType(procedure, position, name + " must be a string, got " + value);
        }
        return value.getS(0);
    }
}
