package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.handleAt;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.newDict;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.wrongCount;
import static dev.hprune.procedures.ProcedureSupport.wrongType;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HALCON's training procedures: create_dl_train_param and train_dl_model.
 *
 * <p>TrainParam keys: 'num_epochs', 'evaluation_interval_epochs', 'evaluation_param' (dict or []), 'augmentation_param'
 * (dict or []), 'change_strategies' (dicts or []), 'serialization_strategies' (dicts), 'seed_rand', 'display_param'
 * (dict, always with 'enabled'), 'update_interval_seconds' (2), 'evaluation_comparison_keys',
 * 'evaluation_comparison_keys_best_highest', 'num_samples_mean_loss' (1000), 'evaluate_before_train' ('false').
 *
 * <p>train_dl_model shows its progress as lines on stderr (when 'display_param' 'enabled' is 'true') instead of HALCON's
 * window. Its outputs: TrainResults, the DLTrainResult dict of every iteration of this call; TrainInfos, one dict per
 * update ({'epoch', 'mean_loss', 'mean_loss_samples', 'model_params', 'num_epochs', 'num_iterations_per_epoch',
 * 'best_evaluation', 'start_epoch', 'start_time', 'time_elapsed'}); EvaluationInfos, one dict per evaluation ({'epoch',
 * 'iteration', 'result', 'result_train'}).
 */
public final class DlTraining {
    private DlTraining() {}

    /** GenParamName values of create_dl_train_param; all but 'serialize' at most once. */
    static final List<String> GEN_PARAM_NAMES = List.of("evaluate", "augment", "change", "serialize", "display",
            "evaluate_before_train");

    /** Keys of 'display_param' (HALCON's window settings; hprune reads 'enabled' and the train-sample share). */
    static final List<String> DISPLAY_KEYS = List.of("enabled", "change_plot_interval_seconds", "num_images",
            "selected_percentage_train_samples", "update_images_interval_epochs", "x_axis_label");

    static final List<String> MODEL_TYPES = List.of("classification", "detection", "segmentation",
            "anomaly_detection");

