package dev.hprune.compat.dl;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.onnx.ShapeInference;
import java.util.Map;

/**
 * Whether a batch of a model can be held at all. Every value of a batch that crosses into Java is one float array: the
 * image batch {@link SampleBatch} builds, the class scores, and the activations and gradients pruning's scoring
 * fetches. A Java array holds at most {@link Integer#MAX_VALUE} elements, so 'batch_size' times the largest value of
 * one image must stay within that (the bound is 8 GiB of floats for a single tensor, far beyond a sane batch).
 * Checked when 'batch_size' or the image size is set, so that the value error comes from set_dl_model_param and not as
 * an overflow from a later apply_dl_model or train_dl_model_batch.
 */
final class BatchBuffers {
    private BatchBuffers() {}

    /** @throws HalconError 7914 when a batch of {@code p} would need a value beyond a Java array */
    static void check(Graph graph, ClassifierLayout layout, ModelParams p) {
        if (p.imageWidth() < 1 || p.imageHeight() < 1) {
            return;
        }
        long limit = Integer.MAX_VALUE / p.batchSize();
        long image = elements(new long[] {p.imageChannels(), p.imageHeight(), p.imageWidth()});
        if (image > limit) {
            throw refused(p, "the image batch", image);
        }
        long largest = largestActivation(graph, layout, p);
        if (largest > limit) {
            throw refused(p, "its largest activation", largest);
        }
    }

    /** Elements of the largest node output for one image; 0 where the graph's shapes cannot be inferred at this size. */
    private static long largestActivation(Graph graph, ClassifierLayout layout, ModelParams p) {
        Map<String, long[]> shapes;
        try {
            shapes = ShapeInference.infer(graph, Map.of(layout.input(),
                    new long[] {1, p.imageChannels(), p.imageHeight(), p.imageWidth()}));
        } catch (HalconError e) {
            // a size the graph does not fit is reported where it is used, as before; only the image is checked here
            return 0;
        }
        long largest = 0;
        for (Node node : graph.nodes()) {
            for (String output : node.outputs()) {
                largest = Math.max(largest, elements(shapes.get(output)));
            }
        }
        return largest;
    }

    /** The element count, saturating at {@link Long#MAX_VALUE}; 0 for an unknown or dynamic shape. */
    private static long elements(long[] shape) {
        if (shape == null) {
            return 0;
        }
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                return 0;
            }
            count = d != 0 && count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d;
        }
        return count;
    }

    private static HalconError refused(ModelParams p, String what, long elementsPerImage) {
        return HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE, String.format(java.util.Locale.ROOT,
                "a batch of %d images of %dx%dx%d is too large: %s would hold %.4g elements, more than the %d a "
                        + "tensor may have", p.batchSize(), p.imageWidth(), p.imageHeight(), p.imageChannels(), what,
                (double) elementsPerImage * p.batchSize(), Integer.MAX_VALUE));
    }
}
