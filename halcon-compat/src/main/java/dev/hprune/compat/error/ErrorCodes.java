package dev.hprune.compat.error;

import java.util.Map;

/**
 * HALCON's error numbers used by hprune and their standard texts, from HALCON's public error tables
 * (https://docs.mvtec.com/halcon/26.11/content/programming/extensions/reference/error_codes.html).
 *
 * <p>The control-parameter families are numbered by the parameter's position among the operator's control parameters:
 * {@code wrongType(2)} is 1202, "Wrong type of control parameter 2".
 */
public final class ErrorCodes {
    private ErrorCodes() {}

    /** HALCON's return value of a successful operator call (H_MSG_TRUE). */
    public static final int H_MSG_TRUE = 2;
    public static final int H_MSG_FALSE = 3;
    public static final int H_MSG_VOID = 4;
    public static final int H_MSG_FAIL = 5;

    /** Families of the control-parameter errors; add the parameter position (1..20). */
    public static final int WRONG_TYPE_BASE = 1200;
    public static final int WRONG_VALUE_BASE = 1300;
    public static final int WRONG_COUNT_BASE = 1400;
    /** Wrong number of values of object parameter N: 1500 + N. */
    public static final int WRONG_OBJECT_COUNT_BASE = 1500;

    public static final int WRONG_IMAGE_WIDTH = 2106;
    public static final int WRONG_IMAGE_HEIGHT = 2107;
    public static final int WRONG_HANDLE_TYPE = 2404;
    public static final int UNKNOWN_HANDLE = 2450;
    public static final int HANDLE_NULL = 2453;
    public static final int HANDLE_CLEARED = 2454;
    public static final int HANDLE_NOT_SERIALIZABLE = 2455;
    public static final int HANDLE_CYCLES = 2456;
    public static final int CONTROL_EXPECTED = 2460;
    public static final int ICONIC_EXPECTED = 2461;
    public static final int DICT_KEY_MISSING = 2894;
    public static final int DICT_TUPLE_LENGTH = 2895;
    public static final int DICT_TUPLE_TYPE = 2896;
    public static final int DICT_INVALID_INDEX = 2897;
    public static final int INPUT_OBJECT_NOT_INITIALIZED = 2953;
    public static final int INPUT_CONTROL_NOT_INITIALIZED = 2954;
    public static final int OUTPUT_OBJECT_NOT_INITIALIZED = 2955;
    public static final int OUTPUT_CONTROL_NOT_INITIALIZED = 2956;
    public static final int IMAGES_OF_DIFFERENT_SIZE = 3117;
    public static final int CHANNEL_COUNTS_DIFFER = 3122;
    public static final int WRONG_NUMBER_OF_CHANNELS = 3359;
    public static final int FILE_NOT_FOUND = 5200;
    public static final int FILE_READ_IMAGE_DATA = 5203;
    public static final int FILE_WRITE = 5212;
    public static final int WRONG_FILE_FORMAT = 5238;
    public static final int FILE_READ = 5250;

