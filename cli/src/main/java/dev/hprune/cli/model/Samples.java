package dev.hprune.cli.model;

import dev.hprune.cli.CliException;
import dev.hprune.cli.data.Dataset;
import dev.hprune.cli.data.LabelledImage;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source images into DLSample dicts for one model, as HALCON's preprocess_dl_model_images does: zoom to the
 * model's size (zoom_image_size, 'constant'), match its channels (grey replicated to three, colour averaged to grey with
 * rgb1_to_gray's weights), and map the source's 0..max values linearly onto [image_range_min, image_range_max]. Each
 * dict holds 'image' and 'image_label_id' (the model's class id for the image's class).
 */
public final class Samples {
    private Samples() {}

    /** A model's samples of one data set: the part to score and retrain on, and the held-out part. */
    public record Split(List<HDict> train, List<HDict> test, List<Long> trainLabels, List<Long> testLabels) {}

    public static Split of(Dataset data, ModelInput input) {
        if (data.classNames().size() != input.classIds().size()) {
            throw new CliException("the model has " + input.classIds().size() + " classes but the data "
                    + data.classNames().size() + " " + data.classNames() + " (--classes gives the model the data's "
                    + "classes, replacing its last layer)", 7791);
        }
        List<Long> trainLabels = new ArrayList<>();
        List<Long> testLabels = new ArrayList<>();
        return new Split(dicts(data.train(), data.maxValue(), input, trainLabels),
                dicts(data.test(), data.maxValue(), input, testLabels), trainLabels, testLabels);
    }

    private static List<HDict> dicts(List<LabelledImage> images, double maxValue, ModelInput input, List<Long> labels) {
        List<HDict> samples = new ArrayList<>(images.size());
        for (LabelledImage image : images) {
            long id = input.classIds().get(image.label());
            HDict sample = new HDict();
            sample.SetDictObject(preprocess(image, maxValue, input), "image");
            sample.SetDictTuple("image_label_id", new HTuple(id));
            samples.add(sample);
            labels.add(id);
        }
        return samples;
    }

    static HImage preprocess(LabelledImage source, double maxValue, ModelInput input) {
        HImage image = HImage.fromPlanar(source.width(), source.height(), source.channels(), source.planar());
        if (source.width() != input.width() || source.height() != input.height()) {
            HObject zoomed = new HObject();
            HOperatorSet.ZoomImageSize(image, zoomed, new HTuple(input.width()), new HTuple(input.height()),
                    new HTuple("constant"));
            image = new HImage(zoomed);
        }
        float[] planar = matchChannels(image.toPlanar(), source.channels(), input);
        float scale = (float) ((input.rangeMax() - input.rangeMin()) / maxValue);
        float offset = (float) input.rangeMin();
        for (int i = 0; i < planar.length; i++) {
            planar[i] = offset + planar[i] * scale;
        }
        return HImage.fromPlanar(input.width(), input.height(), input.channels(), planar);
    }

    private static float[] matchChannels(float[] planar, int channels, ModelInput input) {
        int plane = input.width() * input.height();
        if (channels == input.channels()) {
            return planar;
        }
        float[] matched = new float[plane * input.channels()];
        if (channels == 1) {
            for (int c = 0; c < input.channels(); c++) {
                System.arraycopy(planar, 0, matched, c * plane, plane);
            }
            return matched;
        }
        if (channels >= 3 && input.channels() == 1) {
            // rgb1_to_gray: 0.299 R + 0.587 G + 0.114 B
            for (int p = 0; p < plane; p++) {
                matched[p] = 0.299f * planar[p] + 0.587f * planar[plane + p] + 0.114f * planar[2 * plane + p];
            }
            return matched;
        }
        throw new CliException("cannot feed " + channels + "-channel images to a model that takes " + input.channels()
                + " channels", 3359);
    }
}
