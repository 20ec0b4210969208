package dev.hprune.spark;

import static dev.hprune.halcon.HOperatorSet.WriteDlPruningScores;

import dev.hprune.cli.Cli;
import dev.hprune.cli.CliException;
import dev.hprune.cli.DataOptions;
import dev.hprune.cli.ErrorReport;
import dev.hprune.cli.ModelOptions;
import dev.hprune.cli.OutputOptions;
import dev.hprune.cli.PruningOptions;
import dev.hprune.cli.Verbosity;
import dev.hprune.cli.Workbench;
import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.model.ModelStats;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.Outcome;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hprune spark-prune MODEL.onnx --data SOURCE --percentages 10,30,50}: the tool's sweep with its two expensive
 * steps on a Spark cluster. The driver reads and prepares the data as the tool does, into a folder the executors share;
 * the executors score the training samples in partitions, the driver merges the partial scores and generates the
 * pruned models, and the executors evaluate and retrain one pruned model each. The table and the report are the
 * tool's.
 */
@Command(name = "spark-prune", mixinStandardHelpOptions = true,
        description = {"HALCON's oracle pruning with the scoring and the sweep spread over Apache Spark: executors run "
                + "add_dl_pruning_batch on partitions of the training samples, the driver adds their scores up "
                + "(add_dl_pruning_scores) and runs gen_dl_pruned_model for each percentage, executors evaluate and "
                + "retrain one pruned model each.",
            "Executors read the model and the prepared data from --work-dir, which must be a path they all share."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (the one line on stderr says why)", "2:wrong arguments"})
public final class SparkPrune implements Callable<Integer>, Verbosity {
    private final PrintStream out;
    private final PrintStream err;
    private final JavaSparkContext given;
    private JavaSparkContext spark;

    @Parameters(paramLabel = "MODEL.onnx", description = "the ONNX classifier")
    Path model;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    PruningOptions selection = new PruningOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--percentages", paramLabel = "P,P,...", split = ",", defaultValue = "10,30,50,70",
            description = "percentages to prune at (default: ${DEFAULT-VALUE})")
    List<Double> percentages;

    @Option(names = "--retrain-epochs", paramLabel = "E", defaultValue = "1",
            description = "epochs of retraining at each percentage, on an executor each; 0 for none "
                    + "(default: ${DEFAULT-VALUE})")
    int retrainEpochs;

    @Option(names = "--score-only", description = "write the pruned models (with --out-dir) without evaluating or "
            + "retraining them")
    boolean scoreOnly;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "write each percentage's final model (retrained "
            + "where retraining runs, by the executor that retrained it) as DIR/pruned-P.onnx")
    Path outDir;

    @Option(names = "--scores", paramLabel = "FILE", description = "write the merged oracle scores "
            + "(write_dl_pruning_scores), e.g. to prune again later without scoring")
    Path scoresFile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: the one spark-submit "
            + "passes, else local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "scoring partitions (default: Spark's default "
            + "parallelism); each is a whole number of batches, so there are never more than batches")
    Integer partitions;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "folder on a path the driver and every executor "
            + "share, for the prepared data, the configured model and the pruned models (default: a temporary "
            + "folder, enough for a local master only); the run's subfolder is removed at the end")
    Path workDir;

    SparkPrune(PrintStream out, PrintStream err, JavaSparkContext given) {
        this.out = out;
        this.err = err;
        this.given = given;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command on a Spark context of its own, stopped at the end. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** Runs the command on {@code spark} (left running), or on a context of its own where null. */
    public static int run(String[] args, PrintStream out, PrintStream err, JavaSparkContext spark) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new SparkPrune(out, err, spark));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorReport(err));
        commandLine.setParameterExceptionHandler(ErrorReport::usage);
        return commandLine.execute(args);
    }

    @Override
    public boolean verbose() {
        return output.verbose();
    }

    @Override
    public Integer call() {
        checkOptions();
        spark = given != null ? given : start();
        StageProgress progress = new StageProgress(err);
        if (!output.quiet()) {
            spark.sc().addSparkListener(progress);
        }
        try {
            if (workDir == null && !spark.isLocal()) {
                throw new CliException("the executors of " + spark.master() + " need --work-dir on a path they "
                        + "share with the driver");
            }
            return prepareAndRun();
        } finally {
            spark.sc().removeSparkListener(progress);
            if (given == null) {
                spark.stop();
            }
        }
    }

    private void checkOptions() {
        for (double p : percentages) {
            if (!(p >= 0 && p <= 100)) {
                throw new CliException("--percentages must be in 0..100, got " + p, 1302);
            }
        }
        if (partitions != null && partitions < 1) {
            throw new CliException("--partitions must be at least 1, got " + partitions);
        }
        if (retrainEpochs < 0) {
            throw new CliException("--retrain-epochs must be 0 or more, got " + retrainEpochs);
        }
    }

    private JavaSparkContext start() {
        SparkConf conf = new SparkConf().setAppName("hprune spark-prune");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        JavaSparkContext spark = new JavaSparkContext(conf);
        if (!output.verbose()) {
            spark.setLogLevel("WARN");
        }
        return spark;
    }

    private int prepareAndRun() {
        try (Workbench bench = new Workbench(out, err, output.quiet(), workDir)) {
            DlData.Raw raw = bench.load(data);
            HDlModel m = bench.open(model, modelOptions);
            try {
                Workbench.Prepared prepared = bench.prepare(m, raw, data);
                if (prepared.data().trainCount() == 0) {
                    throw new CliException("no images left to score on: the data's training part is empty", 7915);
                }
                SharedInputs inputs = SharedInputs.write(m, prepared.data(), bench.workDir().resolve("spark"));
                DistributedPruning cluster = new DistributedPruning(spark, inputs);
                return pruneAndMeasure(bench, cluster, m, prepared);
            } finally {
                m.ClearDlModel();
            }
        }
    }

    private int pruneAndMeasure(Workbench bench, DistributedPruning cluster, HDlModel m, Workbench.Prepared prepared) {
        long[] samples = longs(prepared.data().indices("train"));
        int parts = partitions != null ? partitions : spark.defaultParallelism();
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<ModelStats> stats = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new CliException("cannot create the output folder " + outDir + ": " + e.getMessage(), 5200);
            }
        }
        try (HDlPrune scores = cluster.score(m, samples, parts, percentages.get(0), selection.kernelMultiple())) {
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "scored %d images on %s in %.1f s (%.1f images/s)%n", samples.length,
                    spark.master(), seconds, samples.length / seconds);
            if (scoresFile != null) {
                WriteDlPruningScores(new HTuple(scores), new HTuple(scoresFile.toString()));
                out.println("scores written to " + scoresFile);
            }
            if (!scoreOnly) {
                outcomes.add(bench.measure("original", 0, false, m, prepared));
            }
            for (double percentage : percentages) {
                HDlModel pruned = PruningSteps.prune(m, scores, percentage);
                try {
                    stats.add(ModelStats.of(pruned));
                    Path file = bench.workDir().resolve("spark").resolve(fileName(percentage)).toAbsolutePath();
                    ModelFiles.write(pruned, file);
                    Path kept = outDir == null ? null : outDir.resolve(fileName(percentage)).toAbsolutePath();
                    if (kept != null && (scoreOnly || retrainEpochs == 0)) {
                        ModelFiles.write(pruned, kept);
                    }
                    candidates.add(new Candidate(percentage, file.toString(),
                            kept != null && !scoreOnly && retrainEpochs > 0 ? kept.toString() : null));
                    out.printf(Locale.ROOT, "pruned %d of %d prunable kernels (%.1f %%)%s%n",
                            scores.GetDlPruningParam("pruned_kernel_num").getL(),
                            scores.GetDlPruningParam("prunable_kernel_num").getL(),
                            scores.GetDlPruningParam("pruned_percentage").getD(),
                            kept == null || (!scoreOnly && retrainEpochs > 0) ? "" : "; written to " + kept);
                } finally {
                    pruned.ClearDlModel();
                }
            }
        }
        if (scoreOnly) {
            return Cli.OK;
        }
        List<Candidate.Result> results = cluster.retrainAndEvaluate(candidates, retrainEpochs, data.seed());
        for (int i = 0; i < results.size(); i++) {
            Candidate.Result r = results.get(i);
            String label = "pruned " + Workbench.format(r.percentage());
            outcomes.add(new Outcome(label, r.percentage(), false, r.prunedAccuracy(), stats.get(i)));
            if (retrainEpochs > 0) {
                outcomes.add(new Outcome(label + " + retrained", r.percentage(), true, r.retrainedAccuracy(),
                        stats.get(i)));
                if (candidates.get(i).retrainedFile() != null) {
                    out.println("retrained " + label + " written to " + candidates.get(i).retrainedFile());
                }
            }
        }
        TextTable summary = bench.summary(outcomes);
        out.println();
        summary.print(out);
        out.println();
        bench.report(output, "hprune spark-prune " + model.getFileName(), "Oracle pruning of "
                + model.getFileName() + " on " + prepared.data().description() + ", scored in " + parts
                + " Spark partitions on " + spark.master() + "; retrained " + retrainEpochs + " epochs; accuracy on "
                + prepared.data().testCount() + " held-out images.", outcomes, summary);
        return Cli.OK;
    }

    static String fileName(double percentage) {
        return "pruned-" + (percentage == Math.rint(percentage) ? Long.toString((long) percentage)
                : String.format(Locale.ROOT, "%.1f", percentage)) + ".onnx";
    }

    private static long[] longs(HTuple tuple) {
        long[] values = new long[tuple.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tuple.getL(i);
        }
        return values;
    }
}