    public static final int DL_INTERNAL = 7779;
    public static final int DL_FILE_READ = 7780;
    public static final int DL_FILE_WRITE = 7781;
    public static final int DL_WRONG_FILE_VERSION = 7782;
    public static final int DL_INPUTS_MISSING = 7783;
    public static final int DL_WRONG_BATCH_SIZE = 7784;
    public static final int DL_INVALID_LAYER_NAME = 7785;
    public static final int DL_PARAM_NOT_AVAILABLE = 7788;
    public static final int DL_TUPLE_LENGTH = 7789;
    public static final int DL_TUPLE_TYPE = 7790;
    public static final int DL_TUPLE_VALUES = 7791;
    public static final int DL_BATCH_MULTIPLIER = 7800;
    public static final int DL_READ_ONNX = 7801;
    public static final int DL_CLASS_IDS_NOT_UNIQUE = 7792;
    public static final int DL_NO_CLASS_IDS = 7802;
    public static final int DL_WRITE_ONNX = 7803;
    public static final int DL_UNSUPPORTED_GENPARAM = 7911;
    public static final int DL_MODEL_NOT_SUPPORTED = 7912;
    public static final int DL_RUNTIME = 7913;
    public static final int DL_UNSUPPORTED_GENVALUE = 7914;
    public static final int DL_INVALID_NUM_SAMPLES = 7915;
    /** H_ERR_DL_MODEL_CONVERTED_UNSUPPORTED: what HALCON raises for training a model placed on an AI² device. */
    public static final int DL_CONVERTED_UNSUPPORTED = 7917;
    public static final int DL_PRUNING_WRONG_DATA = 7980;
    public static final int DL_PRUNING_UNSUPPORTED_BY_CNN = 7981;

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(WRONG_IMAGE_WIDTH, "Wrong image width"),
            Map.entry(WRONG_IMAGE_HEIGHT, "Wrong image height"),
            Map.entry(WRONG_HANDLE_TYPE, "Wrong handle type"),
            Map.entry(UNKNOWN_HANDLE, "Wrong (unknown) HALCON handle"),
            Map.entry(HANDLE_NULL, "Handle is NULL"),
            Map.entry(HANDLE_CLEARED, "Handle was cleared"),
            Map.entry(HANDLE_NOT_SERIALIZABLE, "Handle type does not serialize"),
            Map.entry(HANDLE_CYCLES, "Reference cycles of handles found"),
            Map.entry(CONTROL_EXPECTED, "Type mismatch: Control expected, found iconic"),
            Map.entry(ICONIC_EXPECTED, "Type mismatch: Iconic expected, control found"),
            Map.entry(DICT_KEY_MISSING, "Dict does not contain requested key"),
            Map.entry(DICT_TUPLE_LENGTH, "Incorrect tuple length in dict"),
            Map.entry(DICT_TUPLE_TYPE, "Incorrect tuple type in dict"),
            Map.entry(DICT_INVALID_INDEX, "Invalid index for dict tuple"),
            Map.entry(INPUT_OBJECT_NOT_INITIALIZED, "Input object not initialized"),
            Map.entry(INPUT_CONTROL_NOT_INITIALIZED, "Input control not initialized"),
            Map.entry(OUTPUT_OBJECT_NOT_INITIALIZED, "Output object not initialized"),
            Map.entry(OUTPUT_CONTROL_NOT_INITIALIZED, "Output control not initialized"),
            Map.entry(IMAGES_OF_DIFFERENT_SIZE, "Images with different image size"),
            Map.entry(CHANNEL_COUNTS_DIFFER, "Number of channels in the input parameters are different"),
            Map.entry(WRONG_NUMBER_OF_CHANNELS, "Wrong number of channels"),
            Map.entry(FILE_NOT_FOUND, "File not found"),
            Map.entry(FILE_READ_IMAGE_DATA, "Error while reading image data"),
            Map.entry(FILE_WRITE, "Error while writing to file"),
            Map.entry(WRONG_FILE_FORMAT, "Wrong file format"),
            Map.entry(FILE_READ, "Error reading file"),
            Map.entry(DL_INTERNAL, "Internal error in deep learning"),
            Map.entry(DL_FILE_READ, "Error reading the deep learning file"),
            Map.entry(DL_FILE_WRITE, "Error writing the deep learning file"),
            Map.entry(DL_WRONG_FILE_VERSION, "Wrong version of the deep learning file"),
            Map.entry(DL_INPUTS_MISSING, "Inputs missing in input dict"),
            Map.entry(DL_WRONG_BATCH_SIZE, "Inputs have incorrect batch size"),
            Map.entry(DL_INVALID_LAYER_NAME, "Invalid layer name"),
            Map.entry(DL_PARAM_NOT_AVAILABLE, "Parameter is not available"),
            Map.entry(DL_TUPLE_LENGTH, "Tuple inputs have incorrect length"),
            Map.entry(DL_TUPLE_TYPE, "Tuple inputs have incorrect type"),
            Map.entry(DL_TUPLE_VALUES, "Some inputs have incorrect values"),
            Map.entry(DL_BATCH_MULTIPLIER, "Batch size does not fit the batch size multiplier"),
            Map.entry(DL_READ_ONNX, "Error reading the ONNX model"),
            Map.entry(DL_NO_CLASS_IDS, "Model has no class ids"),
            Map.entry(DL_WRITE_ONNX, "Error writing the ONNX model"),
            Map.entry(DL_UNSUPPORTED_GENPARAM, "Unsupported generic parameter"),
            Map.entry(DL_MODEL_NOT_SUPPORTED, "Operator does not support the model"),
            Map.entry(DL_RUNTIME, "Requested runtime cannot be set"),
            Map.entry(DL_UNSUPPORTED_GENVALUE, "Unsupported generic value(s)"),
            Map.entry(DL_INVALID_NUM_SAMPLES, "Invalid number of samples"),
            Map.entry(DL_CONVERTED_UNSUPPORTED, "Unsupported operation on converted model"),
            Map.entry(DL_CLASS_IDS_NOT_UNIQUE, "Some class ids are not unique"),
            Map.entry(DL_PRUNING_WRONG_DATA, "Pruning data does not fit the given model"),
            Map.entry(DL_PRUNING_UNSUPPORTED_BY_CNN, "Model architecture does not support pruning"));

    public static int wrongType(int controlParameter) {
        return WRONG_TYPE_BASE + checkedPosition(controlParameter);
    }

    public static int wrongValue(int controlParameter) {
        return WRONG_VALUE_BASE + checkedPosition(controlParameter);
    }

    public static int wrongCount(int controlParameter) {
        return WRONG_COUNT_BASE + checkedPosition(controlParameter);
    }

    public static int wrongObjectCount(int objectParameter) {
        if (objectParameter < 1 || objectParameter > 9) {
            throw new IllegalArgumentException("object parameter position out of 1..9: " + objectParameter);
        }
        return WRONG_OBJECT_COUNT_BASE + objectParameter;
    }

    /** HALCON's standard text for {@code code}, or a generic one for numbers this table does not hold. */
    public static String text(int code) {
        if (code > WRONG_TYPE_BASE && code <= WRONG_TYPE_BASE + 20) {
            return "Wrong type of control parameter " + (code - WRONG_TYPE_BASE);
        }
        if (code > WRONG_VALUE_BASE && code <= WRONG_VALUE_BASE + 20) {
            return "Wrong value of control parameter " + (code - WRONG_VALUE_BASE);
        }
        if (code > WRONG_COUNT_BASE && code <= WRONG_COUNT_BASE + 20) {
            return "Wrong number of values of control parameter " + (code - WRONG_COUNT_BASE);
        }
        if (code > WRONG_OBJECT_COUNT_BASE && code < WRONG_OBJECT_COUNT_BASE + 10) {
            return "Wrong number of values of object parameter " + (code - WRONG_OBJECT_COUNT_BASE);
        }
        return TEXTS.getOrDefault(code, "HALCON error " + code);
    }

    private static int checkedPosition(int position) {
        if (position < 1 || position > 20) {
            throw new IllegalArgumentException("control parameter position out of 1..20: " + position);
        }
        return position;
    }
}
