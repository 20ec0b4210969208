package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.error;
import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.genParamKeys;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.handleAt;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.singleString;
import static dev.hprune.procedures.ProcedureSupport.tupleKeyExists;
import static dev.hprune.procedures.ProcedureSupport.wrongCount;
import static dev.hprune.procedures.ProcedureSupport.wrongType;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import dev.hprune.halcon.StandardProcedures;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * HALCON's dataset procedures (the library {@code dl_dataset} / {@code dl_samples}): a DLDataset is a dict with
 * 'image_dir', 'class_names', 'class_ids', 'samples' (a tuple of sample dicts: 'image_id', 'image_file_name',
 * 'image_label_id', 'split', 'dlsample_file_name') and, once preprocessed, 'preprocess_param' and 'dlsample_dir'. A DLSample
 * is a dict with 'image', 'image_id' and, for classification, 'image_label_id'; preprocessed samples are stored one per file,
 * {@code <dlsample_dir>/<image_id>_dlsample.hdict}.
 */
public final class DlDataset {
    private DlDataset() {}

    /**
     * find_dl_samples( : : Samples, KeyName, KeyValue, Mode : SampleIndices): the ascending indices of the sample dicts in
     * Samples whose tuple under KeyName matches KeyValue. Mode 'match': the stored tuple equals KeyValue as a whole; 'or':
     * the stored tuple has one element, equal to one of KeyValue's; 'contain': the stored tuple has an element equal to one
     * of KeyValue's. Numbers compare by value (1 equals 1.0). Samples without the key, or holding an iconic object under
     * it, never match; no match gives []. Errors: KeyName or Mode not one string (1402/1404, 1202/1204), an unknown Mode
     * (1304), 'contain' with an empty KeyValue (1403); a Samples element that is no dict fails in get_dict_param.
     */
    public static void find_dl_samples(HTuple samples, HTuple keyName, HTuple keyValue, HTuple mode,
            HTuple sampleIndices) {
        String procedure = "find_dl_samples";
        String key = singleString(procedure, keyName, 2, "KeyName");
        String how = singleString(procedure, mode, 4, "Mode");
        if (!how.equals("match") && !how.equals("or") && !how.equals("contain")) {
            throw wrongValue(procedure, 4, "Mode must be 'match', 'or' or 'contain', got '" + how + "'");
        }
        if (how.equals("contain") && keyValue.length() == 0) {
            throw wrongCount(procedure, 3, "Mode 'contain' needs at least one KeyValue");
        }
        HTuple found = new HTuple();
        for (int i = 0; i < samples.length(); i++) {
            HTuple sample = handleAt(samples, i);
            if (!tupleKeyExists(sample, key)) {
                continue;
            }
            HTuple stored = get(sample, key);
            boolean matches = switch (how) {
                case "match" -> equal(stored, keyValue);
                case "or" -> stored.length() == 1 && containsAny(keyValue, stored);
                default -> containsAny(stored, keyValue);
            };
            if (matches) {
                found.append(i);
            }
        }
        fill(sampleIndices, found);
    }

