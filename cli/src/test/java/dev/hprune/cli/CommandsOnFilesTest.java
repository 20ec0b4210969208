package dev.hprune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.cli.model.BuiltinCnn;
import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.model.ModelStats;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on ONNX files and a tiny image folder made here: two classes of synthetic shapes (rings and squares,
 * 24x24 PNG) for an untrained 16x16 CNN, so images are zoomed on the way in.
 */
class CommandsOnFilesTest {
    @TempDir
    static Path dir;

    static Path model;
    static Path shapes;

    @BeforeAll
    static void writeModelAndImages() throws IOException {
        model = dir.resolve("shapes-cnn.onnx");
        OnnxWriter.write(BuiltinCnn.build(16, 2, 7), model);
        shapes = Shapes.write(dir.resolve("shapes"), 40, 24, 3);
    }

    @Test
    void inspectPrintsModelAndPruningParametersAndTheLayerTable() {
        CliRun run = CliRun.of("inspect", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("image_dimensions", "[16, 16, 1]", "prunable_conv_num", "prunable_kernel_num",
                "pruned_percentage", "'oracle'");
        assertThat(run.out()).containsPattern("(?m)^conv2\\s+Conv\\s+32\\s+yes");
        assertThat(run.out()).contains("total: 3 convolutions with 80 kernels");
    }

    @Test
    void prunedModelIsWrittenSmallerAndRunsInOnnxRuntime() throws OrtException, IOException {
        Path pruned = dir.resolve("pruned.onnx");
        Path report = dir.resolve("prune-report");
        CliRun run = CliRun.of("prune", model.toString(), "--data", shapes.toString(), "--percentage", "50",
                "--retrain-epochs", "2", "--range", "0,1", "--learning-rate", "0.05", "--batch-size", "16",
                "--out", pruned.toString(), "--report", report.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("original", "pruned 50 %", "pruned 50 % + retrained", "written to " + pruned);
        assertThat(ModelStats.of(ModelFiles.read(pruned)).kernels())
                .isLessThan(ModelStats.of(ModelFiles.read(model)).kernels());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(pruned.toString(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[3 * 16 * 16]),
                        new long[] {3, 1, 16, 16});
                OrtSession.Result result = session.run(Map.of("image", x))) {
            float[][] probabilities = (float[][]) result.get(0).getValue();
            assertThat(probabilities).hasDimensions(3, 2);
        }
        assertReportImagesExist(report.resolve("report.html"));
    }

    @Test
    void sweepMeasuresEveryPercentageWithAndWithoutRetraining() {
        CliRun run = CliRun.of("sweep", model.toString(), "--data", shapes.toString(), "--percentages",
                "10,30,50,70", "--retrain-epochs", "1", "--range", "0,1", "--no-report", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String p : List.of("10", "30", "50", "70")) {
            assertThat(run.out()).contains("pruned " + p + " %  ", "pruned " + p + " % + retrained");
        }
    }

    @Test
    void kernelMultipleKeepsAMultipleOfItInEveryPrunedConvolution() {
        Path pruned = dir.resolve("pruned-x8.onnx");
        CliRun run = CliRun.of("prune", model.toString(), "--data", shapes.toString(), "--percentage", "50",
                "--kernel-multiple", "8", "--retrain-epochs", "0", "--range", "0,1", "--out", pruned.toString(),
                "--no-report", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Graph after = OnnxReader.read(pruned);
        List<Long> kernels = after.nodes().stream().filter(n -> n.opType().equals("Conv"))
                .map(n -> after.initializers().get(n.inputs().get(1)).shape()[0]).toList();
        assertThat(kernels).isNotEmpty().allSatisfy(k -> assertThat(k % 8).isZero());
        assertThat(ModelStats.of(ModelFiles.read(pruned)).kernels())
                .isLessThan(ModelStats.of(ModelFiles.read(model)).kernels());
    }

    @Test
    void kernelMultipleOutsideItsRangeIsOneLineWith1303() {
        CliRun run = CliRun.of("sweep", model.toString(), "--data", shapes.toString(), "--kernel-multiple", "0",
                "--no-report", "--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("1303", "kernel_multiple").doesNotContain("\tat ");
    }

    @Test
    void evaluatePrintsAccuracyAndSize() {
        CliRun run = CliRun.of("evaluate", model.toString(), "--data", shapes.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("shapes-cnn.onnx\\s+\\d+\\.\\d+ %\\s+80\\s");
    }

    @Test
    void testLimitCapsTheHeldOutImages() {
        CliRun run = CliRun.of("evaluate", model.toString(), "--data", shapes.toString(), "--test-limit", "3",
                "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(accuracy on 3 held-out images of image folder ");
    }

    @Test
    void dataWithOtherClassesThanTheModelIsOneLine() {
        CliRun run = CliRun.of("evaluate", model.toString(), "--data", "builtin");
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("hprune: error: the model has 2 classes but the data 10 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] "
                        + "(--classes gives the model the data's classes, replacing its last layer) (HALCON error "
                        + "7791)");
    }

    @Test
    void modelThatIsNotAClassifierIsOneLineWith7912() {
        Path file = dir.resolve("feature-map.onnx");
        Graph classifier = BuiltinCnn.build(8, 10, 1);
        // the same convolutions, but the output is conv1's feature map [N, 16, 8, 8]
        Graph featureMap = classifier.withNodes(classifier.nodes().subList(0, 2))
                .withOutputs(List.of(new ValueInfo("relu1.y", DataType.FLOAT, List.of(ValueInfo.Dim.named("batch"),
                        ValueInfo.Dim.fixed(16), ValueInfo.Dim.fixed(8), ValueInfo.Dim.fixed(8)))))
                .withInitializers(Map.of("conv1.w", classifier.initializers().get("conv1.w"),
                        "conv1.b", classifier.initializers().get("conv1.b")));
        OnnxWriter.write(featureMap, file);
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hprune: error: not a classification model: ").endsWith("(HALCON error 7912)");
    }

    @Test
    void unsupportedOnnxOperatorIsOneLineWith7801() {
        Path file = dir.resolve("erf.onnx");
        Graph classifier = BuiltinCnn.build(8, 10, 1);
        List<Node> nodes = new java.util.ArrayList<>(classifier.nodes());
        // relu1 becomes Elu, which hprune does not import
        nodes.set(1, new Node("relu1", "Elu", List.of("conv1.y"), List.of("relu1.y"), Map.<String, Attribute>of()));
        OnnxWriter.write(classifier.withNodes(nodes), file);
        CliRun run = CliRun.of("prune", file.toString(), "--data", "builtin", "--percentage", "30", "--out",
                dir.resolve("never.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString().startsWith("hprune: error: read_dl_model: ")
                .contains("Elu").endsWith("(HALCON error 7801)");
        assertThat(dir.resolve("never.onnx")).doesNotExist();
    }

    private static void assertReportImagesExist(Path html) throws IOException {
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(Files.readString(html));
        int count = 0;
        while (images.find()) {
            assertThat(html.resolveSibling(images.group(1))).isRegularFile();
            count++;
        }
        assertThat(count).isEqualTo(2);
    }
}
