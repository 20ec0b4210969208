package dev.hprune.spark;

import dev.hprune.cli.DataOptions;
import dev.hprune.cli.ModelOptions;
import dev.hprune.cli.Workbench;
import dev.hprune.cli.data.LabelledImage;
import dev.hprune.cli.data.PngFolders;
import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.Progress;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;

/**
 * Oracle scoring throughput in one process against Spark's local[1] and local[2], on the PP-OCR text-orientation
 * classifier (3x48x192, about 0.2 GMACs per image: big enough that the scoring, not Spark's task overhead, dominates)
 * with synthetic two-class images. Every run does the same work from files: read the model and the prepared data set,
 * create_dl_pruning, add_dl_pruning_batch over the training samples; Spark runs add the driver's merge (each Spark
 * context runs one small job first, so that its start-up is not in the row). TensorFlow gets
 * one thread per scoring session ({@code hprune.intraOpThreads}, default 1 here), so that the tasks are the only
 * parallelism; a last row shows one process with TensorFlow's own thread count. Not a test: run with
 * {@code bench/run.sh spark}.
 */
public final class ScoringScalingBench {
    private ScoringScalingBench() {}

    private static final int IMAGES = Integer.getInteger("bench.images", 320);
    private static final int BATCH = Integer.getInteger("bench.batch", 8);

    public static void main(String[] args) throws IOException {
        String threads = System.getProperty(DlModel.INTRA_OP_THREADS, "1");
        Path material = Path.of(System.getProperty("hprune.testMaterial", ".cache/test-material"));
        Path model = material.resolve("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx");
        Path dir = Files.createTempDirectory("hprune-spark-bench-");
        Path images = writeImages(dir.resolve("images"));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Workbench bench = new Workbench(quiet, quiet, true, dir)) {
            DataOptions data = CommandLine.populateCommand(new DataOptions(), "--data", images.toString(),
                    "--held-out", "0.2", "--seed", "1");
            ModelOptions options = CommandLine.populateCommand(new ModelOptions(), "--batch-size",
                    Integer.toString(BATCH), "--image-size", "192x48");
            DlData.Raw raw = bench.load(data);
            HDlModel m = bench.open(model, options);
            DlData prepared = bench.prepare(m, raw, data).data();
            SharedInputs inputs = SharedInputs.write(m, prepared, bench.workDir().resolve("spark"));
            long[] samples = DistributedPruningTest.trainSamples(prepared);
            System.out.printf("# Scoring on Spark (%d cores; %d training images of 3x48x192, batch %d, PP-OCR cls; "
                    + "TensorFlow threads per session: %s)%n%n", Runtime.getRuntime().availableProcessors(),
                    samples.length, BATCH, threads);
            System.out.println("| run | tasks at once | partitions | seconds | images/s | vs one process |");
            System.out.println("|---|---|---|---|---|---|");
            System.setProperty(DlModel.INTRA_OP_THREADS, threads);
            // warm-up: class loading, TensorFlow's library and the JIT, outside every measured row
            scoreInProcess(inputs, samples).close();
            double single = row("one process", "1", "-", samples.length, () -> scoreInProcess(inputs, samples), 0);
            for (int cores : new int[] {1, 2}) {
                JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[" + cores + "]")
                        .setAppName("hprune scoring bench").set("spark.ui.enabled", "false"));
                spark.setLogLevel("WARN");
                try {
                    // Spark's one-time start-up of its scheduler and executors (class loading, the first task's
                    // serialisation), which a long-running cluster pays once, outside the measured row
                    spark.parallelize(List.of(1, 2, 3, 4), cores).count();
                    row("Spark local[" + cores + "]", Integer.toString(cores), Integer.toString(cores),
                            samples.length, () -> new DistributedPruning(spark, inputs).score(m, samples, cores, 10, 1), single);
                } finally {
                    spark.stop();
                }
            }
            System.clearProperty(DlModel.INTRA_OP_THREADS);
            row("one process, TensorFlow's own threads", "1", "-", samples.length,
                    () -> scoreInProcess(inputs, samples), single);
            m.ClearDlModel();
        }
        System.out.println();
        System.out.println("(The machine was shared with other jobs while this ran: see its load average, "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()) + " at the end.)");
    }

    /** What one partition does, over every training sample, in this process. */
    private static HDlPrune scoreInProcess(SharedInputs inputs, long[] samples) {
        HDlModel model = inputs.readModel();
        DlData data = inputs.readData();
        try {
            HDlPrune pruning = PruningSteps.create(model, 10, 1);
            try (Progress.Bar none = new Progress(System.err, true).start("scoring", samples.length)) {
                PruningSteps.addBatches(model, pruning, data.dataset(), new HTuple(samples), none);
            }
            return pruning;
        } finally {
            HOperatorSet.ClearHandle(data.dataset());
            model.ClearDlModel();
        }
    }

    interface Scoring {
        HDlPrune run();
    }

    private static double row(String name, String atOnce, String partitions, int images, Scoring scoring,
            double reference) {
        long start = System.nanoTime();
        scoring.run().close();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = images / seconds;
        System.out.printf("| %s | %s | %s | %.1f | %.1f | %s |%n", name, atOnce, partitions, seconds, rate,
                reference == 0 ? "1.00" : String.format("%.2f", rate / reference));
        return rate;
    }

    /** Two classes of 192x48 RGB noise with a bright band, the second class upside down (as the classifier sorts). */
    private static Path writeImages(Path root) {
        Random random = new Random(7);
        List<LabelledImage> list = new ArrayList<>();
        int w = 192;
        int h = 48;
        for (int i = 0; i < IMAGES; i++) {
            int label = i % 2;
            float[] planar = new float[3 * w * h];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int row = label == 0 ? y : h - 1 - y;
                        float band = row < h / 3 ? 160 : 40;
                        planar[c * w * h + y * w + x] = Math.min(255, band + random.nextInt(60));
                    }
                }
            }
            list.add(new LabelledImage(planar, w, h, 3, label));
        }
        PngFolders.write(root, List.of("0", "180"), 255, list);
        return root;
    }
}
