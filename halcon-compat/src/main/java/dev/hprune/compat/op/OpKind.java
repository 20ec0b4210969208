package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.Optional;

/**
 * Everything halcon-compat knows about one ONNX operator kind (design.md, "One entry per operator kind"): how many
 * inputs it takes, its shape rule, whether and how constant folding computes it, how channels pass through it and how
 * a node of it is cut when channels are removed. The graph walks (shape inference, constant folding, prunability,
 * surgery) ask the kind and never name an operator; the kind names the engine method that does the work.
 */
public interface OpKind {
    /** The ONNX operator name in the default domain ("Conv", "Relu", ...). */
    String name();

    /** The inputs a node takes at {@code opset} (9..17), {@link Arity#ABSENT} where the operator does not exist. */
    Arity arity(long opset);

    /** Defines the node's output shapes (opset-17 semantics, after import's normalisation). */
    void shapes(Node node, ShapeEngine rules);

    /** Whether constant folding computes this kind when all inputs are constant. */
    boolean folds();

    /** The node's single output for constant inputs; empty when this kind is not folded or this case is not. */
    Optional<Tensor> fold(Node node, ConstantFolding folding);

    /** Passes the node's channels on (or protects them). */
    void flow(Node node, ChannelEngine flow);

    /** The node with removed channels sliced out of the weights it reads; the node itself when it reads none. */
    Node cut(Node node, ChannelCut cut);
}
