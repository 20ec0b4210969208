package dev.hprune.tests.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtException;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the zoo (see {@link ModelZoo}) through the whole family as a user runs it: ReadDlModel, ApplyDlModel
 * equal to ONNX Runtime (every confidence within 1e-4), CreateDlPruning('oracle'), AddDlPruningBatch,
 * GenDlPrunedModel at 30 %, WriteDlModel, and ONNX Runtime on the written file equal to ApplyDlModel of the pruned
 * model.
 *
 * <p>Two float32 implementations cannot agree more closely than the model lets rounding through. Where a difference
 * exceeds 1e-4, the test measures that floor with ONNX Runtime alone: its confidences on the same images with every
 * pixel moved by one unit in the last place (see {@link #roundingFloor}). The difference then passes only when it is
 * within twice that floor; a wrong operator moves confidences by far more. The table shows the floor wherever it was
 * measured.
 *
 * <p>A model that fails a stage fails its test, unless {@code zoo/expected-failures.txt} lists it with that stage and a
 * fragment of that error: then the test checks that it still fails exactly so, and fails when it passes or fails
 * otherwise (so that the list shrinks as fixes land). The run writes {@code target/zoo-table.md} (the README's table)
 * and {@code target/zoo-expected-failures.txt} (the list as this run found it).
 */
class ModelZooTest {
    static final double TOLERANCE = 1e-4;
    private static final int IMAGES = 4;
    private static final int PERCENTAGE = 30;
    private static final Map<String, Outcome> OUTCOMES = new TreeMap<>();

    /** The stages in order; a model's outcome names the first one that failed, or DONE. */
    enum Stage {
        READ("read"), APPLY("apply"), APPLY_PARITY("apply = ORT"), CREATE("create pruning"), SCORE("add batch"),
        PRUNE("gen pruned"), WRITE("write"), PRUNED_PARITY("pruned = ORT"), DONE("all");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** What one model reached. Numbers that were not reached are NaN or -1. */
    static final class Outcome {
        final ModelZoo.Entry entry;
        Stage stage = Stage.READ;
        String error;
        long prunableConvs = -1;
        long prunableKernels = -1;
        double applyDifference = Double.NaN;
        double prunedDifference = Double.NaN;
        /** ONNX Runtime's own movement under one-ulp input changes; NaN where no difference needed it. */
        double applyFloor = Double.NaN;
        double prunedFloor = Double.NaN;
        double seconds;
        String blocks = "-";
        Stage parityMissStage;
        String parityMiss;

        Outcome(ModelZoo.Entry entry) {
            this.entry = entry;
        }
    }

    /** The zoo's models; where torch cannot be had, one placeholder whose test skips saying so. */
    static List<Named<ModelZoo.Entry>> zoo() {
        List<ModelZoo.Entry> entries = ModelZoo.entries();
        if (entries.isEmpty()) {
            return Collections.singletonList(Named.of("model zoo unavailable", null));
        }
        return entries.stream().map(e -> Named.of(e.name(), e)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void readApplyPruneWrite(ModelZoo.Entry entry, @TempDir Path dir) throws Exception {
        assumeTrue(entry != null, () -> ModelZoo.unavailable() != null ? ModelZoo.unavailable()
                : "the zoo's manifest lists no model");
        Outcome outcome = run(entry, dir);
        synchronized (OUTCOMES) {
            OUTCOMES.put(entry.name(), outcome);
        }
        System.out.printf(Locale.ROOT, "zoo %s: %s%s (%.1f s)%n", entry.name(), outcome.stage.label,
                outcome.error == null ? "" : ": " + outcome.error, outcome.seconds);
        ExpectedFailure expected = expectedFailures().get(entry.name());
        if (expected == null) {
            if (outcome.stage != Stage.DONE) {
                fail("%s fails at '%s': %s", entry.name(), outcome.stage.label, outcome.error);
            }
            return;
        }
        if (outcome.stage == Stage.DONE) {
            fail("%s now passes every stage: remove it from zoo/expected-failures.txt", entry.name());
        }
        if (outcome.stage != expected.stage() || !outcome.error.contains(expected.fragment())) {
            fail("%s was expected to fail at '%s' with '%s' but fails at '%s': %s (update zoo/expected-failures.txt)",
                    entry.name(), expected.stage().label, expected.fragment(), outcome.stage.label, outcome.error);
        }
    }

    private static Outcome run(ModelZoo.Entry entry, Path dir) throws OrtException {
        Outcome outcome = new Outcome(entry);
        long start = System.nanoTime();
        List<float[]> inputs = images(entry);
        HDict[] samples = samples(entry, inputs);
        // the reference first: a model ONNX Runtime cannot run is the exporter's fault, not a stage's
        float[][] reference = confidences(entry, ort(entry, entry.file(), inputs));
        HDlModel model = null;
        HDlPrune pruning = null;
        HDlModel pruned = null;
        try {
            outcome.stage = Stage.READ;
            model = new HDlModel(entry.file().toString());
            model.SetDlModelParam("batch_size", IMAGES);
            outcome.blocks = blocks(model);
            outcome.stage = Stage.APPLY;
            float[][] ours = applyDlModel(model, samples, entry.classes());
            outcome.applyDifference = maxDifference(ours, reference);
            // a parity miss is recorded and the later stages still run, so that the table shows how far they get
            if (outcome.applyDifference > TOLERANCE) {
                outcome.applyFloor = roundingFloor(entry, entry.file(), inputs, reference);
            }
            parity(outcome, Stage.APPLY_PARITY, outcome.applyDifference, outcome.applyFloor, "ApplyDlModel",
                    "ONNX Runtime on the exported file");
            outcome.stage = Stage.CREATE;
            pruning = model.CreateDlPruning("oracle", new HDict());
            outcome.prunableConvs = pruning.GetDlPruningParam("prunable_conv_num").getL();
            outcome.prunableKernels = pruning.GetDlPruningParam("prunable_kernel_num").getL();
            outcome.stage = Stage.SCORE;
            model.AddDlPruningBatch(pruning, samples);
            outcome.stage = Stage.PRUNE;
            pruning.SetDlPruningParam("percentage", PERCENTAGE);
            pruned = model.GenDlPrunedModel(pruning);
            outcome.stage = Stage.WRITE;
            Path written = dir.resolve(entry.name() + "-pruned.onnx");
            pruned.WriteDlModel(written.toString());
            outcome.stage = Stage.PRUNED_PARITY;
            float[][] prunedReference = confidences(entry, ort(entry, written, inputs));
            outcome.prunedDifference = maxDifference(applyDlModel(pruned, samples, entry.classes()), prunedReference);
            if (outcome.prunedDifference > TOLERANCE) {
                outcome.prunedFloor = roundingFloor(entry, written, inputs, prunedReference);
            }
            parity(outcome, Stage.PRUNED_PARITY, outcome.prunedDifference, outcome.prunedFloor,
                    "ApplyDlModel of the pruned model", "ONNX Runtime on its file");
            outcome.stage = Stage.DONE;
        } catch (HalconException e) {
            outcome.error = "#" + e.getErrorCode() + " " + e.getErrorMessage() + ": " + e.getExtendedErrorMessage();
        } catch (RuntimeException | OrtException | AssertionError e) {
            outcome.error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            if (pruned != null) {
                pruned.ClearDlModel();
            }
            if (pruning != null) {
                pruning.close();
            }
            if (model != null) {
                model.ClearDlModel();
            }
            outcome.seconds = (System.nanoTime() - start) / 1e9;
        }
        if (outcome.parityMiss != null) {
            // the first failure is the model's stage; a later one is kept in the message
            String later = outcome.stage == Stage.DONE ? "" : "; then fails at " + outcome.stage.label + ": "
                    + outcome.error;
            outcome.stage = outcome.parityMissStage;
            outcome.error = outcome.parityMiss + later;
        }
        if (outcome.error != null) {
            outcome.error = outcome.error.replace('\n', ' ').replace('|', '/');
        }
        return outcome;
    }

    /**
     * What keeps the kernels that cannot be removed, from the analysis pruning runs on the model's graph: each
     * operator kind (or 'graph output', or why a convolution is not followed) with the number of convolutions it
     * blocks wholly or partly, e.g. "LayerNormalization: 19 convs".
     */
    private static String blocks(HDlModel model) {
        Object payload = HandleRegistry.global().lookup(model.getHandleId()).payload();
        List<PrunabilityAnalysis.BlockedConv> blocked;
        try {
            blocked = PrunabilityAnalysis.of(((DlModel) payload).prunableGraph()).blockedConvs();
        } catch (RuntimeException e) {
            // the stages report the model's failure; the table only says that no analysis was had
            return "no analysis: " + e.getMessage();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        for (PrunabilityAnalysis.BlockedConv conv : blocked) {
            conv.reasons().stream().map(r -> r.contains(" '") ? r.substring(0, r.indexOf(" '")) : r).distinct()
                    .forEach(kind -> byKind.merge(kind, 1, Integer::sum));
        }
        return byKind.isEmpty() ? "nothing" : byKind.entrySet().stream()
                .map(k -> k.getKey() + ": " + k.getValue() + (k.getValue() == 1 ? " conv" : " convs"))
                .collect(Collectors.joining("; "));
    }

    private static void parity(Outcome outcome, Stage stage, double difference, double floor, String ours,
            String reference) {
        double tolerance = Double.isNaN(floor) ? TOLERANCE : Math.max(TOLERANCE, 2 * floor);
        if (!(difference <= tolerance) && outcome.parityMiss == null) {
            outcome.parityMissStage = stage;
            outcome.parityMiss = String.format(Locale.ROOT, "%s differs from %s by %.3g (tolerance %.0e%s)", ours,
                    reference, difference, TOLERANCE, Double.isNaN(floor) ? ""
                            : String.format(Locale.ROOT, ", or twice ONNX Runtime's own rounding floor %.3g", floor));
        }
    }

    /**
     * How far ONNX Runtime's own confidences move when every input value moves by one unit in the last place (up or
     * down at random), the largest of two such draws: the float32 noise floor of this model on these images. Rounding
     * differences between two runtimes enter at every layer, not only at the input, so a difference up to twice this
     * is rounding; an operator computed wrongly differs by orders of magnitude more.
     */
    static double roundingFloor(ModelZoo.Entry entry, Path file, List<float[]> inputs, float[][] reference)
            throws OrtException {
        Random random = new Random(17);
        double floor = 0;
        for (int draw = 0; draw < 2; draw++) {
            List<float[]> moved = new ArrayList<>();
            for (float[] image : inputs) {
                float[] m = image.clone();
                for (int k = 0; k < m.length; k++) {
                    m[k] = random.nextBoolean() ? Math.nextUp(m[k]) : Math.nextDown(m[k]);
                }
                moved.add(m);
            }
            floor = Math.max(floor, maxDifference(confidences(entry, ort(entry, file, moved)), reference));
        }
        return floor;
    }

    /** Uniform noise over the model's image range, the same for every run of a model. */
    private static List<float[]> images(ModelZoo.Entry entry) {
        Random random = new Random(entry.name().hashCode());
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            float[] planar = new float[entry.channels() * entry.height() * entry.width()];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = (float) (entry.rangeMin() + (entry.rangeMax() - entry.rangeMin()) * random.nextFloat());
            }
            images.add(planar);
        }
        return images;
    }

    private static HDict[] samples(ModelZoo.Entry entry, List<float[]> images) {
        HDict[] samples = new HDict[images.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Samples.of(entry.width(), entry.height(), entry.channels(), images.get(i), i % entry.classes());
        }
        return samples;
    }

    private static float[][] ort(ModelZoo.Entry entry, Path file, List<float[]> images) throws OrtException {
        return OnnxRuntimeRunner.run(file, images, entry.channels(), entry.height(), entry.width());
    }

    /** ONNX Runtime's output as the confidences ApplyDlModel returns: softmax of logits, exp of log-probabilities. */
    private static float[][] confidences(ModelZoo.Entry entry, float[][] output) {
        float[][] result = new float[output.length][];
        for (int i = 0; i < output.length; i++) {
            double[] row = new double[output[i].length];
            for (int c = 0; c < row.length; c++) {
                row[c] = output[i][c];
            }
            switch (entry.output()) {
                case "softmax" -> { }
                case "log_softmax" -> {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = Math.exp(row[c]);
                    }
                }
                case "logits" -> {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : row) {
                        max = Math.max(max, v);
                    }
                    double sum = 0;
                    for (int c = 0; c < row.length; c++) {
                        row[c] = Math.exp(row[c] - max);
                        sum += row[c];
                    }
                    for (int c = 0; c < row.length; c++) {
                        row[c] /= sum;
                    }
                }
                default -> throw new IllegalStateException("unknown output kind " + entry.output());
            }
            result[i] = new float[row.length];
            for (int c = 0; c < row.length; c++) {
                result[i][c] = (float) row[c];
            }
        }
        return result;
    }

    /** Every class's confidence per sample, placed by 'classification_class_ids' (ApplyDlModel sorts them). */
    private static float[][] applyDlModel(HDlModel model, HDict[] samples, int classes) {
        HDict[] results = model.ApplyDlModel(samples, new HTuple());
        float[][] confidences = new float[results.length][classes];
        for (int i = 0; i < results.length; i++) {
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            assertThat(ids.length()).as("class ids of sample %d", i).isEqualTo(classes);
            for (int k = 0; k < ids.length(); k++) {
                confidences[i][(int) ids.getL(k)] = (float) values.getD(k);
            }
        }
        return confidences;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        assertThat(a.length).isEqualTo(b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i].length).isEqualTo(b[i].length);
            for (int c = 0; c < a[i].length; c++) {
                max = Math.max(max, Math.abs((double) a[i][c] - b[i][c]));
                if (Float.isNaN(a[i][c]) || Float.isNaN(b[i][c])) {
                    return Double.NaN;
                }
            }
        }
        return max;
    }

    // ---- the list of currently expected failures ----

    record ExpectedFailure(Stage stage, String fragment) {}

    private static Map<String, ExpectedFailure> expected;

    /** zoo/expected-failures.txt: {@code model | stage label | error fragment}, '#' starts a comment. */
    static synchronized Map<String, ExpectedFailure> expectedFailures() throws IOException {
        if (expected == null) {
            Map<String, ExpectedFailure> map = new LinkedHashMap<>();
            try (InputStream in = ModelZooTest.class.getResourceAsStream("/zoo/expected-failures.txt")) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    String content = line.strip();
                    if (content.isEmpty() || content.startsWith("#")) {
                        continue;
                    }
                    String[] parts = content.split("\\|", 3);
                    if (parts.length != 3) {
                        throw new IllegalStateException("zoo/expected-failures.txt: not 'model | stage | fragment': "
                                + line);
                    }
                    map.put(parts[0].strip(), new ExpectedFailure(stage(parts[1].strip()), parts[2].strip()));
                }
            }
            expected = map;
        }
        return expected;
    }

    private static Stage stage(String label) {
        for (Stage s : Stage.values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalStateException("zoo/expected-failures.txt: unknown stage '" + label + "'");
    }

    // ---- the table ----

    @AfterAll
    static void writeTable() throws IOException {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        Path target = Path.of(System.getProperty("hprune.zooTable", "target/zoo-table.md"));
        Files.createDirectories(target.toAbsolutePath().getParent());
        StringBuilder table = new StringBuilder();
        table.append("| model | family | BN | input | convs | prunable convs | prunable kernels | ApplyDlModel vs ORT"
                + " | pruned vs ORT | stage reached / failure | what blocks the rest | notes |\n");
        table.append("|---|---|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
        List<Outcome> ordered = ModelZoo.entries().stream().map(e -> OUTCOMES.get(e.name()))
                .filter(o -> o != null).toList();
        for (Outcome o : ordered) {
            ModelZoo.Entry e = o.entry;
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %dx%dx%d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    e.name(), e.family(), e.bn(), e.channels(), e.height(), e.width(), e.convs(),
                    o.prunableConvs < 0 ? "-" : Long.toString(o.prunableConvs),
                    o.prunableKernels < 0 ? "-" : Long.toString(o.prunableKernels),
                    difference(o.applyDifference, o.applyFloor), difference(o.prunedDifference, o.prunedFloor),
                    o.stage == Stage.DONE ? "all" : "fails at " + o.stage.label + ": " + shorten(o.error),
                    o.blocks, e.notes().isEmpty() ? "-" : e.notes()));
        }
        long passed = ordered.stream().filter(o -> o.stage == Stage.DONE).count();
        table.append(String.format(Locale.ROOT, "%n%d of %d models pass every stage; %.0f s in all.%n", passed,
                ordered.size(), ordered.stream().mapToDouble(o -> o.seconds).sum()));
        Files.writeString(target, table.toString());
        String list = ordered.stream().filter(o -> o.stage != Stage.DONE)
                .map(o -> o.entry.name() + " | " + o.stage.label + " | "
                        + o.error.substring(0, Math.min(o.error.length(), 100)).strip())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(target.resolveSibling("zoo-expected-failures.txt"), list);
    }

    private static String difference(double d, double floor) {
        String text = Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.1e", d);
        return Double.isNaN(floor) ? text : String.format(Locale.ROOT, "%s (ORT's rounding floor %.1e)", text, floor);
    }

    private static String shorten(String error) {
        if (error == null) {
            return "";
        }
        return error.length() <= 160 ? error : error.substring(0, 157) + "...";
    }
}
