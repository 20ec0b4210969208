package dev.hprune.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** How the model is run: batch size, solver, and the preprocessing parameters HALCON keeps on the model. */
public final class ModelOptions {
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "'batch_size' for training, scoring and inference (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "R",
            description = "'learning_rate' for (re)training (default: the model's, 0.001 unless its file says otherwise)")
    Double learningRate;

    @Option(names = "--image-size", paramLabel = "WxH",
            description = "'image_width' and 'image_height': for models that leave the image size open, or whose "
                    + "layers allow another size (global pooling before the head, or fully convolutional)")
    String imageSize;

    @Option(names = "--classes", paramLabel = "NAMES", split = ",",
            description = "'class_names': another count replaces the classifier's last layer by one with that many "
                    + "outputs, freshly initialised (set_dl_model_param 'class_names'); the ids become 0..n-1")
    List<String> classes;

    @Option(names = "--range", paramLabel = "MIN,MAX", split = ",",
            description = "'image_range_min' and 'image_range_max': pixel values 0..255 are mapped onto this range "
                    + "(default: the model's, HALCON's -127,128 unless its file says otherwise)")
    double[] range;
}
