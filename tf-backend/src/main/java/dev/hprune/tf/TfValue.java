package dev.hprune.tf;

import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * One ONNX value as it exists in the TensorFlow graph: the output holding it and how its axes are arranged there.
 *
 * @param output the TensorFlow output
 * @param layout {@link Layout#ONNX} when the output holds the value exactly as ONNX defines it, {@link Layout#NHWC} when
 *     it holds a rank-4 ONNX value [N,C,H,W] transposed to [N,H,W,C]
 */
record TfValue(Output<?> output, Layout layout) {

    /** How a value's axes are arranged inside TensorFlow. */
    enum Layout {
        ONNX,
        NHWC;

        /** The TensorFlow axis that holds ONNX axis {@code onnxAxis} (of a rank-4 value) in this layout. */
        int tfAxis(int onnxAxis) {
            return this == ONNX ? onnxAxis : NCHW_TO_NHWC_AXIS[onnxAxis];
        }
    }

    /** Where each NCHW axis lies in NHWC: N->0, C->3, H->1, W->2. */
    private static final int[] NCHW_TO_NHWC_AXIS = {0, 3, 1, 2};
    /** The Transpose permutation that turns NCHW into NHWC. */
    static final int[] TO_NHWC = {0, 2, 3, 1};
    /** The Transpose permutation that turns NHWC into NCHW. */
    static final int[] TO_NCHW = {0, 3, 1, 2};

    static TfValue onnx(Output<?> output) {
        return new TfValue(output, Layout.ONNX);
    }

    static TfValue nhwc(Output<?> output) {
        return new TfValue(output, Layout.NHWC);
    }

    /** The rank, or -1 when TensorFlow's shape inference does not know it. */
    int rank() {
        return output.shape().isUnknown() ? -1 : output.shape().numDimensions();
    }

    /** ONNX dimension {@code onnxAxis}, or -1 when not known statically. */
    long onnxDim(int onnxAxis) {
        return output.shape().get(layout == Layout.NHWC ? layout.tfAxis(onnxAxis) : onnxAxis);
    }

    DataType dataType() {
        return output.dataType();
    }
}
