package dev.hprune.cli.model;

import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;

/**
 * The built-in default's model for the digits, untrained, opened as a HALCON model handle: three 3x3 convolutions
 * (16, 32, 32 kernels) with ReLU, two max-pools, a dense layer to 10 classes, 8x8x1 input. It ships as an ONNX file
 * that the test sources' BuiltinCnn builds (seed 42); a test checks that the file is what it builds.
 */
public final class BuiltinModel implements AutoCloseable {
    static final String RESOURCE = "/dev/hprune/cli/model/builtin-cnn-8x8-10.onnx";

    private final HDlModel model;

    private BuiltinModel(HDlModel model) {
        this.model = model;
    }

    public static BuiltinModel create() {
        HDlModel model = ModelFiles.fromResource(RESOURCE);
        model.SetDlModelParam("batch_size", new HTuple(32));
        model.SetDlModelParam("learning_rate", 0.05);
        model.SetDlModelParam("momentum", 0.9);
        return new BuiltinModel(model);
    }

    public HDlModel model() {
        return model;
    }

    public String description() {
        ModelStats stats = ModelStats.of(model);
        return String.format("%d convolutions, %d kernels, %,d parameters", stats.kernelsPerConv().size(),
                stats.kernels(), stats.parameters());
    }

    @Override
    public void close() {
        model.ClearDlModel();
    }
}
