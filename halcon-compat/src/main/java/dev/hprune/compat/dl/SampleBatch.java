package dev.hprune.compat.dl;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.image.Image;
import java.util.Arrays;
import java.util.List;

/**
 * DLSample dicts turned into what a backend takes: the images as one NCHW float tensor and, for training and scoring,
 * the class of each sample as an index into the model's classes.
 *
 * <p>Errors follow HALCON's deep-learning numbers: 7783 when 'image' (or, where labels are needed, 'image_label_id') is
 * missing; 7790 when a key holds the wrong kind of data; 7791 when an image does not have the model's size and channels,
 * or a label is not one of the model's class ids.
 */
public record SampleBatch(Tensor images, long[] labels) {

    static final String IMAGE = "image";
    static final String LABEL = "image_label_id";

    /**
     * @param padTo the batch size to pad to with zero images (HALCON pads short batches); 0 for no padding
     */
    static SampleBatch of(List<Dict> samples, ModelParams params, boolean withLabels, int padTo) {
        return of(samples, params, withLabels, padTo, null);
    }

    /** The number of floats {@link #of} fills for {@code count} images of the model's size. */
    static int floats(ModelParams params, int count) {
        return Math.multiplyExact(count, params.imageChannels() * params.imageHeight() * params.imageWidth());
    }

    /**
     * @param into where the images go, of exactly {@link #floats} for the padded count, and the returned tensor's
     *     data; null for a new array. Padding is written as zeros either way.
     */
    static SampleBatch of(List<Dict> samples, ModelParams params, boolean withLabels, int padTo, float[] into) {
        int count = Math.max(samples.size(), padTo);
        int c = params.imageChannels();
        int h = params.imageHeight();
        int w = params.imageWidth();
        int plane = c * h * w;
        int size = floats(params, count);
        float[] data = into != null ? into : new float[size];
        if (data.length != size) {
            throw new IllegalArgumentException(data.length + " floats for " + count + " images of " + plane);
        }
        Arrays.fill(data, samples.size() * plane, size, 0f);
        long[] labels = new long[withLabels ? samples.size() : 0];
        for (int n = 0; n < samples.size(); n++) {
            Image image = image(samples.get(n), n);
            if (image.channels() != c || image.height() != h || image.width() != w) {
                throw HalconError.of(ErrorCodes.DL_TUPLE_VALUES, "sample " + n + ": image is " + image.width() + "x"
                        + image.height() + "x" + image.channels() + ", the model takes " + w + "x" + h + "x" + c
                        + " (preprocess the images first)");
            }
            image.copyPlanarTo(data, n * plane);
            if (withLabels) {
                labels[n] = labelIndex(samples.get(n), n, params.classIds());
            }
        }
        return new SampleBatch(Tensor.wrapFloats(new long[] {count, c, h, w}, data), labels);
    }

    private static Image image(Dict sample, int n) {
        DictValue value = sample.get(IMAGE).orElseThrow(
                () -> HalconError.of(ErrorCodes.DL_INPUTS_MISSING, "sample " + n + " has no '" + IMAGE + "'"));
        if (!(value instanceof DictValue.Objects objects) || objects.images().size() != 1) {
            throw HalconError.of(ErrorCodes.DL_TUPLE_TYPE, "sample " + n + ": '" + IMAGE + "' must hold one image");
        }
        return objects.images().get(0);
    }

    private static long labelIndex(Dict sample, int n, List<Long> classIds) {
        DictValue value = sample.get(LABEL).orElseThrow(
                () -> HalconError.of(ErrorCodes.DL_INPUTS_MISSING, "sample " + n + " has no '" + LABEL + "'"));
        if (!(value instanceof DictValue.Tuple tuple) || tuple.values().size() != 1
                || !(tuple.values().get(0) instanceof Long id)) {
            throw HalconError.of(ErrorCodes.DL_TUPLE_TYPE, "sample " + n + ": '" + LABEL + "' must be one integer");
        }
        int index = classIds.indexOf(id);
        if (index < 0) {
            throw HalconError.of(ErrorCodes.DL_TUPLE_VALUES,
                    "sample " + n + ": label " + id + " is not one of the class ids " + classIds);
        }
        return index;
    }
}
