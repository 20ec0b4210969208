package dev.hprune.cli.run;

import static dev.hprune.procedures.DlDataset.find_dl_samples;
import static dev.hprune.procedures.DlDataset.read_dl_dataset_classification;
import static dev.hprune.procedures.DlDataset.split_dl_dataset;
import static dev.hprune.procedures.DlPreprocessing.create_dl_preprocess_param_from_model;
import static dev.hprune.procedures.DlPreprocessing.preprocess_dl_dataset;

import dev.hprune.cli.CliException;
import dev.hprune.cli.data.DataSource;
import dev.hprune.cli.data.Dataset;
import dev.hprune.cli.data.MnistIdx;
import dev.hprune.cli.data.PngFolders;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tool's data as HALCON's procedures hold it: a classification DLDataset dict, read with
 * read_dl_dataset_classification (an image folder; the built-in digits and MNIST are first written as PNG folders) or
 * read_dict (a DLDataset file), split with split_dl_dataset when it has no split yet, and preprocessed for the model
 * with create_dl_preprocess_param_from_model and preprocess_dl_dataset unless it already is (it has 'dlsample_dir').
 * Scoring, training and evaluation then read its samples with read_dl_samples, as a HALCON program does.
 */
public final class DlData {
    private final HTuple dataset;
    private final String description;
    private final int trainCount;
    private final int testCount;

    private DlData(HTuple dataset, String description, int trainCount, int testCount) {
        this.dataset = dataset;
        this.description = description;
        this.trainCount = trainCount;
        this.testCount = testCount;
    }

    /** A DLDataset not yet prepared for a model, with its description. */
    public record Raw(HTuple dataset, String description, boolean namedClasses) {}

    /**
     * Reads the source; {@code workDir} receives the PNG folders of sources that are no image folder. MNIST keeps its
     * own parts (t10k as 'test', else {@code heldOut} of each class drawn with {@code seed}) as the samples' 'split'.
     */
    public static Raw read(DataSource source, Path workDir, double heldOut, long seed) {
        HTuple dataset = new HTuple();
        if (source.isBuiltin()) {
            read_dl_dataset_classification(new HTuple(PngFolders.writeDigits(workDir.resolve("images")).toString()),
                    new HTuple("last_folder"), dataset);
            return new Raw(dataset, "built-in digits (scikit-learn, 8x8)", false);
        }
        if (source.isMnist()) {
            Dataset mnist = MnistIdx.load(source.mnistDir(), heldOut, seed);
            Path images = workDir.resolve("images");
            PngFolders.write(images, mnist.classNames(), mnist.maxValue(), mnist.all());
            read_dl_dataset_classification(new HTuple(images.toString()), new HTuple("last_folder"), dataset);
            HTuple samples = get(dataset, "samples");
            for (int i = 0; i < samples.length(); i++) {
                HTuple sample = new HTuple(samples.getH(i));
                String file = Path.of(get(sample, "image_file_name").getS()).getFileName().toString();
                int index = Integer.parseInt(file.substring(0, file.indexOf('.')));
                HOperatorSet.SetDictTuple(sample, new HTuple("split"),
                        new HTuple(index < mnist.train().size() ? "train" : "test"));
            }
            return new Raw(dataset, mnist.description(), false);
        }
        Path path = source.path();
        if (!Files.exists(path)) {
            throw new CliException((source.isDictFile() ? "data file" : "data folder") + " not found: " + path, 5200);
        }
        if (source.isDictFile()) {
            HOperatorSet.ReadDict(new HTuple(path.toString()), new HTuple(), new HTuple(), dataset);
            if (!has(dataset, "samples") || !has(dataset, "class_ids")) {
                throw new CliException("not a DLDataset: " + path + " (needs 'samples' and 'class_ids')", 1302);
            }
            return new Raw(dataset, "DLDataset " + path, has(dataset, "class_names"));
        }
        if (!Files.isDirectory(path)) {
            throw new CliException("not a folder: " + path + " (--data takes a folder with one subfolder per class, "
                    + "a DLDataset .hdict file, mnist:DIR or builtin)", 5200);
        }
        read_dl_dataset_classification(new HTuple(path.toString()), new HTuple("last_folder"), dataset);
        if (get(dataset, "class_ids").length() < 2) {
            throw new CliException("only one class (" + get(dataset, "class_names").getS() + ") in " + path
                    + "; classification needs a subfolder for each of at least two classes");
        }
        return new Raw(dataset, "image folder " + path, true);
    }

