package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.tf.TfValue.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Translates the nodes of a model graph into TensorFlow operations: one forward pass over given sources (placeholders
 * for the inputs, variable reads or constants for the initializers).
 *
 * <p>Layout: convolution, pooling and BatchNormalization produce NHWC values; element-wise operations, activations,
 * Pad, Slice, ReduceMean with kept dimensions and Concat keep NHWC by remapping their axes; every other operator gets its
 * input back in ONNX layout through one cached Transpose per value.
 */
final class ForwardPass {
    /** Batch statistics of one BatchNormalization in training mode, for the running-statistics update. */
    record BatchStats(String meanName, String varName, Output<?> mean, Output<?> var) {}

    private final Graph ir;
    private final TfGraphWriter w;
    private final SpatialOps spatial;
    private final UnaryOperator<Output<?>> derived;
    private final boolean batchNormTraining;
    private final Map<String, TfValue> values = new HashMap<>();
    private final Map<String, Output<?>> filters;
    private final Map<Output<?>, Output<?>> toNhwcCache = new HashMap<>();
    private final Map<Output<?>, Output<?>> toOnnxCache = new HashMap<>();
    private final List<BatchStats> batchStats = new ArrayList<>();

    /**
     * @param sources graph inputs and initializers by name, in ONNX layout
     * @param filters convolution weights also held in TensorFlow's filter layout [kH, kW, I, O], by name; a
     *     convolution reads these instead of transposing its ONNX-layout source
     * @param batchNormTraining whether BatchNormalization normalises with batch statistics (training) instead of its
     *     running statistics
     * @param derived where values computed from weights alone are cached, or null to compute them in every run (needed
     *     where gradients flow to the weights)
     */
    ForwardPass(Graph ir, TfGraphWriter w, Map<String, Output<?>> sources, Map<String, Output<?>> filters,
            boolean batchNormTraining, DerivedWeights derived) {
        this.ir = ir;
        this.w = w;
        this.filters = filters;
        this.derived = derived == null ? UnaryOperator.identity() : derived::cache;
        this.spatial = new SpatialOps(w);
        this.batchNormTraining = batchNormTraining;
        sources.forEach((name, output) -> values.put(name, TfValue.onnx(output)));
        for (Node node : ir.nodes()) {
            try {
                translate(node);
            } catch (HalconError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new HalconError(ErrorCodes.DL_INTERNAL, "", "cannot build node '" + node.label() + "' ("
                        + node.opType() + ") in TensorFlow: " + e.getMessage(), e);
            }
        }
    }

    /** Every value of the graph by ONNX name, as held inside TensorFlow. */
    Map<String, TfValue> values() {
        return values;
    }

    List<BatchStats> batchStats() {
        return batchStats;
    }