    /**
     * read_dl_samples( : : DLDataset, SampleIndices : DLSampleBatch): the DLSample dicts of the samples at SampleIndices,
     * read with read_dict from {@code <dlsample_dir>/<dlsample_file_name>}. A sample without 'dlsample_file_name' falls back
     * to {@code <image_id>_dlsample.hdict} when that file exists, and records the name in the sample. Errors: no indices
     * (1402), an index that is no integer (1202) or outside 'samples' (1302), a DLDataset without 'samples' or
     * 'dlsample_dir' (1301), a sample file that is missing (5200) or unreadable (read_dict's number).
     */
    public static void read_dl_samples(HTuple dlDataset, HTuple sampleIndices, HTuple dlSampleBatch) {
        String procedure = "read_dl_samples";
        if (sampleIndices.length() == 0) {
            throw wrongCount(procedure, 2, "SampleIndices is empty");
        }
        HTuple samples = datasetKey(procedure, dlDataset, "samples");
        String dir = datasetKey(procedure, dlDataset, "dlsample_dir").getS();
        HTuple batch = new HTuple();
        for (int i = 0; i < sampleIndices.length(); i++) {
            int index = sampleIndex(procedure, sampleIndices, i, samples.length(), 2);
            HTuple sample = handleAt(samples, index);
            String fileName;
            if (keyExists(sample, "dlsample_file_name")) {
                fileName = get(sample, "dlsample_file_name").getS();
            } else {
                fileName = get(sample, "image_id").getL() + "_dlsample.hdict";
                HTuple exists = new HTuple();
                HOperatorSet.FileExists(new HTuple(dir + "/" + fileName), exists);
                if (exists.getL() != 1) {
                    throw error(procedure, ProcedureSupport.FILE_NOT_FOUND, "sample " + index
                            + " has no 'dlsample_file_name' and " + dir + "/" + fileName + " does not exist");
                }
                set(sample, "dlsample_file_name", new HTuple(fileName));
            }
            HTuple dlSample = new HTuple();
            try {
                HOperatorSet.ReadDict(new HTuple(dir + "/" + fileName), new HTuple(), new HTuple(), dlSample);
            } catch (HalconException e) {
                throw error(procedure, e, "sample " + index + " (" + dir + "/" + fileName + ")");
            }
            batch.append(dlSample);
        }
        fill(dlSampleBatch, batch);
    }

    /**
     * read_dl_dataset_classification( : : RawImageFolder, LabelSource : DLDataset): a classification DLDataset of the
     * images under RawImageFolder (one folder or a tuple of folders), listed by list_image_files with the default
     * extensions, recursively. LabelSource: 'last_folder' (the class is the name of the folder holding the image),
     * 'file_name' (the file's base name, without extension), 'file_name_remove_index' (the base name without a trailing
     * index: digits and one '_' or '-' before them, so 'apple_07.png' is 'apple'). Output keys: 'image_dir' (the folder
     * for one folder, '' for several, then file names are full paths), 'class_names' (sorted), 'class_ids' (0..n-1),
     * 'samples' with 'image_id' (0..N-1 in listing order), 'image_file_name' (relative to 'image_dir'), 'image_label_id'.
     * Errors: LabelSource not one of the three (1302, 1402 for more than one), no folder given (1401), a folder missing
     * (list_files' 5200), no images found (1301).
     */
    public static void read_dl_dataset_classification(HTuple rawImageFolder, HTuple labelSource, HTuple dlDataset) {
        String procedure = "read_dl_dataset_classification";
        String source = singleString(procedure, labelSource, 2, "LabelSource");
        if (!source.equals("last_folder") && !source.equals("file_name") && !source.equals("file_name_remove_index")) {
            throw wrongValue(procedure, 2, "LabelSource must be 'last_folder', 'file_name' or 'file_name_remove_index', "
                    + "got '" + source + "'");
        }
        if (rawImageFolder.length() == 0) {
            throw wrongCount(procedure, 1, "RawImageFolder is empty");
        }
        for (int i = 0; i < rawImageFolder.length(); i++) {
            if (rawImageFolder.getType(i) != HTuple.STRING) {
                throw wrongType(procedure, 1, "RawImageFolder must hold folder names, got " + rawImageFolder);
            }
        }
        HTuple files = new HTuple();
        FileProcedures.list_image_files(rawImageFolder, new HTuple("default"), new HTuple("recursive"), files);
        if (files.length() == 0) {
            throw wrongValue(procedure, 1, "no image files found in " + rawImageFolder);
        }
        String imageDir = rawImageFolder.length() == 1 ? withoutTrailingSlash(rawImageFolder.getS(0)) : "";
        String[] labels = new String[files.length()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(files.getS(i), source);
        }
        HTuple classNames = new HTuple();
        HOperatorSet.TupleSort(new HTuple(labels), classNames);
        HOperatorSet.TupleUniq(classNames.copy(), classNames);
        HTuple classIds = new HTuple();
        HOperatorSet.TupleGenSequence(new HTuple(0), new HTuple(classNames.length() - 1), new HTuple(1), classIds);
        HTuple samples = new HTuple();
        for (int i = 0; i < labels.length; i++) {
            HTuple sample = ProcedureSupport.newDict();
            set(sample, "image_id", new HTuple(i));
            String file = files.getS(i);
            set(sample, "image_file_name", new HTuple(imageDir.isEmpty() ? file
                    : file.substring(imageDir.length() + 1)));
            HTuple labelIndex = new HTuple();
            HOperatorSet.TupleFind(classNames, new HTuple(labels[i]), labelIndex);
            set(sample, "image_label_id", new HTuple(labelIndex.getL(0)));
            samples.append(sample);
        }
        HTuple dataset = ProcedureSupport.newDict();
        set(dataset, "image_dir", new HTuple(imageDir));
        set(dataset, "class_names", classNames);
        set(dataset, "class_ids", classIds);
        set(dataset, "samples", samples);
        fill(dlDataset, dataset);
    }

