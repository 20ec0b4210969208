package dev.hprune.tf;

import static dev.hprune.tf.ForwardPass.normalizeAxis;
import static dev.hprune.tf.ForwardPass.ones;
import static dev.hprune.tf.ForwardPass.range;
import static dev.hprune.tf.ForwardPass.unsupported;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.tf.TfValue.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Shape and tensor operators: Concat, Split, Slice and Pad keep NHWC values in NHWC by remapping their axes; Flatten,
 * Reshape, Shape, Squeeze, Unsqueeze, Transpose and Gather give ONNX-layout values (Transpose reads an NHWC value
 * directly, with one permutation for both moves); Constant.
 */
final class TensorLowerings {
    private TensorLowerings() {}

    static void register(Lowerings.Registrar r) {
        r.single("Concat", TensorLowerings::concat);
        r.add("Split", TensorLowerings::split);
        r.single("Flatten", (p, node) -> TfValue.onnx(flatten(p, node)));
        r.single("Reshape", (p, node) -> TfValue.onnx(reshape(p, node)));
        r.single("Shape", (p, node) -> TfValue.onnx(shape(p, node)));
        r.single("Slice", TensorLowerings::slice);
        r.single("Squeeze", (p, node) -> TfValue.onnx(squeeze(p, node)));
        r.single("Unsqueeze", (p, node) -> TfValue.onnx(unsqueeze(p, node)));
        r.single("Transpose", (p, node) -> TfValue.onnx(transpose(p, node)));
        r.single("Pad", TensorLowerings::pad);
        r.single("Gather", (p, node) -> TfValue.onnx(gather(p, node)));
        r.single("Constant", (p, node) -> TfValue.onnx(constantNode(p, node)));
        r.single("ConstantOfShape", (p, node) -> TfValue.onnx(constantOfShape(p, node)));
    }

    /** Import folds ConstantOfShape where its shape is known; this covers a shape computed at run time. */
    private static Output<?> constantOfShape(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Tensor value = node.tensorAttr("value").orElse(Tensor.ofFloats(new long[] {1}, new float[] {0f}));
        Tensor scalar = value.isFloating() ? Tensor.ofFloats(value.type(), new long[0], new float[] {value.toFloats()[0]})
                : Tensor.ofLongs(value.type(), new long[0], new long[] {value.toLongs()[0]});
        try (org.tensorflow.Tensor t = TensorTransfer.toTf(scalar)) {
            return w.op("Fill").in(p.onnxIn(node, 0), w.constant(t)).out();
        }
    }

    /** The graph copies the value, so the TensorFlow tensor that carries it in is closed at once. */
    private static Output<?> constantNode(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Tensor value = node.tensorAttr("value")
                .orElseThrow(() -> unsupported(node, "only the 'value' attribute is supported"));
        try (org.tensorflow.Tensor t = TensorTransfer.toTf(value)) {
            return w.constant(t);
        }
    }

