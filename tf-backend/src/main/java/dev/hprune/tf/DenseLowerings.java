package dev.hprune.tf;

import dev.hprune.compat.graph.Node;
import java.util.List;
import org.tensorflow.Output;

/** Dense layers: Gemm and MatMul (numpy's rules, any ranks), on ONNX-layout values. */
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

    /**
     * [..., K] x [K, M] (a Linear layer on a rank > 2 activation, as ConvNeXt applies it to [N, H, W, C]) as one 2-D
     * MatMul over the leading axes flattened: one GEMM forward and two backward, where BatchMatMulV2 would broadcast
     * the weight over the leading axes and reduce its gradient back. Null when K is unknown.
     */
    private static Output<?> linear(TfGraphWriter w, Output<?> a, Output<?> b) {
        int ra = a.shape().numDimensions();
        long k = b.shape().get(0) >= 0 ? b.shape().get(0) : a.shape().get(ra - 1);
        if (k < 0) {
            return null;
        }
        Output<?> y = w.op("MatMul").in(w.reshape(a, -1, k), b).out();
        long[] target = new long[ra];
        int unknown = 0;
        for (int i = 0; i < ra; i++) {
            target[i] = i < ra - 1 ? a.shape().get(i) : b.shape().get(1);
            if (target[i] < 0) {
                unknown++;
                target[i] = -1;
            }
        }
        if (unknown <= 1) {
            return w.reshape(y, target);
        }
        Output<?> leading = w.stridedSlice(w.shape(a), new long[] {0}, new long[] {ra - 1}, new long[] {1}, 0, 0);
        Output<?> columns = w.stridedSlice(w.shape(b), new long[] {1}, new long[] {2}, new long[] {1}, 0, 0);
        return w.reshape(y, w.concat(List.of(leading, columns), 0));
    }

    private static Output<?> matMul(TfGraphWriter w, Output<?> a, Output<?> b) {
        int ra = a.shape().numDimensions();
        int rb = b.shape().numDimensions();
        if (ra == 2 && rb == 2) {
            return w.op("MatMul").in(a, b).out();
        }
        if (ra > 2 && rb == 2) {
            Output<?> y = linear(w, a, b);
            if (y != null) {
                return y;
            }
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