    /** The class of an image file by LabelSource (file names as list_files gives them, '/'-separated). */
    private static String label(String file, String source) {
        int slash = file.lastIndexOf('/');
        if (source.equals("last_folder")) {
            int before = file.lastIndexOf('/', slash - 1);
            return file.substring(before + 1, slash);
        }
        String name = file.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (source.equals("file_name")) {
            return base;
        }
        HTuple withoutIndex = new HTuple();
        HOperatorSet.TupleRegexpMatch(new HTuple(base), new HTuple("^(.*?)[_-]?[0-9]+$"), withoutIndex);
        // A name that is all index ('0042') or has none keeps its whole base name.
        return withoutIndex.getS().isEmpty() ? base : withoutIndex.getS();
    }

    private static String withoutTrailingSlash(String dir) {
        String stripped = dir;
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /**
     * split_dl_dataset( : : DLDataset, TrainingPercent, ValidationPercent, GenParam : ): writes 'split' ('train',
     * 'validation', 'test') into every sample dict, test taking 100 - TrainingPercent - ValidationPercent percent, as
     * HALCON's procedure draws it: classes are visited from the smallest to the largest; each class's samples are shuffled
     * (tuple_shuffle) and each split takes floor(ratio * class size) of them in the order train, validation, test; every
     * remaining sample draws u = tuple_rand(1) and goes to the first split, from the largest ratio down, with u <= ratio
     * (else u -= ratio). The draws come from tuple_rand, so set_system('seed_rand', N) fixes the split. GenParam (a dict
     * or []): 'overwrite_split' (0/1 or 'true'/'false', default 0), 'model_type' (default guessed from the first sample:
     * 'anomaly_label', 'image_label_id', 'bbox_label_id', 'segmentation_file_name'). Models other than classification are
     * split as one class. Errors: a percentage below 0 (1302/1303) or a sum above 100 (1303), GenParam not a dict (1304)
     * or with an unknown key or value (1304), a model type that cannot be guessed (1301), a classification sample without
     * 'image_label_id' (1301), samples already split without 'overwrite_split' (1301).
     */
    public static void split_dl_dataset(HTuple dlDataset, HTuple trainingPercent, HTuple validationPercent,
            HTuple genParam) {
        String procedure = "split_dl_dataset";
        double train = percent(procedure, trainingPercent, 2, "TrainingPercent");
        double validation = percent(procedure, validationPercent, 3, "ValidationPercent");
        if (train + validation > 100) {
            throw wrongValue(procedure, 3, "TrainingPercent + ValidationPercent = " + (train + validation)
                    + " exceeds 100");
        }
        boolean overwrite = false;
        String modelType = null;
        for (String key : genParamKeys(procedure, 4, genParam)) {
            HTuple value = get(genParam, key);
            switch (key) {
                case "overwrite_split" -> overwrite = flag(procedure, value, 4, key);
                case "model_type" -> modelType = singleString(procedure, value, 4, "'model_type'");
                default -> throw wrongValue(procedure, 4, "unknown GenParam key '" + key
                        + "' (split_dl_dataset knows 'overwrite_split' and 'model_type')");
            }
        }
        HTuple samples = datasetKey(procedure, dlDataset, "samples");
        int count = samples.length();
        if (count == 0) {
            return;
        }
        if (modelType == null) {
            modelType = guessModelType(procedure, handleAt(samples, 0));
        }
        for (int i = 0; i < count; i++) {
            if (!overwrite && keyExists(handleAt(samples, i), "split")) {
                throw wrongValue(procedure, 1, "the samples are split already (sample " + i
                        + " has 'split'); set GenParam 'overwrite_split' to split again");
            }
        }
        // Group the sample indices by class (all in one group for other model types).
        TreeMap<Double, HTuple> groups = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            double label = 0;
            if (modelType.equals("classification")) {
                HTuple sample = handleAt(samples, i);
                if (!tupleKeyExists(sample, "image_label_id")) {
                    throw wrongValue(procedure, 1, "classification sample " + i + " has no 'image_label_id'");
                }
                label = get(sample, "image_label_id").getD();
            }
            groups.computeIfAbsent(label, l -> new HTuple()).append(i);
        }
        HTuple sizes = new HTuple();
        List<HTuple> members = new ArrayList<>(groups.values());
        for (HTuple group : members) {
            sizes.append(group.length());
        }
        HTuple visitOrder = new HTuple();
        HOperatorSet.TupleSortIndex(sizes, visitOrder);
        double[] ratios = {train / 100, validation / 100, (100 - train - validation) / 100};
        String[] names = {"train", "validation", "test"};
        HTuple largestFirst = new HTuple();
        HOperatorSet.TupleSortIndex(new HTuple(ratios), largestFirst);
        HOperatorSet.TupleInverse(largestFirst.copy(), largestFirst);
        for (int g = 0; g < visitOrder.length(); g++) {
            HTuple group = members.get(visitOrder.getI(g));
            HTuple shuffled = new HTuple();
            StandardProcedures.TupleShuffle(group, shuffled);
            int size = shuffled.length();
            int next = 0;
            for (int s = 0; s < 3; s++) {
                int take = (int) Math.floor(ratios[s] * size);
                for (int k = 0; k < take; k++) {
                    set(handleAt(samples, shuffled.getI(next++)), "split", new HTuple(names[s]));
                }
            }
            for (; next < size; next++) {
                HTuple u = new HTuple();
                HOperatorSet.TupleRand(new HTuple(1), u);
                double remaining = u.getD();
                int chosen = largestFirst.getI(2);
                for (int k = 0; k < 3; k++) {
                    int s = largestFirst.getI(k);
                    if (remaining <= ratios[s]) {
                        chosen = s;
                        break;
                    }
                    remaining -= ratios[s];
                }
                set(handleAt(samples, shuffled.getI(next)), "split", new HTuple(names[chosen]));
            }
        }
    }

