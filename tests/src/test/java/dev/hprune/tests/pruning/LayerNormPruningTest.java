package dev.hprune.tests.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtException;
import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.prune.ChannelGroup;
import dev.hprune.compat.prune.Kernel;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.prune.Surgery;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Channels followed through a LayerNorm over the channel axis, on small models exported by Debian's torch
 * (src/test/python/layer_norm_models.py): ConvNeXt's layout (LayerNorm2d as a permute to channels-last, layer_norm and
 * a permute back; blocks of depthwise conv, channels-last LayerNorm, Linear(C, 4C), GELU, Linear(4C, C), layer scale,
 * residual Add) and a LayerNorm2d written over axis 1 of NCHW, each at opset 13 (LayerNorm written out as
 * ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div) and 17 (LayerNormalization). Exported once into {@code
 * .cache/layer-norm-models} (again when the script is newer); skipped only where Debian's python3-torch is not
 * installed.
 */
class LayerNormPruningTest {
    private static final Path PYTHON = Path.of(System.getProperty("hprune.python", "/usr/bin/python3"));
    private static final Path SCRIPT = Path.of("src", "test", "python", "layer_norm_models.py");
    private static final Path CACHE = Path.of("..", ".cache", "layer-norm-models");
    private static final int SIZE = 16;
    private static final int CLASSES = 10;
    private static final double TOLERANCE = 1e-4;

    /**
     * Counts by hand. convnext_mini: stem (8 kernels) and block 1's depthwise conv (8) are tied channel by channel
     * through LayerNorm2d, the Linear layers and the residual Add, so are the downsampling conv (16) and block 2's
     * depthwise conv (16): 48 kernels in 24 groups, all 4 convs prunable, and one group (2 kernels) per stage must
     * stay, 44 prunable. channels_first_norm: conv1 (12) through the LayerNorm2d into conv2, conv2 (12) into conv3,
     * whose 10 kernels are the logits (kept): 2 of 3 convs, 24 kernels less one per conv, 22.
     */
    @ParameterizedTest(name = "{0} at opset {1}")
    @CsvSource({
        "convnext_mini, 13, 4, 44, /stem/Conv, /stem/Conv_output_0, /stem_norm/Transpose_1_output_0",
        "convnext_mini, 17, 4, 44, /stem/Conv, /stem/Conv_output_0, /stem_norm/Transpose_1_output_0",
        "channels_first_norm, 13, 2, 22, /conv1/Conv, /conv1/Conv_output_0, /norm/Add_1_output_0",
        "channels_first_norm, 17, 2, 22, /conv1/Conv, /conv1/Conv_output_0, /norm/Add_1_output_0"})
    void layerNormOverChannelsIsCutWithTheChannels(String name, int opset, int prunableConvs, int prunableKernels,
            String firstConv, String normInput, String normOutput, @TempDir Path dir) throws Exception {
        Path file = export().resolve(name + "_opset" + opset + ".onnx");
        Graph graph = OnnxReader.read(file);
        assertThat(graph.nodes().stream().anyMatch(n -> n.opType().equals("LayerNormalization")))
                .as("LayerNormalization nodes at opset 17 only, and only in ConvNeXt's channels-last form")
                .isEqualTo(opset == 17 && name.equals("convnext_mini"));

        pruneWriteAndCompareWithOnnxRuntime(file, prunableConvs, prunableKernels, dir);
        cutLayerNormNormalisesOverTheRemainingChannels(graph, firstConv, normInput, normOutput);
    }

