package dev.hprune.compat.dl;

import dev.hprune.compat.backend.Device;
import java.util.List;

/**
 * The HALCON parameters of a deep-learning model (get/set_dl_model_param), immutable: a change makes a new record, so a
 * refused change leaves the model as it was.
 *
 * <p>'image_range_min'/'image_range_max' describe the value range the model expects of its (preprocessed) images; the
 * operators do not rescale images, as in HALCON.
 *
 * <p>{@code device} is {@code null} until a device is chosen: the model then runs on the first CPU device (see
 * {@link DlModel}), found only when the model first runs, so that reading a model loads no backend.
 */
record ModelParams(String type, int batchSize, int imageWidth, int imageHeight, int imageChannels,
        double imageRangeMin, double imageRangeMax, List<String> classNames, List<Long> classIds,
        double learningRate, double momentum, double weightPrior, double batchNormMomentum, Device device) {

    static final String CLASSIFICATION = "classification";
    /** HALCON's name for models hprune can read but whose type it does not know. */
    static final String GENERIC = "generic";

    ModelParams {
        classNames = List.copyOf(classNames);
        classIds = List.copyOf(classIds);
    }

    boolean isClassification() {
        return CLASSIFICATION.equals(type);
    }

    ModelParams withBatchSize(int value) {
        return new ModelParams(type, value, imageWidth, imageHeight, imageChannels, imageRangeMin, imageRangeMax,
                classNames, classIds, learningRate, momentum, weightPrior, batchNormMomentum, device);
    }

    ModelParams withImageSize(int width, int height) {
        return new ModelParams(type, batchSize, width, height, imageChannels, imageRangeMin, imageRangeMax,
                classNames, classIds, learningRate, momentum, weightPrior, batchNormMomentum, device);
    }

    ModelParams withImageRange(double min, double max) {
        return new ModelParams(type, batchSize, imageWidth, imageHeight, imageChannels, min, max,
                classNames, classIds, learningRate, momentum, weightPrior, batchNormMomentum, device);
    }

    ModelParams withClasses(List<String> names, List<Long> ids) {
        return new ModelParams(type, batchSize, imageWidth, imageHeight, imageChannels, imageRangeMin, imageRangeMax,
                names, ids, learningRate, momentum, weightPrior, batchNormMomentum, device);
    }

    ModelParams withSolver(double rate, double mom, double prior, double bnMomentum) {
        return new ModelParams(type, batchSize, imageWidth, imageHeight, imageChannels, imageRangeMin, imageRangeMax,
                classNames, classIds, rate, mom, prior, bnMomentum, device);
    }

    /** HALCON's 'runtime' of the device: its type, 'cpu' while none is chosen. */
    String runtime() {
        return device == null ? "cpu" : device.type();
    }

    ModelParams withDevice(Device value) {
        return new ModelParams(type, batchSize, imageWidth, imageHeight, imageChannels, imageRangeMin, imageRangeMax,
                classNames, classIds, learningRate, momentum, weightPrior, batchNormMomentum, value);
    }
}