    private static double percent(String procedure, HTuple value, int position, String name) {
        if (value == null || value.length() != 1) {
            throw wrongCount(procedure, position, name + " must be one number, got " + value);
        }
        if (value.getType(0) != HTuple.INTEGER && value.getType(0) != HTuple.REAL) {
            throw wrongType(procedure, position, name + " must be a number, got " + value);
        }
        double percent = value.getD(0);
        if (!(percent >= 0 && percent <= 100)) {
            throw wrongValue(procedure, position, name + " must lie in 0..100, got " + percent);
        }
        return percent;
    }

    /** A 0/1 or 'true'/'false' GenParam value. */
    static boolean flag(String procedure, HTuple value, int position, String key) {
        if (value.length() == 1) {
            Object v = value.asList().get(0);
            if (v instanceof Long l && (l == 0 || l == 1)) {
                return l == 1;
            }
            if ("true".equals(v) || "false".equals(v)) {
                return "true".equals(v);
            }
        }
        throw wrongValue(procedure, position, "'" + key + "' must be 0/1 or 'true'/'false', got " + value);
    }

    private static String guessModelType(String procedure, HTuple sample) {
        String[][] byKey = {{"anomaly_label", "anomaly_detection"}, {"image_label_id", "classification"},
            {"bbox_label_id", "detection"}, {"segmentation_file_name", "segmentation"}};
        for (String[] entry : byKey) {
            if (keyExists(sample, entry[0])) {
                return entry[1];
            }
        }
        throw wrongValue(procedure, 1, "cannot guess the model type from the first sample (none of 'anomaly_label', "
                + "'image_label_id', 'bbox_label_id', 'segmentation_file_name'); pass GenParam 'model_type'");
    }

