package dev.hprune.compat.onnx;

import static dev.hprune.compat.onnx.OnnxModels.bytes;
import static dev.hprune.compat.onnx.OnnxModels.constant;
import static dev.hprune.compat.onnx.OnnxModels.dims;
import static dev.hprune.compat.onnx.OnnxModels.floatValue;
import static dev.hprune.compat.onnx.OnnxModels.floats;
import static dev.hprune.compat.onnx.OnnxModels.floatsAttr;
import static dev.hprune.compat.onnx.OnnxModels.graph;
import static dev.hprune.compat.onnx.OnnxModels.intAttr;
import static dev.hprune.compat.onnx.OnnxModels.ints;
import static dev.hprune.compat.onnx.OnnxModels.node;
import static dev.hprune.compat.onnx.OnnxModels.rawFloats;
import static dev.hprune.compat.onnx.OnnxModels.tensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.proto.AttributeProto;
import dev.hprune.compat.onnx.proto.GraphProto;
import dev.hprune.compat.onnx.proto.NodeProto;
import dev.hprune.compat.onnx.proto.TensorProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxReaderTest {

    /** x [N,2] -> Mul(w) -> Relu -> y, w as given. */
    private static GraphProto.Builder scaled(TensorProto weight, boolean asConstantNode) {
        GraphProto.Builder g = graph("scaled")
                .addInput(floatValue("x", "N", 2))
                .addOutput(floatValue("y", "N", 2));
        if (asConstantNode) {
            g.addNode(constant("w", weight));
        } else {
            g.addInitializer(weight.toBuilder().setName("w"));
        }
        return g.addNode(node("mul", "Mul", List.of("x", "w"), List.of("xw")))
                .addNode(node("relu", "Relu", List.of("xw"), List.of("y")));
    }

    private static HalconError readError(ThrowingCallable read) {
        try {
            read.call();
        } catch (HalconError e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a HalconError, got " + t, t);
        }
        throw new AssertionError("expected a HalconError, but the model was read");
    }

    @Test
    void initializersBecomeWeights() {
        Graph g = OnnxReader.read(bytes(13, scaled(floats("w", dims(2), 2f, 3f), false)));
        assertThat(g.initializer("w").orElseThrow()).isEqualTo(Tensor.ofFloats(new long[] {2}, new float[] {2f, 3f}));
        assertThat(g.nodes()).extracting(Node::opType).containsExactly("Mul", "Relu");
    }

    @Test
    void constantNodesDisappearIntoInitializers() {
        Graph g = OnnxReader.read(bytes(13, scaled(floats("ignored", dims(2), 2f, 3f), true)));
        assertThat(g.nodes()).extracting(Node::opType).containsExactly("Mul", "Relu");
        assertThat(g.initializer("w").orElseThrow().toFloats()).containsExactly(2f, 3f);
    }

    @Test
    void constantNodesWithScalarAndListAttributes() {
        GraphProto.Builder g = graph("c").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("a", "Constant", List.of(), List.of("f"),
                        AttributeProto.newBuilder().setName("value_float").setType(AttributeProto.AttributeType.FLOAT)
                                .setF(1.5f).build()))
                .addNode(node("b", "Constant", List.of(), List.of("fs"), floatsAttr("value_floats", 1f, 2f)))
                .addNode(node("c", "Constant", List.of(), List.of("i"), intAttr("value_int", 7)))
                .addNode(node("d", "Constant", List.of(), List.of("is"), ints("value_ints", 4, 5, 6)))
                .addNode(node("sum", "Add", List.of("x", "fs"), List.of("s")))
                .addNode(node("out", "Mul", List.of("s", "f"), List.of("y")));
        Graph graph = OnnxReader.read(bytes(13, g));
        assertThat(graph.initializer("f").orElseThrow()).isEqualTo(Tensor.scalar(1.5f));
        assertThat(graph.initializer("fs").orElseThrow().toFloats()).containsExactly(1f, 2f);
        assertThat(graph.initializer("i").orElseThrow()).isEqualTo(Tensor.scalar(7L));
        assertThat(graph.initializer("is").orElseThrow().shape()).containsExactly(3);
        assertThat(graph.initializer("is").orElseThrow().toLongs()).containsExactly(4, 5, 6);
    }

    @Test
    void rawAndTypedFloatDataGiveTheSameTensor() {
        Tensor raw = OnnxReader.read(bytes(13, scaled(rawFloats("w", dims(2), 0.25f, -4f), false)))
                .initializer("w").orElseThrow();
        Tensor typed = OnnxReader.read(bytes(13, scaled(floats("w", dims(2), 0.25f, -4f), false)))
                .initializer("w").orElseThrow();
        assertThat(raw).isEqualTo(typed);
    }

    private static Tensor decodeRaw(int type, long[] shape, int... raw) {
        byte[] bytes = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bytes[i] = (byte) raw[i];
        }
        return TensorCodec.decode(tensor("t", type, shape).setRawData(ByteString.copyFrom(bytes)).build(), "t");
    }

    @Test
    void rawDataIsLittleEndianForEveryType() {
        assertThat(decodeRaw(2, dims(2), 0xff, 1).toLongs()).containsExactly(255, 1);
        assertThat(decodeRaw(3, dims(2), 0xff, 1).toLongs()).containsExactly(-1, 1);
        assertThat(decodeRaw(9, dims(3), 0, 1, 2).toLongs()).containsExactly(0, 1, 1);
        assertThat(decodeRaw(6, dims(1), 1, 2, 0, 0).toLongs()).containsExactly(0x201);
        assertThat(decodeRaw(7, dims(1), 0xfe, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff).toLongs()).containsExactly(-2);
        assertThat(decodeRaw(10, dims(2), 0x00, 0x3c, 0x00, 0xc0).toFloats()).containsExactly(1f, -2f);
        assertThat(decodeRaw(11, dims(1), 0, 0, 0, 0, 0, 0, 0xf8, 0x3f).toFloats()).containsExactly(1.5f);
        assertThat(decodeRaw(1, dims(1), 0, 0, 0x80, 0x3f).toFloats()).containsExactly(1f);
    }

    @Test
    void typedFieldsHoldSmallTypesInInt32Data() {
        TensorProto half = tensor("h", 10, 1).addInt32Data(0x3c00).build();
        TensorProto bool = tensor("b", 9, 2).addInt32Data(0).addInt32Data(1).build();
        TensorProto int8 = tensor("i", 3, 1).addInt32Data(-5).build();
        TensorProto dbl = tensor("d", 11, 1).addDoubleData(0.5).build();
        TensorProto i64 = tensor("l", 7, 1).addInt64Data(1L << 40).build();
        assertThat(TensorCodec.decode(half, "h").toFloats()).containsExactly(1f);
        assertThat(TensorCodec.decode(bool, "b").type()).isEqualTo(DataType.BOOL);
        assertThat(TensorCodec.decode(bool, "b").toLongs()).containsExactly(0, 1);
        assertThat(TensorCodec.decode(int8, "i").toLongs()).containsExactly(-5);
        assertThat(TensorCodec.decode(dbl, "d").toFloats()).containsExactly(0.5f);
        assertThat(TensorCodec.decode(i64, "l").toLongs()).containsExactly(1L << 40);
    }

    @Test
    void everyTypeSurvivesEncoding() {
        for (DataType type : DataType.values()) {
            Tensor t = type.isFloating()
                    ? Tensor.ofFloats(type, new long[] {2, 1}, new float[] {1.5f, -0.25f})
                    : Tensor.ofLongs(type, new long[] {2, 1}, new long[] {1, type == DataType.UINT8 ? 200 : 0});
            assertThat(TensorCodec.decode(TensorCodec.encode("t", t), "t")).as(type.name()).isEqualTo(t);
        }
    }

    @Test
    void graphInputsWithAnInitializerAreWeights() {
        GraphProto.Builder g = scaled(floats("w", dims(2), 1f, 1f), false).addInput(floatValue("w", 2));
        Graph graph = OnnxReader.read(bytes(13, g));
        assertThat(graph.inputs()).extracting(ValueInfo::name).containsExactly("x");
        assertThat(graph.initializers()).containsKey("w");
    }

    @Test
    void namedDynamicDimensionsAreKept() {
        Graph graph = OnnxReader.read(bytes(13, scaled(floats("w", dims(2), 1f, 1f), false)));
        assertThat(graph.inputs().get(0).shape()).containsExactly(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(2));
    }

    @Test
    void nodesAreSortedTopologically() {
        GraphProto.Builder g = graph("shuffled").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("third", "Sigmoid", List.of("b"), List.of("y")))
                .addNode(node("second", "Tanh", List.of("a"), List.of("b")))
                .addNode(node("first", "Relu", List.of("x"), List.of("a")));
        assertThat(OnnxReader.read(bytes(13, g)).nodes()).extracting(Node::name)
                .containsExactly("first", "second", "third");
    }

    @Test
    void metadataIsRead() {
        byte[] model = OnnxModels.model(13, scaled(floats("w", dims(2), 1f, 1f), false)).toBuilder()
                .addMetadataProps(dev.hprune.compat.onnx.proto.StringStringEntryProto.newBuilder()
                        .setKey("class_ids").setValue("0,1"))
                .build().toByteArray();
        assertThat(OnnxReader.read(model).metadata()).containsEntry("class_ids", "0,1");
    }

    @Test
    void unsupportedOperatorNamesOperatorAndNode() {
        GraphProto.Builder g = graph("lstm").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("my_lstm", "LSTM", List.of("x"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("LSTM").contains("my_lstm");
    }

    @Test
    void operatorOfAnotherDomainIsUnsupported() {
        GraphProto.Builder g = graph("ms").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("fused", "Relu", List.of("x"), List.of("y")).toBuilder().setDomain("com.microsoft"));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("com.microsoft.Relu").contains("fused");
    }

    @Test
    void missingFileIs5200(@TempDir Path folder) {
        HalconError e = readError(() -> OnnxReader.read(folder.resolve("absent.onnx")));
        assertThat(e.code()).isEqualTo(ErrorCodes.FILE_NOT_FOUND);
        assertThat(e.detail()).contains("absent.onnx");
    }

    @Test
    void truncatedBytesAre7801() {
        byte[] whole = bytes(13, scaled(floats("w", dims(2), 1f, 1f), false));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(readError(() -> OnnxReader.read(cut)).code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
    }

    @Test
    void emptyBytesAre7801() {
        assertThat(readError(() -> OnnxReader.read(new byte[0])).code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
    }

    @Test
    void corruptedBytesNeverRaiseAnotherException() {
        byte[] whole = bytes(9, scaled(floats("w", dims(2), 1f, 1f), true));
        Random random = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = whole.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                OnnxReader.read(bad);
            } catch (HalconError e) {
                assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
            }
        }
    }

    @Test
    void unknownDataTypeNamesTheTensor() {
        TensorProto bfloat = tensor("w", 16, 2).setRawData(ByteString.copyFrom(new byte[4])).build();
        HalconError e = readError(() -> OnnxReader.read(bytes(13, scaled(bfloat, false))));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("'w'").contains("data type 16");
    }

    @Test
    void rawDataOfTheWrongSizeIsRefused() {
        TensorProto shortRaw = tensor("w", 1, 2).setRawData(ByteString.copyFrom(new byte[7])).build();
        HalconError e = readError(() -> OnnxReader.read(bytes(13, scaled(shortRaw, false))));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("7 bytes").contains("needs 8");
    }

    @Test
    void typedDataOfTheWrongCountIsRefusedNamingTheConstantNode() {
        TensorProto three = floats(null, dims(2), 1f, 2f, 3f);
        HalconError e = readError(() -> OnnxReader.read(bytes(13, scaled(three, true))));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("const_w").contains("3 values");
    }

    /** Found by OnnxReaderFuzzTest: a Mul with one input used to read, then failed deep inside shape inference. */
    @Test
    void binaryOperatorWithOneInputIsRefusedAtImport() {
        GraphProto.Builder g = graph("unary_mul").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("half_mul", "Mul", List.of("x"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("half_mul").contains("has 1 inputs").contains("needs 2");
    }

    @Test
    void inputCountsFollowTheFilesOpset() {
        GraphProto.Builder oldSlice = graph("old_slice").addInput(floatValue("x", 4)).addOutput(floatValue("y", 2))
                .addNode(node("cut", "Slice", List.of("x"), List.of("y"), ints("starts", 0), ints("ends", 2),
                        ints("axes", 0)));
        assertThat(OnnxReader.read(bytes(9, oldSlice)).nodes()).hasSize(1);
        HalconError e = readError(() -> OnnxReader.read(bytes(13, oldSlice)));
        assertThat(e.detail()).contains("cut").contains("opset 13 needs 3 to 5");
    }

    @Test
    void requiredInputWithAnEmptyNameIsRefused() {
        GraphProto.Builder g = graph("empty").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("adder", "Add", List.of("x", ""), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("adder").contains("required input 2");
    }

    @Test
    void danglingValueNamesNodeAndValue() {
        GraphProto.Builder g = graph("dangling").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("adder", "Add", List.of("x", "nowhere"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("adder").contains("nowhere");
    }

    @Test
    void danglingGraphOutputIsRefused() {
        GraphProto.Builder g = graph("dangling").addInput(floatValue("x", 2)).addOutput(floatValue("z", 2))
                .addNode(node("relu", "Relu", List.of("x"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("'z'");
    }

    @Test
    void cycleIsRefused() {
        GraphProto.Builder g = graph("cycle").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("a", "Add", List.of("x", "b_out"), List.of("a_out")))
                .addNode(node("b", "Relu", List.of("a_out"), List.of("b_out")))
                .addNode(node("c", "Relu", List.of("a_out"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("cycle");
    }

    @Test
    void valueDefinedTwiceIsRefused() {
        GraphProto.Builder g = graph("twice").addInput(floatValue("x", 2)).addOutput(floatValue("y", 2))
                .addNode(node("a", "Relu", List.of("x"), List.of("y")))
                .addNode(node("b", "Tanh", List.of("x"), List.of("y")));
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("'y'").contains("b");
    }

    @Test
    void opsetsOutside9To17AreRefused() {
        for (long opset : new long[] {8, 18}) {
            HalconError e = readError(() -> OnnxReader.read(bytes(opset, scaled(floats("w", dims(2), 1f, 1f), false))));
            assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
            assertThat(e.detail()).contains("opset " + opset);
        }
    }

    @Test
    void nonTensorInputsAreRefused() {
        GraphProto.Builder g = scaled(floats("w", dims(2), 1f, 1f), false);
        g.setInput(0, g.getInput(0).toBuilder().clearType());
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("'x'").contains("not a tensor");
    }

    @Test
    void externalWeightsAreRefused() {
        TensorProto external = tensor("w", 1, 2).setDataLocation(TensorProto.DataLocation.EXTERNAL).build();
        HalconError e = readError(() -> OnnxReader.read(bytes(13, scaled(external, false))));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("external");
    }

    @Test
    void constantWithUnsupportedAttributeNamesTheNode() {
        NodeProto sparse = node("sparse_const", "Constant", List.of(), List.of("w"),
                AttributeProto.newBuilder().setName("value_string").setType(AttributeProto.AttributeType.STRING)
                        .setS(ByteString.copyFromUtf8("text")).build());
        GraphProto.Builder g = scaled(floats("w", dims(2), 1f, 1f), true);
        g.setNode(0, sparse);
        HalconError e = readError(() -> OnnxReader.read(bytes(13, g)));
        assertThat(e.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(e.detail()).contains("sparse_const").contains("value_string");
    }
}
