package dev.hprune.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;

/**
 * Convolutions and pooling on NHWC tensors, built only from TensorFlow operations whose gradients are correct in
 * TensorFlow Java 1.1.0 (see shared/tf-java-notes.md): explicit or asymmetric padding is an explicit {@code Pad} followed
 * by a VALID operation, dilation is {@code SpaceToBatchND} + undilated conv + {@code BatchToSpaceND}, and grouped
 * convolution is one {@code Conv2D} when oneDNN is on, otherwise {@code Split} + {@code Conv2D} per group +
 * {@code ConcatV2}.
 */
final class SpatialOps {
    /** A system property that forces the Split + Concat form of grouped convolutions (for tests). */
    static final String SPLIT_GROUPS_PROPERTY = "hprune.tf.splitGroupedConv";

    private final TfGraphWriter w;
    private final boolean nativeGroups;

    SpatialOps(TfGraphWriter w) {
        this.w = w;
        // CPU Conv2D takes a filter with fewer input channels than the input (groups) only with oneDNN on; its
        // gradients were checked against finite differences like the Split form's
        this.nativeGroups = NativeEnvironment.oneDnnEnabled() && !Boolean.getBoolean(SPLIT_GROUPS_PROPERTY);
    }

    /**
     * Padding of the two spatial axes: {@code begin[i]}/{@code end[i]} for H (i = 0) and W (i = 1), or TensorFlow's own
     * SAME rule when {@code tfSame} (used only when the spatial size is not known statically; it equals ONNX SAME_UPPER).
     */
    record Padding(long[] begin, long[] end, boolean tfSame) {
        boolean isZero() {
            return !tfSame && begin[0] == 0 && begin[1] == 0 && end[0] == 0 && end[1] == 0;
        }
    }

    /**
     * Resolves ONNX's {@code auto_pad}/{@code pads} for a window of {@code kernel} with {@code strides} and
     * {@code dilations} over an input of spatial size {@code size} (-1 where unknown).
     *
     * @return the padding, or null when it cannot be resolved without a static size
     */
    static Padding resolvePadding(String autoPad, long[] pads, long[] size, long[] kernel, long[] strides,
            long[] dilations) {
        switch (autoPad) {
            case "VALID":
                return new Padding(new long[2], new long[2], false);
            case "SAME_UPPER", "SAME_LOWER": {
                if (size[0] < 0 || size[1] < 0) {
                    boolean undilated = dilations[0] == 1 && dilations[1] == 1;
                    return autoPad.equals("SAME_UPPER") && undilated ? new Padding(null, null, true) : null;
                }
                long[] begin = new long[2];
                long[] end = new long[2];
                for (int i = 0; i < 2; i++) {
                    long out = (size[i] + strides[i] - 1) / strides[i];
                    long total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size[i]);
                    begin[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    end[i] = total - begin[i];
                }
                return new Padding(begin, end, false);
            }
            default: {
                long[] p = pads == null ? new long[4] : pads;
                return new Padding(new long[] {p[0], p[1]}, new long[] {p[2], p[3]}, false);
            }
        }
    }

    /**
     * Whether explicit {@code padding} of an undilated window over a static {@code size} is exactly what TensorFlow's
     * SAME padding adds (half of the total before, the rest after), so the window can run with SAME and no Pad.
     */
    static boolean isTfSame(Padding padding, long[] size, long[] kernel, long[] strides, long[] dilations) {
        if (padding.tfSame()) {
            return true;
        }
        for (int i = 0; i < 2; i++) {
            if (size[i] < 0 || dilations[i] != 1) {
                return false;
            }
            long out = (size[i] + strides[i] - 1) / strides[i];
            long total = Math.max(0, (out - 1) * strides[i] + kernel[i] - size[i]);
            if (padding.begin()[i] != total / 2 || padding.end()[i] != total - total / 2) {
                return false;
            }
        }
        return true;
    }