    /**
     * gen_dl_samples( : : DLDataset, SampleIndices, RestrictKeysDLSample, GenParam : DLSampleBatch): one new DLSample
     * dict per index, with 'image_id', 'image' (read_image of {@code <image_dir>/<image_file_name>}, or of the name alone
     * when 'image_dir' is '') and, for 'classification' and 'off', 'image_label_id'. RestrictKeysDLSample:
     * 'classification', 'image_only' (no label), 'anomaly_detection' ('anomaly_label' when the sample has one), 'off' (every
     * label the sample has); 'detection' and 'segmentation' are HALCON's but not hprune's (1303). GenParam (dict or []):
     * 'ignore_missing_labels' (0/1, default 1 for 'off' only). Errors: no indices (1402), an index outside 'samples'
     * (1302), a missing label (1301), an unreadable image (read_image's number, e.g. 5200).
     */
    public static void gen_dl_samples(HTuple dlDataset, HTuple sampleIndices, HTuple restrictKeysDLSample,
            HTuple genParam, HTuple dlSampleBatch) {
        String procedure = "gen_dl_samples";
        String restrict = singleString(procedure, restrictKeysDLSample, 3, "RestrictKeysDLSample");
        switch (restrict) {
            case "classification", "image_only", "anomaly_detection", "off" -> { }
            case "detection", "segmentation" -> throw wrongValue(procedure, 3, "RestrictKeysDLSample '" + restrict
                    + "' needs box or segmentation readers hprune does not have");
            default -> throw wrongValue(procedure, 3, "unknown RestrictKeysDLSample '" + restrict + "'");
        }
        boolean ignoreMissingLabels = restrict.equals("off");
        for (String key : genParamKeys(procedure, 4, genParam)) {
            if (!key.equals("ignore_missing_labels")) {
                throw wrongValue(procedure, 4, "unknown GenParam key '" + key + "'");
            }
            ignoreMissingLabels = flag(procedure, get(genParam, key), 4, key);
        }
        if (sampleIndices.length() == 0) {
            throw wrongCount(procedure, 2, "SampleIndices is empty");
        }
        HTuple samples = datasetKey(procedure, dlDataset, "samples");
        String imageDir = keyExists(dlDataset, "image_dir") ? get(dlDataset, "image_dir").getS() : "";
        HTuple batch = new HTuple();
        for (int i = 0; i < sampleIndices.length(); i++) {
            int index = sampleIndex(procedure, sampleIndices, i, samples.length(), 2);
            HTuple entry = handleAt(samples, index);
            String file = get(entry, "image_file_name").getS();
            String path = imageDir.isEmpty() ? file : imageDir + "/" + file;
            HObject image = new HObject();
            try {
                HOperatorSet.ReadImage(image, new HTuple(path));
            } catch (HalconException e) {
                throw error(procedure, e, "sample " + index + " (" + path + ")");
            }
            HTuple sample = ProcedureSupport.newDict();
            HOperatorSet.SetDictObject(image, sample, new HTuple("image"));
            set(sample, "image_id", get(entry, "image_id"));
            String labelKey = switch (restrict) {
                case "classification", "off" -> "image_label_id";
                case "anomaly_detection" -> "anomaly_label";
                default -> null;
            };
            if (labelKey != null) {
                if (tupleKeyExists(entry, labelKey)) {
                    set(sample, labelKey, get(entry, labelKey));
                } else if (!ignoreMissingLabels && !restrict.equals("anomaly_detection")) {
                    throw wrongValue(procedure, 1, "sample " + index + " has no '" + labelKey
                            + "' (GenParam 'ignore_missing_labels' 1 skips it)");
                }
            }
            batch.append(sample);
        }
        fill(dlSampleBatch, batch);
    }

