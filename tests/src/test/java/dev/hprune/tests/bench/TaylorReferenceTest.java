package dev.hprune.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.halcon.HDict;
import dev.hprune.tests.bench.TaylorReference.ChannelSet;
import dev.hprune.tests.bench.TaylorReference.Use;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.ResidualDepthwiseCnn;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's Taylor reference, checked against independent computations: its slicing against ONNX Runtime on the
 * unpruned graph with the removed channels' producing weights zeroed (which must compute the same), its MACs by hand,
 * its importance on hand-computed values, and its recovered gradients against finite differences of the loss.
 */
class TaylorReferenceTest {
    private static final int SIZE = 12;

    @TempDir
    Path dir;

    @Test
    void slicingComputesWhatZeroingTheRemovedChannelsComputes() throws OrtException {
        Graph graph = withRandomBiases(ResidualDepthwiseCnn.build(SIZE, 1, 4, 6, 5, 7, 3, 1), 2);
        List<ChannelSet> sets = TaylorReference.residualDepthwiseCnn();
        Map<ChannelSet, int[]> kept = new LinkedHashMap<>();
        kept.put(sets.get(0), new int[] {0, 2, 3});
        kept.put(sets.get(1), new int[] {1, 4});
        kept.put(sets.get(2), new int[] {0, 1, 4});
        kept.put(sets.get(3), new int[] {2, 3, 5, 6});
        Graph sliced = TaylorReference.slice(graph, sets, kept);
        assertThat(MnistPruningReport.kernelsPerConv(sliced)).isEqualTo("3/2/2/3/3/4/4/3");
        assertSameOutputs(graph, sets, kept, sliced);
    }

    @Test
    void slicingTheDenseLayersFeatureBlocksOfTheMnistCnn() throws OrtException {
        Graph graph = withRandomBiases(SmallCnn.build(SIZE, 1, 4, 5, 3, 1), 2);
        List<ChannelSet> sets = TaylorReference.smallCnn(SIZE);
        Map<ChannelSet, int[]> kept = new LinkedHashMap<>();
        kept.put(sets.get(0), new int[] {1, 3});
        kept.put(sets.get(1), new int[] {0, 2, 4});
        Graph sliced = TaylorReference.slice(graph, sets, kept);
        assertThat(MnistPruningReport.kernelsPerConv(sliced)).isEqualTo("2/3");
        assertSameOutputs(graph, sets, kept, sliced);
    }

