package dev.hprune.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.SmallCnn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * WriteDlModel (and WriteDict, the second test) replaces a file atomically even when the writing process dies: a child
 * JVM writes a 26 MB model in a loop and is killed with kill -9 (Process.destroyForcibly) while a temporary file shows
 * that a write is under way. The model file is then the previous complete version, byte for byte, and nothing but the killed write's temporary
 * file ({@code .NAME.RANDOM.tmp}) is left; the next write deletes that once it is abandoned.
 */
class AtomicWriteTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killDuringWriteLeavesThePreviousFileIntact() throws Exception {
        Graph graph = SmallCnn.build(128, 3, 32, 64, 100, 9);
        Path source = folder.resolve("source.onnx");
        OnnxWriter.write(graph, source);
        Path target = folder.resolve("model.onnx");
        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(source.toString()), model);
        HOperatorSet.WriteDlModel(model, new HTuple(target.toString()));
        byte[] complete = Files.readAllBytes(target);
        assertThat(complete.length).isGreaterThan(20_000_000);

        killRounds(source, target, complete, () -> assertThat(OnnxReader.read(target).nodes()).isEqualTo(graph.nodes()));

        List<Path> abandoned = strays(target);
        for (Path p : abandoned) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(OnnxWriter.ABANDONED_AFTER).minusSeconds(5)));
        }
        HOperatorSet.WriteDlModel(model, new HTuple(target.toString()));
        assertThat(strays(target)).as("after the next write").isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(complete);
    }

    /**
     * The same for WriteDict: a 27 MB dict (a 3-channel real image of 1500 x 1500, tuples and a nested dict) written in
     * a loop by the child and killed mid-write is afterwards the previous complete file, which reads back.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killDuringWriteDictLeavesThePreviousFileIntact() throws Exception {
        HTuple dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        HOperatorSet.SetDictTuple(dict, new HTuple("class_names"), new HTuple(new String[] {"good", "bad"}));
        HTuple inner = new HTuple();
        HOperatorSet.CreateDict(inner);
        HOperatorSet.SetDictTuple(inner, new HTuple("split"), new HTuple(new double[] {0.7, 0.15, 0.15}));
        HOperatorSet.SetDictTuple(dict, new HTuple("params"), inner);
        float[] pixels = new float[3 * 1500 * 1500];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 977) * 0.25f;
        }
        HOperatorSet.SetDictObject(HImage.fromPlanar("real", 1500, 1500, 3, pixels), dict, new HTuple("image"));
        Path source = folder.resolve("source.hdict");
        HOperatorSet.WriteDict(dict, new HTuple(source.toString()), new HTuple(), new HTuple());
        Path target = folder.resolve("dict.hdict");
        HOperatorSet.WriteDict(dict, new HTuple(target.toString()), new HTuple(), new HTuple());
        byte[] complete = Files.readAllBytes(target);
        assertThat(complete.length).isGreaterThan(20_000_000);

        killRounds(source, target, complete, () -> {
            HTuple back = new HTuple();
            HOperatorSet.ReadDict(new HTuple(target.toString()), new HTuple(), new HTuple(), back);
            HTuple names = new HTuple();
            HOperatorSet.GetDictTuple(back, new HTuple("class_names"), names);
            assertThat(names).isEqualTo(new HTuple(new String[] {"good", "bad"}));
        });

        for (Path p : strays(target)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(OnnxWriter.ABANDONED_AFTER).minusSeconds(5)));
        }
        HOperatorSet.WriteDict(dict, new HTuple(target.toString()), new HTuple(), new HTuple());
        assertThat(strays(target)).as("after the next write").isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(complete);
    }

    /**
     * {@link #ROUNDS} times: a child writes {@code source}'s content to {@code target} in a loop and is killed while a
     * write is under way; the target must then be {@code complete} and readable, with at most temporary files beside it.
     */
    private void killRounds(Path source, Path target, byte[] complete, Runnable readsBack) throws Exception {
        int killedMidWrite = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AtomicWriteChild.class.getName(),
                    source.toString(), target.toString())
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("the child's first write").isEqualTo("written 1");
                waitForTemporaryFile(target, child);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(Files.readAllBytes(target)).as("round %d: the file after kill -9", round)
                    .isEqualTo(complete);
            readsBack.run();
            List<Path> left = strays(target);
            assertThat(left).as("round %d: what besides the file is left", round)
                    .allMatch(p -> isTemporaryOf(p, target));
            // The kill can land just after a rename, before the next write starts; most rounds catch a write.
            killedMidWrite += left.isEmpty() ? 0 : 1;
        }
        assertThat(killedMidWrite).as("rounds whose kill interrupted a write").isPositive();
    }

    /** Waits until a write is under way: a temporary file of the target exists (the rename has not happened yet). */
    private void waitForTemporaryFile(Path target, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Path> before = strays(target);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(p -> isTemporaryOf(p, target) && !before.contains(p))) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the child never started a write");
    }

    private List<Path> strays(Path target) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.equals(target) && !p.getFileName().toString().startsWith("source."))
                    .filter(p -> !p.getFileName().toString().startsWith(".source."))
                    .sorted().toList();
        }
    }

    private static boolean isTemporaryOf(Path file, Path target) {
        String name = file.getFileName().toString();
        return name.startsWith("." + target.getFileName() + ".") && name.endsWith(".tmp");
    }
}
