package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.function.DoubleUnaryOperator;

/**
 * Computations on constant inputs, implemented by halcon-compat's constant evaluator for one node whose inputs are
 * all constant and whose single output's shape is known. A method returns null when it cannot compute this case
 * (a floating-point function on integers), so the node stays in the graph.
 */
public interface ConstantFolding {
    /** Input 0 with the output's shape (Identity, Reshape, Flatten, Squeeze, Unsqueeze). */
    Tensor reshape(Node node);

    Tensor cast(Node node);

    Tensor shape(Node node);

    Tensor gather(Node node);

    Tensor slice(Node node);

    Tensor concat(Node node);

    Tensor transpose(Node node);

    Tensor constantOfShape(Node node);

    Tensor arithmetic(Node node, Arithmetic op);

    /** {@code f} applied to each element of a floating-point input 0. */
    Tensor unary(Node node, DoubleUnaryOperator f);

    /** Pow with broadcasting, in the type of the base (integer results truncated toward zero). */
    Tensor pow(Node node);
}
