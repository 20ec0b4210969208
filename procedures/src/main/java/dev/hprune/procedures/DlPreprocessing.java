package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.newDict;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.wrongCount;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * HALCON's preprocessing procedures (the library {@code dl_preprocessing}): the DLPreprocessParam dict and the image
 * preprocessing a model's samples go through. DLPreprocessParam keys: 'model_type', 'image_width', 'image_height',
 * 'image_num_channels', 'image_range_min', 'image_range_max', 'normalization_type', 'domain_handling'; for segmentation
 * 'ignore_class_ids', 'set_background_id', 'class_ids_background'; optional 'mean_values_normalization',
 * 'deviation_values_normalization', 'check_params', 'augmentation' and detection's 'instance_type', 'ignore_direction',
 * 'class_ids_no_orientation', 'instance_segmentation'.
 */
public final class DlPreprocessing {
    private DlPreprocessing() {}

    static final List<String> MODEL_TYPES = List.of("anomaly_detection", "classification", "detection",
            "segmentation");
    static final List<String> NORMALIZATION_TYPES = List.of("all_channels", "first_channel", "constant_values",
            "none");
    static final List<String> REQUIRED_KEYS = List.of("model_type", "image_width", "image_height",
            "image_num_channels", "image_range_min", "image_range_max", "normalization_type", "domain_handling");
    static final List<String> SEGMENTATION_KEYS = List.of("ignore_class_ids", "set_background_id",
            "class_ids_background");
    static final List<String> OPTIONAL_KEYS = List.of("mean_values_normalization", "deviation_values_normalization",
            "check_params", "augmentation", "instance_type", "ignore_direction", "class_ids_no_orientation",
            "instance_segmentation");
    /** 'constant_values' without the keys: ImageNet's channel means and deviations on 0..255 pixels (HALCON's). */
    static final double[] DEFAULT_MEANS = {123.675, 116.28, 103.53};
    static final double[] DEFAULT_DEVIATIONS = {58.395, 57.12, 57.375};

    /**
     * create_dl_preprocess_param( : : DLModelType, ImageWidth, ImageHeight, ImageNumChannels, ImageRangeMin,
     * ImageRangeMax, NormalizationType, DomainHandling, IgnoreClassIDs, SetBackgroundID, ClassIDsBackground, GenParam :
     * DLPreprocessParam): a new DLPreprocessParam dict. ImageRangeMin/Max [] stand for -127/128; NormalizationType 'true'
     * and 'false' (legacy) become 'first_channel' and 'none'; the three segmentation keys are set for 'segmentation'
     * only; every entry of the GenParam dict is copied in; detection gets 'instance_type' 'rectangle1' by default
     * ('mask' when 'instance_segmentation' is true, 'ignore_direction' 0 for 'rectangle2'). The result is checked as
     * check_dl_preprocess_param checks, each fault reported as a wrong value (1300 + n) of the parameter n it came from
     * (12 for GenParam keys).
     */
    public static void create_dl_preprocess_param(HTuple dlModelType, HTuple imageWidth, HTuple imageHeight,
            HTuple imageNumChannels, HTuple imageRangeMin, HTuple imageRangeMax, HTuple normalizationType,
            HTuple domainHandling, HTuple ignoreClassIDs, HTuple setBackgroundID, HTuple classIDsBackground,
            HTuple genParam, HTuple dlPreprocessParam) {
        Map<String, Integer> positions = Map.ofEntries(Map.entry("model_type", 1), Map.entry("image_width", 2),
                Map.entry("image_height", 3), Map.entry("image_num_channels", 4), Map.entry("image_range_min", 5),
                Map.entry("image_range_max", 6), Map.entry("normalization_type", 7), Map.entry("domain_handling", 8),
                Map.entry("ignore_class_ids", 9), Map.entry("set_background_id", 10),
                Map.entry("class_ids_background", 11));
        HTuple params = build("create_dl_preprocess_param", key -> positions.getOrDefault(key, 12), dlModelType,
                imageWidth, imageHeight, imageNumChannels, imageRangeMin, imageRangeMax, normalizationType,
                domainHandling, ignoreClassIDs, setBackgroundID, classIDsBackground, genParam, 12);
        fill(dlPreprocessParam, params);
    }

