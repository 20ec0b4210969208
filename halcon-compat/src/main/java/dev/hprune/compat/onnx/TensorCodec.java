package dev.hprune.compat.onnx;

import com.google.protobuf.ByteString;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.proto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Converts between ONNX's TensorProto and {@link Tensor}. Reading accepts raw_data (little-endian) and the typed fields;
 * writing always uses raw_data, which every ONNX reader accepts and which keeps large weights compact.
 */
final class TensorCodec {
    private TensorCodec() {}

    /** Decodes {@code proto}; {@code what} names the tensor in error messages. */
    static Tensor decode(TensorProto proto, String what) {
        if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL || proto.getExternalDataCount() > 0) {
            throw OnnxErrors.read(what + ": weights in external files are not supported");
        }
        DataType type = DataType.fromOnnx(proto.getDataType()).orElseThrow(() -> OnnxErrors.read(
                what + ": data type " + proto.getDataType() + " is not supported"));
        long[] shape = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int count = elementCount(shape, what);
        boolean raw = proto.hasRawData() && (!proto.getRawData().isEmpty() || typedCount(proto, type) == 0);
        return raw ? fromRaw(type, shape, count, proto.getRawData(), what) : fromTyped(type, shape, count, proto, what);
    }

    static TensorProto encode(String name, Tensor tensor) {
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(tensor.type().onnxCode())
                .addAllDims(Arrays.stream(tensor.shape()).boxed().toList())
                .setRawData(rawBytes(tensor))
                .build();
    }

    private static int elementCount(long[] shape, String what) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw OnnxErrors.read(what + ": negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw OnnxErrors.read(what + ": shape " + Arrays.toString(shape) + " is too large", e);
            }
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw OnnxErrors.read(what + ": shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) count;
    }

    static int byteWidth(DataType type) {
        return switch (type) {
            case UINT8, INT8, BOOL -> 1;
            case FLOAT16 -> 2;
            case FLOAT, INT32 -> 4;
            case INT64, DOUBLE -> 8;
        };
    }

    private static Tensor fromRaw(DataType type, long[] shape, int count, ByteString bytes, String what) {
        long expected = (long) count * byteWidth(type);
        if (bytes.size() != expected) {
            throw OnnxErrors.read(what + ": raw_data has " + bytes.size() + " bytes, shape "
                    + Arrays.toString(shape) + " of " + type + " needs " + expected);
        }
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (type.isFloating()) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (type) {
                    case FLOAT -> buffer.getFloat();
                    case DOUBLE -> (float) buffer.getDouble();
                    default -> HalfFloat.toFloat(buffer.getShort() & 0xffff);
                };
            }
            return Tensor.ofFloats(type, shape, values);
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (type) {
                case UINT8 -> buffer.get() & 0xff;
                case INT8 -> buffer.get();
                case BOOL -> buffer.get() != 0 ? 1 : 0;
                case INT32 -> buffer.getInt();
                default -> buffer.getLong();
            };
        }
        return Tensor.ofLongs(type, shape, values);
    }

    private static int typedCount(TensorProto proto, DataType type) {
        return switch (type) {
            case FLOAT -> proto.getFloatDataCount();
            case DOUBLE -> proto.getDoubleDataCount();
            case INT64 -> proto.getInt64DataCount();
            default -> proto.getInt32DataCount();
        };
    }

    private static Tensor fromTyped(DataType type, long[] shape, int count, TensorProto proto, String what) {
        int actual = typedCount(proto, type);
        if (actual != count) {
            throw OnnxErrors.read(what + ": holds " + actual + " values, shape " + Arrays.toString(shape)
                    + " needs " + count);
        }
        switch (type) {
            case FLOAT -> {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = proto.getFloatData(i);
                }
                return Tensor.ofFloats(type, shape, values);
            }
            case DOUBLE -> {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = (float) proto.getDoubleData(i);
                }
                return Tensor.ofFloats(type, shape, values);
            }
            case FLOAT16 -> {
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = HalfFloat.toFloat(proto.getInt32Data(i) & 0xffff);
                }
                return Tensor.ofFloats(type, shape, values);
            }
            case INT64 -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = proto.getInt64Data(i);
                }
                return Tensor.ofLongs(type, shape, values);
            }
            default -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    int v = proto.getInt32Data(i);
                    values[i] = switch (type) {
                        case UINT8 -> v & 0xff;
                        case INT8 -> (byte) v;
                        case BOOL -> v != 0 ? 1 : 0;
                        default -> v;
                    };
                }
                return Tensor.ofLongs(type, shape, values);
            }
        }
    }

    private static ByteString rawBytes(Tensor tensor) {
        DataType type = tensor.type();
        int count = tensor.size();
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(count, byteWidth(type)))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (type) {
                case FLOAT -> buffer.putFloat(tensor.floatAt(i));
                case DOUBLE -> buffer.putDouble(tensor.floatAt(i));
                case FLOAT16 -> buffer.putShort((short) HalfFloat.fromFloat(tensor.floatAt(i)));
                case UINT8, INT8, BOOL -> buffer.put((byte) tensor.longAt(i));
                case INT32 -> buffer.putInt((int) tensor.longAt(i));
                case INT64 -> buffer.putLong(tensor.longAt(i));
            }
        }
        buffer.flip();
        return ByteString.copyFrom(buffer);
    }
}
