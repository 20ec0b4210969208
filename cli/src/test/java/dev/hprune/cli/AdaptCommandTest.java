package dev.hprune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.cli.model.BuiltinCnn;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hprune adapt} and {@code prune --classes}: a 10-class model becomes a model of other classes and sizes; what
 * is written runs in ONNX Runtime with the new output, and everything but the head keeps its weights.
 */
class AdaptCommandTest {
    @TempDir
    static Path dir;

    static Path flattenModel;
    static Path pooledModel;
    static Path shapes;
    static Path threeShapes;

    @BeforeAll
    static void writeModels() throws IOException {
        flattenModel = dir.resolve("flatten-cnn.onnx");
        OnnxWriter.write(BuiltinCnn.build(16, 10, 7), flattenModel);
        pooledModel = dir.resolve("pooled-cnn.onnx");
        OnnxWriter.write(globalPooling(BuiltinCnn.build(16, 10, 7)), pooledModel);
        shapes = Shapes.write(dir.resolve("shapes"), 40, 24, 3);
        threeShapes = Shapes.writeThree(dir.resolve("three-shapes"), 40, 24, 3);
    }

    /** The built-in CNN with global average pooling before its dense layer (32 features), so any size fits. */
    static Graph globalPooling(Graph flatten) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : flatten.nodes()) {
            if (node.opType().equals("Flatten")) {
                nodes.add(new Node("gap", "GlobalAveragePool", node.inputs(), List.of("pooled")));
                nodes.add(node.withInputs(List.of("pooled")));
            } else {
                nodes.add(node);
            }
        }
        float[] fc = new float[10 * 32];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = (float) Math.sin(i) * 0.2f;
        }
        return flatten.withNodes(nodes).withUpdatedInitializers(Map.of("fc.w", Tensor.ofFloats(new long[] {10, 32}, fc)));
    }

    @Test
    void newClassesReplaceOnlyTheHeadAndRunInOnnxRuntime() throws OrtException {
        Path out = dir.resolve("three-classes.onnx");
        CliRun run = CliRun.of("adapt", flattenModel.toString(), "--classes", "ok,scratch,dent", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("before: 10 classes", "after:  3 classes (ok,scratch,dent), image 16x16x1",
                "written to " + out);
        Graph before = OnnxReader.read(flattenModel);
        Graph after = OnnxReader.read(out);
        for (String name : before.initializers().keySet()) {
            if (!name.startsWith("fc.")) {
                assertThat(after.initializers().get(name)).as(name).isEqualTo(before.initializers().get(name));
            }
        }
        assertThat(after.initializers().get("fc.w").shape()).containsExactly(3, 32 * 4 * 4);
        assertThat(run(out, 16, 16)).hasDimensions(2, 3);
    }

    @Test
    void aGlobalPoolingModelTakesAnotherImageSize() throws OrtException {
        Path out = dir.resolve("wide.onnx");
        CliRun run = CliRun.of("adapt", pooledModel.toString(), "--image-size", "24x20", "--classes", "a,b,c,d",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("after:  4 classes (a,b,c,d), image 24x20x1");
        float[][] probabilities = run(out, 20, 24);
        assertThat(probabilities).hasDimensions(2, 4);
        assertThat(probabilities[0][0] + probabilities[0][1] + probabilities[0][2] + probabilities[0][3])
                .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void aFixedFlattenSizeIsOneLineWith7914NamingTheLayer() {
        CliRun run = CliRun.of("adapt", flattenModel.toString(), "--image-size", "32x32", "--out",
                dir.resolve("never.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString().contains("fc", "(HALCON error 7914)");
    }

    @Test
    void nothingToAdaptIsAUsageError() {
        CliRun run = CliRun.of("adapt", flattenModel.toString(), "--out", dir.resolve("never.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).contains("nothing to adapt");
    }

    /**
     * Issue 19's path in one command: the ten-class model given the folder's three classes, fine-tuned, pruned at
     * 30 %, retrained and evaluated on the held-out images; the written model has three outputs.
     */
    @Test
    void pruneTakesTheClassesOfAnImageFolderAndFineTunesFirst() throws OrtException {
        Path pruned = dir.resolve("pruned-three.onnx");
        CliRun run = CliRun.of("prune", flattenModel.toString(), "--data", threeShapes.toString(), "--classes",
                "x,y,z", "--train-epochs", "3", "--percentage", "30", "--retrain-epochs", "1", "--range", "0,1",
                "--learning-rate", "0.05", "--batch-size", "16", "--seed", "5", "--out", pruned.toString(),
                "--no-report", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("trained 3 epochs before pruning", "written to " + pruned);
        assertThat(run(pruned, 16, 16)).hasDimensions(2, 3);
        // chance is 33 %: the fine-tuned head has learned the three shapes, and pruning plus retraining keeps it
        assertThat(accuracy(run.out(), "original")).isGreaterThan(60);
        assertThat(accuracy(run.out(), "pruned 30 % + retrained")).isGreaterThan(60);
    }

    /** The accuracy column (percent) of a row of the summary table. */
    private static double accuracy(String out, String row) {
        for (String line : out.split("\\R")) {
            if (line.startsWith(row + "  ")) {
                String rest = line.substring(row.length()).trim();
                return Double.parseDouble(rest.substring(0, rest.indexOf(' ')));
            }
        }
        throw new AssertionError("no row '" + row + "' in\n" + out);
    }

    private static float[][] run(Path model, int height, int width) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] images = new float[2 * height * width];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i % 7) / 7f;
        }
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), new long[] {2, 1, height, width});
                OrtSession.Result result = session.run(Map.of("image", x))) {
            return (float[][]) result.get(0).getValue();
        }
    }
}