    /**
     * create_dl_preprocess_param_from_model( : : DLModelHandle, NormalizationType, DomainHandling, SetBackgroundID,
     * ClassIDsBackground, GenParam : DLPreprocessParam): create_dl_preprocess_param with the model's 'type',
     * 'image_width', 'image_height', 'image_num_channels', 'image_range_min' and 'image_range_max' (get_dl_model_param).
     * Classification adds nothing else; segmentation would read 'ignore_class_ids' (hprune has no segmentation models, so
     * a model whose type is not one of the four, hprune's 'generic', is 1301). GenParam as create_dl_preprocess_param's
     * (HALCON 24.x passes 'augmentation' here). Faults of the model's values are 1301, of the others 1302..1306.
     */
    public static void create_dl_preprocess_param_from_model(HTuple dlModelHandle, HTuple normalizationType,
            HTuple domainHandling, HTuple setBackgroundID, HTuple classIDsBackground, HTuple genParam,
            HTuple dlPreprocessParam) {
        String procedure = "create_dl_preprocess_param_from_model";
        HTuple type = modelParam(dlModelHandle, "type");
        HTuple ignoreClassIds = new HTuple();
        if (type.length() == 1 && "segmentation".equals(type.asList().get(0))) {
            ignoreClassIds = modelParam(dlModelHandle, "ignore_class_ids");
        }
        Map<String, Integer> positions = Map.of("normalization_type", 2, "domain_handling", 3,
                "set_background_id", 4, "class_ids_background", 5);
        HTuple params = build(procedure, key -> positions.getOrDefault(key, key.startsWith("image_")
                || key.equals("model_type") || key.equals("ignore_class_ids") ? 1 : 6), type,
                modelParam(dlModelHandle, "image_width"), modelParam(dlModelHandle, "image_height"),
                modelParam(dlModelHandle, "image_num_channels"), modelParam(dlModelHandle, "image_range_min"),
                modelParam(dlModelHandle, "image_range_max"), normalizationType, domainHandling, ignoreClassIds,
                setBackgroundID, classIDsBackground, genParam, 6);
        fill(dlPreprocessParam, params);
    }

