package dev.hprune.cshim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The C programs Maven built (the example, the 4-thread program, the leak probe) and the Python ctypes example, each run
 * as its own process: there the library starts the JVM itself, through the invocation API.
 */
class CProgramsTest {
    static final Path DIR = HalconCLibrary.libraryDir().toAbsolutePath();
    static final Path EXAMPLES = Path.of(System.getProperty("hprune.cshim.examples", "examples")).toAbsolutePath();
    static final Path PPOCR = Path.of(System.getProperty("hprune.testMaterial", "../.cache/test-material"),
            "ppocr", "ch_ppocr_mobile_v2.0_cls_infer.onnx");

    /** What the example prints without a model, line by line. */
    static final List<String> EXAMPLE_LINES = List.of(
            "tuple = [42, 0.5000, 'oracle']",
            "tuple types = 1 2 4, tuple_type = 8",
            "get_dict_tuple = [42, 0.5000, 'oracle']",
            "dict keys = ['mixed']",
            "get_dict_tuple('missing') = 2894 (tuple NULL)",
            "error text = Dict does not contain requested key",
            "image = 192 x 48, 3 channels",
            "zoomed red channel = 96 x 24",
            "set_dict_tuple on a cleared dict = 2454",
            "label of sample 1 = [1]",
            "samples = 8 dict handles",
            "done");

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.environment().remove("HPRUNE_CLASSPATH");
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        // valgrind runs the JVM inside these programs many times slower; with two other builds on the 2-core machine
        // one run took over 150 s, so the bound only catches a hang
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exampleRunsTheDictTupleAndImagePart() throws Exception {
        Run run = run(Map.of(), DIR.resolve("prune_example").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactlyElementsOf(EXAMPLE_LINES);
    }

    @Test
    void withoutABackendTheExampleReadsTheModelAndStopsAtScoring() throws Exception {
        // c-shim must not know TensorFlow; the tests module runs the whole workflow with the backend on the class path.
        assumeTrue(Files.exists(PPOCR), "PP-OCR model not fetched (scripts/fetch-test-material.sh): " + PPOCR);
        Run run = run(Map.of(), DIR.resolve("prune_example").toString(), PPOCR.toString(), "/dev/null");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("FAILED T_add_dl_pruning_batch", "7779", "no deep-learning backend");
    }

    @Test
    void pythonCtypesExamplePrintsTheSameLines() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no system python3");
        Run run = run(Map.of("HPRUNE_LIB", DIR.resolve("libhprune_c.so").toString()), python.toString(),
                EXAMPLES.resolve("prune_example.py").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactlyElementsOf(EXAMPLE_LINES);
    }

    @Test
    void fourCThreadsCallOperatorsAtOnce() throws Exception {
        Run run = run(Map.of(), DIR.resolve("threads_test").toString(), "300");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("threads ok: 4 threads x 300 iterations");
    }

    @Test
    void aJvmThatCannotStartIsReportedAs7779WithTheReason() throws Exception {
        Run run = run(Map.of("HPRUNE_CLASSPATH", "/nonexistent"), DIR.resolve("prune_example").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("7779", "could not start its Java side", "NoClassDefFoundError");
    }

    @Test
    void exampleIsCleanUnderValgrindWhileDeliberateShimLeaksAreCaught() throws Exception {
        assumeTrue(onPath("valgrind"), "valgrind is not installed");
        String suppressions = DIR.resolve("../src/test/valgrind/jvm.supp").normalize().toString();
        Map<String, String> env = Map.of("HPRUNE_JVM_OPTS",
                "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1");
        List<String> valgrind = valgrindCommand(suppressions, "definite");
        CompletableFuture<Run> example = CompletableFuture.supplyAsync(() -> valgrind(env, valgrind, "prune_example"));
        // The probe's blocks count as leaked when definitely or possibly lost: valgrind scans the JVM's memory
        // conservatively, and a stray word there that points inside a leaked block turns it into "possibly lost".
        Run probe = valgrind(env, valgrindCommand(suppressions, "definite,possible"), "leak_probe");
        Run clean = example.join();

        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.lines()).containsExactlyElementsOf(EXAMPLE_LINES);
        assertThat(clean.err()).contains("definitely lost: 0 bytes in 0 blocks", "ERROR SUMMARY: 0 errors");

        assertThat(probe.exit()).as("the probe's leaks must be reported").isEqualTo(99);
        assertThat(probe.err()).containsPattern("(definitely|possibly) lost")
                .contains("create_tuple_s", "hprune_tuple_new");
    }

    /**
     * valgrind reporting the given leak kinds as errors (exit 99). {@code --run-libc-freeres=no}: at exit valgrind
     * otherwise runs glibc's own clean-up, which reads a FILE buffer that the JVM's cgroup probe already closed (an
     * invalid read inside libc, not in the programs under test).
     */
    static List<String> valgrindCommand(String suppressions, String leakKinds) {
        return List.of("valgrind", "--suppressions=" + suppressions, "--leak-check=full", "--run-libc-freeres=no",
                "--show-leak-kinds=" + leakKinds, "--errors-for-leak-kinds=" + leakKinds, "--error-exitcode=99",
                "--num-callers=30");
    }

    private static Run valgrind(Map<String, String> env, List<String> valgrind, String program) {
        List<String> command = new ArrayList<>(valgrind);
        command.add(DIR.resolve(program).toString());
        try {
            return run(env, command.toArray(String[]::new));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
