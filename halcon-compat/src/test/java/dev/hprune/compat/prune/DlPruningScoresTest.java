package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dictfile.DictFiles;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import dev.hprune.compat.testing.TestGraphs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hprune's write/read/add_dl_pruning_scores on a scripted backend whose scores span many orders of magnitude (so that
 * plain double sums would depend on the order of the batches); the TensorFlow scores are checked in the tests module.
 */
class DlPruningScoresTest {

    /** Scores derived from each batch's pixels: the same batch always scores the same, different batches differ. */
    private static ScriptedScoringBackend wideScoringBackend() {
        return new ScriptedScoringBackend("scripted-wide", (scores, images, labels) -> {
            Random random = new Random(Arrays.hashCode(images.toFloats()) * 31L + Arrays.hashCode(labels));
            for (float[] values : scores) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = (float) Math.scalb(1.0 + random.nextDouble(), random.nextInt(60) - 40);
                }
            }
        });
    }

    @TempDir
    Path folder;

    private final Backend backend = wideScoringBackend();

    private List<Object> model(Graph graph) {
        return List.of(dev.hprune.compat.dl.DlModelOperators.register(DlModelTestAccess.of(graph, backend)));
    }

    private static List<Object> pruning(List<Object> model) {
        return List.of(DlPruningOperators.createDlPruning(model, List.of("oracle"), List.of()));
    }

    /** {@code count} samples whose pixels are {@code first}, {@code first + 1}, ... (over 100, so each differs). */
    private static List<Object> samples(int first, int count) {
        List<Object> handles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Dict sample = new Dict();
            sample.put("image", new DictValue.Objects(List.of(Image.constant(PixelType.REAL, 8, 8, 3,
                    (first + i) / 100.0))));
            sample.put("image_label_id", new DictValue.Tuple(List.of((long) ((first + i) % 2))));
            handles.add(HandleRegistry.global().register(HandleType.DICT, sample));
        }
        return handles;
    }

    private static KernelScores scores(List<Object> pruning) {
        return ((DlPruning) ((Handle) pruning.get(0)).payload()).scores();
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    private static void assertSameScores(KernelScores actual, KernelScores expected) {
        assertThat(actual.samples()).isEqualTo(expected.samples());
        Map<String, double[]> a = actual.sums();
        Map<String, double[]> e = expected.sums();
        assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(e.keySet());
        e.forEach((point, values) -> assertThat(a.get(point)).as(point).containsExactly(values));
    }

    /** The pruned model's weights, by initializer name. */
    private static Map<String, float[]> prunedWeights(List<Object> model, List<Object> pruning) {
        DlPruningOperators.setDlPruningParam(pruning, List.of("percentage"), List.of(30L));
        Handle pruned = DlPruningOperators.genDlPrunedModel(model, pruning);
        Map<String, float[]> weights = new LinkedHashMap<>();
        ((DlModel) pruned.payload()).prunableGraph().initializers()
                .forEach((name, tensor) -> weights.put(name, tensor.isFloating() ? tensor.toFloats() : new float[0]));
        return weights;
    }

    @Test
    void mergedHandlesScoreBitForBitLikeOneHandle() {
        List<Object> model = model(TestGraphs.residual());
        List<Object> one = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, one, samples(100, 3));
        DlPruningOperators.addDlPruningBatch(model, one, samples(200, 5));
        DlPruningOperators.addDlPruningBatch(model, one, samples(300, 2));
        List<Object> a = pruning(model);
        List<Object> b = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, a, samples(300, 2));
        DlPruningOperators.addDlPruningBatch(model, b, samples(200, 5));
        DlPruningOperators.addDlPruningBatch(model, a, samples(100, 3));
        DlPruningOperators.addDlPruningScores(b, a);

        assertSameScores(scores(b), scores(one));
        assertThat(scores(b).samples()).isEqualTo(10);
        assertThat(scores(a).samples()).as("the other handle is unchanged").isEqualTo(5);
        Map<String, float[]> expected = prunedWeights(model, one);
        Map<String, float[]> merged = prunedWeights(model, b);
        assertThat(merged.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, w) -> assertThat(merged.get(name)).as(name).containsExactly(w));
        assertThat(DlPruningOperators.getDlPruningParam(b, List.of("pruned_kernel_num")))
                .isEqualTo(DlPruningOperators.getDlPruningParam(one, List.of("pruned_kernel_num")));
    }

    @Test
    void writeThenReadGivesTheSameBitsAndFurtherAdditionsStayExact() {
        List<Object> model = model(TestGraphs.squeezeExcitation());
        List<Object> written = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, written, samples(100, 4));
        Path file = folder.resolve("scores.hdict");
        DlPruningOperators.writeDlPruningScores(written, List.of(file.toString()));

        List<Object> read = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, read, samples(500, 1)); // replaced, not added to
        DlPruningOperators.readDlPruningScores(read, List.of(file.toString()));
        assertSameScores(scores(read), scores(written));

        DlPruningOperators.addDlPruningBatch(model, written, samples(200, 3));
        DlPruningOperators.addDlPruningBatch(model, read, samples(200, 3));
        assertSameScores(scores(read), scores(written));
        Map<String, float[]> expected = prunedWeights(model, written);
        prunedWeights(model, read).forEach((name, w) -> assertThat(w).as(name).containsExactly(expected.get(name)));
    }

    @Test
    void theFileIsADictFileWithReadableScores() throws IOException {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(100, 2));
        Path file = folder.resolve("scores.hdict");
        DlPruningOperators.writeDlPruningScores(pruning, List.of(file.toString()));

        Dict dict = DictFiles.fromHdictBytes(Files.readAllBytes(file));
        assertThat(values(dict, "file_type")).containsExactly("dl_pruning_scores");
        assertThat(values(dict, "architecture"))
                .containsExactly(((DlPruning) ((Handle) pruning.get(0)).payload()).architecture());
        assertThat(values(dict, "num_samples")).containsExactly(2L);
        List<Object> points = values(dict, "scoring_points");
        List<Object> readable = values(dict, "scores");
        Map<String, double[]> sums = scores(pruning).sums();
        assertThat(points).containsExactlyElementsOf(sums.keySet());
        List<Object> expected = new ArrayList<>();
        sums.values().forEach(v -> Arrays.stream(v).forEach(expected::add));
        assertThat(readable).containsExactlyElementsOf(expected);
    }

    private static List<Object> values(Dict dict, String key) {
        return ((DictValue.Tuple) dict.get(key).orElseThrow()).values();
    }

    @Test
    void scoresOfAnotherArchitectureAre7980AndChangeNothing() {
        List<Object> chainModel = model(TestGraphs.plainChain());
        List<Object> chain = pruning(chainModel);
        DlPruningOperators.addDlPruningBatch(chainModel, chain, samples(100, 2));
        List<Object> residualModel = model(TestGraphs.residual());
        List<Object> residual = pruning(residualModel);
        DlPruningOperators.addDlPruningBatch(residualModel, residual, samples(100, 2));
        KernelScores before = scores(chain).copy();

        assertThat(code(() -> DlPruningOperators.addDlPruningScores(chain, residual))).isEqualTo(7980);
        Path file = folder.resolve("residual.hdict");
        DlPruningOperators.writeDlPruningScores(residual, List.of(file.toString()));
        assertThat(code(() -> DlPruningOperators.readDlPruningScores(chain, List.of(file.toString()))))
                .isEqualTo(7980);
        assertSameScores(scores(chain), before);
    }

    @Test
    void filesThatAreNoScoresFileAre5238AndMissingOnes5200() throws IOException {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(100, 2));
        KernelScores before = scores(pruning).copy();
        Path good = folder.resolve("good.hdict");
        DlPruningOperators.writeDlPruningScores(pruning, List.of(good.toString()));
        byte[] bytes = Files.readAllBytes(good);

        Path text = Files.writeString(folder.resolve("text.hdict"), "not a dict file");
        Path plainDict = folder.resolve("plain.hdict");
        Handle dict = DictOperators.createDict();
        DictOperators.setDictTuple(List.of(dict), List.of("a"), List.of(1L));
        DictFiles.writeDict(List.of(dict), List.of(plainDict.toString()), List.of(), List.of());
        Path truncated = Files.write(folder.resolve("truncated.hdict"), Arrays.copyOf(bytes, bytes.length - 5));

        for (Path bad : List.of(text, plainDict, truncated)) {
            assertThat(code(() -> DlPruningOperators.readDlPruningScores(pruning, List.of(bad.toString()))))
                    .as(bad.getFileName().toString()).isEqualTo(5238);
        }
        // Well-formed dict files whose content is not consistent scores.
        List<Consumer<Dict>> damages = List.of(
                d -> d.put("format_version", tuple(2L)),
                d -> d.put("num_samples", tuple(-1L)),
                d -> d.put("num_samples", tuple(1.5)),
                d -> d.put("scoring_points", new DictValue.Tuple(List.of("nowhere", "b.y"))),
                d -> d.put("num_channels", new DictValue.Tuple(List.of(5L, 6L))),
                d -> d.put("score_term_counts", new DictValue.Tuple(List.of(1L))),
                d -> d.remove("score_terms"),
                d -> d.put("scores", new DictValue.Tuple(List.of(1.0))),
                d -> {
                    List<Object> readable = new ArrayList<>(values(d, "scores"));
                    readable.set(0, (Double) readable.get(0) * 2);
                    d.put("scores", new DictValue.Tuple(readable));
                });
        for (int i = 0; i < damages.size(); i++) {
            Dict damaged = DictFiles.fromHdictBytes(bytes);
            damages.get(i).accept(damaged);
            Path file = Files.write(folder.resolve("damaged" + i + ".hdict"), DictFiles.hdictBytes(damaged));
            assertThat(code(() -> DlPruningOperators.readDlPruningScores(pruning, List.of(file.toString()))))
                    .as("damage " + i).isEqualTo(5238);
        }
        assertThat(code(() -> DlPruningOperators.readDlPruningScores(pruning,
                List.of(folder.resolve("missing.hdict").toString())))).isEqualTo(5200);
        assertThat(code(() -> DlPruningOperators.readDlPruningScores(pruning, List.of(folder.toString()))))
                .isEqualTo(5250);
        assertThat(code(() -> DlPruningOperators.writeDlPruningScores(pruning,
                List.of(folder.resolve("no/such/dir/s.hdict").toString())))).isEqualTo(5212);
        assertSameScores(scores(pruning), before);
    }

    @Test
    void damagedBytesAreRefusedByNumberAndChangeNothing() throws IOException {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(100, 2));
        Path good = folder.resolve("good.hdict");
        DlPruningOperators.writeDlPruningScores(pruning, List.of(good.toString()));
        byte[] bytes = Files.readAllBytes(good);
        List<Object> target = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, target, samples(300, 1));
        KernelScores before = scores(target).copy();
        Random random = new Random(17);
        Path file = folder.resolve("mutated.hdict");
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] mutated = random.nextBoolean() ? bytes.clone() : Arrays.copyOf(bytes, random.nextInt(bytes.length));
            for (int flips = 1 + random.nextInt(3); flips > 0 && mutated.length > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Files.write(file, mutated);
            try {
                DlPruningOperators.readDlPruningScores(target, List.of(file.toString()));
                // A flip the format cannot notice (in a name's letters, say) may read; put the old scores back.
                scores(target).replaceWith(before);
            } catch (HalconError e) {
                assertThat(e.code()).as("trial " + trial).isIn(5238, 7980);
                assertSameScores(scores(target), before);
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(200);
    }

    private static DictValue tuple(Object value) {
        return new DictValue.Tuple(List.of(value));
    }

    @Test
    void badParametersAreRefusedByNumber() {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = pruning(model);
        String file = folder.resolve("s.hdict").toString();
        assertThat(code(() -> DlPruningOperators.writeDlPruningScores(model, List.of(file)))).isEqualTo(2404);
        assertThat(code(() -> DlPruningOperators.readDlPruningScores(List.of(), List.of(file)))).isEqualTo(1401);
        assertThat(code(() -> DlPruningOperators.writeDlPruningScores(pruning, List.of(3L)))).isEqualTo(1202);
        assertThat(code(() -> DlPruningOperators.readDlPruningScores(pruning, List.of(file, file)))).isEqualTo(1402);
        assertThat(code(() -> DlPruningOperators.addDlPruningScores(pruning, model))).isEqualTo(2404);
        assertThat(code(() -> DlPruningOperators.addDlPruningScores(List.of(Handle.NULL), pruning))).isEqualTo(2453);
        Handle cleared = (Handle) pruning(model).get(0);
        cleared.clear();
        assertThat(code(() -> DlPruningOperators.addDlPruningScores(pruning, List.of(cleared)))).isEqualTo(2454);
    }

    @Test
    void emptyScoresTravelToo() {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> empty = pruning(model);
        Path file = folder.resolve("empty.hdict");
        DlPruningOperators.writeDlPruningScores(empty, List.of(file.toString()));
        List<Object> scored = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, scored, samples(100, 2));
        KernelScores before = scores(scored).copy();
        DlPruningOperators.addDlPruningScores(scored, empty);
        assertSameScores(scores(scored), before);
        DlPruningOperators.readDlPruningScores(scored, List.of(file.toString()));
        assertThat(scores(scored).samples()).isZero();
        assertThat(code(() -> DlPruningOperators.genDlPrunedModel(model, scored))).isEqualTo(7980);
    }

    @Test
    void addingAHandleToItselfDoublesItsScores() {
        List<Object> model = model(TestGraphs.plainChain());
        List<Object> pruning = pruning(model);
        DlPruningOperators.addDlPruningBatch(model, pruning, samples(100, 3));
        Map<String, double[]> once = scores(pruning).sums();
        DlPruningOperators.addDlPruningScores(pruning, pruning);
        assertThat(scores(pruning).samples()).isEqualTo(6);
        scores(pruning).sums().forEach((point, values) -> {
            for (int c = 0; c < values.length; c++) {
                assertThat(values[c]).isEqualTo(once.get(point)[c] * 2); // doubling is exact
            }
        });
    }
}
