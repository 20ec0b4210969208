package dev.hprune.compat.dl;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.ShapeInference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Another image size for a graph whose input declares a fixed one, as set_dl_model_param 'image_width',
 * 'image_height' and 'image_dimensions' give it. Many exported classifiers declare the size they were exported at
 * although their body does not depend on it (convolutions and pooling up to a global pooling, or a fully convolutional
 * head); those take the new size. Shape inference at the new size decides: where a layer fixes the size (a Flatten
 * into a dense layer of fixed width, a Reshape to a fixed length), it fails there, and the change is refused with 7914
 * naming that layer.
 */
final class InputSize {
    private InputSize() {}

    /** The graph with its image input declared {@code width} x {@code height}; batch and channels as declared. */
    static Graph resize(Graph graph, ClassifierLayout layout, int width, int height) {
        List<ValueInfo> inputs = new ArrayList<>();
        for (ValueInfo in : graph.inputs()) {
            if (!in.name().equals(layout.input())) {
                inputs.add(in);
                continue;
            }
            List<ValueInfo.Dim> dims = new ArrayList<>(in.shape());
            dims.set(2, ValueInfo.Dim.fixed(height));
            dims.set(3, ValueInfo.Dim.fixed(width));
            inputs.add(new ValueInfo(in.name(), in.type(), dims));
        }
        Graph resized = graph.withInputs(inputs);
        Map<String, long[]> shapes;
        try {
            shapes = ShapeInference.infer(resized, Map.of());
        } catch (HalconError e) {
            throw refused(width, height, e.getMessage());
        }
        long[] scores = shapes.get(layout.output());
        if (scores == null || scores.length != 2 || scores[1] != layout.classes()) {
            throw refused(width, height, "the class scores would have the shape " + Arrays.toString(scores)
                    + " instead of [N, " + layout.classes() + "]");
        }
        return resized;
    }

    private static HalconError refused(int width, int height, String why) {
        return HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, "the graph does not allow an image size of "
                + width + "x" + height + ": " + why);
    }
}
