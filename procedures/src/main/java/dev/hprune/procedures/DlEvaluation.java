package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.genParamKeys;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HALCON's evaluation procedures for classification: create_evaluation_default_param and evaluate_dl_model.
 *
 * <p>EvaluationResult keys, as HALCON's calculate_image_classification_measures writes them: 'evaluated_samples' (dict
 * 'image_ids', 'image_label_ids', 'top1_predictions' in evaluation order), 'absolute_confusion_matrix' and
 * 'relative_confusion_matrix' when asked for, and one dict per evaluated class under 'global' or 'class_id_&lt;id&gt;'
 * holding 'top&lt;K&gt;_error' per requested K, and for 'global' 'mean_precision' + 'precision_per_class', 'mean_recall' +
 * 'recall_per_class', 'mean_f_score' + 'f_score_per_class', for a single class 'precision', 'recall', 'f_score'.
 *
 * <p>HALCON returns the confusion matrices as matrix handles (create_matrix); hprune has no matrix operators, so a
 * matrix is a dict: 'num_rows', 'num_columns' (both the number of model classes), 'values' (reals, row by row: row =
 * predicted class, column = ground-truth class, as HALCON's get_full_matrix would list them) and 'class_ids' (the class
 * of each row and column, the model's class id order).
 */
public final class DlEvaluation {
    private DlEvaluation() {}

    /** The evaluation types HALCON knows; hprune evaluates classification only. */
    static final List<String> EVALUATION_TYPES = List.of("anomaly_detection", "classification", "detection",
            "segmentation");

    /** GenParam keys of evaluate_dl_model for classification. */
    static final List<String> GEN_PARAM_KEYS = List.of("measures", "evaluation_type", "class_ids", "num_classes",
            "evaluate_instances", "class_ids_to_evaluate", "class_names_to_evaluate", "show_progress");

    /** Measures besides 'top&lt;K&gt;_error'; 'all' stands for 'top1_error' and all of these. */
    static final List<String> CONFUSION_MEASURES = List.of("precision", "recall", "f_score",
            "absolute_confusion_matrix", "relative_confusion_matrix");

    private static final Pattern TOP_K = Pattern.compile("top([0-9]+)_error");

    /**
     * create_evaluation_default_param( : : EvaluationType, ClassIDsModel : EvalParams): 'evaluation_type', 'class_ids',
     * 'num_classes', 'class_ids_to_evaluate' ('global'), 'evaluate_instances' (0), 'measures' ('top1_error'). Errors: an
     * EvaluationType other than one string (1401 / 1201), unknown (1301) or not classification (1301, hprune
     * evaluates classification only); ClassIDsModel empty (1402) or not integers (1202).
     */
    public static void create_evaluation_default_param(HTuple evaluationType, HTuple classIDsModel,
            HTuple evalParams) {
        String procedure = "create_evaluation_default_param";
        String type = ProcedureSupport.singleString(procedure, evaluationType, 1, "EvaluationType");
        if (!EVALUATION_TYPES.contains(type)) {
            throw wrongValue(procedure, 1, "EvaluationType must be one of " + EVALUATION_TYPES + ", got '" + type + "'");
        }
        if (!type.equals("classification")) {
            throw wrongValue(procedure, 1, "hprune evaluates 'classification' models only, got '" + type + "'");
        }
        if (classIDsModel.length() == 0) {
            throw wrongCount(procedure, 2, "ClassIDsModel is empty");
        }
        for (int i = 0; i < classIDsModel.length(); i++) {
            if (classIDsModel.getType(i) != HTuple.INTEGER) {
                throw wrongType(procedure, 2, "class ids must be integers, got " + classIDsModel);
            }
        }
        HTuple params = newDict();
        set(params, "evaluation_type", new HTuple(type));
        set(params, "class_ids", classIDsModel.copy());
        set(params, "num_classes", new HTuple(classIDsModel.length()));
        set(params, "class_ids_to_evaluate", new HTuple("global"));
        set(params, "evaluate_instances", new HTuple(0));
        set(params, "measures", new HTuple("top1_error"));
        fill(evalParams, params);
    }

    /**
     * evaluate_dl_model( : : DLDataset, DLModelHandle, SampleSelectMethod, SampleSelectValues, GenParam :
     * EvaluationResult, EvalParams): applies the model to the selected samples (read_dl_samples, apply_dl_model in
     * batches of 'batch_size') and computes the measures of GenParam's 'measures' (default 'top1_error').
     *
     * <p>SampleSelectMethod 'split' (samples whose 'split' is one of the values), 'image_ids' or 'sample_indices'.
     * GenParam: a dict or [] with the keys of {@link #GEN_PARAM_KEYS}. Errors: DLDataset not one dict with 'samples'
     * (1401/1301); an unknown select method (1303); a selection without samples (1304); GenParam not a dict (1205), an
     * unknown key (1305), an unknown measure or class to evaluate (1305); confusion-based measures when a model class
     * has no sample or a label is no model class, or a class to evaluate without samples (1301, as HALCON refuses them).
     */
    public static void evaluate_dl_model(HTuple dlDataset, HTuple dlModelHandle, HTuple sampleSelectMethod,
            HTuple sampleSelectValues, HTuple genParam, HTuple evaluationResult, HTuple evalParams) {
        String procedure = "evaluate_dl_model";
        HTuple samples = DlDataset.datasetKey(procedure, dlDataset, "samples");
        HTuple modelClassIds = new HTuple();
        HOperatorSet.GetDlModelParam(dlModelHandle, new HTuple("class_ids"), modelClassIds);
        HTuple params = new HTuple();
        create_evaluation_default_param(new HTuple("classification"), modelClassIds, params);
        if (keyExists(dlDataset, "class_names") && keyExists(dlDataset, "class_ids")) {
            set(params, "class_names", get(dlDataset, "class_names"));
        }
        applyGenParam(procedure, params, genParam, dlDataset, 5);

        HTuple indices = selectSamples(procedure, samples, sampleSelectMethod, sampleSelectValues);
        boolean showProgress = isTrue(get(params, "show_progress"));
        Collected collected = apply(dlDataset, dlModelHandle, indices, maxK(get(params, "measures")), showProgress);
        HTuple result = measures(procedure, params, collected);
        fill(evaluationResult, result);
        fill(evalParams, params);
    }

    // ---- parameters ----

    /**
     * Overrides EvalParams {@code params} with a GenParam dict at control position {@code position}; 'show_progress' is
     * always present afterwards ('false' unless given). {@code dlDataset} null only checks the entries (class names
     * cannot be mapped to ids without it).
     */
    static void applyGenParam(String procedure, HTuple params, HTuple genParam, HTuple dlDataset, int position) {
        set(params, "show_progress", new HTuple("false"));
        List<String> keys = genParamKeys(procedure, position, genParam);
        for (String key : keys) {
            if (!GEN_PARAM_KEYS.contains(key)) {
                throw wrongValue(procedure, position, "unknown GenParam key '" + key + "'; known: " + GEN_PARAM_KEYS);
            }
        }
        for (String key : keys) {
            HTuple value = get(genParam, key);
            switch (key) {
                case "evaluation_type" -> {
                    if (value.length() != 1 || !"classification".equals(value.getO(0))) {
                        throw wrongValue(procedure, position, "'evaluation_type' must be 'classification', got " + value);
                    }
                }
                case "measures" -> checkMeasures(procedure, value, position);
                case "class_names_to_evaluate" -> {
                    if (dlDataset == null) {
                        // create_dl_train_param checks without a DLDataset; names are mapped when evaluating
                        checkNames(procedure, value, position);
                    } else {
                        set(params, "class_ids_to_evaluate", namesToIds(procedure, value, dlDataset, position));
                        continue;
                    }
                }
                case "class_ids_to_evaluate" -> checkClassesToEvaluate(procedure, value, position);
                case "num_classes", "evaluate_instances", "class_ids" -> {
                    for (int j = 0; j < value.length(); j++) {
                        if (value.getType(j) != HTuple.INTEGER) {
                            throw wrongValue(procedure, position, "'" + key + "' must hold integers, got " + value);
                        }
                    }
                }
                case "show_progress" -> value = new HTuple(isTrue(value) ? "true" : "false");
                default -> throw new IllegalStateException(key);
            }
            set(params, key, value);
        }
    }

    /** Every measure must be 'all', 'top&lt;K&gt;_error' with K ≥ 1, or a confusion-based measure. */
    static void checkMeasures(String procedure, HTuple measures, int position) {
        if (measures.length() == 0) {
            throw wrongValue(procedure, position, "'measures' is empty");
        }
        for (Object measure : measures.asList()) {
            if (!(measure instanceof String name)) {
                throw wrongValue(procedure, position, "measures are strings, got " + measure);
            }
            Matcher topK = TOP_K.matcher(name);
            boolean ok = name.equals("all") || CONFUSION_MEASURES.contains(name)
                    || (topK.matches() && Integer.parseInt(topK.group(1)) >= 1);
            if (!ok) {
                throw wrongValue(procedure, position, "unknown measure '" + name + "'; known: 'all', 'top<K>_error', "
                        + CONFUSION_MEASURES);
            }
        }
    }

    private static void checkClassesToEvaluate(String procedure, HTuple classes, int position) {
        if (classes.length() == 0) {
            throw wrongValue(procedure, position, "'class_ids_to_evaluate' is empty");
        }
        for (Object c : classes.asList()) {
            if (!(c instanceof Long) && !"global".equals(c)) {
                throw wrongValue(procedure, position, "'class_ids_to_evaluate' holds 'global' and class ids, got " + c);
            }
        }
    }

    private static void checkNames(String procedure, HTuple names, int position) {
        if (names.length() == 0 || names.asList().stream().anyMatch(n -> !(n instanceof String))) {
            throw wrongValue(procedure, position, "'class_names_to_evaluate' must hold strings, got " + names);
        }
    }

    private static HTuple namesToIds(String procedure, HTuple names, HTuple dlDataset, int position) {
        HTuple datasetNames = keyExists(dlDataset, "class_names") ? get(dlDataset, "class_names") : new HTuple();
        HTuple datasetIds = keyExists(dlDataset, "class_ids") ? get(dlDataset, "class_ids") : new HTuple();
        HTuple ids = new HTuple();
        for (Object name : names.asList()) {
            if ("global".equals(name)) {
                ids.append("global");
                continue;
            }
            int at = datasetNames.asList().indexOf(name);
            if (at < 0 || at >= datasetIds.length()) {
                throw wrongValue(procedure, position, "class name " + name + " is not among the DLDataset's class_names "
                        + datasetNames);
            }
            ids.append(datasetIds.getL(at));
        }
        return ids;
    }

    private static boolean isTrue(HTuple value) {
        if (value.length() != 1) {
            return false;
        }
        Object v = value.getO(0);
        return "true".equals(v) || Long.valueOf(1).equals(v);
    }

    private static int maxK(HTuple measures) {
        int k = 1;
        for (Object measure : measures.asList()) {
            Matcher topK = TOP_K.matcher((String) measure);
            if (topK.matches()) {
                k = Math.max(k, Integer.parseInt(topK.group(1)));
            }
        }
        return k;
    }

    // ---- samples ----

    /** The sample indices a SampleSelectMethod picks (control parameters 3 and 4), ascending for 'split' and ids. */
    static HTuple selectSamples(String procedure, HTuple samples, HTuple method, HTuple values) {
        String how = ProcedureSupport.singleString(procedure, method, 3, "SampleSelectMethod");
        HTuple indices = new HTuple();
        switch (how) {
            case "split" -> DlDataset.find_dl_samples(samples, new HTuple("split"), values, new HTuple("or"), indices);
            case "image_ids" -> DlDataset.find_dl_samples(samples, new HTuple("image_id"), values, new HTuple("or"),
                    indices);
            case "sample_indices" -> {
                for (int i = 0; i < values.length(); i++) {
                    indices.append(DlDataset.sampleIndex(procedure, values, i, samples.length(), 4));
                }
            }
            default -> throw wrongValue(procedure, 3,
                    "SampleSelectMethod must be 'split', 'image_ids' or 'sample_indices', got '" + how + "'");
        }
        if (indices.length() == 0) {
            throw wrongValue(procedure, 4, "no sample matches " + how + " " + values);
        }
        return indices;
    }

    /** What evaluating the samples collected: per sample its id, its label and the K best class ids. */
    record Collected(long[] imageIds, long[] labels, long[][] ranked) {}

    /** read_dl_samples and apply_dl_model over the indices, in batches of the model's 'batch_size'. */
    static Collected apply(HTuple dlDataset, HTuple model, HTuple indices, int k, boolean showProgress) {
        HTuple batchSizeValue = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple("batch_size"), batchSizeValue);
        int batchSize = batchSizeValue.getI();
        int n = indices.length();
        long[] imageIds = new long[n];
        long[] labels = new long[n];
        long[][] ranked = new long[n][];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            HTuple batch = new HTuple();
            DlDataset.read_dl_samples(dlDataset, indices.TupleSelectRange(new HTuple(start), new HTuple(end - 1)),
                    batch);
            HTuple results = new HTuple();
            try {
                HOperatorSet.ApplyDlModel(model, batch, new HTuple("classification_class_ids"), results);
                for (int i = start; i < end; i++) {
                    HTuple sample = handleAt(batch, i - start);
                    if (!keyExists(sample, "image_label_id")) {
                        throw wrongValue("evaluate_dl_model", 1, "sample " + indices.getL(i) + " has no 'image_label_id'");
                    }
                    imageIds[i] = keyExists(sample, "image_id") ? get(sample, "image_id").getL() : -1;
                    labels[i] = get(sample, "image_label_id").getL();
                    HTuple ids = get(handleAt(results, i - start), "classification_class_ids");
                    long[] best = new long[Math.min(k, ids.length())];
                    for (int j = 0; j < best.length; j++) {
                        best[j] = ids.getL(j);
                    }
                    ranked[i] = best;
                }
            } finally {
                // samples hold images; release them now rather than when the collector finds them
                HOperatorSet.ClearHandle(batch);
                if (results.length() > 0) {
                    HOperatorSet.ClearHandle(results);
                }
            }
            if (showProgress) {
                System.err.printf("evaluate_dl_model: %d/%d samples%n", end, n);
            }
        }
        return new Collected(imageIds, labels, ranked);
    }

    // ---- measures ----

    /** The EvaluationResult dict of the measures EvalParams asks for. */
    static HTuple measures(String procedure, HTuple params, Collected collected) {
        long[] classIds = get(params, "class_ids").toLArr();
        ClassificationMeasures m = new ClassificationMeasures(classIds, collected.labels(), collected.ranked());
        Set<String> wanted = new LinkedHashSet<>();
        for (Object measure : get(params, "measures").asList()) {
            if (measure.equals("all")) {
                wanted.add("top1_error");
                wanted.addAll(CONFUSION_MEASURES);
            } else {
                wanted.add((String) measure);
            }
        }
        boolean confusionBased = wanted.stream().anyMatch(CONFUSION_MEASURES::contains);
        if (confusionBased) {
            Long foreign = m.firstForeignLabel();
            if (foreign != null) {
                throw wrongValue(procedure, 1, "label " + foreign + " is no class of the model " + Arrays.toString(classIds));
            }
            Long missing = m.firstClassWithoutSamples();
            if (missing != null) {
                throw wrongValue(procedure, 1, "confusion-based measures need samples of every model class; class "
                        + missing + " has none among the " + m.sampleCount() + " evaluated");
            }
        }

        HTuple result = newDict();
        HTuple evaluated = newDict();
        set(evaluated, "image_ids", new HTuple(collected.imageIds()));
        set(evaluated, "image_label_ids", new HTuple(collected.labels()));
        long[] top1 = new long[collected.ranked().length];
        for (int i = 0; i < top1.length; i++) {
            top1[i] = collected.ranked()[i][0];
        }
        set(evaluated, "top1_predictions", new HTuple(top1));
        set(result, "evaluated_samples", evaluated);
        if (wanted.contains("absolute_confusion_matrix")) {
            long[][] absolute = m.confusion();
            double[][] values = new double[absolute.length][];
            for (int r = 0; r < absolute.length; r++) {
                values[r] = new double[absolute[r].length];
                for (int c = 0; c < absolute[r].length; c++) {
                    values[r][c] = absolute[r][c];
                }
            }
            set(result, "absolute_confusion_matrix", matrix(values, classIds));
        }
        if (wanted.contains("relative_confusion_matrix")) {
            set(result, "relative_confusion_matrix", matrix(m.relativeConfusion(), classIds));
        }

        for (Object evaluatedClass : get(params, "class_ids_to_evaluate").asList()) {
            Long only = evaluatedClass instanceof Long id ? id : null;
            if (only != null && m.count(only) == 0) {
                throw wrongValue(procedure, 1, "class " + only + " is to be evaluated but no evaluated sample has it");
            }
            HTuple perClass = newDict();
            for (String measure : wanted) {
                Matcher topK = TOP_K.matcher(measure);
                if (topK.matches()) {
                    set(perClass, measure, new HTuple(m.topKError(Integer.parseInt(topK.group(1)), only)));
                }
            }
            putRatio(perClass, wanted, "precision", m.precisionPerClass(), only, m);
            putRatio(perClass, wanted, "recall", m.recallPerClass(), only, m);
            putRatio(perClass, wanted, "f_score", m.fScorePerClass(), only, m);
            set(result, only == null ? "global" : "class_id_" + only, perClass);
        }
        return result;
    }

    private static void putRatio(HTuple perClass, Set<String> wanted, String name, double[] perClassValues, Long only,
            ClassificationMeasures m) {
        if (!wanted.contains(name)) {
            return;
        }
        if (only == null) {
            set(perClass, "mean_" + name, new HTuple(ClassificationMeasures.mean(perClassValues)));
            set(perClass, name + "_per_class", new HTuple(perClassValues));
        } else {
            set(perClass, name, new HTuple(perClassValues[m.indexOf(only)]));
        }
    }

    /** A matrix as hprune represents HALCON's matrix handle: see the class comment. */
    static HTuple matrix(double[][] values, long[] classIds) {
        HTuple dict = newDict();
        set(dict, "num_rows", new HTuple(values.length));
        set(dict, "num_columns", new HTuple(values.length == 0 ? 0 : values[0].length));
        List<Double> flat = new ArrayList<>();
        for (double[] row : values) {
            for (double v : row) {
                flat.add(v);
            }
        }
        set(dict, "values", new HTuple(flat.stream().mapToDouble(Double::doubleValue).toArray()));
        set(dict, "class_ids", new HTuple(classIds));
        return dict;
    }
}