    /** Pads H and W of an NHWC tensor with {@code value}. */
    Output<?> pad(Output<?> x, long[] begin, long[] end, float value) {
        if (begin[0] == 0 && begin[1] == 0 && end[0] == 0 && end[1] == 0) {
            return x;
        }
        Output<?> paddings = w.paddings(new long[] {0, 0, begin[0], end[0], begin[1], end[1], 0, 0});
        return w.op("PadV2").in(x, paddings, w.scalar(value)).out();
    }

    /**
     * An ONNX Conv on NHWC input {@code x}, already padded unless {@code padding.tfSame()}, with the weight of ONNX
     * shape {@code weightShape} [O, I/group, kH, kW]: {@code weight} holds it in that layout, or where {@code tfLayout}
     * in TensorFlow's filter layout [kH, kW, I/group, O]. {@code derived} receives the filter in TensorFlow's layout (to
     * cache it when it is computed from static weights, see {@link DerivedWeights}).
     */
    Output<?> conv(Output<?> x, Output<?> weight, boolean tfLayout, long[] weightShape, long group, long[] strides,
            long[] dilations, boolean tfSame, UnaryOperator<Output<?>> derived) {
        long outChannels = weightShape[0];
        long inPerGroup = weightShape[1];
        long inChannels = inPerGroup * group;
        boolean dilated = dilations[0] > 1 || dilations[1] > 1;
        // the dilated path runs the kernel at stride 1 and subsamples afterwards
        long[] coreStrides = dilated ? new long[] {1, 1} : strides;
        boolean depthwise = group > 1 && group == inChannels && outChannels % inChannels == 0
                && coreStrides[0] == coreStrides[1];
        Output<?> input = x;
        Output<?> crops = null;
        if (dilated) {
            Output<?> spatial = w.stridedSlice(w.shape(x), new long[] {1}, new long[] {3}, new long[] {1}, 0, 0);
            Output<?> blocks = w.longs(dilations[0], dilations[1]);
            // pad H and W at the end to multiples of the dilation; the same amounts are cropped afterwards
            Output<?> extra = w.binary("FloorMod", w.unary("Neg", spatial), blocks);
            crops = w.op("Pack").inList(List.of(w.longs(0, 0), extra)).attr("axis", 1L).out();
            input = w.op("SpaceToBatchND").in(x, blocks, crops).out();
        }
        String padding = tfSame ? "SAME" : "VALID";
        long[] strideAttr = {1, coreStrides[0], coreStrides[1], 1};
        Output<?> y;
        if (depthwise) {
            // [kH, kW, C, multiplier]; ONNX numbers output channels c*multiplier + m, so a reshape of [.., 1, O] fits
            Output<?> filter = derived.apply(tfLayout
                    ? w.reshape(weight, weightShape[2], weightShape[3], inChannels, outChannels / inChannels)
                    : w.transpose(w.reshape(weight, inChannels, outChannels / inChannels, weightShape[2],
                            weightShape[3]), 2, 3, 0, 1));
            y = w.op("DepthwiseConv2dNative").in(input, filter).attr("strides", strideAttr)
                    .attr("padding", padding).attr("data_format", "NHWC").out();
        } else {
            Output<?> filter = derived.apply(tfLayout ? weight : w.transpose(weight, 2, 3, 1, 0));
            if (group == 1 || nativeGroups) {
                y = conv2d(input, filter, strideAttr, padding);
            } else {
                Output<?>[] xs = split(input, 3, group);
                Output<?>[] fs = split(filter, 3, group);
                List<Output<?>> parts = new ArrayList<>();
                for (int g = 0; g < group; g++) {
                    parts.add(conv2d(xs[g], fs[g], strideAttr, padding));
                }
                y = w.concat(parts, 3);
            }
        }
        if (dilated) {
            y = w.op("BatchToSpaceND").in(y, w.longs(dilations[0], dilations[1]), crops).out();
            if (strides[0] > 1 || strides[1] > 1) {
                y = w.stridedSlice(y, new long[4], new long[4], new long[] {1, strides[0], strides[1], 1}, 15, 15);
            }
        }
        return y;
    }

