package dev.hprune.tf;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.tf.TfValue.Layout;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Element-wise operators: activations, Clip, Identity/Dropout, Cast and the broadcasting arithmetic. They work in
 * either layout; a binary operator whose operands differ in layout arranges the ONNX-layout one to broadcast against
 * the NHWC one.
 */
final class ElementwiseLowerings {
    private ElementwiseLowerings() {}

    static void register(Lowerings.Registrar r) {
        for (String kind : new String[] {"Relu", "Sigmoid", "Tanh"}) {
            r.single(kind, (p, node) -> unary(p, node, x -> p.writer().unary(node.opType(), x)));
        }
        r.single("LeakyRelu", (p, node) -> unary(p, node, x -> p.writer().op("LeakyRelu").in(x)
                .attr("alpha", node.floatAttr("alpha", 0.01f)).out()));
        r.single("HardSigmoid", (p, node) -> unary(p, node, x -> hardSigmoid(p.writer(), x,
                node.floatAttr("alpha", 0.2f), node.floatAttr("beta", 0.5f))));
        r.single("HardSwish", (p, node) -> unary(p, node,
                x -> p.writer().binary("Mul", x, hardSigmoid(p.writer(), x, 1f / 6, 0.5f))));
        r.single("Clip", (p, node) -> unary(p, node, x -> clip(p, node, x)));
        // a real Identity: a graph input can then be fed and its copy fetched
        for (String kind : new String[] {"Identity", "Dropout"}) {
            r.single(kind, (p, node) -> unary(p, node, x -> p.writer().unary("Identity", x)));
        }
        r.single("Cast", (p, node) -> unary(p, node, x -> p.writer().op("Cast").in(x)
                .attr("DstT", TensorTransfer.tfType(node.intAttr("to", 1))).out()));
        for (String kind : new String[] {"Add", "Sub", "Mul", "Div"}) {
            r.single(kind, ElementwiseLowerings::binary);
        }
        // same names in TensorFlow, same formulas (Softplus is log(1 + exp(x)) in both)
        for (String kind : new String[] {"Erf", "Sqrt", "Exp", "Neg", "Softplus"}) {
            r.single(kind, (p, node) -> unary(p, node, x -> p.writer().unary(node.opType(), x)));
        }
        r.single("Pow", ElementwiseLowerings::pow);
    }

    private static TfValue unary(ForwardPass p, Node node, UnaryOperator<Output<?>> f) {
        TfValue x = p.in(node, 0);
        return new TfValue(f.apply(x.output()), x.layout());
    }

