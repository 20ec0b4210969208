package dev.hprune.compat.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.proto.AttributeProto;
import dev.hprune.compat.onnx.proto.GraphProto;
import dev.hprune.compat.onnx.proto.ModelProto;
import dev.hprune.compat.onnx.proto.NodeProto;
import dev.hprune.compat.onnx.proto.OperatorSetIdProto;
import dev.hprune.compat.onnx.proto.StringStringEntryProto;
import dev.hprune.compat.onnx.proto.TensorProto;
import dev.hprune.compat.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ONNX model into a {@link Graph}, in one canonical form whatever opset the file was written for.
 *
 * <p>The canonical form is opset {@value #CANONICAL_OPSET} semantics ({@link Graph#opset()} is always
 * {@value #CANONICAL_OPSET}): files of opset 9 to 17 are accepted and rewritten by {@link OpsetNormalization}
 * (Clip, Slice, Squeeze, Unsqueeze and Pad take their parameters as constant inputs; old Softmax is made exact under
 * the new meaning; attributes that no longer exist are dropped). Weights come from initializers and from
 * {@code Constant} nodes, which disappear into {@link Graph#initializers()}; graph inputs that have an initializer are
 * weights, not inputs. Nodes come out in topological order.
 *
 * <p>Errors are HALCON's: 5200 when the file does not exist, 7801 for everything that makes the model unreadable
 * (malformed bytes, an unsupported operator or data type, inconsistent tensor sizes, values nothing provides), with
 * a detail naming the node and operator. No other exception leaves this class.
 */
public final class OnnxReader {
    /** The default-domain opset whose semantics every imported graph has. */
    public static final long CANONICAL_OPSET = 17;
    public static final long MIN_OPSET = 9;
    public static final long MAX_OPSET = 17;

    private OnnxReader() {}

    public static Graph read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new HalconError(ErrorCodes.FILE_NOT_FOUND, "", file.toString(), e);
        } catch (IOException | RuntimeException e) {
            throw OnnxErrors.read("cannot read " + file + ": " + e, e);
        }
        return read(bytes);
    }

    /** One serialized TensorProto (as the ONNX test data sets hold their inputs and outputs); 7801 when malformed. */
    public static Tensor readTensor(byte[] bytes) {
        try {
            return TensorCodec.decode(TensorProto.parseFrom(bytes), "tensor");
        } catch (InvalidProtocolBufferException e) {
            throw OnnxErrors.read("not a valid ONNX tensor (" + e.getMessage() + ")", e);
        } catch (HalconError e) {
            throw e;
        } catch (RuntimeException e) {
            throw OnnxErrors.read("cannot decode the tensor: " + e, e);
        }
    }

    public static Graph read(byte[] bytes) {
        try {
            ModelProto model = ModelProto.parseFrom(bytes);
            return decode(model);
        } catch (InvalidProtocolBufferException e) {
            throw OnnxErrors.read("not a valid ONNX model (" + e.getMessage() + ")", e);
        } catch (HalconError e) {
            throw e;
        } catch (RuntimeException e) {
            throw OnnxErrors.read("cannot import the model: " + e, e);
        }
    }

    private static Graph decode(ModelProto model) {
        long opset = defaultOpset(model);
        if (!model.hasGraph()) {
            throw OnnxErrors.read("the model has no graph");
        }
        GraphProto g = model.getGraph();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().isEmpty()) {
                throw OnnxErrors.read("an initializer has no name");
            }
            if (initializers.put(t.getName(), TensorCodec.decode(t, "initializer '" + t.getName() + "'")) != null) {
                throw OnnxErrors.read("initializer '" + t.getName() + "' is defined twice");
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (NodeProto proto : g.getNodeList()) {
            Node node = decodeNode(proto);
            OperatorArity.check(node, opset);
            if (node.opType().equals("Constant")) {
                addConstant(node, initializers);
            } else {
                nodes.add(node);
            }
        }
        List<ValueInfo> inputs = new ArrayList<>();
        for (ValueInfoProto input : g.getInputList()) {
            if (!initializers.containsKey(input.getName())) {
                inputs.add(ValueInfoCodec.decode(input, "input"));
            }
        }
        List<ValueInfo> outputs = new ArrayList<>();
        List<String> shapeless = new ArrayList<>();
        for (ValueInfoProto output : g.getOutputList()) {
            outputs.add(ValueInfoCodec.decode(output, "output"));
            if (!ValueInfoCodec.hasShape(output)) {
                shapeless.add(output.getName());
            }
        }
        Set<String> available = new HashSet<>(initializers.keySet());
        inputs.forEach(i -> available.add(i.name()));
        List<Node> sorted = TopologicalOrder.sort(nodes, available);
        Set<String> produced = new HashSet<>(available);
        sorted.forEach(n -> produced.addAll(n.outputs()));
        for (ValueInfo output : outputs) {
            if (!produced.contains(output.name())) {
                throw OnnxErrors.read("graph output '" + output.name() + "' is not produced by any node");
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            metadata.put(entry.getKey(), entry.getValue());
        }
        Graph graph = new Graph(g.getName(), sorted, initializers, inputs, outputs, opset, metadata);
        return OutputShapes.complete(OpsetNormalization.apply(graph, opset), shapeless);
    }

    private static long defaultOpset(ModelProto model) {
        Long version = null;
        for (OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                version = id.getVersion();
            }
        }
        if (version == null) {
            throw OnnxErrors.read("the model imports no version of the default ONNX operator set");
        }
        if (version < MIN_OPSET || version > MAX_OPSET) {
            throw OnnxErrors.read("opset " + version + " is not supported (" + MIN_OPSET + " to " + MAX_OPSET + ")");
        }
        return version;
    }

    private static Node decodeNode(NodeProto proto) {
        String label = proto.getName().isEmpty()
                ? proto.getOpType() + "->" + (proto.getOutputCount() > 0 ? proto.getOutput(0) : "?")
                : proto.getName();
        boolean defaultDomain = proto.getDomain().isEmpty() || proto.getDomain().equals("ai.onnx");
        if (!defaultDomain || !SupportedOperators.contains(proto.getOpType())) {
            String op = defaultDomain ? proto.getOpType() : proto.getDomain() + "." + proto.getOpType();
            throw OnnxErrors.read("operator " + op + " of node " + label + " is not supported");
        }
        if (proto.getOutputCount() == 0 || proto.getOutput(0).isEmpty()) {
            throw OnnxErrors.read("node " + label + " (" + proto.getOpType() + ") has no output");
        }
        Map<String, dev.hprune.compat.graph.Attribute> attributes = new LinkedHashMap<>();
        for (AttributeProto a : proto.getAttributeList()) {
            attributes.put(a.getName(), AttributeCodec.decode(a, label + " (" + proto.getOpType() + ")"));
        }
        return new Node(proto.getName(), proto.getOpType(), proto.getInputList(), proto.getOutputList(), attributes);
    }

    private static void addConstant(Node node, Map<String, Tensor> initializers) {
        String what = "node " + node.label() + " (Constant)";
        if (node.attributes().size() != 1 || node.outputs().size() != 1) {
            throw OnnxErrors.read(what + " needs exactly one value attribute and one output");
        }
        Tensor value;
        if (node.has("value")) {
            value = node.tensorAttr("value").orElseThrow(() -> OnnxErrors.read(what + ": 'value' is not a tensor"));
        } else if (node.has("value_float")) {
            value = Tensor.scalar(node.floatAttr("value_float", 0f));
        } else if (node.has("value_floats")) {
            float[] v = node.floatsAttr("value_floats", new float[0]);
            value = Tensor.ofFloats(new long[] {v.length}, v);
        } else if (node.has("value_int")) {
            value = Tensor.scalar(node.intAttr("value_int", 0));
        } else if (node.has("value_ints")) {
            long[] v = node.intsAttr("value_ints", new long[0]);
            value = Tensor.ofLongs(new long[] {v.length}, v);
        } else {
            throw OnnxErrors.read(what + ": attribute '" + node.attributes().keySet().iterator().next()
                    + "' is not supported");
        }
        if (initializers.put(node.output(), value) != null) {
            throw OnnxErrors.read(what + ": value '" + node.output() + "' is defined twice");
        }
    }
}