    /**
     * write_dl_samples( : : DLDataset, SampleIndices, DLSampleBatch, GenParamName, GenParamValue : ): writes each DLSample
     * with write_dict to {@code <dlsample_dir>/<image_id>_dlsample.hdict} and records that name as the dataset sample's
     * 'dlsample_file_name'. GenParamName/Value go to write_dict ('raise_error_if_content_not_serializable'). Errors: a
     * DLDataset without 'dlsample_dir' or 'samples' (1301), no indices (1402), as many samples as indices needed (1403),
     * an index outside 'samples' (1302), a DLSample whose 'image_id' differs from its dataset sample's (1303), write_dict's
     * errors.
     */
    public static void write_dl_samples(HTuple dlDataset, HTuple sampleIndices, HTuple dlSampleBatch,
            HTuple genParamName, HTuple genParamValue) {
        String procedure = "write_dl_samples";
        String dir = datasetKey(procedure, dlDataset, "dlsample_dir").getS();
        HTuple samples = datasetKey(procedure, dlDataset, "samples");
        if (sampleIndices.length() == 0) {
            throw wrongCount(procedure, 2, "SampleIndices is empty");
        }
        if (sampleIndices.length() != dlSampleBatch.length()) {
            throw wrongCount(procedure, 3, sampleIndices.length() + " indices but " + dlSampleBatch.length()
                    + " samples");
        }
        for (int i = 0; i < sampleIndices.length(); i++) {
            int index = sampleIndex(procedure, sampleIndices, i, samples.length(), 2);
            HTuple entry = handleAt(samples, index);
            HTuple sample = handleAt(dlSampleBatch, i);
            HTuple id = get(entry, "image_id");
            HTuple sampleId = tupleKeyExists(sample, "image_id") ? get(sample, "image_id") : new HTuple();
            HTuple same = new HTuple();
            HOperatorSet.TupleEqual(id, sampleId, same);
            if (same.getL() != 1) {
                throw wrongValue(procedure, 3, "DLSample " + i + " has 'image_id' " + sampleId + " but dataset sample "
                        + index + " has " + id);
            }
            String fileName = id.getL() + "_dlsample.hdict";
            HOperatorSet.WriteDict(sample, new HTuple(dir + "/" + fileName), genParamName, genParamValue);
            set(entry, "dlsample_file_name", new HTuple(fileName));
        }
    }

    // ---- shared by the dataset procedures ----

    /** The tuple under {@code key} of the DLDataset (control parameter 1); a missing key is 1301. */
    static HTuple datasetKey(String procedure, HTuple dlDataset, String key) {
        if (dlDataset.length() != 1 || dlDataset.getType(0) != HTuple.HANDLE) {
            throw wrongCount(procedure, 1, "DLDataset must be one dict handle, got " + dlDataset);
        }
        if (!keyExists(dlDataset, key)) {
            throw wrongValue(procedure, 1, "DLDataset has no key '" + key + "'");
        }
        return get(dlDataset, key);
    }

    /** Element {@code i} of an index tuple: an integer in 0..count-1 (else 1200+position / 1300+position). */
    static int sampleIndex(String procedure, HTuple indices, int i, int count, int position) {
        if (indices.getType(i) != HTuple.INTEGER) {
            throw wrongType(procedure, position, "sample indices must be integers, got " + indices.asList().get(i));
        }
        long index = indices.getL(i);
        if (index < 0 || index >= count) {
            throw wrongValue(procedure, position, "sample index " + index + " outside 0.." + (count - 1));
        }
        return (int) index;
    }

    private static boolean equal(HTuple a, HTuple b) {
        HTuple equal = new HTuple();
        HOperatorSet.TupleEqual(a, b, equal);
        return equal.getL() == 1;
    }

    /** True when some element of {@code values} equals some element of {@code wanted} (numbers by value). */
    private static boolean containsAny(HTuple values, HTuple wanted) {
        for (Object value : values.asList()) {
            for (Object w : wanted.asList()) {
                if (equal(HTuple.of(value), HTuple.of(w))) {
                    return true;
                }
            }
        }
        return false;
    }
}