    private static Output<?> hardSigmoid(TfGraphWriter w, Output<?> x, float alpha, float beta) {
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

    private static Output<?> clip(ForwardPass p, Node node, Output<?> x) {
        TfGraphWriter w = p.writer();
        // Without bounds Clip is the identity; a real op keeps its output fetchable apart from a fed input.
        Output<?> y = node.input(1).isPresent() || node.input(2).isPresent() ? x : w.unary("Identity", x);
        // ReLU6 and ReLU as one op each: Maximum/Minimum cost two ops forward and five (comparisons, Select,
        // ZerosLike) backward, measured as a third of MobileNetV2's scoring time
        Optional<Float> low = staticScalar(p, node, 1);
        Optional<Float> high = staticScalar(p, node, 2);
        if (low.isPresent() && low.get() == 0f && x.dataType() == DataType.DT_FLOAT) {
            if (node.input(2).isEmpty()) {
                return w.unary("Relu", x);
            }
            if (high.isPresent() && high.get() == 6f) {
                return w.unary("Relu6", x);
            }
        }
        if (node.input(1).isPresent()) {
            y = w.binary("Maximum", y, bound(p, node, 1, x.dataType()));
        }
        if (node.input(2).isPresent()) {
            y = w.binary("Minimum", y, bound(p, node, 2, x.dataType()));
        }
        return y;
    }

    /** A floating scalar input given as an initializer or by a Constant node. */
    static Optional<Float> staticScalar(ForwardPass p, Node node, int i) {
        return staticSingle(p, node, i).filter(Tensor::isFloating).map(v -> v.floatAt(0));
    }

    /** A one-element input given as an initializer or by a Constant node. */
    private static Optional<Tensor> staticSingle(ForwardPass p, Node node, int i) {
        Optional<String> name = node.input(i);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tensor> t = p.ir().initializer(name.get()).or(() -> p.ir().producer(name.get())
                .filter(n -> n.opType().equals("Constant")).flatMap(n -> n.tensorAttr("value")));
        return t.filter(v -> v.size() == 1);
    }

    /**
     * Pow. A constant one-element exponent broadcasts like a scalar whatever its rank (the result keeps the base's
     * shape unless the exponent has the higher rank, which no export writes); the common exponents 2 (variance in
     * LayerNorm decompositions), 0.5 and 1 get TensorFlow's dedicated operations, one simple kernel each forward and
     * backward where Pow's gradient also computes powers and logarithms. Any other exponent, constant or computed, is TensorFlow's Pow in the base's type (ONNX allows
     * e.g. an integer exponent for a float base).
     */
    private static TfValue pow(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue base = p.in(node, 0);
        Optional<Tensor> constant = staticSingle(p, node, 1)
                .filter(e -> base.rank() >= 0 && e.rank() <= base.rank());
        if (constant.isPresent()) {
            float e = constant.get().floatAt(0);
            UnaryOperator<Output<?>> f;
            if (e == 2f) {
                f = x -> w.unary("Square", x);
            } else if (e == 0.5f && base.dataType() == DataType.DT_FLOAT) {
                f = x -> w.unary("Sqrt", x);
            } else if (e == 1f) {
                f = x -> w.unary("Identity", x);
            } else {
                f = x -> w.binary("Pow", x, w.scalar(e, x.dataType()));
            }
            return unary(p, node, f);
        }
        TfValue exponent = p.in(node, 1);
        if (exponent.dataType() != base.dataType()) {
            exponent = new TfValue(w.op("Cast").in(exponent.output()).attr("DstT", base.dataType()).out(),
                    exponent.layout());
        }
        return broadcast(p, "Pow", base, exponent);
    }

    private static Output<?> bound(ForwardPass p, Node node, int i, DataType type) {
        Optional<Tensor> c = p.constant(node, i);
        return c.isPresent() ? p.writer().scalar(c.get().floatAt(0), type) : p.onnxIn(node, i);
    }

    // ---- with broadcasting, in either layout

    private static TfValue binary(ForwardPass p, Node node) {
        TfValue a = p.in(node, 0);
        TfValue b = p.in(node, 1);
        String op = switch (node.opType()) {
            case "Add" -> "AddV2";
            case "Sub" -> "Sub";
            case "Mul" -> "Mul";
            default -> a.dataType() == DataType.DT_FLOAT ? "RealDiv" : "TruncateDiv";
        };
        return broadcast(p, op, a, b);
    }

    /** The binary TensorFlow operation {@code op} on ONNX-broadcast operands, in NHWC when either operand is. */
    static TfValue broadcast(ForwardPass p, String op, TfValue a, TfValue b) {
        TfGraphWriter w = p.writer();
        if (a.layout() == b.layout()) {
            return new TfValue(w.binary(op, a.output(), b.output()), a.layout());
        }
        TfValue n = a.layout() == Layout.NHWC ? a : b;
        TfValue o = n == a ? b : a;
        Optional<Output<?>> other = asNhwcOperand(p, o);
        if (other.isEmpty()) {
            return TfValue.onnx(w.binary(op, p.onnx(a), p.onnx(b)));
        }
        return n == a ? TfValue.nhwc(w.binary(op, n.output(), other.get()))
                : TfValue.nhwc(w.binary(op, other.get(), n.output()));
    }

    /** An ONNX-layout operand of rank <= 4 arranged to broadcast against an NHWC value as ONNX broadcasts it. */
    private static Optional<Output<?>> asNhwcOperand(ForwardPass p, TfValue o) {
        TfGraphWriter w = p.writer();
        int rank = o.rank();
        if (rank == 4) {
            return Optional.of(p.nhwc(o));
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
}