    private static TfValue concat(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        if (node.inputs().size() == 1) {
            // DenseNet's torch.cat([x], 1): TensorFlow's ConcatV2 needs two inputs at least, and one is a copy
            TfValue only = p.in(node, 0);
            return new TfValue(w.unary("Identity", only.output()), only.layout());
        }
        List<TfValue> inputs = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            inputs.add(p.in(node, i));
        }
        int rank = inputs.get(0).rank();
        int axis = normalizeAxis(node.intAttr("axis", 0), rank);
        boolean anyNhwc = inputs.stream().anyMatch(v -> v.layout() == Layout.NHWC);
        boolean allRank4 = inputs.stream().allMatch(v -> v.rank() == 4);
        if (anyNhwc && allRank4) {
            return TfValue.nhwc(w.concat(inputs.stream().<Output<?>>map(p::nhwc).toList(),
                    Layout.NHWC.tfAxis(axis)));
        }
        return TfValue.onnx(w.concat(inputs.stream().<Output<?>>map(p::onnx).toList(), axis));
    }

    /**
     * Split along {@code axis} (default 0), in the input's layout. The part sizes come from the {@code split}
     * attribute (before opset 13) or input 1 (from 13); without either the axis splits into as many equal parts as
     * the node has outputs, where (as opset 18 defines) a last part may be smaller.
     */
    private static List<TfValue> split(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        int rank = x.rank();
        int onnxAxis = normalizeAxis(node.intAttr("axis", 0), rank);
        int axis = x.layout().tfAxis(onnxAxis);
        int parts = node.outputs().size();
        long[] sizes = node.input(1).isPresent() ? p.constantLongs(node, 1) : node.intsAttr("split", null);
        long dim = x.onnxDim(onnxAxis);
        if (sizes == null && dim >= 0) {
            long chunk = (dim + parts - 1) / parts;
            sizes = new long[parts];
            for (int i = 0; i < parts; i++) {
                sizes[i] = Math.max(0, Math.min(chunk, dim - i * chunk));
            }
        }
        if (sizes != null && sizes.length != parts) {
            throw unsupported(node, sizes.length + " split sizes for " + parts + " outputs");
        }
        var op = sizes == null
                ? w.op("Split").in(w.intScalar(axis), x.output()).attr("num_split", (long) parts).build()
                : w.op("SplitV").in(x.output(), w.longs(sizes), w.intScalar(axis)).attr("num_split", (long) parts)
                        .build();
        List<TfValue> outputs = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            outputs.add(new TfValue(op.output(i), x.layout()));
        }
        return outputs;
    }

    private static Output<?> flatten(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
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
        Output<?> input = p.onnx(x);
        if (head >= 0 || tail >= 0) {
            return w.reshape(input, head, tail);
        }
        Output<?> shape = w.shape(input);
        Output<?> h = w.op("Prod").in(w.stridedSlice(shape, new long[] {0}, new long[] {axis}, new long[] {1}, 0, 0),
                w.intScalar(0)).attr("keep_dims", true).out();
        return w.reshape(input, w.concat(List.of(h, w.longs(-1)), 0));
    }

    private static Output<?> reshape(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Output<?> x = p.onnxIn(node, 0);
        Optional<Tensor> target = p.constant(node, 1);
        if (node.intAttr("allowzero", 0) != 0) {
            // With allowzero a 0 is a literal zero-sized dimension, not a copy of the input's.
            return target.isPresent() ? w.reshape(x, target.get().toLongs()) : w.reshape(x, p.onnxIn(node, 1));
        }
        if (target.isEmpty()) {
            // ONNX's 0 copies the input's dimension
            Output<?> s = p.onnxIn(node, 1);
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

    private static Output<?> shape(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
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

    private static TfValue slice(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        if (p.constant(node, 1).isEmpty() || p.constant(node, 2).isEmpty()) {
            return dynamicSlice(p, node, x);
        }
        long[] starts = p.constantLongs(node, 1);
        long[] ends = p.constantLongs(node, 2);
        int rank = x.rank();
        long[] axes = node.input(3).isPresent() ? p.constantLongs(node, 3) : range(starts.length);
        long[] steps = node.input(4).isPresent() ? p.constantLongs(node, 4) : ones(starts.length);
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

    /**
     * Slice with bounds computed in the graph (torch's chunk, as ShuffleNet splits channels, exports its bounds from
     * Shape, Gather and Div): the starts and ends go into StridedSlice as tensors, clamped to int32 like constant
     * ones. Axes and steps must still be constants, and the number of sliced axes known.
     */
    private static TfValue dynamicSlice(ForwardPass p, Node node, TfValue x) {
        TfGraphWriter w = p.writer();
        int rank = x.rank();
        Output<?> starts = p.onnxIn(node, 1);
        Output<?> ends = p.onnxIn(node, 2);
        long count = starts.shape().numDimensions() == 1 ? starts.shape().get(0) : -1;
        long[] axes = node.input(3).isPresent() ? p.constantLongs(node, 3) : count < 0 ? null : range((int) count);
        if (axes == null) {
            throw unsupported(node, "computed starts need a known length or constant axes");
        }
        long[] steps = node.input(4).isPresent() ? p.constantLongs(node, 4) : ones(axes.length);
        List<Output<?>> begin = new ArrayList<>();
        List<Output<?>> end = new ArrayList<>();
        long[] stride = ones(rank);
        long mask = (1L << rank) - 1;
        int[] slicedBy = new int[rank];
        Arrays.fill(slicedBy, -1);
        for (int i = 0; i < axes.length; i++) {
            int axis = x.layout().tfAxis(normalizeAxis(axes[i], rank));
            slicedBy[axis] = i;
            stride[axis] = steps[i];
            mask &= ~(1L << axis);
        }
        for (int a = 0; a < rank; a++) {
            begin.add(slicedBy[a] < 0 ? w.ints(0) : int32Element(w, starts, slicedBy[a]));
            end.add(slicedBy[a] < 0 ? w.ints(0) : int32Element(w, ends, slicedBy[a]));
        }
        Output<?> y = w.op("StridedSlice").in(x.output(), w.concat(begin, 0), w.concat(end, 0), w.indices(stride))
                .attr("begin_mask", mask).attr("end_mask", mask).out();
        return new TfValue(y, x.layout());
    }

    /** Element {@code i} of an integer vector as an int32 vector of length 1, clamped to the int32 range. */
    private static Output<?> int32Element(TfGraphWriter w, Output<?> v, int i) {
        Output<?> e = w.stridedSlice(v, new long[] {i}, new long[] {i + 1}, new long[] {1}, 0, 0);
        if (e.dataType() != DataType.DT_INT32) {
            e = w.binary("Minimum", w.binary("Maximum", e, w.scalar(Integer.MIN_VALUE, e.dataType())),
                    w.scalar(Integer.MAX_VALUE, e.dataType()));
            e = w.op("Cast").in(e).attr("DstT", DataType.DT_INT32).out();
        }
        return e;
    }

    private static Output<?> squeeze(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Output<?> x = p.onnxIn(node, 0);
        long[] axes = p.axesOf(node, 1);
        var op = w.op("Squeeze").in(x);
        if (axes != null) {
            int rank = x.shape().numDimensions();
            op.attr("squeeze_dims", Arrays.stream(axes).map(a -> normalizeAxis(a, rank)).toArray());
        }
        return op.out();
    }

    private static Output<?> unsqueeze(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Output<?> x = p.onnxIn(node, 0);
        long[] axes = p.axesOf(node, 1);
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

    private static Output<?> transpose(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        int rank = x.rank();
        long[] perm = node.intsAttr("perm", null);
        int[] tfPerm = new int[rank];
        for (int i = 0; i < rank; i++) {
            int onnxAxis = perm == null ? rank - 1 - i : (int) perm[i];
            // reading an NHWC value: ONNX axis a lives at NHWC axis tfAxis(a), so one Transpose does both moves
            tfPerm[i] = x.layout().tfAxis(onnxAxis);
        }
        return w.transpose(x.output(), tfPerm);
    }

    private static TfValue pad(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        int rank = x.rank();
        long[] pads = p.constantLongs(node, 1);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] axes = node.input(3).isPresent() ? p.constantLongs(node, 3) : range(rank);
        for (int i = 0; i < axes.length; i++) {
            int axis = x.layout().tfAxis(normalizeAxis(axes[i], rank));
            begin[axis] = pads[i];
            end[axis] = pads[i + axes.length];
        }
        if (Arrays.stream(pads).anyMatch(v -> v < 0)) {
            throw unsupported(node, "negative pads are not supported");
        }
        long[] paddings = new long[2 * rank];
        for (int a = 0; a < rank; a++) {
            paddings[2 * a] = begin[a];
            paddings[2 * a + 1] = end[a];
        }
        Output<?> padding = w.paddings(paddings);
        String mode = node.stringAttr("mode", "constant");
        Output<?> y = switch (mode) {
            case "constant" -> w.op("PadV2").in(x.output(), padding, w.scalar(
                    p.constant(node, 2).map(t -> (double) t.floatAt(0)).orElse(0.0), x.dataType())).out();
            case "reflect" -> w.op("MirrorPad").in(x.output(), padding).attr("mode", "REFLECT").out();
            case "edge" -> edgePad(w, x.output(), begin, end);
            default -> throw unsupported(node, "pad mode '" + mode + "' is not supported");
        };
        return new TfValue(y, x.layout());
    }

    /** Repeats the border cells: per axis, tiles of the first and last slice are concatenated around the tensor. */
    private static Output<?> edgePad(TfGraphWriter w, Output<?> x, long[] begin, long[] end) {
        int rank = begin.length;
        Output<?> y = x;
        for (int a = 0; a < rank; a++) {
            if (begin[a] == 0 && end[a] == 0) {
                continue;
            }
            List<Output<?>> parts = new ArrayList<>();
            if (begin[a] > 0) {
                parts.add(tileEdge(w, y, a, 0, begin[a]));
            }
            parts.add(y);
            if (end[a] > 0) {
                parts.add(tileEdge(w, y, a, -1, end[a]));
            }
            y = w.concat(parts, a);
        }
        return y;
    }

    private static Output<?> tileEdge(TfGraphWriter w, Output<?> x, int axis, long index, long times) {
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

    private static Output<?> gather(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Output<?> data = p.onnxIn(node, 0);
        int rank = data.shape().numDimensions();
        int axis = normalizeAxis(node.intAttr("axis", 0), rank);
        Optional<Tensor> constIndices = p.constant(node, 1);
        Output<?> indices = p.onnxIn(node, 1);
        if (constIndices.isEmpty() || Arrays.stream(constIndices.get().toLongs()).anyMatch(i -> i < 0)) {
            // TensorFlow's GatherV2 refuses negative indices; ONNX counts them from the end
            Output<?> dim = w.op("Cast").in(w.op("GatherV2").in(w.shape(data), w.longs(new long[0], new long[] {axis}),
                    w.intScalar(0)).out()).attr("DstT", indices.dataType()).out();
            Output<?> negative = w.binary("Less", indices, w.scalar(0, indices.dataType()));
            indices = w.op("SelectV2").in(negative, w.binary("AddV2", indices, dim), indices).out();
        }
        return w.op("GatherV2").in(data, indices, w.intScalar(axis)).out();
    }
}