    /** The HALCON workflow: counts, ApplyDlModel = ONNX Runtime, and the written pruned file = ApplyDlModel of it. */
    private static void pruneWriteAndCompareWithOnnxRuntime(Path file, int prunableConvs, int prunableKernels,
            Path dir) throws OrtException {
        Random random = new Random(file.getFileName().toString().hashCode());
        List<float[]> images = new ArrayList<>();
        HDict[] samples = new HDict[4];
        for (int i = 0; i < samples.length; i++) {
            float[] planar = new float[3 * SIZE * SIZE];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = random.nextFloat() * 2 - 1;
            }
            images.add(planar);
            samples[i] = Samples.of(SIZE, SIZE, 3, planar, i % CLASSES);
        }
        HDlModel model = new HDlModel(file.toString());
        HDlModel pruned = null;
        try (HDlPrune pruning = model.CreateDlPruning("oracle", new HDict())) {
            model.SetDlModelParam("batch_size", samples.length);
            assertThat(maxDifference(apply(model, samples), softmax(OnnxRuntimeRunner.run(file, images, 3, SIZE,
                    SIZE)))).as("ApplyDlModel vs ONNX Runtime").isLessThanOrEqualTo(TOLERANCE);
            assertThat(pruning.GetDlPruningParam("prunable_conv_num").getL()).isEqualTo(prunableConvs);
            assertThat(pruning.GetDlPruningParam("prunable_kernel_num").getL()).isEqualTo(prunableKernels);
            model.AddDlPruningBatch(pruning, samples);
            pruning.SetDlPruningParam("percentage", 30);
            pruned = model.GenDlPrunedModel(pruning);
            assertThat(pruning.GetDlPruningParam("pruned_kernel_num").getL()).isPositive();
            Path written = dir.resolve("pruned.onnx");
            pruned.WriteDlModel(written.toString());
            double difference = maxDifference(apply(pruned, samples),
                    softmax(OnnxRuntimeRunner.run(written, images, 3, SIZE, SIZE)));
            System.out.printf("%s: pruned ApplyDlModel vs ONNX Runtime on its file %.2e%n", file.getFileName(),
                    difference);
            assertThat(difference).as("pruned ApplyDlModel vs ONNX Runtime on its file")
                    .isLessThanOrEqualTo(TOLERANCE);
        } finally {
            if (pruned != null) {
                pruned.ClearDlModel();
            }
            model.ClearDlModel();
        }
    }

    /**
     * Removing kernels 1 and 5 of the first conv (and what is tied to them): the first LayerNorm's output in the pruned
     * graph is, at each position, the kept channels normalised by their own mean and variance and scaled and shifted
     * by their own scale and shift, computed here from the first conv's output (which pruning leaves as it was at the
     * kept channels); and it differs from the unpruned LayerNorm's output at those channels, since the statistics
     * change (the cut is not exact).
     */
    private static void cutLayerNormNormalisesOverTheRemainingChannels(Graph graph, String firstConv,
            String normInput, String normOutput) {
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        Set<ChannelGroup> removed = new LinkedHashSet<>();
        for (int index : new int[] {1, 5}) {
            List<Kernel> group = analysis.groupOf(firstConv, index);
            assertThat(group).as("kernel %d of %s is removable", index, firstConv).isNotEmpty();
            analysis.groups().stream().filter(g -> g.kernels().equals(group)).forEach(removed::add);
        }
        Graph pruned = Surgery.remove(analysis, removed);
        Tensor images = images();
        Tensor x = fetch(graph, images, normInput);
        Tensor before = fetch(graph, images, normOutput);
        Tensor after = fetch(pruned, images, normOutput);
        int channels = (int) x.dim(1);
        int[] kept = IntStream.range(0, channels).filter(c -> c != 1 && c != 5).toArray();
        assertThat(after.shape()).containsExactly(x.dim(0), kept.length, x.dim(2), x.dim(3));
        float[] scale = vector(graph, pruned, normOutput, channels, true);
        float[] shift = vector(graph, pruned, normOutput, channels, false);
        float[] xs = x.toFloats();
        float[] ours = after.toFloats();
        float[] unpruned = before.toFloats();
        int positions = (int) (x.dim(2) * x.dim(3));
        double worst = 0;
        double change = 0;
        for (int n = 0; n < x.dim(0); n++) {
            for (int p = 0; p < positions; p++) {
                double mean = 0;
                for (int c : kept) {
                    mean += xs[(n * channels + c) * positions + p];
                }
                mean /= kept.length;
                double variance = 0;
                for (int c : kept) {
                    double d = xs[(n * channels + c) * positions + p] - mean;
                    variance += d * d;
                }
                variance /= kept.length;
                for (int k = 0; k < kept.length; k++) {
                    int c = kept[k];
                    double expected = (xs[(n * channels + c) * positions + p] - mean) / Math.sqrt(variance + 1e-6)
                            * scale[c] + shift[c];
                    double actual = ours[(n * kept.length + k) * positions + p];
                    worst = Math.max(worst, Math.abs(expected - actual));
                    change = Math.max(change, Math.abs(unpruned[(n * channels + c) * positions + p] - actual));
                }
            }
        }
        assertThat(worst).as("cut LayerNorm vs normalising the kept channels by hand").isLessThan(TOLERANCE);
        assertThat(change).as("the kept channels' statistics changed").isGreaterThan(1e-3);
    }

    /**
     * The LayerNorm's scale (or shift) for every original channel, from the unpruned graph: the one constant of C
     * elements (in any shape: [C] or [C, 1, 1]) that the pruned graph holds with C - 2 elements, which are the kept
     * channels' values in order.
     */
    private static float[] vector(Graph graph, Graph pruned, String normOutput, int channels, boolean scale) {
        String op = scale ? "Mul" : "Add";
        List<float[]> found = new ArrayList<>();
        for (var node : graph.nodes()) {
            boolean norm = node.opType().equals("LayerNormalization") || node.opType().equals(op);
            if (!norm || !reaches(graph, node.output(), normOutput)) {
                continue;
            }
            int input = node.opType().equals("LayerNormalization") ? (scale ? 1 : 2) : -1;
            for (int i = 0; i < node.inputs().size(); i++) {
                Tensor t = graph.initializers().get(node.inputs().get(i));
                if ((input < 0 || i == input) && t != null && t.size() == channels) {
                    found.add(t.toFloats());
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        assertThat(found).as("the %s of the LayerNorm before %s", scale ? "scale" : "shift", normOutput).hasSize(1);
        return found.get(0);
    }

    /** True when {@code to} is {@code from} or is computed from it through at most four nodes (a LayerNorm's tail). */
    private static boolean reaches(Graph graph, String from, String to) {
        List<String> frontier = List.of(from);
        for (int step = 0; step < 4; step++) {
            if (frontier.contains(to)) {
                return true;
            }
            List<String> next = new ArrayList<>();
            for (String value : frontier) {
                graph.consumers(value).forEach(n -> next.addAll(n.outputs()));
            }
            frontier = next;
        }
        return frontier.contains(to);
    }

    private static Tensor images() {
        Random random = new Random(3);
        float[] data = new float[2 * 3 * SIZE * SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.ofFloats(new long[] {2, 3, SIZE, SIZE}, data);
    }

    private static Tensor fetch(Graph graph, Tensor images, String value) {
        try (ModelSession session = Backends.get().open(graph, SessionOptions.cpu())) {
            return session.run(Map.of(graph.inputs().get(0).name(), images), List.of(value)).get(value);
        }
    }

    /** Every class's confidence per sample, placed by 'classification_class_ids'. */
    private static float[][] apply(HDlModel model, HDict[] samples) {
        HDict[] results = model.ApplyDlModel(samples, new HTuple());
        float[][] confidences = new float[results.length][CLASSES];
        for (int i = 0; i < results.length; i++) {
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            for (int k = 0; k < ids.length(); k++) {
                confidences[i][(int) ids.getL(k)] = (float) values.getD(k);
            }
        }
        return confidences;
    }

    private static float[][] softmax(float[][] logits) {
        float[][] result = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : logits[i]) {
                sum += Math.exp(v - max);
            }
            result[i] = new float[logits[i].length];
            for (int c = 0; c < logits[i].length; c++) {
                result[i][c] = (float) (Math.exp(logits[i][c] - max) / sum);
            }
        }
        return result;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        assertThat(a.length).isEqualTo(b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).hasSameSizeAs(b[i]);
            for (int c = 0; c < a[i].length; c++) {
                max = Math.max(max, Math.abs((double) a[i][c] - b[i][c]));
            }
        }
        return max;
    }

    private static Path export() throws IOException, InterruptedException {
        Path marker = CACHE.resolve("exported");
        if (Files.exists(marker)
                && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(SCRIPT)) > 0) {
            return CACHE;
        }
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " on this machine");
        assumeTrue(new ProcessBuilder(PYTHON.toString(), "-c", "import torch, onnx")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0,
                "Debian's python3-torch and python3-onnx are not installed");
        Files.createDirectories(CACHE);
        Process export = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), CACHE.toString())
                .redirectErrorStream(true).start();
        String log = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(export.exitValue()).as(log).isZero();
        Files.writeString(marker, "");
        return CACHE;
    }
}
