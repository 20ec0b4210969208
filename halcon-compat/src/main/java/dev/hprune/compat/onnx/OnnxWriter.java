package dev.hprune.compat.onnx;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.io.AtomicFiles;
import dev.hprune.compat.onnx.proto.GraphProto;
import dev.hprune.compat.onnx.proto.ModelProto;
import dev.hprune.compat.onnx.proto.NodeProto;
import dev.hprune.compat.onnx.proto.OperatorSetIdProto;
import dev.hprune.compat.onnx.proto.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Graph} as an ONNX model that ONNX Runtime loads: IR version 8, the graph's opset as the default-domain
 * import, every weight as an initializer with little-endian raw_data, inputs and outputs with their shapes (named
 * dimensions included), and {@link Graph#metadata()} as metadata_props. {@link OnnxReader} reads it back into an
 * equal graph.
 *
 * <p>Files are replaced atomically: the bytes go to a temporary file in the target's folder, which is synced and then
 * renamed over the target, so a failed write leaves the old file as it was and no temporary file behind. A process
 * killed mid-write leaves the old file intact and its temporary file ({@code .NAME.RANDOM.tmp}); the next write to the
 * same target deletes such files once they are a minute old. Errors:
 * 7803 when the graph cannot be serialised, 7781 when the file system refuses the file.
 */
public final class OnnxWriter {
    public static final long IR_VERSION = 8;
    public static final String PRODUCER = "hprune";
    /** How long a temporary file must be untouched before a later write to the same target deletes it. */
    public static final Duration ABANDONED_AFTER = AtomicFiles.ABANDONED_AFTER;

    private OnnxWriter() {}

    public static byte[] toBytes(Graph graph) {
        try {
            Set<String> undefined = graph.undefinedValues();
            if (!undefined.isEmpty()) {
                throw OnnxErrors.write("the graph uses values that nothing defines: " + undefined, null);
            }
            return model(graph).toByteArray();
        } catch (HalconError e) {
            throw e;
        } catch (RuntimeException e) {
            throw OnnxErrors.write("cannot serialise the graph: " + e, e);
        }
    }

    public static void write(Graph graph, Path file) {
        byte[] bytes = toBytes(graph);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw OnnxErrors.fileWrite("cannot write " + file + ": " + e, e);
        }
    }

    static ModelProto model(Graph graph) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.name());
        for (Node node : graph.nodes()) {
            g.addNode(node(node));
        }
        graph.initializers().forEach((name, tensor) -> g.addInitializer(TensorCodec.encode(name, tensor)));
        for (ValueInfo input : graph.inputs()) {
            g.addInput(ValueInfoCodec.encode(input));
        }
        for (ValueInfo output : graph.outputs()) {
            g.addOutput(ValueInfoCodec.encode(output));
        }
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(graph.opset()))
                .setGraph(g);
        for (Map.Entry<String, String> entry : graph.metadata().entrySet()) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(entry.getKey()).setValue(entry.getValue()));
        }
        return model.build();
    }

    private static NodeProto node(Node node) {
        NodeProto.Builder b = NodeProto.newBuilder()
                .setName(node.name())
                .setOpType(node.opType())
                .addAllInput(node.inputs())
                .addAllOutput(node.outputs());
        for (Map.Entry<String, Attribute> a : node.attributes().entrySet()) {
            b.addAttribute(AttributeCodec.encode(a.getKey(), a.getValue()));
        }
        return b.build();
    }
}
