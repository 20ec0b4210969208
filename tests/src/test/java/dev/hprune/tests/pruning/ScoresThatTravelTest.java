package dev.hprune.tests.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.DlPruning;
import dev.hprune.compat.prune.KernelScores;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hprune's scores that travel (write/read/add_dl_pruning_scores) on TensorFlow's real oracle scores: batches scored on
 * separate handles and merged, or written and read back, give bit for bit the scores of one handle that scored them
 * all, and the same pruned model. Tolerance zero: the handles sum exactly (see ExactSums), and TensorFlow gives the
 * same floats for the same batch, so only a lost bit in the summation or the file could make these differ.
 */
class ScoresThatTravelTest {
    @TempDir
    static Path folder;
    static HDlModel model;
    static HDict[] batchA;
    static HDict[] batchB;
    static HDict[] batchC;

    @BeforeAll
    static void fixture() throws IOException {
        Path file = folder.resolve("cnn.onnx");
        OnnxWriter.write(SmallCnn.build(16, 1, 8, 12, 4, 3), file);
        model = new HDlModel(file.toString());
        model.SetDlModelParam("batch_size", 4);
        Random random = new Random(29);
        batchA = Samples.random(7, 1, 16, 16, 4, random);
        batchB = Samples.random(5, 1, 16, 16, 4, random);
        batchC = Samples.random(6, 1, 16, 16, 4, random);
    }

    private static HDlPrune pruning() {
        HDlPrune pruning = model.CreateDlPruning("oracle", null);
        pruning.SetDlPruningParam("percentage", 30);
        return pruning;
    }

    private static KernelScores scores(HDlPrune pruning) {
        return ((DlPruning) HandleRegistry.global().lookup(pruning.getHandleId()).payload()).scores();
    }

    private static void assertSameBits(HDlPrune actual, HDlPrune expected) {
        KernelScores a = scores(actual);
        KernelScores e = scores(expected);
        assertThat(a.samples()).isEqualTo(e.samples());
        Map<String, double[]> sums = a.sums();
        assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(e.sums().keySet());
        e.sums().forEach((point, values) -> {
            assertThat(Arrays.stream(values).sum()).as(point + " scores something").isPositive();
            assertThat(sums.get(point)).as(point).containsExactly(values);
        });
    }

    /** The pruned model's ONNX bytes (the same kernels removed and the same weights give the same bytes). */
    private static byte[] prunedModel(HDlPrune pruning, String name) throws IOException {
        HDlModel pruned = model.GenDlPrunedModel(pruning);
        Path file = folder.resolve(name + ".onnx");
        pruned.WriteDlModel(file.toString());
        pruned.ClearDlModel();
        return Files.readAllBytes(file);
    }

    private static int code(Runnable call) {
        HOperatorException e = catchThrowableOfType(HOperatorException.class, call::run);
        assertThat(e).as("an HOperatorException").isNotNull();
        return e.getErrorCode();
    }

    @Test
    void batchesScoredOnSeparateHandlesAndMergedGiveOneHandlesBitsAndPrunedModel() throws IOException {
        HDlPrune one = pruning();
        model.AddDlPruningBatch(one, batchA);
        model.AddDlPruningBatch(one, batchB);
        model.AddDlPruningBatch(one, batchC);

        // Three "executors", merged in another order than one handle saw the batches.
        HDlPrune a = pruning();
        HDlPrune b = pruning();
        HDlPrune c = pruning();
        model.AddDlPruningBatch(a, batchA);
        model.AddDlPruningBatch(b, batchB);
        model.AddDlPruningBatch(c, batchC);
        c.AddDlPruningScores(a);
        c.AddDlPruningScores(b);
        assertSameBits(c, one);
        assertThat(scores(a).samples()).as("the other handle is unchanged").isEqualTo(7);

        byte[] expected = prunedModel(one, "one");
        assertThat(prunedModel(c, "merged")).isEqualTo(expected);
        assertThat(c.GetDlPruningParam("pruned_kernel_num").getL(0))
                .isEqualTo(one.GetDlPruningParam("pruned_kernel_num").getL(0)).isPositive();
        for (HDlPrune p : new HDlPrune[] {one, a, b, c}) {
            p.clearHandle();
        }
    }

