package dev.hprune.cli.model;

import dev.hprune.halcon.HDlModel;
import java.util.List;

/**
 * What a classification model takes, read with get_dl_model_param: image size, channels, the value range pixels are
 * mapped to, and its classes.
 */
public record ModelInput(int width, int height, int channels, double rangeMin, double rangeMax, List<Long> classIds,
        List<String> classNames) {

    public static ModelInput of(HDlModel model) {
        return new ModelInput(model.GetDlModelParam("image_width").getI(),
                model.GetDlModelParam("image_height").getI(),
                model.GetDlModelParam("image_num_channels").getI(),
                model.GetDlModelParam("image_range_min").getD(),
                model.GetDlModelParam("image_range_max").getD(),
                longs(model.GetDlModelParam("class_ids").asList()),
                model.GetDlModelParam("class_names").asList().stream().map(String::valueOf).toList());
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }
}