    /**
     * Prepares the data for the model: class check, split ({@code heldOut} of each class as 'test', seeded with
     * set_system('seed_rand', seed)), limits (samples past them are left out), the model's class ids as
     * labels, preprocessing into {@code workDir}/prepared.
     */
    public static DlData prepare(HTuple model, Raw raw, double heldOut, long seed, int trainLimit, int testLimit,
            Path workDir) {
        HTuple dataset = raw.dataset();
        HTuple modelIds = param(model, "class_ids");
        HTuple dataIds = get(dataset, "class_ids");
        if (dataIds.length() != modelIds.length()) {
            throw new CliException("the model has " + modelIds.length() + " classes but the data " + dataIds.length()
                    + " " + (has(dataset, "class_names") ? get(dataset, "class_names").asList() : dataIds.asList())
                    + " (--classes gives the model the data's classes, replacing its last layer)", 7791);
        }
        if (raw.namedClasses() && has(dataset, "class_names")) {
            HOperatorSet.SetDlModelParam(model, new HTuple("class_names"), get(dataset, "class_names"));
        }
        HTuple samples = get(dataset, "samples");
        boolean preprocessed = has(dataset, "dlsample_dir");
        if (samples.length() > 0 && !has(new HTuple(samples.getH(0)), "split")) {
            HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seed));
            double trainPercent = Math.round(100 * (1 - heldOut) * 1e6) / 1e6;
            split_dl_dataset(dataset, new HTuple(trainPercent), new HTuple(0), new HTuple());
        }
        samples = limit(dataset, samples, trainLimit, testLimit);
        if (!preprocessed) {
            useModelClassIds(dataset, samples, dataIds, modelIds);
            HTuple preprocessParam = new HTuple();
            create_dl_preprocess_param_from_model(model, new HTuple("none"), new HTuple("full_domain"), new HTuple(),
                    new HTuple(), new HTuple(), preprocessParam);
            HTuple genParam = new HTuple();
            HOperatorSet.CreateDict(genParam);
            HOperatorSet.SetDictTuple(genParam, new HTuple("overwrite_files"), new HTuple("true"));
            HOperatorSet.SetDictTuple(genParam, new HTuple("show_progress"), new HTuple(0));
            preprocess_dl_dataset(dataset, new HTuple(workDir.resolve("prepared").toString()), preprocessParam,
                    genParam, new HTuple());
        }
        return new DlData(dataset, raw.description(), indices(samples, "train").length(),
                indices(samples, "test").length());
    }

    /**
     * A DLDataset that is already split and preprocessed (it has 'dlsample_dir' and every sample a 'split'), e.g. one
     * that a driver prepared and an executor read back with read_dict.
     */
    public static DlData ofPrepared(HTuple dataset, String description) {
        if (!has(dataset, "samples") || !has(dataset, "dlsample_dir")) {
            throw new CliException("not a preprocessed DLDataset (needs 'samples' and 'dlsample_dir')", 1302);
        }
        HTuple samples = get(dataset, "samples");
        return new DlData(dataset, description, indices(samples, "train").length(), indices(samples, "test").length());
    }

    public HTuple dataset() {
        return dataset;
    }

    public String description() {
        return description;
    }

    public int trainCount() {
        return trainCount;
    }

    public int testCount() {
        return testCount;
    }

    /** The sample indices of one split (find_dl_samples). */
    public HTuple indices(String split) {
        return indices(get(dataset, "samples"), split);
    }

    private static HTuple indices(HTuple samples, String split) {
        HTuple found = new HTuple();
        if (samples.length() > 0) {
            find_dl_samples(samples, new HTuple("split"), new HTuple(split), new HTuple("match"), found);
        }
        return found;
    }

    /**
     * Leaves out the 'train' samples past the first {@code trainLimit} and the 'test' samples past the first
     * {@code testLimit} (0: no limit), so that they are neither preprocessed nor used; returns the samples kept.
     */
    private static HTuple limit(HTuple dataset, HTuple samples, int trainLimit, int testLimit) {
        if (trainLimit <= 0 && testLimit <= 0) {
            return samples;
        }
        Set<Integer> dropped = new HashSet<>();
        dropped.addAll(beyond(indices(samples, "train"), trainLimit));
        dropped.addAll(beyond(indices(samples, "test"), testLimit));
        HTuple kept = new HTuple();
        for (int i = 0; i < samples.length(); i++) {
            if (!dropped.contains(i)) {
                kept.append(new HTuple(samples.getH(i)));
            }
        }
        HOperatorSet.SetDictTuple(dataset, new HTuple("samples"), kept);
        return kept;
    }

    private static List<Integer> beyond(HTuple members, int limit) {
        List<Integer> indices = new ArrayList<>();
        for (int i = limit <= 0 ? members.length() : limit; i < members.length(); i++) {
            indices.add(members.getI(i));
        }
        return indices;
    }

    /** Relabels the samples with the model's class ids where they differ from the data's (matched by position). */
    private static void useModelClassIds(HTuple dataset, HTuple samples, HTuple dataIds, HTuple modelIds) {
        List<Long> data = longs(dataIds);
        List<Long> model = longs(modelIds);
        if (data.equals(model)) {
            return;
        }
        for (int i = 0; i < samples.length(); i++) {
            HTuple sample = new HTuple(samples.getH(i));
            long label = get(sample, "image_label_id").getL();
            HOperatorSet.SetDictTuple(sample, new HTuple("image_label_id"), new HTuple(model.get(data.indexOf(label))));
        }
        HOperatorSet.SetDictTuple(dataset, new HTuple("class_ids"), modelIds);
    }

    private static List<Long> longs(HTuple tuple) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < tuple.length(); i++) {
            values.add(tuple.getL(i));
        }
        return values;
    }

    static boolean has(HTuple dict, String key) {
        HTuple exists = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("key_exists"), new HTuple(key), exists);
        return exists.getI() == 1;
    }

    static HTuple get(HTuple dict, String key) {
        HTuple value = new HTuple();
        HOperatorSet.GetDictTuple(dict, new HTuple(key), value);
        return value;
    }

    private static HTuple param(HTuple model, String name) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple(name), value);
        return value;
    }
}
