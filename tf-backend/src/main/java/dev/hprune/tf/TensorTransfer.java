package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Copies between hprune's {@link Tensor} and TensorFlow tensors through the raw data buffers (one bulk copy; the
 * element-wise NdArray copies are about 80 times slower). Every floating type travels as float32 inside TensorFlow.
 */
final class TensorTransfer {
    private TensorTransfer() {}

    /** TensorFlow's type for an ONNX TensorProto data type number. */
    static DataType tfType(long onnxCode) {
        return switch ((int) onnxCode) {
            case 1, 10, 11 -> DataType.DT_FLOAT;
            case 2 -> DataType.DT_UINT8;
            case 6 -> DataType.DT_INT32;
            case 7 -> DataType.DT_INT64;
            case 9 -> DataType.DT_BOOL;
            default -> throw HalconError.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED, "ONNX data type " + onnxCode
                    + " is not supported by the TensorFlow backend");
        };
    }

    static DataType tfType(dev.hprune.compat.graph.DataType type) {
        return tfType(type.onnxCode());
    }

    /** A new TensorFlow tensor holding {@code t}'s values; the caller closes it. */
    static org.tensorflow.Tensor toTf(Tensor t) {
        Shape shape = Shape.of(t.shape());
        switch (tfType(t.type())) {
            case DT_FLOAT: {
                float[] values = new float[t.size()];
                t.copyFloatsTo(values, 0);
                TFloat32 tensor = TFloat32.tensorOf(shape);
                tensor.asRawTensor().data().asFloats().write(values);
                return tensor;
            }
            case DT_INT64: {
                TInt64 tensor = TInt64.tensorOf(shape);
                tensor.asRawTensor().data().asLongs().write(t.toLongs());
                return tensor;
            }
            case DT_INT32: {
                long[] longs = t.toLongs();
                int[] ints = new int[longs.length];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = Math.toIntExact(longs[i]);
                }
                TInt32 tensor = TInt32.tensorOf(shape);
                tensor.asRawTensor().data().asInts().write(ints);
                return tensor;
            }
            case DT_BOOL, DT_UINT8: {
                long[] longs = t.toLongs();
                byte[] bytes = new byte[longs.length];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) longs[i];
                }
                org.tensorflow.Tensor tensor = t.type() == dev.hprune.compat.graph.DataType.BOOL
                        ? TBool.tensorOf(shape) : TUint8.tensorOf(shape);
                tensor.asRawTensor().data().write(bytes);
                return tensor;
            }
            default:
                throw new IllegalStateException();
        }
    }

    static TInt64 longs(long[] shape, long[] values) {
        TInt64 tensor = TInt64.tensorOf(Shape.of(shape));
        tensor.asRawTensor().data().asLongs().write(values);
        return tensor;
    }

    /** {@code t}'s values as a new hprune tensor; {@code t} stays open. */
    static Tensor fromTf(org.tensorflow.Tensor t) {
        long[] shape = t.shape().asArray();
        int size = Math.toIntExact(Tensor.elementCount(shape));
        ByteDataBuffer data = t.asRawTensor().data();
        switch (t.dataType()) {
            case DT_FLOAT: {
                float[] values = new float[size];
                data.asFloats().read(values);
                return Tensor.wrapFloats(shape, values);
            }
            case DT_INT64: {
                long[] values = new long[size];
                data.asLongs().read(values);
                return Tensor.ofLongs(shape, values);
            }
            case DT_INT32: {
                int[] ints = new int[size];
                data.asInts().read(ints);
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = ints[i];
                }
                return Tensor.ofLongs(dev.hprune.compat.graph.DataType.INT32, shape, values);
            }
            case DT_BOOL, DT_UINT8: {
                byte[] bytes = new byte[size];
                data.read(bytes);
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = t.dataType() == DataType.DT_UINT8 ? bytes[i] & 0xff : bytes[i];
                }
                dev.hprune.compat.graph.DataType type = t.dataType() == DataType.DT_BOOL
                        ? dev.hprune.compat.graph.DataType.BOOL : dev.hprune.compat.graph.DataType.UINT8;
                return Tensor.ofLongs(type, shape, values);
            }
            default:
                throw HalconError.of(ErrorCodes.DL_INTERNAL, "cannot fetch a TensorFlow value of type " + t.dataType());
        }
    }
}
