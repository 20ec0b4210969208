package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.op.Arithmetic;
import dev.hprune.compat.op.OpKind;
import dev.hprune.compat.op.OpKinds;
import dev.hprune.compat.op.ShapeEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The output shapes of each supported operator under opset-17 semantics (the reader's canonical form), following the
 * ONNX operator specification. Unknown dimensions stay symbolic where the operator passes them through unchanged, so
 * the batch size of the input can be traced to a {@code Reshape} target.
 */
final class ShapeRules {
    private ShapeRules() {}

    /** Defines the outputs of {@code node}; throws a runtime exception (wrapped by the caller) when inputs do not fit. */
    static void apply(Node node, InferredGraph g) {
        OpKind kind = OpKinds.of(node.opType()).orElseThrow(() -> new IllegalArgumentException(
                "no shape rule for operator " + node.opType()));
        kind.shapes(node, new Engine(g));
    }

    /** The rules of this class for one graph, as the operator kinds name them. */
    private record Engine(InferredGraph g) implements ShapeEngine {
        @Override
        public void same(Node node) {
            ShapeRules.same(node, g, 0);
        }

        @Override
        public void identity(Node node) {
            ShapeRules.same(node, g, 0);
            g.elements(node.inputs().get(0)).ifPresent(e -> g.defineElements(node.output(), e));
        }

        @Override
        public void dropout(Node node) {
            ShapeRules.same(node, g, 0);
            if (node.outputs().size() > 1 && !node.outputs().get(1).isEmpty()) {
                g.define(node.outputs().get(1), g.input(node, 0), DataType.BOOL);
            }
        }

        @Override
        public void cast(Node node) {
            ShapeRules.cast(node, g);
        }

        @Override
        public void constant(Node node) {
            ShapeRules.constant(node, g);
        }

        @Override
        public void batchNorm(Node node) {
            ShapeRules.batchNorm(node, g);
        }

        @Override
        public void layerNorm(Node node) {
            ShapeRules.layerNorm(node, g);
        }

        @Override
        public void arithmetic(Node node, Arithmetic op) {
            ShapeRules.arithmetic(node, op, g);
        }

        @Override
        public void broadcast(Node node) {
            String left = node.inputs().get(0);
            g.define(node.output(), ShapeRules.broadcast(g.shape(left), g.input(node, 1), g), g.type(left));
        }

        @Override
        public void conv(Node node) {
            ShapeRules.conv(node, g);
        }

        @Override
        public void pool(Node node) {
            ShapeRules.pool(node, g);
        }

        @Override
        public void globalPool(Node node) {
            ShapeRules.globalPool(node, g);
        }

        @Override
        public void gemm(Node node) {
            ShapeRules.gemm(node, g);
        }

        @Override
        public void matMul(Node node) {
            ShapeRules.matMul(node, g);
        }

        @Override
        public void flatten(Node node) {
            ShapeRules.flatten(node, g);
        }

        @Override
        public void reshape(Node node) {
            ShapeRules.reshape(node, g);
        }

        @Override
        public void shape(Node node) {
            ShapeRules.shape(node, g);
        }

        @Override
        public void slice(Node node) {
            ShapeRules.slice(node, g);
        }

        @Override
        public void split(Node node) {
            ShapeRules.split(node, g);
        }

        @Override
        public void concat(Node node) {
            ShapeRules.concat(node, g);
        }

        @Override
        public void squeeze(Node node) {
            ShapeRules.squeeze(node, g);
        }

        @Override
        public void unsqueeze(Node node) {
            ShapeRules.unsqueeze(node, g);
        }

        @Override
        public void transpose(Node node) {
            ShapeRules.transpose(node, g);
        }

        @Override
        public void pad(Node node) {
            ShapeRules.pad(node, g);
        }

        @Override
        public void reduceMean(Node node) {
            ShapeRules.reduceMean(node, g);
        }

        @Override
        public void gather(Node node) {
            ShapeRules.gather(node, g);
        }

        @Override
        public void constantOfShape(Node node) {
            ShapeRules.constantOfShape(node, g);
        }
    }

    private static void same(Node node, InferredGraph g, int input) {
        g.define(node.output(), g.input(node, input), g.type(node.inputs().get(input)));
    }

    private static void cast(Node node, InferredGraph g) {
        long to = node.intAttr("to", -1);
        DataType type = DataType.fromOnnx((int) to).orElseThrow(() -> new IllegalArgumentException(
                "Cast to data type " + to + " is not supported"));
        g.define(node.output(), g.input(node, 0), type);
        if (!type.isFloating()) {
            g.elements(node.inputs().get(0)).ifPresent(e -> g.defineElements(node.output(), e));
        }
    }

    private static void batchNorm(Node node, InferredGraph g) {
        same(node, g, 0);
        for (int i = 1; i < node.outputs().size(); i++) {
            if (!node.outputs().get(i).isEmpty()) {
                g.define(node.outputs().get(i), g.input(node, 3), g.type(node.inputs().get(3)));
            }
        }
    }

    /** Constant nodes become initializers at import; a graph built otherwise still gets their value. */
    private static void constant(Node node, InferredGraph g) {
        Tensor value = node.tensorAttr("value").orElseThrow(() -> new IllegalArgumentException(
                "Constant without a tensor 'value'"));
        g.defineConstant(node.output(), value);
    }

    /**
     * LayerNormalization (opset 17): Y has X's shape; the optional Mean and InvStdDev have X's shape with the
     * normalised axes ({@code axis} and after) set to 1. Scale and bias must broadcast to the normalised axes.
     */
    private static void layerNorm(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        int axis = axis(node.intAttr("axis", -1), x.size());
        List<SymDim> normalised = x.subList(axis, x.size());
        for (int i = 1; i < node.inputs().size(); i++) {
            if (!node.inputs().get(i).isEmpty()
                    && broadcast(normalised, g.input(node, i), g).size() != normalised.size()) {
                throw new IllegalArgumentException("LayerNormalization " + (i == 1 ? "scale " : "bias ")
                        + g.input(node, i) + " does not fit the normalised axes " + normalised);
            }
        }
        same(node, g, 0);
        List<SymDim> reduced = new ArrayList<>(x.subList(0, axis));
        for (int i = axis; i < x.size(); i++) {
            reduced.add(SymDim.of(1));
        }
        for (int i = 1; i < node.outputs().size(); i++) {
            if (!node.outputs().get(i).isEmpty()) {
                g.define(node.outputs().get(i), reduced, DataType.FLOAT);
            }
        }
    }

    /**
     * Split (opset 13): the sizes along {@code axis} come from input 1 when present (import turns the older
     * attribute into it), otherwise the axis is divided equally among the outputs.
     */
    private static void split(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        int axis = axis(node.intAttr("axis", 0), x.size());
        SymDim along = x.get(axis);
        int parts = node.outputs().size();
        Optional<long[]> sizes = node.input(1).flatMap(g::knownElements);
        if (node.input(1).isPresent() && sizes.isEmpty()) {
            throw new IllegalArgumentException("Split sizes are not constant");
        }
        List<SymDim> dims = new ArrayList<>();
        if (sizes.isPresent()) {
            if (sizes.get().length != parts) {
                throw new IllegalArgumentException("Split into " + parts + " outputs with " + sizes.get().length
                        + " sizes");
            }
            long total = 0;
            for (long size : sizes.get()) {
                if (size < 0) {
                    throw new IllegalArgumentException("Split size " + size);
                }
                total += size;
                dims.add(SymDim.of(size));
            }
            if (along.known() && total != along.value()) {
                throw new IllegalArgumentException("Split sizes " + Arrays.toString(sizes.get()) + " do not add up to "
                        + along.value());
            }
        } else if (along.known()) {
            if (along.value() % parts != 0) {
                throw new IllegalArgumentException("axis of " + along.value() + " does not split into " + parts
                        + " equal parts");
            }
            for (int i = 0; i < parts; i++) {
                dims.add(SymDim.of(along.value() / parts));
            }
        } else {
            for (int i = 0; i < parts; i++) {
                dims.add(parts == 1 ? along : g.fresh());
            }
        }
        for (int i = 0; i < parts; i++) {
            if (!node.outputs().get(i).isEmpty()) {
                List<SymDim> out = new ArrayList<>(x);
                out.set(axis, dims.get(i));
                g.define(node.outputs().get(i), out, g.type(node.inputs().get(0)));
            }
        }
    }

    static int axis(long axis, int rank) {
        long normalised = axis < 0 ? axis + rank : axis;
        if (normalised < 0 || normalised >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) normalised;
    }

    /** Multidirectional (numpy) broadcasting of two shapes. */
    static List<SymDim> broadcast(List<SymDim> a, List<SymDim> b, InferredGraph g) {
        int rank = Math.max(a.size(), b.size());
        List<SymDim> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            SymDim x = i < rank - a.size() ? SymDim.of(1) : a.get(i - (rank - a.size()));
            SymDim y = i < rank - b.size() ? SymDim.of(1) : b.get(i - (rank - b.size()));
            if (x.isKnown(1)) {
                out.add(y);
            } else if (y.isKnown(1) || x.equals(y)) {
                out.add(x);
            } else if (x.known() && y.known()) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
            } else {
                out.add(x.known() ? x : y.known() ? y : g.fresh());
            }
        }
        return out;
    }

    private static void arithmetic(Node node, Arithmetic op, InferredGraph g) {
        String left = node.inputs().get(0);
        String right = node.inputs().get(1);
        List<SymDim> shape = broadcast(g.shape(left), g.shape(right), g);
        g.define(node.output(), shape, g.type(left));
        Optional<List<SymDim>> a = g.elements(left);
        Optional<List<SymDim>> b = g.elements(right);
        if (a.isPresent() && b.isPresent() && shape.size() <= 1 && shape.stream().allMatch(SymDim::known)) {
            int n = shape.isEmpty() ? 1 : (int) shape.get(0).value();
            List<SymDim> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SymDim x = a.get().get(a.get().size() == 1 ? 0 : i);
                SymDim y = b.get().get(b.get().size() == 1 ? 0 : i);
                values.add(combine(op, x, y, g));
            }
            g.defineElements(node.output(), values);
        }
    }

    private static SymDim combine(Arithmetic op, SymDim x, SymDim y, InferredGraph g) {
        if (x.known() && y.known()) {
            return SymDim.of(op == Arithmetic.DIV && y.value() == 0 ? 0 : op.apply(x.value(), y.value()));
        }
        if (y.isKnown(op.rightIdentity())) {
            return x;
        }
        return x.known() && op.isLeftIdentity(x.value()) ? y : g.fresh();
    }

    private static void conv(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        List<SymDim> w = g.input(node, 1);
        if (x.size() < 3 || w.size() != x.size()) {
            throw new IllegalArgumentException("Conv needs input and weight of equal rank >= 3, got " + x + " and " + w);
        }
        long group = node.intAttr("group", 1);
        SymDim channels = x.get(1);
        if (channels.known() && w.get(1).known() && channels.value() != w.get(1).value() * group) {
            throw new IllegalArgumentException("input has " + channels.value() + " channels, the weight " + w
                    + " with group " + group + " expects " + w.get(1).value() * group);
        }
        long[] kernel = node.intsAttr("kernel_shape", null);
        if (kernel == null) {
            kernel = w.subList(2, w.size()).stream().mapToLong(SymDim::value).toArray();
        }
        List<SymDim> out = new ArrayList<>(List.of(x.get(0), w.get(0)));
        out.addAll(spatial(node, x.subList(2, x.size()), kernel, false, g));
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    private static void pool(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        long[] kernel = node.intsAttr("kernel_shape", null);
        if (kernel == null || kernel.length != x.size() - 2) {
            throw new IllegalArgumentException(node.opType() + " needs kernel_shape for the " + (x.size() - 2)
                    + " spatial axes of " + x);
        }
        List<SymDim> out = new ArrayList<>(x.subList(0, 2));
        out.addAll(spatial(node, x.subList(2, x.size()), kernel, node.intAttr("ceil_mode", 0) == 1, g));
        g.define(node.output(), out, g.type(node.inputs().get(0)));
        if (node.outputs().size() > 1 && !node.outputs().get(1).isEmpty()) {
            g.define(node.outputs().get(1), out, DataType.INT64);
        }
    }

    /** Output sizes of a sliding window (Conv, pooling) along each spatial axis. */
    private static List<SymDim> spatial(Node node, List<SymDim> in, long[] kernel, boolean ceil, InferredGraph g) {
        int n = in.size();
        long[] strides = node.intsAttr("strides", filled(n, 1));
        long[] dilations = node.intsAttr("dilations", filled(n, 1));
        long[] pads = node.intsAttr("pads", filled(2 * n, 0));
        String autoPad = node.stringAttr("auto_pad", "NOTSET");
        if (kernel.length != n || strides.length != n || dilations.length != n || pads.length != 2 * n) {
            throw new IllegalArgumentException("kernel_shape, strides, dilations or pads do not fit " + n
                    + " spatial axes");
        }
        List<SymDim> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SymDim d = in.get(i);
            long s = strides[i];
            long reach = dilations[i] * (kernel[i] - 1);
            boolean same = autoPad.startsWith("SAME");
            boolean valid = autoPad.equals("VALID");
            long padding = same || valid ? 0 : pads[i] + pads[i + n];
            if (!d.known()) {
                boolean keepsSize = s == 1 && (same || padding == reach);
                out.add(keepsSize ? d : g.fresh());
                continue;
            }
            long size;
            if (same) {
                size = ceilDiv(d.value(), s);
            } else {
                long numerator = d.value() + padding - reach - 1;
                if (numerator < 0) {
                    throw new IllegalArgumentException("window of " + (reach + 1) + " does not fit axis of "
                            + d.value() + " with padding " + padding);
                }
                size = (ceil ? ceilDiv(numerator, s) : numerator / s) + 1;
                if (ceil && (size - 1) * s >= d.value() + pads[i]) {
                    size--; // the last window has to start inside the input or its leading padding
                }
            }
            out.add(SymDim.of(size));
        }
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long[] filled(int n, long value) {
        long[] values = new long[n];
        Arrays.fill(values, value);
        return values;
    }

    private static void globalPool(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        List<SymDim> out = new ArrayList<>(x.subList(0, 2));
        for (int i = 2; i < x.size(); i++) {
            out.add(SymDim.of(1));
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    private static void gemm(Node node, InferredGraph g) {
        List<SymDim> a = g.input(node, 0);
        List<SymDim> b = g.input(node, 1);
        if (a.size() != 2 || b.size() != 2) {
            throw new IllegalArgumentException("Gemm needs 2-D inputs, got " + a + " and " + b);
        }
        boolean transA = node.intAttr("transA", 0) != 0;
        boolean transB = node.intAttr("transB", 0) != 0;
        SymDim m = a.get(transA ? 1 : 0);
        SymDim k = a.get(transA ? 0 : 1);
        SymDim kb = b.get(transB ? 1 : 0);
        SymDim n = b.get(transB ? 0 : 1);
        if (k.known() && kb.known() && k.value() != kb.value()) {
            throw new IllegalArgumentException("Gemm inner dimensions differ: " + a + " and " + b);
        }
        g.define(node.output(), List.of(m, n), g.type(node.inputs().get(0)));
    }

    private static void matMul(Node node, InferredGraph g) {
        List<SymDim> a = new ArrayList<>(g.input(node, 0));
        List<SymDim> b = new ArrayList<>(g.input(node, 1));
        boolean vectorA = a.size() == 1;
        boolean vectorB = b.size() == 1;
        if (vectorA) {
            a.add(0, SymDim.of(1));
        }
        if (vectorB) {
            b.add(SymDim.of(1));
        }
        if (a.size() < 2 || b.size() < 2) {
            throw new IllegalArgumentException("MatMul of scalars");
        }
        SymDim k = a.get(a.size() - 1);
        SymDim kb = b.get(b.size() - 2);
        if (k.known() && kb.known() && k.value() != kb.value()) {
            throw new IllegalArgumentException("MatMul inner dimensions differ: " + a + " and " + b);
        }
        List<SymDim> out = broadcast(a.subList(0, a.size() - 2), b.subList(0, b.size() - 2), g);
        if (!vectorA) {
            out.add(a.get(a.size() - 2));
        }
        if (!vectorB) {
            out.add(b.get(b.size() - 1));
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    /** The product of dimensions: known when all are, the single unknown when the others are 1, else a fresh one. */
    static SymDim product(List<SymDim> dims, InferredGraph g) {
        long known = 1;
        SymDim unknown = null;
        int unknowns = 0;
        for (SymDim d : dims) {
            if (d.known()) {
                known *= d.value();
            } else {
                unknowns++;
                unknown = d;
            }
        }
        if (unknowns == 0) {
            return SymDim.of(known);
        }
        return unknowns == 1 && known == 1 ? unknown : g.fresh();
    }

    private static void flatten(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        long axis = node.intAttr("axis", 1);
        int split = (int) (axis < 0 ? axis + x.size() : axis);
        if (split < 0 || split > x.size()) {
            throw new IllegalArgumentException("Flatten axis " + axis + " is out of range for rank " + x.size());
        }
        g.define(node.output(), List.of(product(x.subList(0, split), g), product(x.subList(split, x.size()), g)),
                g.type(node.inputs().get(0)));
    }

    private static void reshape(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        String target = node.inputs().get(1);
        List<SymDim> targetShape = g.shape(target);
        if (targetShape.size() != 1 || !targetShape.get(0).known()) {
            throw new IllegalArgumentException("Reshape target must be a 1-D tensor of known length, got "
                    + targetShape);
        }
        Optional<List<SymDim>> elements = g.elements(target);
        List<SymDim> out = new ArrayList<>();
        if (elements.isEmpty()) {
            for (long i = 0; i < targetShape.get(0).value(); i++) {
                out.add(g.fresh());
            }
            g.define(node.output(), out, g.type(node.inputs().get(0)));
            return;
        }
        boolean allowZero = node.intAttr("allowzero", 0) != 0;
        int inferred = -1;
        for (int i = 0; i < elements.get().size(); i++) {
            SymDim e = elements.get().get(i);
            if (e.isKnown(0) && !allowZero) {
                if (i >= x.size()) {
                    throw new IllegalArgumentException("Reshape target copies dimension " + i + " of rank "
                            + x.size());
                }
                out.add(x.get(i));
            } else if (e.isKnown(-1)) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("Reshape target has more than one -1");
                }
                inferred = i;
                out.add(null);
            } else if (e.known() && e.value() < 0) {
                throw new IllegalArgumentException("Reshape target holds " + e.value());
            } else {
                out.add(e);
            }
        }
        if (inferred >= 0) {
            List<SymDim> others = new ArrayList<>(out);
            others.remove(inferred);
            out.set(inferred, quotient(x, others, g));
        } else {
            checkSameCount(x, out);
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    /** prod(numerator) / prod(denominator), cancelling unknowns that appear on both sides. */
    private static SymDim quotient(List<SymDim> numerator, List<SymDim> denominator, InferredGraph g) {
        List<String> top = new ArrayList<>();
        long topKnown = 1;
        for (SymDim d : numerator) {
            if (d.known()) {
                topKnown *= d.value();
            } else {
                top.add(d.symbol());
            }
        }
        long bottomKnown = 1;
        List<String> bottom = new ArrayList<>();
        for (SymDim d : denominator) {
            if (d.known()) {
                bottomKnown *= d.value();
            } else if (!top.remove(d.symbol())) {
                bottom.add(d.symbol());
            }
        }
        if (!top.isEmpty() || !bottom.isEmpty()) {
            return g.fresh();
        }
        if (bottomKnown == 0 || topKnown % bottomKnown != 0) {
            throw new IllegalArgumentException("cannot reshape " + numerator + " into " + denominator + " and -1");
        }
        return SymDim.of(topKnown / bottomKnown);
    }

    private static void checkSameCount(List<SymDim> from, List<SymDim> to) {
        if (from.stream().allMatch(SymDim::known) && to.stream().allMatch(SymDim::known)) {
            long a = from.stream().mapToLong(SymDim::value).reduce(1, (p, q) -> p * q);
            long b = to.stream().mapToLong(SymDim::value).reduce(1, (p, q) -> p * q);
            if (a != b) {
                throw new IllegalArgumentException("cannot reshape " + from + " into " + to);
            }
        }
    }

    private static void shape(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        int rank = x.size();
        int start = (int) clampIndex(node.intAttr("start", 0), rank);
        int end = (int) clampIndex(node.intAttr("end", rank), rank);
        List<SymDim> dims = end > start ? x.subList(start, end) : List.of();
        g.define(node.output(), List.of(SymDim.of(dims.size())), DataType.INT64);
        g.defineElements(node.output(), dims);
    }

    private static long clampIndex(long index, long size) {
        long i = index < 0 ? index + size : index;
        return Math.max(0, Math.min(size, i));
    }

    private static void slice(Node node, InferredGraph g) {
        String data = node.inputs().get(0);
        List<SymDim> x = g.shape(data);
        Optional<long[]> starts = node.input(1).flatMap(g::knownElements);
        Optional<long[]> ends = node.input(2).flatMap(g::knownElements);
        Optional<long[]> axesGiven = node.input(3).map(a -> g.knownElements(a).orElse(null));
        Optional<long[]> stepsGiven = node.input(4).map(s -> g.knownElements(s).orElse(null));
        boolean axesUnknown = node.input(3).isPresent() && axesGiven.isEmpty();
        boolean stepsUnknown = node.input(4).isPresent() && stepsGiven.isEmpty();
        if (starts.isEmpty() || ends.isEmpty() || axesUnknown || stepsUnknown) {
            List<SymDim> out = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                out.add(g.fresh());
            }
            g.define(node.output(), out, g.type(data));
            return;
        }
        int n = starts.get().length;
        long[] axes = axesGiven.orElseGet(() -> java.util.stream.LongStream.range(0, n).toArray());
        long[] steps = stepsGiven.orElseGet(() -> filled(n, 1));
        if (ends.get().length != n || axes.length != n || steps.length != n) {
            throw new IllegalArgumentException("Slice starts, ends, axes and steps differ in length");
        }
        List<SymDim> out = new ArrayList<>(x);
        long[][] ranges = new long[x.size()][];
        for (int i = 0; i < n; i++) {
            int axis = axis(axes[i], x.size());
            SymDim d = x.get(axis);
            if (steps[i] == 0) {
                throw new IllegalArgumentException("Slice step 0");
            }
            if (!d.known()) {
                boolean whole = steps[i] == 1 && starts.get()[i] == 0 && ends.get()[i] >= Integer.MAX_VALUE;
                out.set(axis, whole ? d : g.fresh());
                continue;
            }
            long[] range = sliceRange(starts.get()[i], ends.get()[i], steps[i], d.value());
            ranges[axis] = range;
            out.set(axis, SymDim.of(range[3]));
        }
        g.define(node.output(), out, g.type(data));
        Optional<List<SymDim>> elements = g.elements(data);
        if (elements.isPresent() && x.size() == 1 && ranges[0] != null) {
            List<SymDim> picked = new ArrayList<>();
            for (long k = 0, i = ranges[0][0]; k < ranges[0][3]; k++, i += ranges[0][2]) {
                picked.add(elements.get().get((int) i));
            }
            g.defineElements(node.output(), picked);
        } else if (elements.isPresent() && x.size() == 1) {
            g.defineElements(node.output(), elements.get());
        }
    }

    /** {start, end, step, count} of ONNX Slice along an axis of {@code size}, with ONNX's clamping. */
    static long[] sliceRange(long start, long end, long step, long size) {
        long s = start < 0 ? start + size : start;
        long e = end < 0 ? end + size : end;
        if (step > 0) {
            s = Math.max(0, Math.min(size, s));
            e = Math.max(0, Math.min(size, e));
        } else {
            s = Math.max(0, Math.min(size - 1, s));
            e = Math.max(-1, Math.min(size - 1, e));
        }
        long count = step > 0 ? Math.max(0, ceilDiv(e - s, step)) : Math.max(0, ceilDiv(s - e, -step));
        return new long[] {s, e, step, count};
    }

    private static void concat(Node node, InferredGraph g) {
        List<SymDim> first = g.input(node, 0);
        int axis = axis(node.intAttr("axis", 0), first.size());
        List<SymDim> out = new ArrayList<>(first);
        List<SymDim> along = new ArrayList<>();
        List<SymDim> elements = new ArrayList<>();
        boolean tracked = true;
        for (String input : node.inputs()) {
            List<SymDim> shape = g.shape(input);
            if (shape.size() != first.size()) {
                throw new IllegalArgumentException("Concat inputs differ in rank: " + first + " and " + shape);
            }
            along.add(shape.get(axis));
            Optional<List<SymDim>> e = g.elements(input);
            tracked &= e.isPresent();
            e.ifPresent(elements::addAll);
        }
        long known = 0;
        boolean allKnown = true;
        for (SymDim d : along) {
            allKnown &= d.known();
            known += d.known() ? d.value() : 0;
        }
        out.set(axis, allKnown ? SymDim.of(known) : g.fresh());
        g.define(node.output(), out, g.type(node.inputs().get(0)));
        if (tracked && first.size() == 1) {
            g.defineElements(node.output(), elements);
        }
    }

    private static long[] axesInput(Node node, InferredGraph g) {
        return node.input(1).map(a -> g.knownElements(a).orElseThrow(() -> new IllegalArgumentException(
                node.opType() + " axes are not constant"))).orElse(null);
    }

    private static void squeeze(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        long[] axes = axesInput(node, g);
        boolean[] drop = new boolean[x.size()];
        if (axes == null) {
            for (int i = 0; i < x.size(); i++) {
                drop[i] = x.get(i).isKnown(1);
            }
        } else {
            for (long a : axes) {
                int axis = axis(a, x.size());
                if (x.get(axis).known() && x.get(axis).value() != 1) {
                    throw new IllegalArgumentException("Squeeze axis " + a + " has size " + x.get(axis).value());
                }
                drop[axis] = true;
            }
        }
        List<SymDim> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (!drop[i]) {
                out.add(x.get(i));
            }
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
        g.elements(node.inputs().get(0)).ifPresent(e -> g.defineElements(node.output(), e));
    }

    private static void unsqueeze(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        long[] axes = axesInput(node, g);
        if (axes == null) {
            throw new IllegalArgumentException("Unsqueeze needs axes");
        }
        int rank = x.size() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int axis = axis(a, rank);
            if (inserted[axis]) {
                throw new IllegalArgumentException("Unsqueeze axis " + a + " repeated");
            }
            inserted[axis] = true;
        }
        List<SymDim> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < rank; i++) {
            out.add(inserted[i] ? SymDim.of(1) : x.get(next++));
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
        g.elements(node.inputs().get(0)).ifPresent(e -> g.defineElements(node.output(), e));
    }

    static int[] permutation(Node node, int rank) {
        long[] perm = node.intsAttr("perm", null);
        int[] result = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            result[i] = perm == null ? rank - 1 - i : axis(perm[i], rank);
            if (seen[result[i]]) {
                throw new IllegalArgumentException("Transpose perm " + Arrays.toString(perm) + " repeats an axis");
            }
            seen[result[i]] = true;
        }
        if (perm != null && perm.length != rank) {
            throw new IllegalArgumentException("Transpose perm " + Arrays.toString(perm) + " for rank " + rank);
        }
        return result;
    }

    private static void transpose(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        List<SymDim> out = new ArrayList<>();
        for (int axis : permutation(node, x.size())) {
            out.add(x.get(axis));
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    private static void pad(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        Optional<long[]> pads = node.input(1).flatMap(g::knownElements);
        List<SymDim> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            SymDim d = x.get(i);
            if (pads.isEmpty()) {
                out.add(g.fresh());
            } else {
                if (pads.get().length != 2 * x.size()) {
                    throw new IllegalArgumentException("Pad needs " + 2 * x.size() + " pads, got "
                            + pads.get().length);
                }
                long extra = pads.get()[i] + pads.get()[i + x.size()];
                out.add(extra == 0 ? d : d.known() ? SymDim.of(d.value() + extra) : g.fresh());
            }
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    private static void reduceMean(Node node, InferredGraph g) {
        List<SymDim> x = g.input(node, 0);
        long[] axes = node.intsAttr("axes", null);
        boolean keep = node.intAttr("keepdims", 1) != 0;
        boolean[] reduced = new boolean[x.size()];
        if (axes == null) {
            Arrays.fill(reduced, true);
        } else {
            for (long a : axes) {
                reduced[axis(a, x.size())] = true;
            }
        }
        List<SymDim> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (!reduced[i]) {
                out.add(x.get(i));
            } else if (keep) {
                out.add(SymDim.of(1));
            }
        }
        g.define(node.output(), out, g.type(node.inputs().get(0)));
    }

    private static void gather(Node node, InferredGraph g) {
        List<SymDim> data = g.input(node, 0);
        List<SymDim> indices = g.input(node, 1);
        int axis = axis(node.intAttr("axis", 0), data.size());
        List<SymDim> out = new ArrayList<>(data.subList(0, axis));
        out.addAll(indices);
        out.addAll(data.subList(axis + 1, data.size()));
        g.define(node.output(), out, g.type(node.inputs().get(0)));
        Optional<List<SymDim>> elements = g.elements(node.inputs().get(0));
        Optional<long[]> picks = g.knownElements(node.inputs().get(1));
        if (elements.isPresent() && picks.isPresent() && data.size() == 1) {
            List<SymDim> picked = new ArrayList<>();
            int size = elements.get().size();
            for (long index : picks.get()) {
                long i = index < 0 ? index + size : index;
                if (i < 0 || i >= size) {
                    throw new IllegalArgumentException("Gather index " + index + " out of range for " + size);
                }
                picked.add(elements.get().get((int) i));
            }
            g.defineElements(node.output(), picked);
        }
    }

    private static void constantOfShape(Node node, InferredGraph g) {
        String shapeInput = node.inputs().get(0);
        List<SymDim> shapeOfShape = g.shape(shapeInput);
        if (shapeOfShape.size() != 1 || !shapeOfShape.get(0).known()) {
            throw new IllegalArgumentException("ConstantOfShape needs a 1-D shape input, got " + shapeOfShape);
        }
        List<SymDim> out = g.elements(shapeInput).orElseGet(() -> {
            List<SymDim> unknown = new ArrayList<>();
            for (long i = 0; i < shapeOfShape.get(0).value(); i++) {
                unknown.add(g.fresh());
            }
            return unknown;
        });
        Optional<Tensor> value = node.tensorAttr("value");
        DataType type = value.map(Tensor::type).orElse(DataType.FLOAT);
        g.define(node.output(), out, type);
        if (!type.isFloating() && out.size() <= 1 && out.stream().allMatch(SymDim::known)) {
            long count = out.isEmpty() ? 1 : out.get(0).value();
            long fill = value.map(t -> t.longAt(0)).orElse(0L);
            List<SymDim> elements = new ArrayList<>();
            for (long i = 0; i < count && count <= InferredGraph.TRACKED_ELEMENTS; i++) {
                elements.add(SymDim.of(fill));
            }
            if (count <= InferredGraph.TRACKED_ELEMENTS) {
                g.defineElements(node.output(), elements);
            }
        }
    }
}
