package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;

/**
 * The shape rules of ONNX operators under opset-17 semantics, implemented by halcon-compat's shape inference. An
 * {@link OpKind} names the rule its nodes follow; each rule defines the node's outputs or throws a runtime exception
 * (which shape inference reports as 7801 naming the node) when the inputs do not fit.
 */
public interface ShapeEngine {
    /** Output 0 has the shape and type of input 0 (activations, Softmax). */
    void same(Node node);

    /** Like {@link #same}, and tracked integer elements pass through. */
    void identity(Node node);

    void dropout(Node node);

    void cast(Node node);

    void constant(Node node);

    void batchNorm(Node node);

    void layerNorm(Node node);

    /** Broadcasting Add/Sub/Mul/Div, computing tracked integer elements with {@code op}. */
    void arithmetic(Node node, Arithmetic op);

    /** Broadcasting of the first two inputs, type of the first (Pow). */
    void broadcast(Node node);

    void conv(Node node);

    void pool(Node node);

    void globalPool(Node node);

    void gemm(Node node);

    void matMul(Node node);

    void flatten(Node node);

    void reshape(Node node);

    void shape(Node node);

    void slice(Node node);

    void split(Node node);

    void concat(Node node);

    void squeeze(Node node);

    void unsqueeze(Node node);

    void transpose(Node node);

    void pad(Node node);

    void reduceMean(Node node);

    void gather(Node node);

    void constantOfShape(Node node);
}
