package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.proto.TensorShapeProto;
import dev.hprune.compat.onnx.proto.TypeProto;
import dev.hprune.compat.onnx.proto.ValueInfoProto;
import java.util.ArrayList;
import java.util.List;

/** Converts between ONNX's ValueInfoProto (tensor types only) and {@link ValueInfo}. */
final class ValueInfoCodec {
    private ValueInfoCodec() {}

    /** Decodes a graph input or output; {@code role} ("input", "output") is for error messages. */
    static ValueInfo decode(ValueInfoProto proto, String role) {
        String what = "graph " + role + " '" + proto.getName() + "'";
        if (proto.getName().isEmpty()) {
            throw OnnxErrors.read("a graph " + role + " has no name");
        }
        if (!proto.getType().hasTensorType()) {
            throw OnnxErrors.read(what + " is not a tensor (sequence, map and optional values are not supported)");
        }
        TypeProto.Tensor tensorType = proto.getType().getTensorType();
        DataType type = DataType.fromOnnx(tensorType.getElemType()).orElseThrow(() -> OnnxErrors.read(
                what + " has element type " + tensorType.getElemType() + ", which is not supported"));
        List<ValueInfo.Dim> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension d : tensorType.getShape().getDimList()) {
            if (d.hasDimValue() && d.getDimValue() >= 0) {
                dims.add(ValueInfo.Dim.fixed(d.getDimValue()));
            } else {
                dims.add(ValueInfo.Dim.named(d.hasDimParam() ? d.getDimParam() : ""));
            }
        }
        return new ValueInfo(proto.getName(), type, dims);
    }

    /** True when the file states the rank; false when the shape is left out entirely (unknown rank). */
    static boolean hasShape(ValueInfoProto proto) {
        return proto.getType().getTensorType().hasShape();
    }

    static ValueInfoProto encode(ValueInfo info) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (ValueInfo.Dim d : info.shape()) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d.isFixed()) {
                dim.setDimValue(d.value());
            } else if (!d.param().isEmpty()) {
                dim.setDimParam(d.param());
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(info.type().onnxCode()).setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(info.name()).setType(type).build();
    }
}