    private Output<?> conv2d(Output<?> x, Output<?> filter, long[] strides, String padding) {
        return w.op("Conv2D").in(x, filter).attr("strides", strides).attr("padding", padding)
                .attr("data_format", "NHWC").out();
    }

    private Output<?>[] split(Output<?> x, int axis, long parts) {
        var op = w.op("Split").in(w.intScalar(axis), x).attr("num_split", parts).build();
        Output<?>[] outputs = new Output<?>[(int) parts];
        for (int i = 0; i < parts; i++) {
            outputs[i] = op.output(i);
        }
        return outputs;
    }

    /**
     * Extra padding at the end that makes a VALID window reproduce ONNX's {@code ceil_mode} output size: the output
     * rounds up, but the last window must start inside the input or the begin padding.
     */
    static long ceilModeExtra(long size, long begin, long end, long kernel, long stride) {
        long padded = size + begin + end;
        long out = Math.floorDiv(padded - kernel + stride - 1, stride) + 1;
        if ((out - 1) * stride >= size + begin) {
            out--;
        }
        return Math.max(0, (out - 1) * stride + kernel - padded);
    }

    /** MaxPool over NHWC {@code x}; padding cells never win (they hold the lowest float). */
    Output<?> maxPool(Output<?> x, long[] kernel, long[] strides, Padding padding) {
        Output<?> input = padding.tfSame() ? x : pad(x, padding.begin(), padding.end(), -Float.MAX_VALUE);
        return w.op("MaxPool").in(input).attr("ksize", new long[] {1, kernel[0], kernel[1], 1})
                .attr("strides", new long[] {1, strides[0], strides[1], 1})
                .attr("padding", padding.tfSame() ? "SAME" : "VALID").attr("data_format", "NHWC").out();
    }

    /**
     * AveragePool over NHWC {@code x} of static spatial {@code size} (or unknown when {@code padding.tfSame()} or the
     * padding is zero). The windows are summed over the zero-padded input and divided by the number of cells ONNX
     * counts: those inside the input, or with {@code countIncludePad} also those inside the explicit padding, but never
     * the extra cells {@code ceil_mode} adds.
     *
     * @param explicitEnd the end padding without the ceil_mode extra
     */
    Output<?> averagePool(Output<?> x, long[] size, long[] kernel, long[] strides, Padding padding, long[] explicitEnd,
            boolean countIncludePad) {
        if (padding.tfSame()) {
            return avgPool(x, kernel, strides, "SAME");
        }
        Output<?> y = avgPool(pad(x, padding.begin(), padding.end(), 0f), kernel, strides, "VALID");
        if (padding.isZero()) {
            return y;
        }
        float[][] factors = new float[2][];
        boolean uniform = true;
        for (int i = 0; i < 2; i++) {
            long out = (size[i] + padding.begin()[i] + padding.end()[i] - kernel[i]) / strides[i] + 1;
            factors[i] = new float[(int) out];
            long low = countIncludePad ? -padding.begin()[i] : 0;
            long high = countIncludePad ? size[i] + explicitEnd[i] : size[i];
            for (int o = 0; o < out; o++) {
                long start = o * strides[i] - padding.begin()[i];
                long count = Math.min(start + kernel[i], high) - Math.max(start, low);
                factors[i][o] = (float) kernel[i] / count;
                uniform &= count == kernel[i];
            }
        }
        if (uniform) {
            return y;
        }
        float[] map = new float[factors[0].length * factors[1].length];
        for (int h = 0; h < factors[0].length; h++) {
            for (int c = 0; c < factors[1].length; c++) {
                map[h * factors[1].length + c] = factors[0][h] * factors[1][c];
            }
        }
        return w.binary("Mul", y, w.floats(new long[] {1, factors[0].length, factors[1].length, 1}, map));
    }

    private Output<?> avgPool(Output<?> x, long[] kernel, long[] strides, String padding) {
        return w.op("AvgPool").in(x).attr("ksize", new long[] {1, kernel[0], kernel[1], 1})
                .attr("strides", new long[] {1, strides[0], strides[1], 1}).attr("padding", padding)
                .attr("data_format", "NHWC").out();
    }
}