    /**
     * A channel whose producers' weights and biases are zero is 0 after every Relu, MaxPool and Add, so its consumers
     * and the head read nothing from it: the sliced graph must compute what the unpruned graph so zeroed computes.
     */
    private void assertSameOutputs(Graph graph, List<ChannelSet> sets, Map<ChannelSet, int[]> kept, Graph sliced)
            throws OrtException {
        Map<String, Tensor> zeroed = new LinkedHashMap<>(graph.initializers());
        for (ChannelSet set : sets) {
            int[] keep = kept.get(set);
            for (String producer : set.producers()) {
                for (String tensor : List.of(producer + ".w", producer + ".b")) {
                    zeroed.put(tensor, zeroOutside(zeroed.get(tensor), keep));
                }
            }
        }
        Random random = new Random(3);
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] image = new float[SIZE * SIZE];
            for (int k = 0; k < image.length; k++) {
                image[k] = random.nextFloat();
            }
            inputs.add(image);
        }
        float[][] expected = run(graph.withInitializers(zeroed), "zeroed", inputs);
        float[][] actual = run(sliced, "sliced", inputs);
        for (int i = 0; i < inputs.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(actual[i][c]).isCloseTo(expected[i][c], within(1e-5f));
            }
        }
        // and the pruned model differs from the unpruned one, or the comparison above shows nothing
        assertThat(run(graph, "full", inputs)[0][0]).isNotCloseTo(expected[0][0], within(1e-4f));
    }

    @Test
    void macsOfASlicedModelAreTheHandCountedOnes() {
        Graph graph = ResidualDepthwiseCnn.build(SIZE, 1, 4, 6, 5, 7, 3, 1);
        List<ChannelSet> sets = TaylorReference.residualDepthwiseCnn();
        Map<ChannelSet, int[]> kept = new LinkedHashMap<>();
        kept.put(sets.get(0), new int[] {0, 1});
        kept.put(sets.get(1), new int[] {0, 1, 2});
        kept.put(sets.get(2), new int[] {0, 1, 2, 3, 4});
        kept.put(sets.get(3), new int[] {0});
        int c = 2, e1 = 3, d = 5, e2 = 1;
        int half = 6 * 6, quarter = 3 * 3;
        long expected = (long) half * (c * 9 + e1 * c + e1 * 9 + c * e1) + (long) quarter * (d * c * 9 + e2 * d
                + e2 * 9 + d * e2) + 3L * d;
        Graph sliced = TaylorReference.slice(graph, sets, kept);
        assertThat(ModelCost.of(sliced, 1, SIZE, SIZE).macs()).isEqualTo(expected);
    }

    @Test
    void importanceIsTheMeanOverWeightTensorsOfWeightTimesGradientNormalisedByTheSetMean() {
        // conv1 has 2 kernels of 1x1x3x3; conv2 reads them on axis 1
        Graph graph = SmallCnn.build(4, 1, 2, 1, 2, 5);
        Map<String, Tensor> gradients = new LinkedHashMap<>();
        graph.initializers().forEach((name, w) -> {
            float[] ones = new float[w.size()];
            Arrays.fill(ones, 1f);
            gradients.put(name, Tensor.ofFloats(w.shape(), ones));
        });
        ChannelSet set = TaylorReference.smallCnn(4).get(0);
        double[] score = TaylorReference.importance(List.of(set), graph, gradients).get(set);
        float[] w1 = graph.initializers().get("conv1.w").toFloats();
        float[] w2 = graph.initializers().get("conv2.w").toFloats();
        double[] byHand = new double[2];
        for (int j = 0; j < 2; j++) {
            double own = 0;
            double read = 0;
            for (int i = 0; i < 9; i++) {
                own += Math.abs(w1[j * 9 + i]);
                read += Math.abs(w2[j * 9 + i]); // conv2.w is [1, 2, 3, 3]: channel j is entries 9j..9j+8
            }
            byHand[j] = (own + read) / 2; // the bias is not counted
        }
        double mean = (byHand[0] + byHand[1]) / 2;
        assertThat(score[0]).isCloseTo(byHand[0] / mean, within(1e-9));
        assertThat(score[1]).isCloseTo(byHand[1] / mean, within(1e-9));
    }

    @Test
    void recoveredGradientsMatchFiniteDifferencesOfTheLoss() throws OrtException {
        Graph graph = ResidualDepthwiseCnn.build(SIZE, 1, 4, 6, 5, 7, 3, 9);
        Random random = new Random(4);
        List<float[]> inputs = new ArrayList<>();
        List<HDict> samples = new ArrayList<>();
        int[] labels = new int[8];
        for (int i = 0; i < labels.length; i++) {
            float[] image = new float[SIZE * SIZE];
            for (int k = 0; k < image.length; k++) {
                image[k] = random.nextFloat();
            }
            labels[i] = random.nextInt(3);
            inputs.add(image);
            samples.add(Samples.of(SIZE, SIZE, 1, image, labels[i]));
        }
        Map<String, Tensor> gradients = TaylorReference.accumulatedGradients(graph, samples, labels.length);
        for (String tensor : List.of("fc.w", "b2.project.w", "stem.w")) {
            float[] g = gradients.get(tensor).toFloats();
            int largest = 0;
            for (int i = 1; i < g.length; i++) {
                largest = Math.abs(g[i]) > Math.abs(g[largest]) ? i : largest;
            }
            double eps = 1e-2;
            double up = loss(perturbed(graph, tensor, largest, eps), inputs, labels);
            double down = loss(perturbed(graph, tensor, largest, -eps), inputs, labels);
            double finite = (up - down) / (2 * eps);
            assertThat(Math.abs(finite)).as(tensor).isGreaterThan(1e-4);
            assertThat((double) g[largest]).as(tensor).isCloseTo(finite, within(0.03 * Math.abs(finite) + 1e-4));
        }
    }

    private double loss(Graph graph, List<float[]> inputs, int[] labels) throws OrtException {
        float[][] p = run(graph, "loss", inputs);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(p[i][labels[i]]);
        }
        return sum / labels.length;
    }

    private static Graph perturbed(Graph graph, String tensor, int index, double by) {
        float[] values = graph.initializers().get(tensor).toFloats();
        values[index] += (float) by;
        return graph.withUpdatedInitializers(Map.of(tensor, Tensor.ofFloats(graph.initializers().get(tensor).shape(),
                values)));
    }

    private float[][] run(Graph graph, String name, List<float[]> inputs) throws OrtException {
        Path file = dir.resolve(name + ".onnx");
        OnnxWriter.write(graph, file);
        return OnnxRuntimeRunner.run(file, inputs, 1, SIZE, SIZE);
    }

    /** Biases start at zero; random ones make the zeroing comparison meaningful. */
    private static Graph withRandomBiases(Graph graph, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> updates = new LinkedHashMap<>();
        graph.initializers().forEach((name, t) -> {
            if (name.endsWith(".b")) {
                float[] values = new float[t.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * 0.1f;
                }
                updates.put(name, Tensor.ofFloats(t.shape(), values));
            }
        });
        return graph.withUpdatedInitializers(updates);
    }

    /** The tensor with every kernel (axis 0 entry) not in {@code keep} set to zero. */
    private static Tensor zeroOutside(Tensor tensor, int[] keep) {
        float[] values = tensor.toFloats();
        int per = values.length / (int) tensor.dim(0);
        for (int k = 0; k < tensor.dim(0); k++) {
            int kernel = k;
            if (Arrays.stream(keep).noneMatch(x -> x == kernel)) {
                Arrays.fill(values, k * per, (k + 1) * per, 0f);
            }
        }
        return Tensor.ofFloats(tensor.shape(), values);
    }
}
