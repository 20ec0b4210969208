package dev.hprune.tests.cshim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.TestMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pruning workflow of c-shim/examples through the C interface on the PP-OCR classifier, with the TensorFlow
 * backend on the class path of the JVM the library starts: the C program, the Python ctypes program, the C++ port
 * (HalconCpp.h) and the Python port in HALCON's Python style (the hprune package) print the same values, and those
 * agree with the Java API on the same model; the written model reads back.
 */
class CInterfaceWorkflowTest {
    private static final Path DIR = Path.of(System.getProperty("hprune.cshim.dir", "../c-shim/target"));
    private static final Path EXAMPLES = Path.of(System.getProperty("hprune.cshim.examples", "../c-shim/examples"));
    private static final Path PYTHON_PACKAGE = Path.of(System.getProperty("hprune.pythonPackage", "../python"));
    private static final Path CLASSPATH = Path.of(System.getProperty("hprune.cshim.classpath",
            "target/cshim-classpath.txt"));

    private record Run(int exit, String out, String err) {}

    private static Run run(Path out, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HPRUNE_CLASSPATH", Files.readString(CLASSPATH).trim());
        builder.environment().put("HPRUNE_LIB", DIR.resolve("libhprune_c.so").toString());
        builder.environment().put("TF_ENABLE_ONEDNN_OPTS", "1");
        builder.environment().put("TF_OVERRIDE_GLOBAL_THREADPOOL", "1");
        builder.environment().put("PYTHONPATH", PYTHON_PACKAGE.toAbsolutePath().toString());
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stdout, err.join());
    }

    private static String value(String output, String name) {
        return output.lines().filter(l -> l.startsWith(name + " = ")).findFirst()
                .map(l -> l.substring(name.length() + 3)).orElseThrow(() -> new AssertionError(name + " not printed"));
    }

    /** As the example does: the PP-OCR graph leaves the image size open. */
    private static void setImageSize(HTuple model) {
        HOperatorSet.SetDlModelParam(model, new HTuple("image_width"), new HTuple(192));
        HOperatorSet.SetDlModelParam(model, new HTuple("image_height"), new HTuple(48));
    }

    @Test
    void cAndPythonRunTheWorkflowAndAgreeWithJava(@TempDir Path dir) throws Exception {
        Path model = TestMaterial.ppocrClassifier();
        assumeTrue(Files.exists(model), "PP-OCR model not fetched (scripts/fetch-test-material.sh): " + model);
        Path fromC = dir.resolve("pruned-c.onnx");
        Path fromPython = dir.resolve("pruned-python.onnx");
        Run c = run(dir, DIR.resolve("prune_example").toAbsolutePath().toString(), model.toString(), fromC.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        Run python = run(dir, "/usr/bin/python3", EXAMPLES.resolve("prune_example.py").toAbsolutePath().toString(),
                model.toString(), fromPython.toString());
        assertThat(python.exit()).as(python.err()).isZero();
        assertThat(python.out().replace(fromPython.toString(), "OUT"))
                .isEqualTo(c.out().replace(fromC.toString(), "OUT"));
        Path cpp = DIR.resolve("prune_example_cpp").toAbsolutePath();
        if (Files.isExecutable(cpp)) {
            Path fromCpp = dir.resolve("pruned-cpp.onnx");
            Run run = run(dir, cpp.toString(), model.toString(), fromCpp.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().replace(fromCpp.toString(), "OUT"))
                    .isEqualTo(c.out().replace(fromC.toString(), "OUT"));
        } else {
            System.err.println("CInterfaceWorkflowTest: g++ is not installed, the C++ example was not built: " + cpp);
        }
        Path fromHprune = dir.resolve("pruned-hprune.onnx");
        Run hprune = run(dir, "/usr/bin/python3", PYTHON_PACKAGE.resolve("examples/prune_example.py").toAbsolutePath()
                .toString(), model.toString(), fromHprune.toString());
        assertThat(hprune.exit()).as(hprune.err()).isZero();
        assertThat(hprune.out().replace(fromHprune.toString(), "OUT"))
                .isEqualTo(c.out().replace(fromC.toString(), "OUT"));

        String out = c.out();
        assertThat(value(out, "mode")).isEqualTo("['oracle']");
        assertThat(value(out, "percentage")).isEqualTo("[25]");
        // The prunability values do not depend on the scores: the Java API must give the same on the same model.
        HTuple javaModel = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(model.toString()), javaModel);
        setImageSize(javaModel);
        HTuple pruning = new HTuple();
        HOperatorSet.CreateDlPruning(javaModel, new HTuple("oracle"), new HTuple(new HDict()), pruning);
        for (String name : List.of("prunable_conv_num", "prunable_kernel_num")) {
            HTuple expected = new HTuple();
            HOperatorSet.GetDlPruningParam(pruning, new HTuple(name), expected);
            assertThat(value(out, name)).as(name).isEqualTo("[" + expected.getL() + "]");
        }
        HTuple names = new HTuple();
        HOperatorSet.GetDlPruningParam(pruning, new HTuple("prunable_conv_layer_name"), names);
        assertThat(value(out, "prunable_conv_layer_name"))
                .isEqualTo("['" + String.join("', '", names.toSArr()) + "']");

        long prunable = Long.parseLong(value(out, "prunable_kernel_num").replaceAll("[\\[\\]]", ""));
        long pruned = Long.parseLong(value(out, "pruned_kernel_num").replaceAll("[\\[\\]]", ""));
        double percentage = Double.parseDouble(value(out, "pruned_percentage").replaceAll("[\\[\\]]", ""));
        assertThat(pruned).isPositive().isLessThan(prunable);
        assertThat(percentage).isCloseTo(100.0 * pruned / prunable, org.assertj.core.data.Offset.offset(1e-4));

        // The written model reads back, and has fewer prunable kernels than the original.
        HTuple reread = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(fromC.toString()), reread);
        setImageSize(reread);
        HTuple repruning = new HTuple();
        HOperatorSet.CreateDlPruning(reread, new HTuple("oracle"), new HTuple(new HDict()), repruning);
        HTuple left = new HTuple();
        HOperatorSet.GetDlPruningParam(repruning, new HTuple("prunable_kernel_num"), left);
        assertThat(left.getL()).isLessThan(prunable);
        assertThat(Files.size(fromC)).isLessThan(Files.size(model));
    }
}