    private static HTuple modelParam(HTuple model, String name) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlModelParam(model, new HTuple(name), value);
        return value;
    }

    private static HTuple build(String procedure, ToIntFunction<String> positionOf, HTuple dlModelType,
            HTuple imageWidth, HTuple imageHeight, HTuple imageNumChannels, HTuple imageRangeMin, HTuple imageRangeMax,
            HTuple normalizationType, HTuple domainHandling, HTuple ignoreClassIDs, HTuple setBackgroundID,
            HTuple classIDsBackground, HTuple genParam, int genParamPosition) {
        HTuple params = newDict();
        set(params, "model_type", dlModelType);
        set(params, "image_width", imageWidth);
        set(params, "image_height", imageHeight);
        set(params, "image_num_channels", imageNumChannels);
        set(params, "image_range_min", imageRangeMin.length() == 0 ? new HTuple(-127) : imageRangeMin);
        set(params, "image_range_max", imageRangeMax.length() == 0 ? new HTuple(128) : imageRangeMax);
        set(params, "normalization_type", legacyNormalization(normalizationType));
        set(params, "domain_handling", domainHandling);
        boolean segmentation = dlModelType.length() == 1 && "segmentation".equals(dlModelType.asList().get(0));
        if (segmentation) {
            set(params, "ignore_class_ids", ignoreClassIDs);
            set(params, "set_background_id", setBackgroundID);
            set(params, "class_ids_background", classIDsBackground);
        }
        if (genParam.length() > 0) {
            if (genParam.length() != 1 || genParam.getType(0) != HTuple.HANDLE) {
                throw wrongValue(procedure, genParamPosition, "GenParam must be a dict or [], got " + genParam);
            }
            HTuple keys = new HTuple();
            HOperatorSet.GetDictParam(genParam, new HTuple("keys"), new HTuple(), keys);
            for (int i = 0; i < keys.length(); i++) {
                HTuple key = HTuple.of(keys.asList().get(i));
                HTuple value = new HTuple();
                HOperatorSet.GetDictTuple(genParam, key, value);
                HOperatorSet.SetDictTuple(params, key, value);
            }
        }
        if (dlModelType.length() == 1 && "detection".equals(dlModelType.asList().get(0))) {
            boolean instanceSegmentation = keyExists(params, "instance_segmentation")
                    && List.of(1L, "true").contains(get(params, "instance_segmentation").asList().get(0));
            if (instanceSegmentation) {
                set(params, "instance_type", new HTuple("mask"));
            } else if (!keyExists(params, "instance_type")) {
                set(params, "instance_type", new HTuple("rectangle1"));
            }
            if ("rectangle2".equals(get(params, "instance_type").asList().get(0))
                    && !keyExists(params, "ignore_direction")) {
                set(params, "ignore_direction", new HTuple(0));
            }
        }
        check(procedure, params, positionOf);
        return params;
    }

    private static HTuple legacyNormalization(HTuple normalizationType) {
        if (normalizationType.length() == 1 && "true".equals(normalizationType.asList().get(0))) {
            return new HTuple("first_channel");
        }
        if (normalizationType.length() == 1 && "false".equals(normalizationType.asList().get(0))) {
            return new HTuple("none");
        }
        return normalizationType;
    }

    /**
     * check_dl_preprocess_param( : : DLPreprocessParam : ): checks a DLPreprocessParam dict and updates legacy entries in
     * place ('contrast_normalization' 'true'/'false' becomes 'normalization_type' 'first_channel'/'none' and is removed).
     * 'check_params' 0 or 'false' skips every check. Errors, all 1301 (the dict's value) with the key named: a required key
     * missing; an unknown key; 'model_type' not one of 'anomaly_detection', 'classification', 'detection',
     * 'segmentation'; image sizes and channels not one integer >= 1; 'image_range_min'/'max' not one number each, or min
     * >= max; 'normalization_type' not one of 'all_channels', 'first_channel', 'constant_values', 'none';
     * 'domain_handling' not 'full_domain' or 'crop_domain' ('keep_domain' for anomaly detection only); mean or deviation
     * values that are not numbers, differ in count, or a deviation of 0; segmentation keys missing for segmentation;
     * 'augmentation' not 'true'/'false'. Unlike HALCON, any range with min < max is accepted for classification (hprune
     * imports models whose range is [0, 1] or ImageNet's).
     */
    public static void check_dl_preprocess_param(HTuple dlPreprocessParam) {
        String procedure = "check_dl_preprocess_param";
        if (dlPreprocessParam.length() != 1 || dlPreprocessParam.getType(0) != HTuple.HANDLE) {
            throw wrongCount(procedure, 1, "DLPreprocessParam must be one dict handle, got " + dlPreprocessParam);
        }
        check(procedure, dlPreprocessParam, key -> 1);
    }

    static void check(String procedure, HTuple params, ToIntFunction<String> positionOf) {
        if (keyExists(params, "contrast_normalization")) {
            HTuple legacy = get(params, "contrast_normalization");
            set(params, "normalization_type", legacyNormalization(legacy));
            HOperatorSet.RemoveDictKey(params, new HTuple("contrast_normalization"));
        }
        if (keyExists(params, "normalization_type")) {
            set(params, "normalization_type", legacyNormalization(get(params, "normalization_type")));
        }
        if (keyExists(params, "check_params")) {
            HTuple checkParams = get(params, "check_params");
            if (checkParams.length() == 1 && (Long.valueOf(0).equals(checkParams.asList().get(0))
                    || "false".equals(checkParams.asList().get(0)))) {
                return;
            }
        }
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(params, new HTuple("keys"), new HTuple(), keys);
        for (Object key : keys.asList()) {
            String name = String.valueOf(key);
            if (!REQUIRED_KEYS.contains(name) && !SEGMENTATION_KEYS.contains(name) && !OPTIONAL_KEYS.contains(name)) {
                throw wrongValue(procedure, positionOf.applyAsInt(name), "unknown DLPreprocessParam key '" + name
                        + "'");
            }
        }
        for (String key : REQUIRED_KEYS) {
            if (!keyExists(params, key)) {
                throw wrongValue(procedure, positionOf.applyAsInt(key), "DLPreprocessParam needs '" + key + "'");
            }
        }
        String modelType = oneOf(procedure, params, "model_type", MODEL_TYPES, positionOf);
        for (String key : List.of("image_width", "image_height", "image_num_channels")) {
            HTuple value = get(params, key);
            if (value.length() != 1 || value.getType(0) != HTuple.INTEGER || value.getL(0) < 1) {
                throw wrongValue(procedure, positionOf.applyAsInt(key), "'" + key + "' must be one integer >= 1, got "
                        + value);
            }
        }
        double min = number(procedure, params, "image_range_min", positionOf);
        double max = number(procedure, params, "image_range_max", positionOf);
        if (!(min < max)) {
            throw wrongValue(procedure, positionOf.applyAsInt("image_range_max"), "'image_range_min' " + min
                    + " must be below 'image_range_max' " + max);
        }
        oneOf(procedure, params, "normalization_type", NORMALIZATION_TYPES, positionOf);
        oneOf(procedure, params, "domain_handling", modelType.equals("anomaly_detection")
                ? List.of("full_domain", "crop_domain", "keep_domain") : List.of("full_domain", "crop_domain"),
                positionOf);
        HTuple means = keyExists(params, "mean_values_normalization") ? get(params, "mean_values_normalization") : null;
        HTuple deviations = keyExists(params, "deviation_values_normalization")
                ? get(params, "deviation_values_normalization") : null;
        for (HTuple values : new HTuple[] {means, deviations}) {
            if (values == null) {
                continue;
            }
            String key = values == means ? "mean_values_normalization" : "deviation_values_normalization";
            for (int i = 0; i < values.length(); i++) {
                int type = values.getType(i);
                if ((type != HTuple.INTEGER && type != HTuple.REAL) || (values == deviations && values.getD(i) == 0)) {
                    throw wrongValue(procedure, positionOf.applyAsInt(key), "'" + key
                            + "' must hold numbers (deviations not 0), got " + values);
                }
            }
        }
        if (means != null && deviations != null && means.length() != deviations.length()) {
            throw wrongValue(procedure, positionOf.applyAsInt("deviation_values_normalization"),
                    "'mean_values_normalization' and 'deviation_values_normalization' differ in length");
        }
        if (modelType.equals("segmentation")) {
            for (String key : SEGMENTATION_KEYS) {
                if (!keyExists(params, key)) {
                    throw wrongValue(procedure, positionOf.applyAsInt(key), "segmentation needs '" + key + "'");
                }
            }
        }
        if (keyExists(params, "augmentation")) {
            oneOf(procedure, params, "augmentation", List.of("true", "false"), positionOf);
        }
    }

    private static String oneOf(String procedure, HTuple params, String key, List<String> allowed,
            ToIntFunction<String> positionOf) {
        HTuple value = get(params, key);
        if (value.length() != 1 || !allowed.contains(String.valueOf(value.asList().get(0)))
                || value.getType(0) != HTuple.STRING) {
            throw wrongValue(procedure, positionOf.applyAsInt(key), "'" + key + "' must be one of " + allowed
                    + ", got " + value);
        }
        return value.getS(0);
    }

    private static double number(String procedure, HTuple params, String key, ToIntFunction<String> positionOf) {
        HTuple value = get(params, key);
        if (value.length() != 1 || (value.getType(0) != HTuple.INTEGER && value.getType(0) != HTuple.REAL)
                || !Double.isFinite(value.getD(0))) {
            throw wrongValue(procedure, positionOf.applyAsInt(key), "'" + key + "' must be one number, got " + value);
        }
        return value.getD(0);
    }
}
