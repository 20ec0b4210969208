package dev.hprune.compat.graph;

import java.util.Optional;

/** Tensor element types, with ONNX's TensorProto.DataType numbers. */
public enum DataType {
    FLOAT(1),
    UINT8(2),
    INT8(3),
    INT32(6),
    INT64(7),
    BOOL(9),
    FLOAT16(10),
    DOUBLE(11);

    private final int onnxCode;

    DataType(int onnxCode) {
        this.onnxCode = onnxCode;
    }

    public int onnxCode() {
        return onnxCode;
    }

    /** True for the types whose values a {@link Tensor} keeps as floats (FLOAT, FLOAT16, DOUBLE). */
    public boolean isFloating() {
        return this == FLOAT || this == FLOAT16 || this == DOUBLE;
    }

    public static Optional<DataType> fromOnnx(int code) {
        for (DataType type : values()) {
            if (type.onnxCode == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
