package dev.hprune.compat.onnx;

import com.google.protobuf.ByteString;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.onnx.proto.AttributeProto;
import dev.hprune.compat.onnx.proto.AttributeProto.AttributeType;

/** Converts between ONNX's AttributeProto and {@link Attribute}. */
final class AttributeCodec {
    private AttributeCodec() {}

    static Attribute decode(AttributeProto proto, String nodeLabel) {
        String what = "attribute '" + proto.getName() + "' of node " + nodeLabel;
        return switch (typeOf(proto)) {
            case FLOAT -> new Attribute.FloatValue(proto.getF());
            case INT -> new Attribute.IntValue(proto.getI());
            case STRING -> new Attribute.StringValue(proto.getS().toStringUtf8());
            case TENSOR -> new Attribute.TensorValue(TensorCodec.decode(proto.getT(), what));
            case FLOATS -> new Attribute.Floats(proto.getFloatsList());
            case INTS -> new Attribute.Ints(proto.getIntsList());
            case STRINGS -> new Attribute.Strings(proto.getStringsList().stream().map(ByteString::toStringUtf8).toList());
            default -> throw OnnxErrors.read(what + " has type " + typeOf(proto) + ", which is not supported");
        };
    }

    /** The declared type, or for files that leave it out (early IR versions) the one field that is set. */
    private static AttributeType typeOf(AttributeProto proto) {
        if (proto.hasType() && proto.getType() != AttributeType.UNDEFINED) {
            return proto.getType();
        }
        if (proto.getFloatsCount() > 0) {
            return AttributeType.FLOATS;
        }
        if (proto.getIntsCount() > 0) {
            return AttributeType.INTS;
        }
        if (proto.getStringsCount() > 0) {
            return AttributeType.STRINGS;
        }
        if (proto.hasT()) {
            return AttributeType.TENSOR;
        }
        if (proto.hasS()) {
            return AttributeType.STRING;
        }
        if (proto.hasI()) {
            return AttributeType.INT;
        }
        if (proto.hasF()) {
            return AttributeType.FLOAT;
        }
        return AttributeType.UNDEFINED;
    }

    static AttributeProto encode(String name, Attribute attribute) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name);
        if (attribute instanceof Attribute.FloatValue f) {
            b.setType(AttributeType.FLOAT).setF(f.value());
        } else if (attribute instanceof Attribute.IntValue i) {
            b.setType(AttributeType.INT).setI(i.value());
        } else if (attribute instanceof Attribute.StringValue s) {
            b.setType(AttributeType.STRING).setS(ByteString.copyFromUtf8(s.value()));
        } else if (attribute instanceof Attribute.TensorValue t) {
            b.setType(AttributeType.TENSOR).setT(TensorCodec.encode("", t.value()));
        } else if (attribute instanceof Attribute.Floats fs) {
            b.setType(AttributeType.FLOATS).addAllFloats(fs.values());
        } else if (attribute instanceof Attribute.Ints is) {
            b.setType(AttributeType.INTS).addAllInts(is.values());
        } else if (attribute instanceof Attribute.Strings ss) {
            b.setType(AttributeType.STRINGS).addAllStrings(ss.values().stream().map(ByteString::copyFromUtf8).toList());
        }
        return b.build();
    }
}
