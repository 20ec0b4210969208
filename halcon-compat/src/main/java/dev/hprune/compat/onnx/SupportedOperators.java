package dev.hprune.compat.onnx;

import java.util.Set;

/**
 * The ONNX operators (default domain) that hprune imports: what classification CNNs exported from PyTorch, Keras and
 * Paddle use, plus the shape arithmetic their heads need. Anything else is refused at import with error 7801.
 */
public final class SupportedOperators {
    private SupportedOperators() {}

    private static final Set<String> OPERATORS = Set.of(
            "Conv", "BatchNormalization", "Relu", "LeakyRelu", "Clip", "HardSigmoid", "HardSwish", "Sigmoid", "Tanh",
            "Add", "Sub", "Mul", "Div", "GlobalAveragePool", "AveragePool", "MaxPool", "Gemm", "MatMul", "Flatten",
            "Reshape", "Shape", "Slice", "Concat", "Cast", "Squeeze", "Unsqueeze", "Transpose", "Softmax", "Constant",
            "Identity", "Dropout", "Pad", "ReduceMean", "Gather", "ConstantOfShape");

    public static boolean contains(String opType) {
        return OPERATORS.contains(opType);
    }

    public static Set<String> all() {
        return OPERATORS;
    }
}