    /**
     * create_dl_train_param( : : DLModelHandle, NumEpochs, EvaluationIntervalEpochs, EnableDisplay, RandomSeed,
     * GenParamName, GenParamValue : TrainParam).
     *
     * <p>NumEpochs &gt; 0; EvaluationIntervalEpochs ≥ 0 (0: no evaluation during training); EnableDisplay 'true'/'false'
     * or 1/0; RandomSeed an integer or [] (then the current time in seconds). GenParamName/GenParamValue pairs: 'evaluate'
     * (evaluate_dl_model's GenParam dict: its 'measures' become the comparison keys, 'precision'/'recall'/'f_score'
     * renamed 'mean_…'), 'augment' ({@link Augmentation}), 'change' ({@link ChangeStrategy}, once), 'serialize'
     * ({@link SerializationStrategy}, repeatable; default one 'best' strategy), 'display' (keys of
     * {@link #DISPLAY_KEYS}), 'evaluate_before_train' ('true'/'false').
     *
     * <p>Errors: a model type HALCON cannot train (1301); NumEpochs not one positive number (1402/1302);
     * EvaluationIntervalEpochs not one number ≥ 0 (1403/1303); EnableDisplay not 'true'/'false'/1/0 (1304); RandomSeed not
     * one integer (1405/1205); GenParamName/GenParamValue lengths differ (1407); an unknown name or a single-use name
     * repeated (1306); a value that is no dict where one is needed (1207) or a dict with bad content (1307).
     */
    public static void create_dl_train_param(HTuple dlModelHandle, HTuple numEpochs, HTuple evaluationIntervalEpochs,
            HTuple enableDisplay, HTuple randomSeed, HTuple genParamName, HTuple genParamValue, HTuple trainParam) {
        String procedure = "create_dl_train_param";
        HTuple type = new HTuple();
        HOperatorSet.GetDlModelParam(dlModelHandle, new HTuple("type"), type);
        if (!MODEL_TYPES.contains(type.getS())) {
            throw wrongValue(procedure, 1, "models of type '" + type.getS() + "' cannot be trained with train_dl_model");
        }
        double epochs = number(procedure, numEpochs, 2, "NumEpochs");
        if (!(epochs > 0)) {
            throw wrongValue(procedure, 2, "NumEpochs must be positive, got " + numEpochs);
        }
        double interval = number(procedure, evaluationIntervalEpochs, 3, "EvaluationIntervalEpochs");
        if (!(interval >= 0)) {
            throw wrongValue(procedure, 3, "EvaluationIntervalEpochs must be 0 or more, got " + evaluationIntervalEpochs);
        }
        String display = trueFalse(enableDisplay);
        if (display == null) {
            throw wrongValue(procedure, 4, "EnableDisplay must be 'true', 'false', 1 or 0, got " + enableDisplay);
        }
        long seed;
        if (randomSeed.length() == 0) {
            seed = System.currentTimeMillis() / 1000;
        } else if (randomSeed.length() != 1) {
            throw wrongCount(procedure, 5, "RandomSeed must be one integer or [], got " + randomSeed);
        } else if (randomSeed.getType(0) != HTuple.INTEGER) {
            throw wrongType(procedure, 5, "RandomSeed must be an integer, got " + randomSeed);
        } else {
            seed = randomSeed.getL();
        }
        if (genParamName.length() != genParamValue.length()) {
            throw wrongCount(procedure, 7, "GenParamName has " + genParamName.length() + " entries, GenParamValue "
                    + genParamValue.length());
        }

        HTuple params = newDict();
        set(params, "num_epochs", numEpochs.copy());
        set(params, "evaluation_interval_epochs", evaluationIntervalEpochs.copy());
        set(params, "evaluation_param", new HTuple());
        set(params, "augmentation_param", new HTuple());
        set(params, "change_strategies", new HTuple());
        set(params, "seed_rand", new HTuple(seed));
        set(params, "update_interval_seconds", new HTuple(2));
        set(params, "evaluation_comparison_keys", new HTuple("top1_error"));
        set(params, "evaluation_comparison_keys_best_highest", new HTuple(0));
        set(params, "num_samples_mean_loss", new HTuple(1000));
        set(params, "evaluate_before_train", new HTuple("false"));
        HTuple displayParam = newDict();
        HTuple serialization = new HTuple();

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < genParamName.length(); i++) {
            Object nameValue = genParamName.getO(i);
            if (!(nameValue instanceof String name) || !GEN_PARAM_NAMES.contains(name)) {
                throw wrongValue(procedure, 6, "GenParamName must be among " + GEN_PARAM_NAMES + ", got " + nameValue);
            }
            if (!name.equals("serialize") && !seen.add(name)) {
                throw wrongValue(procedure, 6, "'" + name + "' may be given once");
            }
            HTuple value = genParamValue.TupleSelect(new HTuple(i));
            if (name.equals("evaluate_before_train")) {
                String before = trueFalse(value);
                if (before == null) {
                    throw wrongValue(procedure, 7, "'evaluate_before_train' must be 'true' or 'false', got " + value);
                }
                set(params, name, new HTuple(before));
                continue;
            }
            if (value.getType(0) != HTuple.HANDLE) {
                throw wrongType(procedure, 7, "the value of '" + name + "' must be a dict, got " + value);
            }
            switch (name) {
                case "evaluate" -> {
                    HTuple check = newDict();
                    DlEvaluation.applyGenParam(procedure, check, value, null, 7);
                    set(params, "evaluation_param", value);
                    if (keyExists(value, "measures")) {
                        setComparisonKeys(params, get(value, "measures"));
                    }
                }
                case "augment" -> {
                    Augmentation.of(procedure, value, 7);
                    set(params, "augmentation_param", value);
                }
                case "change" -> {
                    ChangeStrategy.of(procedure, value, 7);
                    set(params, "change_strategies", value);
                }
                case "serialize" -> {
                    SerializationStrategy.of(procedure, value, 7);
                    serialization.append(value);
                }
                case "display" -> {
                    HTuple keys = new HTuple();
                    HOperatorSet.GetDictParam(value, new HTuple("keys"), new HTuple(), keys);
                    for (Object key : keys.asList()) {
                        if (!DISPLAY_KEYS.contains(key)) {
                            throw wrongValue(procedure, 7, "unknown 'display' key '" + key + "'; known: " + DISPLAY_KEYS);
                        }
                    }
                    HOperatorSet.CopyDict(value, new HTuple(), new HTuple(), displayParam);
                }
                default -> throw new IllegalStateException(name);
            }
        }
        set(displayParam, "enabled", new HTuple(display));
        set(params, "display_param", displayParam);
        set(params, "serialization_strategies",
                serialization.length() == 0 ? SerializationStrategy.defaultDict() : serialization);
        fill(trainParam, params);
    }

    /** Comparison keys from evaluation measures: 'all' → top1_error; precision/recall/f_score → mean_…. */
    private static void setComparisonKeys(HTuple params, HTuple measures) {
        HTuple keys = new HTuple();
        HTuple highest = new HTuple();
        for (Object measure : measures.asList()) {
            String m = (String) measure;
            if (m.endsWith("confusion_matrix")) {
                continue;
            }
            String key = switch (m) {
                case "all" -> "top1_error";
                case "precision", "recall", "f_score" -> "mean_" + m;
                default -> m;
            };
            keys.append(key);
            highest.append(key.matches("top[0-9]+_error") ? 0L : 1L);
        }
        if (keys.length() > 0) {
            set(params, "evaluation_comparison_keys", keys);
            set(params, "evaluation_comparison_keys_best_highest", highest);
        }
    }

    private static double number(String procedure, HTuple value, int position, String name) {
        if (value.length() != 1) {
            throw wrongCount(procedure, position, name + " must be one number, got " + value);
        }
        int type = value.getType(0);
        if (type != HTuple.INTEGER && type != HTuple.REAL) {
            throw wrongType(procedure, position, name + " must be a number, got " + value);
        }
        return value.getD(0);
    }

    /** 'true'/'false' for 'true', 'false', 1, 0; null for anything else. */
    static String trueFalse(HTuple value) {
        if (value.length() != 1) {
            return null;
        }
        Object v = value.getO(0);
        if ("true".equals(v) || Long.valueOf(1).equals(v)) {
            return "true";
        }
        if ("false".equals(v) || Long.valueOf(0).equals(v)) {
            return "false";
        }
        return null;
    }

    /**
     * train_dl_model( : : DLDataset, DLModelHandle, TrainParam, StartEpoch : TrainResults, TrainInfos,
     * EvaluationInfos): trains the model on the DLDataset's 'train' split.
     *
     * <p>As HALCON's procedure: set_system('seed_rand', TrainParam.seed_rand); one tuple_shuffle permutation of the
     * train indices per epoch; a seed pool of int((2^31-1)·tuple_rand) per position. Iterations per epoch =
     * floor(#train / 'batch_size') (the remainder of each epoch's permutation is left out). Each iteration: change
     * strategies at the iteration's fractional epoch, set_system('seed_rand', seed of the batch's last position),
     * read_dl_samples, augmentation, train_dl_model_batch. Every floor(evaluation_interval_epochs · iterations per epoch)
     * iterations and after the last one, evaluate_dl_model on the 'validation' split (and a random share of the train
     * samples when 'display_param' 'selected_percentage_train_samples' &gt; 0), then the serialization strategies.
     * StartEpoch &gt; 0 skips the iterations before it: the shuffled order, the per-batch seeds (so the augmentation)
     * and the change strategies' values are those a run from 0 with the same TrainParam uses there, so a run stopped
     * after epoch k and continued from k trains as one run (the momentum velocity travels with the model handle, not
     * with its file). A change strategy's first value is the one in force for the iteration before StartEpoch.
     * StartEpoch 'resume' reads the epoch from the info file of the TrainParam's 'current' serialization strategy
     * (the state at its last whole epoch or evaluation); pass the model read from that strategy's model file. The
     * best evaluation so far is taken from that info's 'evaluation_infos', so 'best' serialization only writes a
     * model better than the ones before the stop.
     *
     * <p>Errors: DLDataset without 'samples' or 'preprocess_param' (1301); the model's class ids not all in the
     * DLDataset's 'class_ids' (1301); TrainParam not a create_dl_train_param dict (1303); StartEpoch not a number in
     * 0..num_epochs (1304; 1404 for more than one value); 'resume' without a 'current' serialization strategy or its
     * info without 'epoch' (1304; a missing info file: read_dict's 5200); fewer train samples than 'batch_size' (1301); evaluation asked for
     * without 'validation' samples (1301). Operator errors (a sample file that cannot be read) pass through.
     */
    public static void train_dl_model(HTuple dlDataset, HTuple dlModelHandle, HTuple trainParam, HTuple startEpoch,
            HTuple trainResults, HTuple trainInfos, HTuple evaluationInfos) {
        String procedure = "train_dl_model";
        HTuple samples = DlDataset.datasetKey(procedure, dlDataset, "samples");
        DlDataset.datasetKey(procedure, dlDataset, "preprocess_param");
        TrainSettings settings = TrainSettings.of(procedure, trainParam);
        checkClassIds(procedure, dlDataset, dlModelHandle);
        HTuple resumedInfo = null;
        double start;
        if (startEpoch.length() == 1 && "resume".equals(startEpoch.getO(0))) {
            resumedInfo = resumedInfo(procedure, settings);
            start = get(resumedInfo, "epoch").getD();
        } else {
            start = number(procedure, startEpoch, 4, "StartEpoch");
            if (!(start >= 0)) {
                throw wrongValue(procedure, 4, "StartEpoch must be 0 or more, got " + startEpoch);
            }
        }
        if (start >= settings.numEpochs()) {
            fill(trainResults, new HTuple());
            fill(trainInfos, new HTuple());
            fill(evaluationInfos, new HTuple());
            return;
        }
        HTuple trainIndices = new HTuple();
        DlDataset.find_dl_samples(samples, new HTuple("split"), new HTuple("train"), new HTuple("match"), trainIndices);
        int batchSize = modelInt(dlModelHandle, "batch_size");
        if (trainIndices.length() < batchSize) {
            throw wrongValue(procedure, 1, "the 'train' split has " + trainIndices.length()
                    + " samples, fewer than the model's 'batch_size' " + batchSize);
        }
        boolean evaluates = settings.evaluationInterval() > 0 || settings.evaluateBeforeTrain();
        if (evaluates) {
            HTuple validation = new HTuple();
            DlDataset.find_dl_samples(samples, new HTuple("split"), new HTuple("validation"), new HTuple("match"),
                    validation);
            if (validation.length() == 0) {
                throw wrongValue(procedure, 1, "evaluation during training needs samples of split 'validation'; "
                        + "the DLDataset has none (or set EvaluationIntervalEpochs to 0)");
            }
        }
        new TrainingRun(dlDataset, dlModelHandle, settings, trainIndices, batchSize, start, resumedInfo)
                .run(trainResults, trainInfos, evaluationInfos);
    }

    /**
     * For StartEpoch 'resume': the info dict that the TrainParam's 'current' serialization strategy last wrote
     * ({@code basename + '_info.hdict'}, with 'epoch', 'train_infos', 'evaluation_infos'). No 'current' strategy, or an
     * info without a numeric 'epoch': 1304; a missing or unreadable file: read_dict's error.
     */
    private static HTuple resumedInfo(String procedure, TrainSettings settings) {
        SerializationStrategy current = settings.serialization().stream()
                .filter(s -> s.type().equals("current")).findFirst()
                .orElseThrow(() -> wrongValue(procedure, 4, "StartEpoch 'resume' continues from the state that a "
                        + "'serialize' strategy of type 'current' wrote; the TrainParam has none"));
        HTuple info = new HTuple();
        HOperatorSet.ReadDict(new HTuple(current.basename() + SerializationStrategy.INFO_SUFFIX), new HTuple(),
                new HTuple(), info);
        if (!keyExists(info, "epoch") || get(info, "epoch").length() != 1
                || get(info, "epoch").getType(0) == HTuple.STRING || !(get(info, "epoch").getD() >= 0)) {
            throw wrongValue(procedure, 4, "StartEpoch 'resume': " + current.basename()
                    + SerializationStrategy.INFO_SUFFIX + " holds no epoch to resume from");
        }
        return info;
    }

    private static void checkClassIds(String procedure, HTuple dlDataset, HTuple model) {
        HTuple modelIds = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple("class_ids"), modelIds);
        HTuple datasetIds = DlDataset.datasetKey(procedure, dlDataset, "class_ids");
        for (Object id : modelIds.asList()) {
            if (!datasetIds.asList().contains(id)) {
                throw wrongValue(procedure, 1, "the model's class id " + id + " is not among the DLDataset's class_ids "
                        + datasetIds);
            }
        }
    }

    static int modelInt(HTuple model, String name) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple(name), value);
        return value.getI();
    }

    /** TrainParam as train_dl_model reads it. */
    record TrainSettings(double numEpochs, double evaluationInterval, long seed, HTuple evaluationParam,
            Augmentation augmentation, List<ChangeStrategy> changes, List<SerializationStrategy> serialization,
            boolean display, double trainShare, double updateSeconds, HTuple comparisonKeys, boolean bestHighest,
            int meanLossSamples, boolean evaluateBeforeTrain) {

        static TrainSettings of(String procedure, HTuple trainParam) {
            if (trainParam.length() != 1 || trainParam.getType(0) != HTuple.HANDLE) {
                throw wrongValue(procedure, 3, "TrainParam must be the dict of create_dl_train_param, got " + trainParam);
            }
            for (String key : List.of("num_epochs", "evaluation_interval_epochs", "seed_rand",
                    "serialization_strategies", "display_param")) {
                if (!keyExists(trainParam, key)) {
                    throw wrongValue(procedure, 3, "TrainParam has no '" + key + "' (use create_dl_train_param)");
                }
            }
            HTuple augment = optional(trainParam, "augmentation_param");
            HTuple change = optional(trainParam, "change_strategies");
            List<ChangeStrategy> changes = new ArrayList<>();
            for (int i = 0; i < change.length(); i++) {
                changes.add(ChangeStrategy.of(procedure, handleAt(change, i), 3));
            }
            HTuple serialize = get(trainParam, "serialization_strategies");
            List<SerializationStrategy> serialization = new ArrayList<>();
            for (int i = 0; i < serialize.length(); i++) {
                serialization.add(SerializationStrategy.of(procedure, handleAt(serialize, i), 3));
            }
            HTuple displayParam = get(trainParam, "display_param");
            boolean display = keyExists(displayParam, "enabled")
                    && "true".equals(trueFalse(get(displayParam, "enabled")));
            double trainShare = keyExists(displayParam, "selected_percentage_train_samples")
                    ? get(displayParam, "selected_percentage_train_samples").getD() : 0;
            HTuple keys = keyExists(trainParam, "evaluation_comparison_keys")
                    ? get(trainParam, "evaluation_comparison_keys") : new HTuple("top1_error");
            HTuple highest = keyExists(trainParam, "evaluation_comparison_keys_best_highest")
                    ? get(trainParam, "evaluation_comparison_keys_best_highest") : new HTuple(0);
            Set<Object> directions = new HashSet<>(highest.asList());
            if (directions.size() > 1) {
                throw wrongValue(procedure, 3, "'evaluation_comparison_keys' mix keys where lower is better with keys "
                        + "where higher is better: " + keys);
            }
            return new TrainSettings(get(trainParam, "num_epochs").getD(),
                    get(trainParam, "evaluation_interval_epochs").getD(), get(trainParam, "seed_rand").getL(),
                    optional(trainParam, "evaluation_param"),
                    augment.length() == 0 ? null : Augmentation.of(procedure, augment, 3), changes, serialization,
                    display, trainShare,
                    keyExists(trainParam, "update_interval_seconds")
                            ? get(trainParam, "update_interval_seconds").getD() : 2,
                    keys, highest.length() > 0 && highest.getL(0) == 1,
                    keyExists(trainParam, "num_samples_mean_loss")
                            ? (int) get(trainParam, "num_samples_mean_loss").getL() : 1000,
                    keyExists(trainParam, "evaluate_before_train")
                            && "true".equals(trueFalse(get(trainParam, "evaluate_before_train"))));
        }

        private static HTuple optional(HTuple dict, String key) {
            return keyExists(dict, key) ? get(dict, key) : new HTuple();
        }
    }
}
