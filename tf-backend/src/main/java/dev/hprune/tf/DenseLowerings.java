package dev.hprune.tf;

import dev.hprune.compat.graph.Node;
import org.tensorflow.Output;

/** Dense layers: Gemm and MatMul, on ONNX-layout values. */
final class DenseLowerings {
    private DenseLowerings() {}

    static void register(Lowerings.Registrar r) {
        r.single("Gemm", (p, node) -> TfValue.onnx(gemm(p, node)));
        r.single("MatMul", (p, node) -> TfValue.onnx(matMul(p.writer(), p.onnxIn(node, 0), p.onnxIn(node, 1))));
    }

    private static Output<?> gemm(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        Output<?> y = w.op("MatMul").in(p.onnxIn(node, 0), p.onnxIn(node, 1))
                .attr("transpose_a", node.intAttr("transA", 0) != 0)
                .attr("transpose_b", node.intAttr("transB", 0) != 0).out();
        float alpha = node.floatAttr("alpha", 1f);
        if (alpha != 1f) {
            y = w.binary("Mul", y, w.scalar(alpha));
        }
        if (node.input(2).isPresent()) {
            Output<?> c = p.onnxIn(node, 2);
            float beta = node.floatAttr("beta", 1f);
            if (beta != 1f) {
                c = w.binary("Mul", c, w.scalar(beta));
            }
            y = w.binary("AddV2", y, c);
        }
        return y;
    }

    private static Output<?> matMul(TfGraphWriter w, Output<?> a, Output<?> b) {
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
}