    TfValue value(String name) {
        TfValue v = values.get(name);
        if (v == null) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "the graph has no value named '" + name + "'");
        }
        return v;
    }

    /** The value in ONNX layout (adds one Transpose per NHWC value, on first request). */
    Output<?> onnx(TfValue v) {
        if (v.layout() == Layout.ONNX) {
            return v.output();
        }
        return toOnnxCache.computeIfAbsent(v.output(), o -> w.transpose(o, TfValue.TO_NCHW));
    }

    private Output<?> nhwc(TfValue v) {
        if (v.layout() == Layout.NHWC) {
            return v.output();
        }
        if (v.rank() != 4) {
            throw new IllegalArgumentException("expected a rank-4 [N,C,H,W] input, got shape " + v.output().shape());
        }
        return toNhwcCache.computeIfAbsent(v.output(), o -> w.transpose(o, TfValue.TO_NHWC));
    }

    private TfValue in(Node node, int i) {
        return value(node.input(i).orElseThrow(
                () -> new IllegalArgumentException("input " + i + " is missing")));
    }

    private Output<?> onnxIn(Node node, int i) {
        return onnx(in(node, i));
    }

    /** A statically known input (an initializer), as required for shapes, axes, pads and bounds. */
    private Optional<Tensor> constant(Node node, int i) {
        return node.input(i).flatMap(ir::initializer);
    }

    private long[] constantLongs(Node node, int i) {
        return constant(node, i).map(Tensor::toLongs).orElseThrow(() -> unsupported(node,
                "input " + i + " (" + node.input(i).orElse("") + ") must be an initializer"));
    }

    private static HalconError unsupported(Node node, String why) {
        return HalconError.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED,
                "node '" + node.label() + "' (" + node.opType() + "): " + why);
    }

    private void put(Node node, TfValue v) {
        for (int i = 1; i < node.outputs().size(); i++) {
            String extra = node.outputs().get(i);
            boolean used = !extra.isEmpty() && (!ir.consumers(extra).isEmpty()
                    || ir.outputs().stream().anyMatch(o -> o.name().equals(extra)));
            if (used) {
                throw unsupported(node, "output " + i + " ('" + extra + "') is not supported");
            }
        }
        values.put(node.output(), v);
    }

    private void translate(Node node) {
        switch (node.opType()) {
            case "Conv" -> put(node, TfValue.nhwc(conv(node)));
            case "MaxPool", "AveragePool" -> put(node, TfValue.nhwc(pool(node)));
            case "GlobalAveragePool" -> put(node, globalAveragePool(node));
            case "BatchNormalization" -> put(node, batchNorm(node));
            case "Relu", "Sigmoid", "Tanh" -> put(node, unary(node, x -> w.unary(node.opType(), x)));
            case "LeakyRelu" -> put(node, unary(node, x -> w.op("LeakyRelu").in(x)
                    .attr("alpha", node.floatAttr("alpha", 0.01f)).out()));
            case "HardSigmoid" -> put(node, unary(node, x -> hardSigmoid(x, node.floatAttr("alpha", 0.2f),
                    node.floatAttr("beta", 0.5f))));
            case "HardSwish" -> put(node, unary(node, x -> w.binary("Mul", x, hardSigmoid(x, 1f / 6, 0.5f))));
            case "Clip" -> put(node, unary(node, x -> clip(node, x)));
            // a real Identity: a graph input can then be fed and its copy fetched
            case "Identity", "Dropout" -> put(node, unary(node, x -> w.unary("Identity", x)));
            case "Cast" -> put(node, unary(node, x -> w.op("Cast").in(x)
                    .attr("DstT", TensorTransfer.tfType(node.intAttr("to", 1))).out()));
            case "Add", "Sub", "Mul", "Div" -> put(node, binary(node));
            case "Concat" -> put(node, concat(node));
            case "Gemm" -> put(node, TfValue.onnx(gemm(node)));
            case "MatMul" -> put(node, TfValue.onnx(matMul(onnxIn(node, 0), onnxIn(node, 1))));
            case "Flatten" -> put(node, TfValue.onnx(flatten(node)));
            case "Reshape" -> put(node, TfValue.onnx(reshape(node)));
            case "Shape" -> put(node, TfValue.onnx(shape(node)));
            case "Slice" -> put(node, slice(node));
            case "Squeeze" -> put(node, TfValue.onnx(squeeze(node)));
            case "Unsqueeze" -> put(node, TfValue.onnx(unsqueeze(node)));
            case "Transpose" -> put(node, TfValue.onnx(transpose(node)));
            case "Softmax" -> put(node, TfValue.onnx(softmax(node)));
            case "Pad" -> put(node, pad(node));
            case "ReduceMean" -> put(node, reduceMean(node));
            case "Gather" -> put(node, TfValue.onnx(gather(node)));
            case "Constant" -> put(node, TfValue.onnx(constantNode(node)));
            default -> throw unsupported(node, "operator " + node.opType() + " is not supported by the TensorFlow backend");
        }
    }

    /** The graph copies the value, so the TensorFlow tensor that carries it in is closed at once. */
    private Output<?> constantNode(Node node) {
        Tensor value = node.tensorAttr("value")
                .orElseThrow(() -> unsupported(node, "only the 'value' attribute is supported"));
        try (org.tensorflow.Tensor t = TensorTransfer.toTf(value)) {
            return w.constant(t);
        }
    }

    private TfValue unary(Node node, UnaryOperator<Output<?>> f) {
        TfValue x = in(node, 0);
        return new TfValue(f.apply(x.output()), x.layout());
    }

    private Output<?> hardSigmoid(Output<?> x, float alpha, float beta) {
        if (x.dataType() == DataType.DT_FLOAT) {
            // clamp(alpha*x + beta, 0, 1) = Relu6(6*alpha*x + 6*beta) / 6: one Relu6 (and one Relu6Grad backward)
            // instead of Maximum and Minimum with their comparisons, selects and zeros backward
            Output<?> scaled = Math.abs(6 * alpha - 1) < 1e-6f ? x : w.binary("Mul", x, w.scalar(6 * alpha));
            Output<?> shifted = beta == 0 ? scaled : w.binary("AddV2", scaled, w.scalar(6 * beta));
            return w.binary("Mul", w.unary("Relu6", shifted), w.scalar(1f / 6));
        }
        Output<?> linear = w.binary("AddV2", w.binary("Mul", x, w.scalar(alpha)), w.scalar(beta));
        return w.binary("Minimum", w.binary("Maximum", linear, w.scalar(0f)), w.scalar(1f));
    }

    private Output<?> clip(Node node, Output<?> x) {
        // Without bounds Clip is the identity; a real op keeps its output fetchable apart from a fed input.
        Output<?> y = node.input(1).isPresent() || node.input(2).isPresent() ? x : w.unary("Identity", x);
        // ReLU6 and ReLU as one op each: Maximum/Minimum cost two ops forward and five (comparisons, Select,
        // ZerosLike) backward, measured as a third of MobileNetV2's scoring time
        Optional<Float> low = staticBound(node, 1);
        Optional<Float> high = staticBound(node, 2);
        if (low.isPresent() && low.get() == 0f && x.dataType() == DataType.DT_FLOAT) {
            if (node.input(2).isEmpty()) {
                return w.unary("Relu", x);
            }
            if (high.isPresent() && high.get() == 6f) {
                return w.unary("Relu6", x);
            }
        }
        if (node.input(1).isPresent()) {
            y = w.binary("Maximum", y, bound(node, 1, x.dataType()));
        }
        if (node.input(2).isPresent()) {
            y = w.binary("Minimum", y, bound(node, 2, x.dataType()));
        }
        return y;
    }

    /** A scalar bound given as an initializer or by a Constant node. */
    private Optional<Float> staticBound(Node node, int i) {
        Optional<String> name = node.input(i);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tensor> t = ir.initializer(name.get()).or(() -> ir.producer(name.get())
                .filter(n -> n.opType().equals("Constant")).flatMap(n -> n.tensorAttr("value")));
        return t.filter(v -> v.size() == 1 && v.isFloating()).map(v -> v.floatAt(0));
    }

    private Output<?> bound(Node node, int i, DataType type) {
        Optional<Tensor> c = constant(node, i);
        return c.isPresent() ? w.scalar(c.get().floatAt(0), type) : onnxIn(node, i);
    }

    // ---- element-wise with broadcasting, in either layout

    private TfValue binary(Node node) {
        TfValue a = in(node, 0);
        TfValue b = in(node, 1);
        String op = switch (node.opType()) {
            case "Add" -> "AddV2";
            case "Sub" -> "Sub";
            case "Mul" -> "Mul";
            default -> a.dataType() == DataType.DT_FLOAT ? "RealDiv" : "TruncateDiv";
        };
        if (a.layout() == b.layout()) {
            return new TfValue(w.binary(op, a.output(), b.output()), a.layout());
        }
        TfValue n = a.layout() == Layout.NHWC ? a : b;
        TfValue o = n == a ? b : a;
        Optional<Output<?>> other = asNhwcOperand(o);
        if (other.isEmpty()) {
            return TfValue.onnx(w.binary(op, onnx(a), onnx(b)));
        }
        return n == a ? TfValue.nhwc(w.binary(op, n.output(), other.get()))
                : TfValue.nhwc(w.binary(op, other.get(), n.output()));
    }

    /** An ONNX-layout operand of rank <= 4 arranged to broadcast against an NHWC value as ONNX broadcasts it. */
    private Optional<Output<?>> asNhwcOperand(TfValue o) {
        int rank = o.rank();
        if (rank == 4) {
            return Optional.of(nhwc(o));
        }
        if (rank == 0) {
            return Optional.of(o.output());
        }
        if (rank < 0 || rank > 4) {
            return Optional.empty();
        }
        Output<?> x = o.output();
        for (int r = rank; r < 4; r++) {
            x = w.expandDims(x, 0);
        }
        return Optional.of(w.transpose(x, TfValue.TO_NHWC));
    }

    private TfValue concat(Node node) {
        List<TfValue> inputs = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            inputs.add(in(node, i));
        }
        int rank = inputs.get(0).rank();
        int axis = normalizeAxis(node.intAttr("axis", 0), rank);
        boolean anyNhwc = inputs.stream().anyMatch(v -> v.layout() == Layout.NHWC);
        boolean allRank4 = inputs.stream().allMatch(v -> v.rank() == 4);
        if (anyNhwc && allRank4) {
            return TfValue.nhwc(w.concat(inputs.stream().<Output<?>>map(this::nhwc).toList(),
                    Layout.NHWC.tfAxis(axis)));
        }
        return TfValue.onnx(w.concat(inputs.stream().<Output<?>>map(this::onnx).toList(), axis));
    }

    // ---- convolution and pooling (NHWC)

    private Output<?> conv(Node node) {
        Output<?> bias = node.input(2).isPresent() ? onnxIn(node, 2) : null;
        Output<?> filter = filters.get(node.input(1).orElseThrow());
        if (filter != null) {
            // already in TensorFlow's layout: nothing to transpose, so nothing to cache either
            return conv(node, filter, true, bias, false);
        }
        return conv(node, onnxIn(node, 1), false, bias, initializers(node, 1));
    }

    /**
     * The convolution of {@code node} with the given weight, in TensorFlow's filter layout where {@code tfLayout} and
     * else in ONNX's, and bias (null for none); {@code staticWeight} when the weight is computed from initializers
     * alone, so that its TensorFlow-layout copy can be cached.
     */
    private Output<?> conv(Node node, Output<?> weight, boolean tfLayout, Output<?> bias, boolean staticWeight) {
        TfValue x = in(node, 0);
        if (x.rank() != 4) {
            throw unsupported(node, "only 2-D convolutions (rank-4 input) are supported");
        }
        String weightName = node.input(1).orElseThrow();
        long[] weightShape = ir.initializer(weightName).map(Tensor::shape)
                .orElseGet(() -> in(node, 1).output().shape().asArray());
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
        Output<?> input = nhwc(x);
        // explicit pads equal to TensorFlow's SAME rule run as SAME: no Pad forward, no Slice backward
        boolean same = padding.tfSame() || SpatialOps.isTfSame(padding, size, kernel, strides, dilations);
        if (!same) {
            input = spatial.pad(input, padding.begin(), padding.end(), 0f);
        }
        Output<?> y = spatial.conv(input, weight, tfLayout, weightShape, group, strides, dilations, same,
                staticWeight ? derived : UnaryOperator.identity());
        if (bias != null) {
            y = w.op("BiasAdd").in(y, bias).attr("data_format", "NHWC").out();
        }
        return y;
    }

    private Output<?> pool(Node node) {
        TfValue x = in(node, 0);
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
        Output<?> input = nhwc(x);
        return average ? spatial.averagePool(input, size, kernel, strides, padding, explicitEnd, includePad)
                : spatial.maxPool(input, kernel, strides, padding);
    }

    private TfValue globalAveragePool(Node node) {
        TfValue x = in(node, 0);
        if (x.rank() == 4) {
            return TfValue.nhwc(w.mean(nhwc(x), true, 1, 2));
        }
        int[] axes = new int[Math.max(0, x.rank() - 2)];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 2;
        }
        return TfValue.onnx(w.mean(onnx(x), true, axes));
    }

    private TfValue batchNorm(Node node) {
        TfValue x = in(node, 0);
        int rank = x.rank();
        if (rank < 2) {
            throw unsupported(node, "the input needs a known rank of at least 2");
        }
        boolean channelsLast = x.layout() == Layout.NHWC;
        // ONNX-layout inputs of rank > 2 broadcast per-channel vectors as [C,1,...,1]
        UnaryOperator<Output<?>> perChannel = p -> {
            if (channelsLast || rank == 2) {
                return p;
            }
            long[] shape = new long[rank - 1];
            Arrays.fill(shape, 1);
            shape[0] = -1;
            return w.reshape(p, shape);
        };
        Output<?> scale = onnxIn(node, 1);
        Output<?> bias = onnxIn(node, 2);
        Output<?> epsilon = w.scalar(node.floatAttr("epsilon", 1e-5f));
        if (batchNormTraining && channelsLast && rank == 4 && x.output().dataType() == DataType.DT_FLOAT) {
            return fusedTrainingBatchNorm(node, x.output(), scale, bias);
        }
        if (batchNormTraining) {
            int channelAxis = channelsLast ? rank - 1 : 1;
            int[] axes = new int[rank - 1];
            for (int a = 0, i = 0; a < rank; a++) {
                if (a != channelAxis) {
                    axes[i++] = a;
                }
            }
            Output<?> mean = w.mean(x.output(), false, axes);
            Output<?> centered = w.binary("Sub", x.output(), perChannel.apply(mean));
            Output<?> var = w.mean(w.unary("Square", centered), false, axes);
            Output<?> factor = w.binary("Mul", scale, w.unary("Rsqrt", w.binary("AddV2", var, epsilon)));
            Output<?> y = w.binary("AddV2", w.binary("Mul", centered, perChannel.apply(factor)),
                    perChannel.apply(bias));
            batchStats.add(new BatchStats(node.input(3).orElseThrow(), node.input(4).orElseThrow(), mean, var));
            return new TfValue(y, x.layout());
        }
        Output<?> factor = w.binary("Mul", scale, w.unary("Rsqrt", w.binary("AddV2", onnxIn(node, 4), epsilon)));
        Output<?> shift = w.binary("Sub", bias, w.binary("Mul", onnxIn(node, 3), factor));
        Optional<Node> conv = foldableConv(node);
        if (conv.isPresent()) {
            // folded into the convolution's weights (computed from the current weights on each run): no per-pixel
            // BatchNormalization work forward or backward. The unfolded convolution stays in the graph for fetches
            // of its own output; TensorFlow prunes it from runs that do not need it.
            Node c = conv.get();
            long outChannels = ir.initializer(c.input(1).orElseThrow()).orElseThrow().dim(0);
            Output<?> filter = filters.get(c.input(1).orElseThrow());
            // the factor scales output channels: the last axis of a TensorFlow filter, the first of an ONNX weight
            Output<?> weight = filter != null ? w.binary("Mul", filter, factor)
                    : w.binary("Mul", onnxIn(c, 1), w.reshape(factor, outChannels, 1, 1, 1));
            Output<?> folded = c.input(2).isPresent()
                    ? w.binary("AddV2", w.binary("Mul", onnxIn(c, 2), factor), shift) : shift;
            boolean fixed = initializers(node, 1, 2, 3, 4) && initializers(c, 1, 2);
            return TfValue.nhwc(conv(c, weight, filter != null, fixed ? derived.apply(folded) : folded, fixed));
        }
        if (initializers(node, 1, 2, 3, 4)) {
            factor = derived.apply(factor);
            shift = derived.apply(shift);
        }
        Output<?> y = w.binary("AddV2", w.binary("Mul", x.output(), perChannel.apply(factor)),
                perChannel.apply(shift));
        return new TfValue(y, x.layout());
    }

    /**
     * Training-mode BatchNormalization of an NHWC value as one FusedBatchNormV3 (oneDNN runs it, and its gradient, in
     * one pass each instead of the seven element-wise operations and two reductions of the general form). Normalises
     * with the biased batch variance like the general form; the op reports the unbiased one, so the running
     * statistics get it rescaled by (n-1)/n.
     */
    private TfValue fusedTrainingBatchNorm(Node node, Output<?> x, Output<?> scale, Output<?> bias) {
        Output<?> empty = w.floats(new long[] {0}, new float[0]);
        var op = w.op("FusedBatchNormV3").in(x, scale, bias, empty, empty)
                .attr("epsilon", node.floatAttr("epsilon", 1e-5f)).attr("data_format", "NHWC")
                .attr("is_training", true).build();
        Output<?> elements = w.op("Cast").in(w.op("Size").in(x).attr("out_type", DataType.DT_INT32).out())
                .attr("DstT", DataType.DT_FLOAT).out();
        Output<?> channels = w.op("Cast").in(w.op("Size").in(scale).attr("out_type", DataType.DT_INT32).out())
                .attr("DstT", DataType.DT_FLOAT).out();
        Output<?> n = w.binary("Div", elements, channels);
        Output<?> biased = w.binary("Mul", op.output(2), w.binary("Div", w.binary("Sub", n, w.scalar(1f)), n));
        batchStats.add(new BatchStats(node.input(3).orElseThrow(), node.input(4).orElseThrow(), op.output(1), biased));
        return TfValue.nhwc(op.output(0));
    }

    /** Whether each of the given inputs of {@code node} is absent or an initializer (not fed, not computed). */
    private boolean initializers(Node node, int... inputs) {
        for (int i : inputs) {
            if (node.input(i).isPresent() && ir.initializer(node.input(i).get()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The 2-D Conv whose output only this inference-mode BatchNormalization reads, with static weights and 5 inputs. */
    private Optional<Node> foldableConv(Node batchNorm) {
        String x = batchNorm.input(0).orElseThrow();
        if (batchNormTraining || batchNorm.inputs().size() < 5 || ir.consumers(x).size() != 1
                || ir.outputs().stream().anyMatch(o -> o.name().equals(x))) {
            return Optional.empty();
        }
        return ir.producer(x).filter(n -> n.opType().equals("Conv") && n.outputs().size() == 1)
                .filter(n -> n.input(1).flatMap(ir::initializer).map(t -> t.rank() == 4).orElse(false))
                .filter(n -> values.get(x).layout() == Layout.NHWC);
    }

    // ---- dense and shape operators (ONNX layout)

    private Output<?> gemm(Node node) {
        Output<?> y = w.op("MatMul").in(onnxIn(node, 0), onnxIn(node, 1))
                .attr("transpose_a", node.intAttr("transA", 0) != 0)
                .attr("transpose_b", node.intAttr("transB", 0) != 0).out();
        float alpha = node.floatAttr("alpha", 1f);
        if (alpha != 1f) {
            y = w.binary("Mul", y, w.scalar(alpha));
        }
        if (node.input(2).isPresent()) {
            Output<?> c = onnxIn(node, 2);
            float beta = node.floatAttr("beta", 1f);
            if (beta != 1f) {
                c = w.binary("Mul", c, w.scalar(beta));
            }
            y = w.binary("AddV2", y, c);
        }
        return y;
    }

    private Output<?> matMul(Output<?> a, Output<?> b) {
        int ra = a.shape().numDimensions();
        int rb = b.shape().numDimensions();
        if (ra == 2 && rb == 2) {
            return w.op("MatMul").in(a, b).out();
        }
        // numpy rules: a vector operand gains an axis that the result then drops
        Output<?> a2 = ra == 1 ? w.expandDims(a, 0) : a;
        Output<?> b2 = rb == 1 ? w.expandDims(b, 1) : b;
        Output<?> y = w.op("BatchMatMulV2").in(a2, b2).out();
        if (rb == 1) {
            y = w.op("Squeeze").in(y).attr("squeeze_dims", new long[] {-1}).out();
        }
        if (ra == 1) {
            y = w.op("Squeeze").in(y).attr("squeeze_dims", new long[] {rb == 1 ? -1 : -2}).out();
        }
        return y;
    }

    private Output<?> flatten(Node node) {
        TfValue x = in(node, 0);
        int rank = x.rank();
        int axis = normalizeAxis(node.intAttr("axis", 1), rank);
        long head = 1;
        long tail = 1;
        for (int i = 0; i < rank; i++) {
            long d = x.onnxDim(i);
            if (i < axis) {
                head = d < 0 || head < 0 ? -1 : head * d;
            } else {
                tail = d < 0 || tail < 0 ? -1 : tail * d;
            }
        }
        Output<?> input = onnx(x);
        if (head >= 0 || tail >= 0) {
            return w.reshape(input, head, tail);
        }
        Output<?> shape = w.shape(input);
        Output<?> h = w.op("Prod").in(w.stridedSlice(shape, new long[] {0}, new long[] {axis}, new long[] {1}, 0, 0),
                w.intScalar(0)).attr("keep_dims", true).out();
        return w.reshape(input, w.concat(List.of(h, w.longs(-1)), 0));
    }

    private Output<?> reshape(Node node) {
        Output<?> x = onnxIn(node, 0);
        Optional<Tensor> target = constant(node, 1);
        if (node.intAttr("allowzero", 0) != 0) {
            // With allowzero a 0 is a literal zero-sized dimension, not a copy of the input's.
            return target.isPresent() ? w.reshape(x, target.get().toLongs()) : w.reshape(x, onnxIn(node, 1));
        }
        if (target.isEmpty()) {
            // ONNX's 0 copies the input's dimension
            Output<?> s = onnxIn(node, 1);
            long len = s.shape().get(0);
            int rank = x.shape().numDimensions();
            if (len < 0 || len > rank) {
                return w.reshape(x, s);
            }
            Output<?> dims = w.stridedSlice(w.shape(x), new long[] {0}, new long[] {len}, new long[] {1}, 0, 0);
            Output<?> isZero = w.binary("Equal", s, w.longs(new long[0], new long[] {0}));
            return w.reshape(x, w.op("SelectV2").in(isZero, dims, s).out());
        }
        long[] original = target.get().toLongs();
        long[] shape = original.clone();
        boolean dynamic = false;
        for (int i = 0; i < shape.length; i++) {
            if (original[i] == 0) {
                shape[i] = i < x.shape().numDimensions() ? x.shape().get(i) : -1;
                dynamic |= shape[i] < 0;
            }
        }
        if (!dynamic) {
            return w.reshape(x, shape);
        }
        List<Output<?>> parts = new ArrayList<>();
        Output<?> inputShape = w.shape(x);
        for (int i = 0; i < original.length; i++) {
            parts.add(original[i] == 0
                    ? w.stridedSlice(inputShape, new long[] {i}, new long[] {i + 1}, new long[] {1}, 0, 0)
                    : w.longs(original[i]));
        }
        return w.reshape(x, w.concat(parts, 0));
    }

    private Output<?> shape(Node node) {
        TfValue x = in(node, 0);
        Output<?> shape = w.shape(x.output());
        if (x.layout() == Layout.NHWC) {
            shape = w.op("GatherV2").in(shape, w.longs(TfValue.TO_NCHW[0], TfValue.TO_NCHW[1], TfValue.TO_NCHW[2],
                    TfValue.TO_NCHW[3]), w.intScalar(0)).out();
        }
        if (node.has("start") || node.has("end")) {
            long start = node.intAttr("start", 0);
            long end = node.intAttr("end", Long.MAX_VALUE);
            shape = w.stridedSlice(shape, new long[] {start}, new long[] {end}, new long[] {1}, 0, 0);
        }
        return shape;
    }

    private TfValue slice(Node node) {
        TfValue x = in(node, 0);
        long[] starts = constantLongs(node, 1);
        long[] ends = constantLongs(node, 2);
        int rank = x.rank();
        long[] axes = node.input(3).isPresent() ? constantLongs(node, 3) : range(starts.length);
        long[] steps = node.input(4).isPresent() ? constantLongs(node, 4) : ones(starts.length);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] stride = ones(rank);
        long mask = (1L << rank) - 1;
        for (int i = 0; i < axes.length; i++) {
            int axis = x.layout().tfAxis(normalizeAxis(axes[i], rank));
            begin[axis] = starts[i];
            end[axis] = ends[i];
            stride[axis] = steps[i];
            mask &= ~(1L << axis);
        }
        Output<?> y = w.stridedSlice(x.output(), begin, end, stride, mask, mask);
        return new TfValue(y, x.layout());
    }

    private long[] axesOf(Node node, int inputIndex) {
        if (node.input(inputIndex).isPresent()) {
            return constantLongs(node, inputIndex);
        }
        return node.intsAttr("axes", null);
    }

    private Output<?> squeeze(Node node) {
        Output<?> x = onnxIn(node, 0);
        long[] axes = axesOf(node, 1);
        var op = w.op("Squeeze").in(x);
        if (axes != null) {
            int rank = x.shape().numDimensions();
            op.attr("squeeze_dims", Arrays.stream(axes).map(a -> normalizeAxis(a, rank)).toArray());
        }
        return op.out();
    }

    private Output<?> unsqueeze(Node node) {
        Output<?> x = onnxIn(node, 0);
        long[] axes = axesOf(node, 1);
        if (axes == null) {
            throw unsupported(node, "axes are missing");
        }
        int outRank = x.shape().numDimensions() + axes.length;
        long[] sorted = Arrays.stream(axes).map(a -> normalizeAxis(a, outRank)).sorted().toArray();
        for (long axis : sorted) {
            x = w.expandDims(x, (int) axis);
        }
        return x;
    }

    private Output<?> transpose(Node node) {
        TfValue x = in(node, 0);
        int rank = x.rank();
        long[] perm = node.intsAttr("perm", null);
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            int onnxAxis = perm == null ? rank - 1 - i : (int) perm[i];
            // reading an NHWC value: ONNX axis a lives at NHWC axis tfAxis(a), so one Transpose does both moves
            p[i] = x.layout().tfAxis(onnxAxis);
        }
        return w.transpose(x.output(), p);
    }

    private Output<?> softmax(Node node) {
        Output<?> x = onnxIn(node, 0);
        int rank = x.shape().numDimensions();
        int axis = normalizeAxis(node.intAttr("axis", -1), rank);
        if (axis == rank - 1) {
            return w.unary("Softmax", x);
        }
        int[] swap = new int[rank];
        for (int i = 0; i < rank; i++) {
            swap[i] = i;
        }
        swap[axis] = rank - 1;
        swap[rank - 1] = axis;
        return w.transpose(w.unary("Softmax", w.transpose(x, swap)), swap);
    }

    private TfValue pad(Node node) {
        TfValue x = in(node, 0);
        int rank = x.rank();
        long[] pads = constantLongs(node, 1);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] axes = node.input(3).isPresent() ? constantLongs(node, 3) : range(rank);
        for (int i = 0; i < axes.length; i++) {
            int axis = x.layout().tfAxis(normalizeAxis(axes[i], rank));
            begin[axis] = pads[i];
            end[axis] = pads[i + axes.length];
        }
        if (Arrays.stream(pads).anyMatch(p -> p < 0)) {
            throw unsupported(node, "negative pads are not supported");
        }
        long[] paddings = new long[2 * rank];
        for (int a = 0; a < rank; a++) {
            paddings[2 * a] = begin[a];
            paddings[2 * a + 1] = end[a];
        }
        Output<?> p = w.paddings(paddings);
        String mode = node.stringAttr("mode", "constant");
        Output<?> y = switch (mode) {
            case "constant" -> w.op("PadV2").in(x.output(), p, w.scalar(
                    constant(node, 2).map(t -> (double) t.floatAt(0)).orElse(0.0), x.dataType())).out();
            case "reflect" -> w.op("MirrorPad").in(x.output(), p).attr("mode", "REFLECT").out();
            case "edge" -> edgePad(x.output(), begin, end);
            default -> throw unsupported(node, "pad mode '" + mode + "' is not supported");
        };
        return new TfValue(y, x.layout());
    }

    /** Repeats the border cells: per axis, tiles of the first and last slice are concatenated around the tensor. */
    private Output<?> edgePad(Output<?> x, long[] begin, long[] end) {
        int rank = begin.length;
        Output<?> y = x;
        for (int a = 0; a < rank; a++) {
            if (begin[a] == 0 && end[a] == 0) {
                continue;
            }
            List<Output<?>> parts = new ArrayList<>();
            if (begin[a] > 0) {
                parts.add(tileEdge(y, a, 0, begin[a]));
            }
            parts.add(y);
            if (end[a] > 0) {
                parts.add(tileEdge(y, a, -1, end[a]));
            }
            y = w.concat(parts, a);
        }
        return y;
    }

    private Output<?> tileEdge(Output<?> x, int axis, long index, long times) {
        int rank = x.shape().numDimensions();
        long[] begin = new long[rank];
        long[] end = new long[rank];
        begin[axis] = index;
        end[axis] = index == -1 ? Long.MAX_VALUE : index + 1;
        long mask = ((1L << rank) - 1) & ~(1L << axis);
        Output<?> edge = w.stridedSlice(x, begin, end, ones(rank), mask, mask);
        long[] multiples = ones(rank);
        multiples[axis] = times;
        return w.op("Tile").in(edge, w.longs(multiples)).out();
    }

    private TfValue reduceMean(Node node) {
        TfValue x = in(node, 0);
        int rank = x.rank();
        long[] axes = axesOf(node, 1);
        if (axes == null || axes.length == 0) {
            axes = range(rank);
        }
        boolean keep = node.intAttr("keepdims", 1) != 0;
        long[] normalized = Arrays.stream(axes).map(a -> normalizeAxis(a, rank)).toArray();
        boolean reducesChannel = Arrays.stream(normalized).anyMatch(a -> a == 1);
        boolean reducesSpace = Arrays.stream(normalized).anyMatch(a -> a == 2)
                && Arrays.stream(normalized).anyMatch(a -> a == 3);
        // without kept dimensions NHWC's leftover axes come out in ONNX order only if C or both H and W go
        boolean stayInLayout = x.layout() == Layout.NHWC && (keep || reducesChannel || reducesSpace);
        if (stayInLayout) {
            int[] tfAxes = Arrays.stream(normalized).mapToInt(a -> Layout.NHWC.tfAxis((int) a)).toArray();
            Output<?> y = w.mean(x.output(), keep, tfAxes);
            return keep ? TfValue.nhwc(y) : TfValue.onnx(y);
        }
        return TfValue.onnx(w.mean(onnx(x), keep, Arrays.stream(normalized).mapToInt(a -> (int) a).toArray()));
    }

    private Output<?> gather(Node node) {
        Output<?> data = onnxIn(node, 0);
        int rank = data.shape().numDimensions();
        int axis = normalizeAxis(node.intAttr("axis", 0), rank);
        Optional<Tensor> constIndices = constant(node, 1);
        Output<?> indices = onnxIn(node, 1);
        if (constIndices.isEmpty() || Arrays.stream(constIndices.get().toLongs()).anyMatch(i -> i < 0)) {
            // TensorFlow's GatherV2 refuses negative indices; ONNX counts them from the end
            Output<?> dim = w.op("Cast").in(w.op("GatherV2").in(w.shape(data), w.longs(new long[0], new long[] {axis}),
                    w.intScalar(0)).out()).attr("DstT", indices.dataType()).out();
            Output<?> negative = w.binary("Less", indices, w.scalar(0, indices.dataType()));
            indices = w.op("SelectV2").in(negative, w.binary("AddV2", indices, dim), indices).out();
        }
        return w.op("GatherV2").in(data, indices, w.intScalar(axis)).out();
    }

    private static int normalizeAxis(long axis, int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("the input's rank is not known");
        }
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    private static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static long[] ones(int n) {
        long[] r = new long[n];
        Arrays.fill(r, 1);
        return r;
    }
}
