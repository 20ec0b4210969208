package dev.hprune.tests.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.prune.ChannelGroup;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.prune.PruningPlan;
import dev.hprune.compat.prune.Surgery;
import dev.hprune.compat.testing.TestGraphs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Surgery is exact: on each hand-built architecture, the pruned graph computes what the original computes with the
 * removed channels zeroed where they are read, run on the TensorFlow backend.
 */
class PruningNumericsTest {

    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of("plain chain", (Supplier<Graph>) TestGraphs::plainChain),
                Arguments.of("residual add", (Supplier<Graph>) TestGraphs::residual),
                Arguments.of("depthwise separable", (Supplier<Graph>) TestGraphs::depthwiseSeparable),
                Arguments.of("squeeze-excitation", (Supplier<Graph>) TestGraphs::squeezeExcitation),
                Arguments.of("concat", (Supplier<Graph>) TestGraphs::concat),
                Arguments.of("flatten-gemm head", (Supplier<Graph>) TestGraphs::flattenHead),
                Arguments.of("reshape-matmul head", (Supplier<Graph>) TestGraphs::reshapeMatMulHead),
                Arguments.of("two dense layers", (Supplier<Graph>) TestGraphs::denseHiddenLayerHead),
                Arguments.of("spatial pad", (Supplier<Graph>) TestGraphs::spatialPad),
                Arguments.of("reduce-mean head", (Supplier<Graph>) TestGraphs::reduceMeanHead),
                Arguments.of("reduce-mean head, kept dims", (Supplier<Graph>) TestGraphs::reduceMeanKeepDimsHead),
                Arguments.of("channels-last flatten head", (Supplier<Graph>) TestGraphs::channelsLastFlattenHead),
                Arguments.of("partly tracked concat", (Supplier<Graph>) TestGraphs::partlyTrackedConcat),
                Arguments.of("resnext grouped conv", (Supplier<Graph>) TestGraphs::resnextBlock),
                Arguments.of("regnet grouped conv with SE", (Supplier<Graph>) TestGraphs::regnetBlock),
                Arguments.of("shufflenet slices and shuffle", (Supplier<Graph>) TestGraphs::shuffleUnit),
                Arguments.of("shufflenet split and shuffle", (Supplier<Graph>) TestGraphs::splitShuffleUnit));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void prunedGraphEqualsOriginalWithRemovedChannelsMaskedToZero(String name, Supplier<Graph> architecture) {
        Graph graph = architecture.get();
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        Random random = new Random(name.hashCode());
        // Random scores: the plan removes a random half of the kernels, keeping what must stay (a kernel in every
        // convolution, a channel in every Split or Slice part).
        Map<ChannelGroup, Double> scores = new HashMap<>();
        for (ChannelGroup group : analysis.groups()) {
            scores.put(group, random.nextDouble());
        }
        Set<ChannelGroup> removed = PruningPlan.select(analysis, scores, 50).removed();
        assertThat(removed).as("some groups removed").isNotEmpty();

        Graph pruned = Surgery.remove(analysis, removed);
        Graph masked = mask(graph, analysis.removedPositions(removed));
        Tensor images = images(graph, random);
        float[] expected = run(masked, images);
        float[] actual = run(pruned, images);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(1e-5f));
        }
        float[] unpruned = run(graph, images);
        assertThat(unpruned).as("removing channels changes the output").isNotEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void oracleScoresReachEveryScoringPoint(String name, Supplier<Graph> architecture) {
        Graph graph = architecture.get();
        List<String> points = PrunabilityAnalysis.of(graph).scoringPoints();
        Tensor images = images(graph, new Random(name.hashCode()));
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            Map<String, float[]> scores = session.taylorScores(graph.inputs().get(0).name(),
                    graph.outputs().get(0).name(), images, new long[] {0, 1, 0}, points);
            assertThat(scores).containsOnlyKeys(points);
            scores.forEach((point, values) -> {
                double sum = 0;
                for (float v : values) {
                    sum += v;
                }
                assertThat(sum).as(point + " scores something").isPositive();
            });
        }
    }

    /** The graph with each scoring point multiplied by a 0/1 channel mask before anything reads it. */
    static Graph mask(Graph graph, Map<String, int[]> removedPositions) {
        Map<String, Tensor> weights = new LinkedHashMap<>(graph.initializers());
        Map<String, String> renamed = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Node node : graph.nodes()) {
            List<String> inputs = node.inputs().stream().map(v -> renamed.getOrDefault(v, v)).toList();
            nodes.add(node.withInputs(inputs));
            for (String output : node.outputs()) {
                int[] removed = removedPositions.get(output);
                if (removed == null) {
                    continue;
                }
                int channels = channelCount(graph, output);
                float[] mask = new float[channels];
                java.util.Arrays.fill(mask, 1f);
                for (int c : removed) {
                    mask[c] = 0f;
                }
                weights.put(output + ".mask", Tensor.ofFloats(new long[] {1, channels, 1, 1}, mask));
                nodes.add(new Node(output + ".masking", "Mul", List.of(output, output + ".mask"),
                        List.of(output + ".masked")));
                renamed.put(output, output + ".masked");
            }
        }
        return new Graph(graph.name(), nodes, weights, graph.inputs(), graph.outputs(), graph.opset(),
                graph.metadata());
    }

    /** Channels of a value, from a run that fetches it. */
    private static int channelCount(Graph graph, String value) {
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            Tensor images = images(graph, new Random(1));
            return (int) session.run(Map.of(graph.inputs().get(0).name(), images), List.of(value)).get(value).dim(1);
        }
    }

    private static Tensor images(Graph graph, Random random) {
        var shape = graph.inputs().get(0).shape();
        long[] dims = {3, shape.get(1).value(), shape.get(2).value(), shape.get(3).value()};
        float[] data = new float[(int) Tensor.elementCount(dims)];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.ofFloats(dims, data);
    }

    private static float[] run(Graph graph, Tensor images) {
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            String output = graph.outputs().get(0).name();
            return session.run(Map.of(graph.inputs().get(0).name(), images), List.of(output)).get(output).toFloats();
        }
    }
}