    @Test
    void writtenAndReadScoresGiveTheSameBitsAndPrunedModel() throws IOException {
        HDlPrune scored = pruning();
        model.AddDlPruningBatch(scored, batchA);
        model.AddDlPruningBatch(scored, batchB);
        Path file = folder.resolve("scores.hdict");
        scored.WriteDlPruningScores(file.toString());

        HDlPrune read = pruning();
        read.ReadDlPruningScores(file.toString());
        assertSameBits(read, scored);
        assertThat(prunedModel(read, "read")).isEqualTo(prunedModel(scored, "scored"));

        // Merging two files' worth of scores (the Spark job's driver does this) still equals one handle's.
        HDlPrune partC = pruning();
        model.AddDlPruningBatch(partC, batchC);
        Path fileC = folder.resolve("scores-c.hdict");
        HOperatorSet.WriteDlPruningScores(new HTuple(partC), new HTuple(fileC.toString()));
        HDlPrune fromC = pruning();
        HOperatorSet.ReadDlPruningScores(new HTuple(fromC), new HTuple(fileC.toString()));
        HOperatorSet.AddDlPruningScores(new HTuple(read), new HTuple(fromC));
        model.AddDlPruningBatch(scored, batchC);
        assertSameBits(read, scored);
        assertThat(prunedModel(read, "read-abc")).isEqualTo(prunedModel(scored, "scored-abc"));

        // And the file opens as a dict, with the readable scores.
        HDict dict = new HDict();
        dict.ReadDict(file.toString(), new HTuple(), new HTuple());
        assertThat(dict.GetDictTuple("file_type").getS(0)).isEqualTo("dl_pruning_scores");
        assertThat(dict.GetDictTuple("num_samples").getL(0)).isEqualTo(12);
        dict.clearHandle();
        for (HDlPrune p : new HDlPrune[] {scored, read, partC, fromC}) {
            p.clearHandle();
        }
    }

    @Test
    void otherArchitecturesAndWrongFilesAreRefusedByNumberAndChangeNothing() throws IOException {
        Path otherFile = folder.resolve("wider.onnx");
        OnnxWriter.write(SmallCnn.build(16, 1, 10, 12, 4, 3), otherFile);
        HDlModel other = new HDlModel(otherFile.toString());
        HDlPrune otherPruning = other.CreateDlPruning("oracle", null);
        other.AddDlPruningBatch(otherPruning, batchA);
        Path otherScores = folder.resolve("wider.hdict");
        otherPruning.WriteDlPruningScores(otherScores.toString());

        HDlPrune pruning = pruning();
        model.AddDlPruningBatch(pruning, batchB);
        KernelScores before = scores(pruning).copy();
        assertThat(code(() -> pruning.AddDlPruningScores(otherPruning))).isEqualTo(7980);
        assertThat(code(() -> otherPruning.AddDlPruningScores(pruning))).isEqualTo(7980);
        assertThat(code(() -> pruning.ReadDlPruningScores(otherScores.toString()))).isEqualTo(7980);
        assertThat(code(() -> pruning.ReadDlPruningScores(otherFile.toString()))).isEqualTo(5238);
        assertThat(code(() -> pruning.ReadDlPruningScores(folder.resolve("none.hdict").toString())))
                .isEqualTo(5200);
        assertThat(code(() -> HOperatorSet.AddDlPruningScores(new HTuple(pruning), new HTuple(model))))
                .isEqualTo(2404);
        assertThat(code(() -> HOperatorSet.WriteDlPruningScores(new HTuple(model), new HTuple("x.hdict"))))
                .isEqualTo(2404);
        assertThat(scores(pruning).sums()).containsOnlyKeys(before.sums().keySet());
        before.sums().forEach((point, values) -> assertThat(scores(pruning).sums().get(point)).containsExactly(values));
        assertThat(scores(pruning).samples()).isEqualTo(5);
        pruning.clearHandle();
        otherPruning.clearHandle();
        other.ClearDlModel();
    }
}
