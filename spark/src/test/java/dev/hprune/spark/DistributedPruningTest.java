package dev.hprune.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.cli.Cli;
import dev.hprune.cli.DataOptions;
import dev.hprune.cli.ModelOptions;
import dev.hprune.cli.Workbench;
import dev.hprune.cli.data.PngFolders;
import dev.hprune.cli.model.BuiltinModel;
import dev.hprune.cli.model.ModelStats;
import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.Progress;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.prune.DlPruning;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The distributed steps on local[2] against the same steps in one process, on the built-in digits written as PNG
 * folders and the tool's built-in CNN (untrained; scores and pruning need no trained model, and retraining in the
 * sweep makes the accuracies meaningful).
 */
class DistributedPruningTest {
    @TempDir
    static Path dir;

    static JavaSparkContext spark;
    static Path images;
    static Path model;

    /** The driver's preparation, as the command does it, and the one-process scores of the same samples. */
    static Workbench bench;
    static HDlModel driverModel;
    static DlData data;
    static SharedInputs inputs;
    static long[] samples;
    static HDlPrune single;

    @BeforeAll
    static void startSparkAndPrepare() {
        images = PngFolders.writeDigits(dir.resolve("digits"));
        model = dir.resolve("builtin-cnn.onnx");
        try (BuiltinModel builtin = BuiltinModel.create()) {
            builtin.model().WriteDlModel(model.toString());
        }
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("hprune spark test")
                .set("spark.ui.enabled", "false"));
        bench = new Workbench(System.out, System.err, true, dir);
        DataOptions dataOptions = CommandLine.populateCommand(new DataOptions(), "--data", images.toString(),
                "--seed", "42");
        ModelOptions options = CommandLine.populateCommand(new ModelOptions(), "--batch-size", "32");
        DlData.Raw raw = bench.load(dataOptions);
        driverModel = bench.open(model, options);
        data = bench.prepare(driverModel, raw, dataOptions).data();
        inputs = SharedInputs.write(driverModel, data, bench.workDir().resolve("spark"));
        samples = trainSamples(data);
        single = PruningSteps.score(driverModel, data, 50, 1, new Progress(System.err, true));
    }

    @AfterAll
    static void stopSpark() {
        if (single != null) {
            single.close();
        }
        if (driverModel != null) {
            driverModel.ClearDlModel();
        }
        if (bench != null) {
            bench.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    static long[] trainSamples(DlData data) {
        HTuple train = data.indices("train");
        long[] samples = new long[train.length()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = train.getL(i);
        }
        return samples;
    }

    static DlPruning compat(HDlPrune handle) {
        return (DlPruning) HandleRegistry.global().lookup(handle.getHandleId()).payload();
    }

    static DlModel compat(HDlModel handle) {
        return (DlModel) HandleRegistry.global().lookup(handle.getHandleId()).payload();
    }

    /**
     * No tolerance: each partition feeds add_dl_pruning_batch the batches one process would ({@link ScoringPlan}: whole
     * batches, in order), TensorFlow computes a batch's float scores the same way in any process that runs the same
     * graph on the same shapes, and the handle's sums are exact (halcon-compat's ExactSums), so the order in which the
     * driver adds the partitions, (b1 + ... + b23) + (b24 + ... + b45) against b1 + ... + b45, changes no bit. Any
     * real difference (a batch cut differently, dropped or scored twice) shows in many channels.
     */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {2, 3}) // 3: uneven, 15 + 15 + 15 batches, the last one short
    void mergedScoresEqualOneProcessScoringTheSameBatches(int partitions) {
        try (HDlPrune merged = new DistributedPruning(spark, inputs).score(driverModel, samples, partitions, 50, 1)) {
            Map<String, double[]> expected = compat(single).scores().sums();
            Map<String, double[]> actual = compat(merged).scores().sums();
            assertThat(compat(merged).scores().samples()).isEqualTo(samples.length);
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (String point : expected.keySet()) {
                assertThat(actual.get(point)).as(point).isEqualTo(expected.get(point));
            }
        }
    }

    @Test
    void prunedModelIsTheSameKernelsAndWeights() {
        try (HDlPrune merged = new DistributedPruning(spark, inputs).score(driverModel, samples, 2, 50, 1)) {
            HDlModel one = PruningSteps.prune(driverModel, single, 50);
            HDlModel cluster = PruningSteps.prune(driverModel, merged, 50);
            assertThat(merged.GetDlPruningParam("pruned_kernel_num").getL())
                    .isEqualTo(single.GetDlPruningParam("pruned_kernel_num").getL()).isPositive();
            assertThat(ModelStats.of(cluster).kernelsPerConv()).isEqualTo(ModelStats.of(one).kernelsPerConv())
                    .isNotEqualTo(ModelStats.of(driverModel).kernelsPerConv());
            Map<String, Tensor> expected = compat(one).graph().initializers();
            Map<String, Tensor> actual = compat(cluster).graph().initializers();
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((name, tensor) -> {
                assertThat(actual.get(name).shape()).as(name).isEqualTo(tensor.shape());
                if (tensor.isFloating()) {
                    assertThat(actual.get(name).toFloats()).as(name).isEqualTo(tensor.toFloats());
                }
            });
            one.ClearDlModel();
            cluster.ClearDlModel();
        }
    }

    @Test
    void sweepOfThreePercentagesPrintsTheToolsTable() throws InterruptedException {
        String[] common = {model.toString(), "--data", images.toString(), "--percentages", "30,50,70",
            "--retrain-epochs", "1", "--seed", "42", "--batch-size", "32", "--train-limit", "960",
            "--test-limit", "200", "--no-report"};
        Run tool = Run.of(out -> Cli.run(concat(new String[] {"sweep"}, common, "--quiet"), out, out));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(progress, true, StandardCharsets.UTF_8);
        Path kept = dir.resolve("kept");
        Run cluster = Run.of(out -> SparkPrune.run(concat(new String[0], common, "--work-dir", dir.toString(),
                "--out-dir", kept.toString()), out, err, spark));

        assertThat(tool.exitCode()).as(tool.out()).isZero();
        assertThat(cluster.exitCode()).as(cluster.out() + progress).isZero();
        List<String> table = table(tool.out());
        assertThat(table).hasSize(2 + 7); // header, rule, original and 3 x (pruned, retrained)
        assertThat(table(cluster.out())).isEqualTo(table);
        System.out.println("spark-prune on local[2]:");
        table.forEach(System.out::println);
        // the executors wrote the retrained models where --out-dir said
        assertThat(kept.resolve("pruned-30.onnx")).isRegularFile();
        assertThat(kept.resolve("pruned-70.onnx")).isRegularFile();
        assertThat(cluster.out()).contains("retrained pruned 50 % written to " + kept.resolve("pruned-50.onnx"));
        // progress comes from Spark's listener bus, which may deliver the last events after the job returned
        for (int i = 0; i < 50 && !progress.toString(StandardCharsets.UTF_8).contains("pruned models: done"); i++) {
            Thread.sleep(100);
        }
        String scoring = "spark: oracle scores of 960 samples in 2 partitions: ";
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains(scoring + "2 tasks", scoring + "2/2 tasks done",
                "spark: retraining and evaluating 3 pruned models: 3/3 tasks done",
                "spark: retraining and evaluating 3 pruned models: done");
    }

    @Test
    void percentageOutOfRangeIsRefusedBeforeAnyWork() {
        Run run = Run.of(out -> SparkPrune.run(new String[] {model.toString(), "--data", images.toString(),
            "--percentages", "30,120"}, out, out, spark));
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.out()).contains("--percentages must be in 0..100, got 120.0 (HALCON error 1302)");
    }

    /** The table a sweep prints: from its header line to the blank line after it. */
    static List<String> table(String out) {
        List<String> lines = out.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("model ")) {
            start++;
        }
        int end = start;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start, end);
    }

    static String[] concat(String[] head, String[] middle, String... tail) {
        String[] all = new String[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    /** A command run in-process with what it printed. */
    record Run(int exitCode, String out) {
        interface Body {
            int run(PrintStream out);
        }

        static Run of(Body body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code;
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                code = body.run(out);
            }
            return new Run(code, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
