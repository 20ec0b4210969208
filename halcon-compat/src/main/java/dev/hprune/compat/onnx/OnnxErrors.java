package dev.hprune.compat.onnx;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;

/** The HALCON errors of ONNX import and export, in one place so that every path raises the same numbers. */
final class OnnxErrors {
    private OnnxErrors() {}

    /** 7801: the ONNX model cannot be read (malformed, unsupported, inconsistent). */
    static HalconError read(String detail) {
        return HalconError.of(ErrorCodes.DL_READ_ONNX, detail);
    }

    static HalconError read(String detail, Throwable cause) {
        return new HalconError(ErrorCodes.DL_READ_ONNX, "", detail, cause);
    }

    /** 7803: the graph cannot be written as ONNX. */
    static HalconError write(String detail, Throwable cause) {
        return new HalconError(ErrorCodes.DL_WRITE_ONNX, "", detail, cause);
    }

    /** 7781: the file system refused the model file. */
    static HalconError fileWrite(String detail, Throwable cause) {
        return new HalconError(ErrorCodes.DL_FILE_WRITE, "", detail, cause);
    }
}
