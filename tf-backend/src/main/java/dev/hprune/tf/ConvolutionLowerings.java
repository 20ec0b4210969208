package dev.hprune.tf;

import static dev.hprune.tf.ForwardPass.unsupported;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;

/**
 * Convolution and pooling: Conv, MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool. They run on NHWC values (see
 * {@link SpatialOps}) and produce NHWC values.
 */
final class ConvolutionLowerings {
    private ConvolutionLowerings() {}

    static void register(Lowerings.Registrar r) {
        r.single("Conv", (p, node) -> TfValue.nhwc(conv(p, node)));
        r.single("MaxPool", (p, node) -> TfValue.nhwc(pool(p, node)));
        r.single("AveragePool", (p, node) -> TfValue.nhwc(pool(p, node)));
        r.single("GlobalAveragePool", (p, node) -> globalPool(p, node, "Mean"));
        r.single("GlobalMaxPool", (p, node) -> globalPool(p, node, "Max"));
    }

    private static Output<?> conv(ForwardPass p, Node node) {
        Output<?> bias = node.input(2).isPresent() ? p.onnxIn(node, 2) : null;
        Output<?> filter = p.filter(node.input(1).orElseThrow());
        if (filter != null) {
            // already in TensorFlow's layout: nothing to transpose, so nothing to cache either
            return conv(p, node, filter, true, bias, false);
        }
        return conv(p, node, p.onnxIn(node, 1), false, bias, p.initializers(node, 1));
    }

    /**
     * The convolution of {@code node} with the given weight, in TensorFlow's filter layout where {@code tfLayout} and
     * else in ONNX's, and bias (null for none); {@code staticWeight} when the weight is computed from initializers
     * alone, so that its TensorFlow-layout copy can be cached.
     */
    static Output<?> conv(ForwardPass p, Node node, Output<?> weight, boolean tfLayout, Output<?> bias,
            boolean staticWeight) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        if (x.rank() != 4) {
            throw unsupported(node, "only 2-D convolutions (rank-4 input) are supported");
        }
        String weightName = node.input(1).orElseThrow();
        long[] weightShape = p.ir().initializer(weightName).map(Tensor::shape)
                .orElseGet(() -> p.in(node, 1).output().shape().asArray());
        if (weightShape == null || weightShape.length != 4 || Arrays.stream(weightShape).anyMatch(d -> d < 0)) {
            throw unsupported(node, "the weight needs a static 4-D shape");
        }
        long[] kernel = {weightShape[2], weightShape[3]};
        long[] strides = node.intsAttr("strides", new long[] {1, 1});
        long[] dilations = node.intsAttr("dilations", new long[] {1, 1});
        long group = node.intAttr("group", 1);
        long[] size = {x.onnxDim(2), x.onnxDim(3)};
        SpatialOps.Padding padding = SpatialOps.resolvePadding(node.stringAttr("auto_pad", "NOTSET"),
                node.intsAttr("pads", null), size, kernel, strides, dilations);
        if (padding == null) {
            throw unsupported(node, "auto_pad " + node.stringAttr("auto_pad", "") + " needs a static image size");
        }
        Output<?> input = p.nhwc(x);
        // explicit pads equal to TensorFlow's SAME rule run as SAME: no Pad forward, no Slice backward
        boolean same = padding.tfSame() || SpatialOps.isTfSame(padding, size, kernel, strides, dilations);
        if (!same) {
            input = p.spatial().pad(input, padding.begin(), padding.end(), 0f);
        }
        Output<?> y = p.spatial().conv(input, weight, tfLayout, weightShape, group, strides, dilations, same,
                staticWeight ? p.derived() : UnaryOperator.identity());
        if (bias != null) {
            y = w.op("BiasAdd").in(y, bias).attr("data_format", "NHWC").out();
        }
        return y;
    }

    private static Output<?> pool(ForwardPass p, Node node) {
        TfValue x = p.in(node, 0);
        if (x.rank() != 4) {
            throw unsupported(node, "only 2-D pooling (rank-4 input) is supported");
        }
        long[] dilations = node.intsAttr("dilations", new long[] {1, 1});
        if (dilations[0] != 1 || dilations[1] != 1) {
            throw unsupported(node, "dilated pooling is not supported");
        }
        long[] kernel = node.intsAttr("kernel_shape", null);
        if (kernel == null || kernel.length != 2) {
            throw unsupported(node, "kernel_shape must have two values");
        }
        long[] strides = node.intsAttr("strides", new long[] {1, 1});
        long[] size = {x.onnxDim(2), x.onnxDim(3)};
        String autoPad = node.stringAttr("auto_pad", "NOTSET");
        SpatialOps.Padding padding = SpatialOps.resolvePadding(autoPad, node.intsAttr("pads", null), size, kernel,
                strides, dilations);
        boolean ceil = node.intAttr("ceil_mode", 0) != 0;
        boolean average = node.opType().equals("AveragePool");
        boolean includePad = node.intAttr("count_include_pad", 0) != 0;
        boolean dynamicSize = size[0] < 0 || size[1] < 0;
        if (padding == null || padding.tfSame() && (ceil || average && includePad)) {
            throw unsupported(node, "auto_pad " + autoPad + " with these settings needs a static image size");
        }
        // the divisor map of a padded AveragePool and the extra padding of ceil_mode are computed from the size
        boolean needsSize = ceil || average && !padding.tfSame() && !padding.isZero();
        if (needsSize && dynamicSize) {
            throw unsupported(node, "ceil_mode or padded averaging needs a static image size");
        }
        long[] explicitEnd = padding.tfSame() ? null : padding.end().clone();
        if (ceil && !padding.tfSame()) {
            long[] end = padding.end().clone();
            for (int i = 0; i < 2; i++) {
                end[i] += SpatialOps.ceilModeExtra(size[i], padding.begin()[i], padding.end()[i], kernel[i], strides[i]);
            }
            padding = new SpatialOps.Padding(padding.begin(), end, false);
        }
        Output<?> input = p.nhwc(x);
        return average ? p.spatial().averagePool(input, size, kernel, strides, padding, explicitEnd, includePad)
                : p.spatial().maxPool(input, kernel, strides, padding);
    }

    /** The mean or maximum ({@code reduction}) over all spatial axes, kept as size-1 axes. */
    private static TfValue globalPool(ForwardPass p, Node node, String reduction) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        if (x.rank() == 4) {
            return TfValue.nhwc(reduce(w, reduction, p.nhwc(x), 1, 2));
        }
        int[] axes = new int[Math.max(0, x.rank() - 2)];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 2;
        }
        return TfValue.onnx(reduce(w, reduction, p.onnx(x), axes));
    }

    private static Output<?> reduce(TfGraphWriter w, String reduction, Output<?> x, int... axes) {
        return w.op(reduction).in(x, w.ints(axes)).attr("keep_dims", true).out();
    }
}
