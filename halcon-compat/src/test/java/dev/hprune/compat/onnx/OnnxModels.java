package dev.hprune.compat.onnx;

import com.google.protobuf.ByteString;
import dev.hprune.compat.onnx.proto.AttributeProto;
import dev.hprune.compat.onnx.proto.AttributeProto.AttributeType;
import dev.hprune.compat.onnx.proto.GraphProto;
import dev.hprune.compat.onnx.proto.ModelProto;
import dev.hprune.compat.onnx.proto.NodeProto;
import dev.hprune.compat.onnx.proto.OperatorSetIdProto;
import dev.hprune.compat.onnx.proto.TensorProto;
import dev.hprune.compat.onnx.proto.TensorShapeProto;
import dev.hprune.compat.onnx.proto.TypeProto;
import dev.hprune.compat.onnx.proto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/** Hand-built ONNX protos for tests, made with the generated classes (no ONNX tooling at test time). */
final class OnnxModels {
    private OnnxModels() {}

    static ModelProto model(long opset, GraphProto.Builder graph) {
        return ModelProto.newBuilder()
                .setIrVersion(opset >= 15 ? 8 : 7)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph)
                .build();
    }

    static byte[] bytes(long opset, GraphProto.Builder graph) {
        return model(opset, graph).toByteArray();
    }

    static GraphProto.Builder graph(String name) {
        return GraphProto.newBuilder().setName(name);
    }

    static NodeProto node(String name, String op, List<String> inputs, List<String> outputs,
            AttributeProto... attributes) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(Arrays.asList(attributes)).build();
    }

    /** A tensor value info; a String dim is a named (dynamic) dimension, a Number a fixed one. */
    static ValueInfoProto value(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static ValueInfoProto floatValue(String name, Object... dims) {
        return value(name, 1, dims);
    }

    static TensorProto.Builder tensor(String name, int type, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(type);
        if (name != null) {
            t.setName(name);
        }
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    static TensorProto floats(String name, long[] dims, float... values) {
        TensorProto.Builder t = tensor(name, 1, dims);
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }

    static TensorProto rawFloats(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return tensor(name, 1, dims).setRawData(ByteString.copyFrom(b.array())).build();
    }

    static TensorProto longs(String name, long[] dims, long... values) {
        TensorProto.Builder t = tensor(name, 7, dims);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    static long[] dims(long... dims) {
        return dims;
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto floatsAttr(String name, float... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
        for (float v : values) {
            a.addFloats(v);
        }
        return a.build();
    }

    static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto tensorAttr(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(value).build();
    }

    /** A Constant node holding {@code value} as its 'value' attribute. */
    static NodeProto constant(String output, TensorProto value) {
        return node("const_" + output, "Constant", List.of(), List.of(output), tensorAttr("value", value));
    }
}
