package dev.hprune.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.SupportedOperators;
import dev.hprune.tests.support.TestMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ONNX conformance on the execution path: every node case of Debian's libonnx-testdata 1.12 whose operators hprune
 * supports is read with OnnxReader, run on the TensorFlow backend and compared with its reference outputs. Prints
 * "N passed, M failed" per operator and fails on any failure. Deliberate exclusions are listed in {@link #EXCLUDED}
 * with their reasons; cases the reader refuses (an operator outside the supported list, an opset below 9, a data type
 * TensorFlow Java lacks) are counted as not applicable. Integer inputs (Slice starts, Squeeze axes, Pad pads, Reshape
 * targets fed as inputs) are frozen into the graph as constants first, as hprune's models carry such parameters.
 */
class OnnxNodeConformanceTest {

    /** Case name prefix -> why hprune does not run it. */
    static final Map<String, String> EXCLUDED = new TreeMap<>(Map.ofEntries(
            Map.entry("test_averagepool_1d", "1-D pooling: hprune runs 2-D image models"),
            Map.entry("test_averagepool_3d", "3-D pooling: hprune runs 2-D image models"),
            Map.entry("test_maxpool_1d", "1-D pooling: hprune runs 2-D image models"),
            Map.entry("test_maxpool_3d", "3-D pooling: hprune runs 2-D image models"),
            Map.entry("test_maxpool_2d_dilations", "dilated MaxPool: not in the supported operator set"),
            Map.entry("test_maxpool_with_argmax", "MaxPool's Indices output: inference graphs of classifiers do not use it"),
            Map.entry("test_maxpool_2d_uint8", "uint8 activations: hprune computes in float32"),
            Map.entry("test_clip_default_int8", "int8 tensors: TensorFlow Java 1.1.0 has no TInt8"),
            Map.entry("test_batchnorm_epsilon_training_mode", "BatchNormalization training outputs: training runs in TrainDlModelBatch, not in the ONNX graph"),
            Map.entry("test_batchnorm_example_training_mode", "BatchNormalization training outputs: training runs in TrainDlModelBatch, not in the ONNX graph"),
            Map.entry("test_dropout_default_mask", "Dropout's mask output: inference graphs do not use it"),
            Map.entry("test_training_dropout", "Dropout in training mode is random; inference graphs apply it as identity"),
            Map.entry("test_cast_DOUBLE_to_FLOAT16", "float16 results: hprune computes in float32"),
            Map.entry("test_cast_FLOAT_to_FLOAT16", "float16 results: hprune computes in float32"),
            Map.entry("test_castlike_DOUBLE_to_FLOAT16", "float16 results: hprune computes in float32"),
            Map.entry("test_castlike_FLOAT_to_FLOAT16", "float16 results: hprune computes in float32")));

    private static final float TOLERANCE = 1e-4f;

    record Outcome(String operator, String name, String failure) {}

    @Test
    void everySupportedNodeCaseMatchesItsReferenceOutputs() throws IOException {
        Path root = TestMaterial.onnxNodeTests();
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(root)) {
            cases = dirs.filter(d -> Files.isRegularFile(d.resolve("model.onnx"))).sorted().toList();
        }
        List<Outcome> outcomes = new ArrayList<>();
        int notApplicable = 0;
        for (Path testCase : cases) {
            String name = testCase.getFileName().toString();
            if (EXCLUDED.keySet().stream().anyMatch(name::startsWith)) {
                continue;
            }
            Graph graph;
            try {
                graph = OnnxReader.read(testCase.resolve("model.onnx"));
            } catch (HalconError e) {
                notApplicable++;
                continue;
            }
            if (!graph.nodes().stream().map(Node::opType).allMatch(SupportedOperators::contains)) {
                notApplicable++;
                continue;
            }
            graph = freezeIntegerInputs(testCase, graph);
            String operator = graph.nodes().stream().map(Node::opType).filter(op -> !op.equals("Constant"))
                    .reduce((a, b) -> b).orElse("Constant");
            outcomes.add(new Outcome(operator, name, run(testCase, graph)));
        }
        Map<String, int[]> byOperator = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            int[] counts = byOperator.computeIfAbsent(outcome.operator(), k -> new int[2]);
            counts[outcome.failure() == null ? 0 : 1]++;
        }
        byOperator.forEach((op, counts) -> System.out.printf("%s: %d passed, %d failed%n", op, counts[0], counts[1]));
        List<Outcome> failures = outcomes.stream().filter(o -> o.failure() != null).toList();
        failures.forEach(f -> System.out.println("FAILED " + f.name() + ": " + f.failure()));
        System.out.printf("ONNX node conformance: %d passed, %d failed (%d cases not applicable, %d excluded)%n",
                outcomes.size() - failures.size(), failures.size(), notApplicable, EXCLUDED.size());
        assertThat(outcomes).as("applicable cases").hasSizeGreaterThan(100);
        assertThat(failures).as("failed cases").isEmpty();
    }

    /**
     * The graph with its parameter inputs turned into initializers holding the test's values: integer inputs, and any
     * input that operators read only as a parameter (Pad's constant value, Clip's bounds), never as data.
     */
    private static Graph freezeIntegerInputs(Path testCase, Graph graph) {
        Map<String, Tensor> weights = new LinkedHashMap<>(graph.initializers());
        List<ValueInfo> inputs = new ArrayList<>();
        for (int i = 0; i < graph.inputs().size(); i++) {
            ValueInfo input = graph.inputs().get(i);
            boolean parameterOnly = graph.consumers(input.name()).stream()
                    .allMatch(n -> !n.inputs().get(0).equals(input.name()) && Set.of("Pad", "Clip").contains(n.opType()));
            boolean data = input.type().isFloating() || input.type() == dev.hprune.compat.graph.DataType.UINT8;
            if (data && !parameterOnly) {
                inputs.add(input);
            } else {
                weights.put(input.name(), tensor(testCase.resolve("test_data_set_0").resolve("input_" + i + ".pb")));
            }
        }
        return new Graph(graph.name(), graph.nodes(), weights, inputs, graph.outputs(), graph.opset(),
                graph.metadata());
    }

    /** Null when the backend reproduces every reference output, else what went wrong. */
    private static String run(Path testCase, Graph graph) {
        Path data = testCase.resolve("test_data_set_0");
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        List<String> declared = inputNames(testCase);
        for (ValueInfo input : graph.inputs()) {
            feeds.put(input.name(), tensor(data.resolve("input_" + declared.indexOf(input.name()) + ".pb")));
        }
        List<String> fetches = graph.outputs().stream().map(ValueInfo::name).toList();
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            Map<String, Tensor> results = session.run(feeds, fetches);
            for (int i = 0; i < fetches.size(); i++) {
                Tensor expected = tensor(data.resolve("output_" + i + ".pb"));
                String mismatch = compare(expected, results.get(fetches.get(i)));
                if (mismatch != null) {
                    return "output " + i + ": " + mismatch;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** The case's graph inputs in file order (input_N.pb follows it). */
    private static List<String> inputNames(Path testCase) {
        return OnnxReader.read(testCase.resolve("model.onnx")).inputs().stream().map(ValueInfo::name).toList();
    }

    private static String compare(Tensor expected, Tensor actual) {
        if (actual == null) {
            return "not produced";
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.isFloating()) {
                float e = expected.floatAt(i);
                float a = actual.floatAt(i);
                boolean close = (Float.isNaN(e) && Float.isNaN(a)) || e == a
                        || Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e));
                if (!close) {
                    return "element " + i + " = " + a + ", expected " + e;
                }
            } else if (expected.longAt(i) != actual.longAt(i)) {
                return "element " + i + " = " + actual.longAt(i) + ", expected " + expected.longAt(i);
            }
        }
        return null;
    }

    private static Tensor tensor(Path file) {
        try {
            return OnnxReader.readTensor(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
