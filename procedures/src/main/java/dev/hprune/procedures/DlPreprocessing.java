package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.error;
import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.genParamKeys;
import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.newDict;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.wrongCount;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HObject;
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
        for (String key : genParamKeys(procedure, genParamPosition, genParam)) {
            set(params, key, get(genParam, key));
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

    // ---- images ----

    /**
     * preprocess_dl_model_images( Images : ImagesPreprocessed : DLPreprocessParam : ): the images as the model takes them,
     * in HALCON's order: (1) check the parameters; (2) 'full_domain' (full_domain) or 'crop_domain' (crop_domain), or the
     * domain kept ('keep_domain'); (3) zoom_image_size to 'image_width' x 'image_height' with 'constant' interpolation,
     * then convert_image_type to 'real' (hprune has no int1/int4/int8 images, for which HALCON converts first); (4)
     * normalize to ['image_range_min', 'image_range_max']: 'all_channels' maps each channel's min_max_gray extremes onto
     * the range (scale 1 when a channel is constant), 'first_channel' maps the first channel's extremes and applies that
     * to all channels, 'constant_values' computes (g - mean) / deviation per channel ('mean_values_normalization',
     * 'deviation_values_normalization', default ImageNet's on 0..255, then one-channel images are made three-channel
     * first), 'none' maps 0..255 of images that were 'byte' onto the range and leaves 'real' ones as they are; (5) when
     * 'image_num_channels' is 3 a one-channel image becomes compose3(g, g, g), when it is 1 a three-channel image becomes
     * rgb1_to_gray. Errors: no images (1501), a channel count the model cannot take (3359: with 1 or 3 model channels the
     * images need 1 or 3, otherwise exactly as many), mean/deviation counts that differ from the channels (3359),
     * check_dl_preprocess_param's (1301).
     */
    public static void preprocess_dl_model_images(HObject images, HObject imagesPreprocessed,
            HTuple dlPreprocessParam) {
        String procedure = "preprocess_dl_model_images";
        check(procedure, dlPreprocessParam, key -> 1);
        HTuple count = new HTuple();
        HOperatorSet.CountObj(images, count);
        if (count.getL() == 0) {
            throw error(procedure, 1501, "Images holds no image");
        }
        int width = get(dlPreprocessParam, "image_width").getI();
        int height = get(dlPreprocessParam, "image_height").getI();
        int modelChannels = get(dlPreprocessParam, "image_num_channels").getI();
        for (int i = 1; i <= count.getL(); i++) {
            int channels = channels(selectObj(images, i));
            boolean fits = modelChannels == 1 || modelChannels == 3 ? channels == 1 || channels == 3
                    : channels == modelChannels;
            if (!fits) {
                throw error(procedure, WRONG_NUMBER_OF_CHANNELS, "image " + i + " has " + channels
                        + " channels; a model of " + modelChannels + " channels takes "
                        + (modelChannels == 1 || modelChannels == 3 ? "1 or 3" : String.valueOf(modelChannels)));
            }
        }
        HObject result = new HObject();
        HOperatorSet.GenEmptyObj(result);
        for (int i = 1; i <= count.getL(); i++) {
            HObject image = preprocessOne(procedure, selectObj(images, i), dlPreprocessParam, width, height,
                    modelChannels);
            HObject concatenated = new HObject();
            HOperatorSet.ConcatObj(result, image, concatenated);
            result = concatenated;
        }
        fill(imagesPreprocessed, result);
    }

    static final int WRONG_NUMBER_OF_CHANNELS = 3359;

    private static HObject preprocessOne(String procedure, HObject original, HTuple params, int width, int height,
            int modelChannels) {
        HTuple originalType = new HTuple();
        HOperatorSet.GetImageType(original, originalType);
        HObject image = new HObject();
        switch (get(params, "domain_handling").getS()) {
            case "full_domain" -> HOperatorSet.FullDomain(original, image);
            case "crop_domain" -> HOperatorSet.CropDomain(original, image);
            default -> image = original; // 'keep_domain'
        }
        HObject zoomed = new HObject();
        HOperatorSet.ZoomImageSize(image, zoomed, new HTuple(width), new HTuple(height), new HTuple("constant"));
        HObject real = new HObject();
        HOperatorSet.ConvertImageType(zoomed, real, new HTuple("real"));
        image = real;
        double min = get(params, "image_range_min").getD();
        double max = get(params, "image_range_max").getD();
        switch (get(params, "normalization_type").getS()) {
            case "all_channels" -> {
                HObject joined = null;
                int channels = channels(image);
                for (int c = 1; c <= channels; c++) {
                    HObject channel = new HObject();
                    HOperatorSet.AccessChannel(image, channel, new HTuple(c));
                    HObject scaled = scaleToRange(channel, channel, min, max);
                    joined = joined == null ? scaled : appendChannel(joined, scaled);
                }
                image = joined;
            }
            case "first_channel" -> image = scaleToRange(image, image, min, max);
            case "constant_values" -> image = standardize(procedure, image, params);
            default -> {
                // 'none': only what was 'byte' is mapped from 0..255; 'real' images pass unscaled.
                if (originalType.getS().equals("byte")) {
                    image = scale(image, (max - min) / 255.0, min);
                }
            }
        }
        int channels = channels(image);
        if (modelChannels == 3 && channels == 1) {
            HObject composed = new HObject();
            HOperatorSet.Compose3(image, image, image, composed);
            image = composed;
        } else if (modelChannels == 1 && channels == 3) {
            HObject grey = new HObject();
            HOperatorSet.Rgb1ToGray(image, grey);
            image = grey;
        }
        return image;
    }

    /** Maps the extremes of {@code measured}'s first channel (over its domain) onto [min, max], applied to image. */
    private static HObject scaleToRange(HObject measured, HObject image, double min, double max) {
        HTuple low = new HTuple();
        HTuple high = new HTuple();
        HTuple range = new HTuple();
        HOperatorSet.MinMaxGray(measured, measured, new HTuple(0), low, high, range);
        double scale = high.getD() == low.getD() ? 1.0 : (max - min) / (high.getD() - low.getD());
        return scale(image, scale, min - scale * low.getD());
    }

    /** 'constant_values': per channel (g - mean) / deviation. */
    private static HObject standardize(String procedure, HObject image, HTuple params) {
        boolean defaults = !keyExists(params, "mean_values_normalization")
                && !keyExists(params, "deviation_values_normalization");
        HTuple means = keyExists(params, "mean_values_normalization") ? get(params, "mean_values_normalization")
                : new HTuple(DEFAULT_MEANS);
        HTuple deviations = keyExists(params, "deviation_values_normalization")
                ? get(params, "deviation_values_normalization") : new HTuple(DEFAULT_DEVIATIONS);
        HObject source = image;
        if (defaults && channels(source) == 1) {
            HObject composed = new HObject();
            HOperatorSet.Compose3(source, source, source, composed);
            source = composed;
        }
        int channels = channels(source);
        if (means.length() != channels || deviations.length() != channels) {
            throw error(procedure, WRONG_NUMBER_OF_CHANNELS, "'constant_values' has " + means.length() + " means and "
                    + deviations.length() + " deviations for an image of " + channels + " channels");
        }
        HObject joined = null;
        for (int c = 1; c <= channels; c++) {
            HObject channel = new HObject();
            HOperatorSet.AccessChannel(source, channel, new HTuple(c));
            double deviation = deviations.getD(c - 1);
            HObject scaled = scale(channel, 1.0 / deviation, -means.getD(c - 1) / deviation);
            joined = joined == null ? scaled : appendChannel(joined, scaled);
        }
        return joined;
    }

    private static HObject scale(HObject image, double mult, double add) {
        HObject scaled = new HObject();
        HOperatorSet.ScaleImage(image, scaled, new HTuple(mult), new HTuple(add));
        return scaled;
    }

    private static HObject appendChannel(HObject multiChannel, HObject channel) {
        HObject extended = new HObject();
        HOperatorSet.AppendChannel(multiChannel, channel, extended);
        return extended;
    }

    private static HObject selectObj(HObject objects, int index) {
        HObject selected = new HObject();
        HOperatorSet.SelectObj(objects, selected, new HTuple(index));
        return selected;
    }

    private static int channels(HObject image) {
        HTuple channels = new HTuple();
        HOperatorSet.CountChannels(image, channels);
        return channels.getI();
    }

    /** Sample keys of other model types whose preprocessing hprune does not have. */
    static final List<String> UNSUPPORTED_SAMPLE_KEYS = List.of("anomaly_ground_truth", "bbox_row1", "bbox_col1",
            "bbox_row", "bbox_col", "mask", "segmentation_image", "weight_image");

    /**
     * preprocess_dl_samples( : : DLSampleBatch, DLPreprocessParam : ): replaces each sample's 'image' by its
     * preprocess_dl_model_images result, in place. Works on a copy_dict of the parameters, so callers sharing one dict
     * are not disturbed. Errors: a sample without 'image' (1301), a sample with ground truth of another model type
     * ('anomaly_ground_truth', 'bbox_*', 'mask', 'segmentation_image', 'weight_image'; HALCON transforms them, hprune
     * does not, 1301), check_dl_preprocess_param's (1302), preprocess_dl_model_images'.
     */
    public static void preprocess_dl_samples(HTuple dlSampleBatch, HTuple dlPreprocessParam) {
        String procedure = "preprocess_dl_samples";
        if (dlPreprocessParam.length() != 1 || dlPreprocessParam.getType(0) != HTuple.HANDLE) {
            throw wrongCount(procedure, 2, "DLPreprocessParam must be one dict handle, got " + dlPreprocessParam);
        }
        HTuple params = new HTuple();
        HOperatorSet.CopyDict(dlPreprocessParam, new HTuple(), new HTuple(), params);
        check(procedure, params, key -> 2);
        for (int i = 0; i < dlSampleBatch.length(); i++) {
            HTuple sample = ProcedureSupport.handleAt(dlSampleBatch, i);
            if (!keyExists(sample, "image")) {
                throw wrongValue(procedure, 1, "DLSample " + i + " has no 'image'");
            }
            for (String key : UNSUPPORTED_SAMPLE_KEYS) {
                if (keyExists(sample, key)) {
                    throw wrongValue(procedure, 1, "DLSample " + i + " has '" + key
                            + "'; hprune preprocesses images and class labels only");
                }
            }
        }
        // Checked once above: the per-sample calls skip the checks, as HALCON's do on the copy.
        set(params, "check_params", new HTuple(0));
        for (int i = 0; i < dlSampleBatch.length(); i++) {
            HTuple sample = ProcedureSupport.handleAt(dlSampleBatch, i);
            HObject image = new HObject();
            HOperatorSet.GetDictObject(image, sample, new HTuple("image"));
            HObject preprocessed = new HObject();
            preprocess_dl_model_images(image, preprocessed, params);
            HOperatorSet.SetDictObject(preprocessed, sample, new HTuple("image"));
        }
    }

    /**
     * gen_dl_samples_from_images( Images : : : DLSampleBatch): one new DLSample dict per image of Images, holding the
     * image under 'image' and nothing else; no images give [].
     */
    public static void gen_dl_samples_from_images(HObject images, HTuple dlSampleBatch) {
        HTuple count = new HTuple();
        HOperatorSet.CountObj(images, count);
        HTuple batch = new HTuple();
        for (int i = 1; i <= count.getL(); i++) {
            HTuple sample = newDict();
            HOperatorSet.SetDictObject(selectObj(images, i), sample, new HTuple("image"));
            batch.append(sample);
        }
        fill(dlSampleBatch, batch);
    }

    // ---- datasets ----

    /**
     * preprocess_dl_dataset( : : DLDataset, DataDirectory, DLPreprocessParam, GenParam : DLDatasetFileName):
     * preprocesses every sample of DLDataset and writes it to {@code <DataDirectory>/samples/<image_id>_dlsample.hdict}
     * (gen_dl_samples with the model type, preprocess_dl_samples, write_dl_samples), then the dataset itself to
     * {@code <DataDirectory>/dl_dataset.hdict}, whose name is returned. Before that it checks the parameters and sets
     * their 'check_params' to 0, stores the parameter dict (the same handle) as DLDataset 'preprocess_param' and sets
     * 'dlsample_dir'; for 'constant_values' the stored range becomes -2.0/2.0. GenParam (dict or []): 'overwrite_files'
     * (0/'false' default: an existing DataDirectory is an error, 1302; 1/'true': it is removed and written anew; 'auto':
     * kept as it is when its dl_dataset.hdict has equal parameters and the same samples with their files, else written
     * anew), 'show_progress' (1 default: progress lines on stderr, HALCON shows them in its window; 0 none). hprune removes
     * a directory only if it looks like a preprocessed dataset (it holds dl_dataset.hdict or samples/, or nothing), 1302
     * otherwise. Errors: GenParam not a dict, unknown keys or values, or segmentation's 'max_weight'/'class_weights' (1304),
     * a DLDataset without 'samples' (1301), check_dl_preprocess_param's (1303), the sample procedures'.
     */
    public static void preprocess_dl_dataset(HTuple dlDataset, HTuple dataDirectory, HTuple dlPreprocessParam,
            HTuple genParam, HTuple dlDatasetFileName) {
        String procedure = "preprocess_dl_dataset";
        String overwrite = "false";
        boolean showProgress = true;
        for (String name : genParamKeys(procedure, 4, genParam)) {
            HTuple value = get(genParam, name);
            switch (name) {
                case "overwrite_files" -> {
                    if (value.length() == 1 && "auto".equals(value.asList().get(0))) {
                        overwrite = "auto";
                    } else {
                        overwrite = DlDataset.flag(procedure, value, 4, name) ? "true" : "false";
                    }
                }
                case "show_progress" -> showProgress = DlDataset.flag(procedure, value, 4, name);
                default -> throw wrongValue(procedure, 4, "unknown GenParam key '" + name + "'"
                        + (name.equals("max_weight") || name.equals("class_weights")
                                ? " (segmentation only; hprune has no segmentation)" : ""));
            }
        }
        String directory = ProcedureSupport.singleString(procedure, dataDirectory, 2, "DataDirectory");
        while (directory.length() > 1 && directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
        if (directory.isEmpty()) {
            throw wrongValue(procedure, 2, "DataDirectory is empty");
        }
        HTuple samples = DlDataset.datasetKey(procedure, dlDataset, "samples");
        if (dlPreprocessParam.length() != 1 || dlPreprocessParam.getType(0) != HTuple.HANDLE) {
            throw wrongCount(procedure, 3, "DLPreprocessParam must be one dict handle, got " + dlPreprocessParam);
        }
        check(procedure, dlPreprocessParam, key -> 3);
        set(dlPreprocessParam, "check_params", new HTuple(0));
        if (get(dlPreprocessParam, "normalization_type").getS().equals("constant_values")) {
            set(dlPreprocessParam, "image_range_min", new HTuple(-2.0));
            set(dlPreprocessParam, "image_range_max", new HTuple(2.0));
        }
        String sampleDir = directory + "/samples";
        String datasetFile = directory + "/dl_dataset.hdict";
        if (exists(directory)) {
            if (overwrite.equals("false")) {
                throw wrongValue(procedure, 2, "'" + directory + "' exists; GenParam 'overwrite_files' 1 replaces it");
            }
            if (overwrite.equals("auto") && upToDate(dlDataset, samples, dlPreprocessParam, sampleDir, datasetFile)) {
                fill(dlDatasetFileName, new HTuple(datasetFile));
                return;
            }
            removePreprocessedDirectory(procedure, directory);
        }
        HOperatorSet.MakeDir(new HTuple(directory));
        HOperatorSet.MakeDir(new HTuple(sampleDir));
        set(dlDataset, "preprocess_param", dlPreprocessParam);
        set(dlDataset, "dlsample_dir", new HTuple(sampleDir));
        HTuple restrictKeys = get(dlPreprocessParam, "model_type");
        long started = System.nanoTime();
        long shown = started;
        for (int i = 0; i < samples.length(); i++) {
            HTuple batch = new HTuple();
            DlDataset.gen_dl_samples(dlDataset, new HTuple(i), restrictKeys, new HTuple(), batch);
            preprocess_dl_samples(batch, dlPreprocessParam);
            DlDataset.write_dl_samples(dlDataset, new HTuple(i), batch, new HTuple(), new HTuple());
            HOperatorSet.ClearHandle(batch);
            long now = System.nanoTime();
            if (showProgress && (now - shown > 1_000_000_000L || i == samples.length() - 1)) {
                shown = now;
                System.err.printf("preprocess_dl_dataset: %d of %d samples (%.1f s)%n", i + 1, samples.length(),
                        (now - started) / 1e9);
            }
        }
        HOperatorSet.WriteDict(dlDataset, new HTuple(datasetFile), new HTuple(), new HTuple());
        fill(dlDatasetFileName, new HTuple(datasetFile));
    }

    private static boolean exists(String path) {
        HTuple exists = new HTuple();
        HOperatorSet.FileExists(new HTuple(path), exists);
        return exists.getL() == 1;
    }

    /**
     * 'overwrite_files' 'auto': the directory holds this dataset preprocessed with these parameters when its
     * dl_dataset.hdict has equal parameters and the same samples (image id and file, in order) and every sample file
     * exists. Then DLDataset gets the keys preprocess_dl_dataset would have written.
     */
    private static boolean upToDate(HTuple dlDataset, HTuple samples, HTuple params, String sampleDir,
            String datasetFile) {
        if (!exists(datasetFile)) {
            return false;
        }
        HTuple stored = new HTuple();
        try {
            HOperatorSet.ReadDict(new HTuple(datasetFile), new HTuple(), new HTuple(), stored);
        } catch (dev.hprune.halcon.HalconException e) {
            return false; // unreadable: written anew
        }
        if (!keyExists(stored, "preprocess_param") || !keyExists(stored, "samples")
                || !sameEntries(get(stored, "preprocess_param"), params)) {
            return false;
        }
        HTuple storedSamples = get(stored, "samples");
        if (storedSamples.length() != samples.length()) {
            return false;
        }
        for (int i = 0; i < samples.length(); i++) {
            HTuple mine = ProcedureSupport.handleAt(samples, i);
            HTuple theirs = ProcedureSupport.handleAt(storedSamples, i);
            for (String key : List.of("image_id", "image_file_name")) {
                if (!keyExists(theirs, key) || !equal(get(mine, key), get(theirs, key))) {
                    return false;
                }
            }
            if (!exists(sampleDir + "/" + get(mine, "image_id").getL() + "_dlsample.hdict")) {
                return false;
            }
        }
        set(dlDataset, "preprocess_param", params);
        set(dlDataset, "dlsample_dir", new HTuple(sampleDir));
        for (int i = 0; i < samples.length(); i++) {
            HTuple mine = ProcedureSupport.handleAt(samples, i);
            set(mine, "dlsample_file_name", new HTuple(get(mine, "image_id").getL() + "_dlsample.hdict"));
        }
        return true;
    }

    /** True when both dicts hold the same keys with equal tuples. */
    private static boolean sameEntries(HTuple a, HTuple b) {
        HTuple keysA = new HTuple();
        HTuple keysB = new HTuple();
        HOperatorSet.GetDictParam(a, new HTuple("keys"), new HTuple(), keysA);
        HOperatorSet.GetDictParam(b, new HTuple("keys"), new HTuple(), keysB);
        if (keysA.length() != keysB.length()) {
            return false;
        }
        for (Object key : keysA.asList()) {
            String name = String.valueOf(key);
            if (!keyExists(b, name) || !equal(get(a, name), get(b, name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(HTuple a, HTuple b) {
        HTuple equal = new HTuple();
        HOperatorSet.TupleEqual(a, b, equal);
        return equal.getL() == 1;
    }

    /** Removes a directory written by preprocess_dl_dataset, files first, then folders from the deepest up. */
    private static void removePreprocessedDirectory(String procedure, String directory) {
        HTuple entries = new HTuple();
        HOperatorSet.ListFiles(new HTuple(directory), new HTuple(), entries);
        boolean looksPreprocessed = entries.length() == 0 || exists(directory + "/dl_dataset.hdict")
                || exists(directory + "/samples");
        if (!looksPreprocessed) {
            throw wrongValue(procedure, 2, "'" + directory + "' holds neither dl_dataset.hdict nor samples/; hprune "
                    + "does not remove a directory preprocess_dl_dataset did not write");
        }
        HTuple files = new HTuple();
        HOperatorSet.ListFiles(new HTuple(directory), HTuple.of("files", "recursive"), files);
        for (String file : files.toSArr()) {
            HOperatorSet.DeleteFile(new HTuple(file));
        }
        HTuple folders = new HTuple();
        HOperatorSet.ListFiles(new HTuple(directory), HTuple.of("directories", "recursive"), folders);
        String[] deepestFirst = folders.toSArr();
        java.util.Arrays.sort(deepestFirst, (x, y) -> Integer.compare(y.length(), x.length()));
        for (String folder : deepestFirst) {
            HOperatorSet.RemoveDir(new HTuple(folder));
        }
        HOperatorSet.RemoveDir(new HTuple(directory));
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
