package dev.hprune.cli;

import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.model.ModelStats;
import dev.hprune.cli.report.Numbers;
import dev.hprune.cli.report.Report;
import dev.hprune.cli.report.TextTable;
import dev.hprune.cli.run.DlData;
import dev.hprune.cli.run.DlSteps;
import dev.hprune.cli.run.Outcome;
import dev.hprune.cli.run.Progress;
import dev.hprune.cli.run.PruningSteps;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The steps the commands share: open a model, prepare data for it (HALCON's dataset and preprocessing procedures),
 * measure (evaluate_dl_model), prune, retrain (train_dl_model), print and report. Public for the spark module, whose
 * driver does the same steps around the work it hands to a cluster.
 */
public final class Workbench implements AutoCloseable {
    final PrintStream out;
    final PrintStream err;
    final Progress progress;
    private final Path workParent;

    Workbench(PrintStream out, PrintStream err, boolean quiet) {
        this(out, err, quiet, null);
    }

    /**
     * A workbench whose temporary folder is made in {@code workParent} (the system's temporary folder where null), e.g.
     * on a path that a cluster's executors share.
     */
    public Workbench(PrintStream out, PrintStream err, boolean quiet, Path workParent) {
        this.out = out;
        this.err = err;
        this.progress = new Progress(err, quiet);
        this.workParent = workParent;
    }

    /** A model's data, preprocessed for it. */
    public record Prepared(DlData data) {}

    private Path workDir;

    /**
     * A temporary folder for the data's PNG folders and preprocessed samples, made on first use and removed by
     * {@link #close()}.
     */
    public Path workDir() {
        if (workDir == null) {
            try {
                workDir = workParent == null ? Files.createTempDirectory("hprune-data-")
                        : Files.createTempDirectory(workParent, "hprune-data-");
            } catch (IOException e) {
                throw new CliException("cannot create a temporary folder: " + e.getMessage(), 5200);
            }
        }
        return workDir;
    }

    /** Removes the temporary folder, if one was made. */
    @Override
    public void close() {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            err.println("hprune: could not remove the temporary folder " + workDir + ": " + e.getMessage());
        }
        workDir = null;
    }

    /** read_dl_model, refused unless it is a classifier, with the options applied. */
    public HDlModel open(Path file, ModelOptions options) {
        HDlModel model = ModelFiles.read(file);
        requireClassifier(model, file.toString());
        configure(model, options);
        return model;
    }

    static void requireClassifier(HDlModel model, String name) {
        String type = model.GetDlModelParam("type").getS();
        if (!type.equals("classification")) {
            throw new CliException("not a classification model: " + name + " (type '" + type
                    + "'; hprune needs one image input [N,C,H,W] and one class-score output [N,classes])", 7912);
        }
    }

    static void configure(HDlModel model, ModelOptions options) {
        if (options.classes != null) {
            // before the batch size: a new head changes the largest activation the batch check looks at
            model.SetDlModelParam("class_names", new HTuple(options.classes.toArray(String[]::new)));
        }
        model.SetDlModelParam("batch_size", new HTuple(options.batchSize));
        if (options.learningRate != null) {
            model.SetDlModelParam("learning_rate", options.learningRate);
        }
        if (options.imageSize != null) {
            String[] parts = options.imageSize.toLowerCase(Locale.ROOT).split("x");
            if (parts.length != 2) {
                throw new CliException("--image-size takes WIDTHxHEIGHT, e.g. 28x28; got " + options.imageSize);
            }
            try {
                model.SetDlModelParam("image_width", new HTuple(Integer.parseInt(parts[0].trim())));
                model.SetDlModelParam("image_height", new HTuple(Integer.parseInt(parts[1].trim())));
            } catch (NumberFormatException e) {
                throw new CliException("--image-size takes WIDTHxHEIGHT, e.g. 28x28; got " + options.imageSize);
            }
        }
        if (options.range != null) {
            if (options.range.length != 2 || !(options.range[0] < options.range[1])) {
                throw new CliException("--range takes MIN,MAX with MIN < MAX");
            }
            model.SetDlModelParam("image_range_min", options.range[0]);
            model.SetDlModelParam("image_range_max", options.range[1]);
        }
        if (model.GetDlModelParam("image_width").getI() < 1 || model.GetDlModelParam("image_height").getI() < 1) {
            throw new CliException("the model leaves its image size open; give it with --image-size WxH", 7791);
        }
    }

    /** Reads the data (before the model, so that a wrong folder is reported at once). */
    public DlData.Raw load(DataOptions options) {
        if (!(options.heldOut >= 0 && options.heldOut < 1)) {
            throw new CliException("--held-out must be in [0, 1), got " + options.heldOut);
        }
        return DlData.read(options.dataSource(), workDir(), options.heldOut, options.seed);
    }

    /**
     * Splits and preprocesses the data for the model with HALCON's procedures; an image folder's class names become
     * the model's 'class_names'.
     */
    public Prepared prepare(HDlModel model, DlData.Raw raw, DataOptions options) {
        DlData data = DlData.prepare(new HTuple(model), raw, options.heldOut, options.seed, options.trainLimit,
                options.testLimit, workDir());
        if (!progress.quiet()) {
            err.printf("data: %s, %d classes, %d images to score and train on, %d held out%n", data.description(),
                    model.GetDlModelParam("class_ids").length(), data.trainCount(), data.testCount());
        }
        return new Prepared(data);
    }

    /** evaluate_dl_model on the 'test' split: accuracy is 1 - 'top1_error'. */
    public Outcome measure(String label, double percentage, boolean retrained, HDlModel model, Prepared prepared) {
        double accuracy = prepared.data().testCount() == 0 ? Double.NaN
                : 1 - DlSteps.top1Error(new HTuple(model), prepared.data());
        return new Outcome(label, percentage, retrained, accuracy, ModelStats.of(model));
    }

    /**
     * Scores once on the training part, then for each percentage: gen_dl_pruned_model, measure, and with
     * {@code retrainEpochs} > 0 retrain (train_dl_model) and measure again. {@code keep} receives each final pruned
     * model.
     */
    List<Outcome> pruneAndMeasure(HDlModel model, Prepared prepared, List<Double> percentages, int kernelMultiple,
            int retrainEpochs, long seed, PrunedModelSink keep) {
        List<Outcome> outcomes = new ArrayList<>();
        if (prepared.data().trainCount() == 0) {
            throw new CliException("no images left to score on: the data's training part is empty", 7915);
        }
        HDlPrune pruning = PruningSteps.score(model, prepared.data(), percentages.get(0), kernelMultiple, progress);
        try {
            for (double percentage : percentages) {
                HDlModel pruned = PruningSteps.prune(model, pruning, percentage);
                String label = "pruned " + format(percentage);
                outcomes.add(measure(label, percentage, false, pruned, prepared));
                if (retrainEpochs > 0) {
                    DlSteps.train(new HTuple(pruned), prepared.data(), retrainEpochs, seed, !progress.quiet());
                    outcomes.add(measure(label + " + retrained", percentage, true, pruned, prepared));
                }
                keep.accept(percentage, pruned, pruning);
                pruned.ClearDlModel();
            }
        } finally {
            pruning.close();
        }
        return outcomes;
    }

    /** What to do with a pruned model before it is released. */
    interface PrunedModelSink {
        void accept(double percentage, HDlModel pruned, HDlPrune pruning);
    }

    public static String format(double percentage) {
        return (percentage == Math.rint(percentage) ? Long.toString((long) percentage)
                : String.format(Locale.ROOT, "%.1f", percentage)) + " %";
    }

    public TextTable summary(List<Outcome> outcomes) {
        ModelStats reference = outcomes.get(0).stats();
        TextTable table = new TextTable("model", "accuracy", "kernels", "parameters", "MACs", "MACs vs original");
        for (Outcome o : outcomes) {
            table.row(o.label(), Numbers.percent(o.accuracy()), Numbers.count(o.stats().kernels()),
                    Numbers.count(o.stats().parameters()), Numbers.compact(o.stats().macs()),
                    Numbers.relative(o.stats().macs(), reference.macs()));
        }
        return table;
    }

    /** Writes the report unless disabled and prints its path. */
    public void report(OutputOptions options, String title, String subtitle, List<Outcome> outcomes, TextTable summary) {
        if (options.noReport) {
            return;
        }
        Path html = Report.write(options.reportDir, title, subtitle, outcomes, summary);
        out.println("report: " + html.toAbsolutePath().normalize());
    }
}
