package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.proto.ModelProto;
import dev.hprune.compat.onnx.proto.NodeProto;
import dev.hprune.compat.onnx.proto.OperatorSetIdProto;
import dev.hprune.compat.onnx.proto.TensorProto;
import dev.hprune.compat.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ONNX conformance corpus (Debian libonnx-testdata 1.12): every node test whose operators, opset and value types
 * hprune supports must import, its expected output shapes must come out of shape inference, and where constant
 * folding computes the operator the folded values must equal the expected outputs.
 */
class ConformanceCorpusTest {
    private static List<Path> cases;

    @BeforeAll
    static void listCases() throws IOException {
        Path node = TestMaterial.require("onnx-testdata/node");
        try (Stream<Path> dirs = Files.list(node)) {
            cases = dirs.filter(d -> d.getFileName().toString().startsWith("test_"))
                    .filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).sorted().toList();
        }
    }

    private static ModelProto proto(Path testCase) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(testCase.resolve("model.onnx")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decided from the file itself, independently of the reader: operators, opset and value types in range. */
    private static boolean supported(ModelProto model) {
        long opset = model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty())
                .mapToLong(OperatorSetIdProto::getVersion).findFirst().orElse(-1);
        boolean ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType)
                .allMatch(SupportedOperators::contains);
        Stream<ValueInfoProto> values = Stream.concat(model.getGraph().getInputList().stream(),
                model.getGraph().getOutputList().stream());
        boolean types = values.allMatch(v -> v.getType().hasTensorType()
                && DataType.fromOnnx(v.getType().getTensorType().getElemType()).isPresent());
        return opset >= OnnxReader.MIN_OPSET && opset <= OnnxReader.MAX_OPSET && ops && types;
    }

    private static List<Path> supportedCases() {
        return cases.stream().filter(c -> supported(proto(c))).toList();
    }

    private static Tensor tensorFile(Path file) {
        try {
            return TensorCodec.decode(TensorProto.parseFrom(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Tensor> dataSet(Path testCase, String prefix, int count) {
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tensors.add(tensorFile(testCase.resolve("test_data_set_0").resolve(prefix + "_" + i + ".pb")));
        }
        return tensors;
    }

    @Test
    void everySupportedModelImports() {
        List<String> failures = new ArrayList<>();
        List<Path> supported = supportedCases();
        for (Path testCase : supported) {
            try {
                Graph graph = OnnxReader.read(testCase.resolve("model.onnx"));
                assertThat(graph.opset()).isEqualTo(OnnxReader.CANONICAL_OPSET);
            } catch (HalconError e) {
                failures.add(testCase.getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(supported).hasSizeGreaterThan(180);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyOtherModelIsRefusedWithTheOnnxReadError() {
        List<String> unexpected = new ArrayList<>();
        int refused = 0;
        for (Path testCase : cases) {
            try {
                OnnxReader.read(testCase.resolve("model.onnx"));
            } catch (HalconError e) {
                refused++;
                if (e.code() != ErrorCodes.DL_READ_ONNX) {
                    unexpected.add(testCase.getFileName() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                unexpected.add(testCase.getFileName() + ": " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(refused).isGreaterThan(100);
    }

    @Test
    void shapeInferenceGivesTheExpectedOutputShapes() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path testCase : supportedCases()) {
            Graph graph = OnnxReader.read(testCase.resolve("model.onnx"));
            List<Tensor> inputs = dataSet(testCase, "input", graph.inputs().size());
            List<Tensor> outputs = dataSet(testCase, "output", graph.outputs().size());
            // Integer inputs (shapes, axes, pads, indices) are constants in real models: they go in as initializers.
            Map<String, long[]> given = new LinkedHashMap<>();
            Map<String, Tensor> constants = new LinkedHashMap<>(graph.initializers());
            List<ValueInfo> fed = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                ValueInfo input = graph.inputs().get(i);
                if (input.type().isFloating()) {
                    given.put(input.name(), inputs.get(i).shape());
                    fed.add(input);
                } else {
                    constants.put(input.name(), inputs.get(i));
                }
            }
            graph = graph.withInputs(fed).withInitializers(constants);
            try {
                Map<String, long[]> shapes = ShapeInference.infer(graph, given);
                for (int i = 0; i < outputs.size(); i++) {
                    long[] inferred = shapes.get(graph.outputs().get(i).name());
                    if (!Arrays.equals(inferred, outputs.get(i).shape())) {
                        failures.add(testCase.getFileName() + " output " + i + ": inferred "
                                + Arrays.toString(inferred) + ", expected " + Arrays.toString(outputs.get(i).shape()));
                    }
                }
                checked++;
            } catch (HalconError e) {
                failures.add(testCase.getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(180);
    }

    @Test
    void constantFoldingComputesTheExpectedOutputs() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path testCase : supportedCases()) {
            Graph graph = OnnxReader.read(testCase.resolve("model.onnx"));
            boolean foldable = graph.nodes().stream()
                    .allMatch(n -> ConstantEvaluator.folds(n.opType()));
            if (!foldable || graph.nodes().isEmpty()) {
                continue;
            }
            List<Tensor> inputs = dataSet(testCase, "input", graph.inputs().size());
            List<Tensor> expected = dataSet(testCase, "output", graph.outputs().size());
            Graph folded = GraphSimplifier.fold(asConstants(graph, inputs), Map.of());
            for (int i = 0; i < expected.size(); i++) {
                String name = graph.outputs().get(i).name();
                Tensor actual = folded.initializer(name).orElse(null);
                if (actual == null || !sameValues(actual, expected.get(i))) {
                    failures.add(testCase.getFileName() + " output " + name + ": " + actual + " differs from "
                            + expected.get(i));
                }
            }
            checked++;
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(50);
    }

    /** The inputs become initializers, and each output gets an Identity behind it so that its producer can fold. */
    private static Graph asConstants(Graph graph, List<Tensor> inputs) {
        Map<String, Tensor> initializers = new LinkedHashMap<>(graph.initializers());
        for (int i = 0; i < inputs.size(); i++) {
            initializers.put(graph.inputs().get(i).name(), inputs.get(i));
        }
        List<Node> nodes = new ArrayList<>(graph.nodes());
        List<ValueInfo> outputs = new ArrayList<>();
        for (ValueInfo output : graph.outputs()) {
            String copy = output.name() + "_copy";
            nodes.add(new Node("copy_" + output.name(), "Identity", List.of(output.name()), List.of(copy)));
            outputs.add(new ValueInfo(copy, output.type(), output.shape()));
        }
        return new Graph(graph.name(), nodes, initializers, List.of(), outputs, graph.opset(), Map.of());
    }

    private static boolean sameValues(Tensor actual, Tensor expected) {
        if (actual.type() != expected.type() || !Arrays.equals(actual.shape(), expected.shape())) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            float a = actual.floatAt(i);
            float e = expected.floatAt(i);
            boolean close = actual.isFloating() ? Math.abs(a - e) <= 1e-6f * Math.max(1f, Math.abs(e))
                    || Float.isNaN(a) && Float.isNaN(e) : actual.longAt(i) == expected.longAt(i);
            if (!close) {
                return false;
            }
        }
        return true;
    }
}
