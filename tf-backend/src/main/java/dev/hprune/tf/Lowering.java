package dev.hprune.tf;

import dev.hprune.compat.graph.Node;
import java.util.List;

/**
 * How one ONNX operator kind becomes TensorFlow operations. A lowering reads its inputs from the {@link ForwardPass}
 * (which holds every value with its layout) and returns the node's outputs; it keeps no state of its own, so one
 * instance serves every pass.
 */
@FunctionalInterface
interface Lowering {
    /**
     * The node's outputs as held in TensorFlow, in the node's output order. A list shorter than the node's outputs
     * leaves the rest undefined; the pass refuses the node when a consumer or a graph output needs one of them.
     */
    List<TfValue> lower(ForwardPass pass, Node node);

    /** A lowering of a node with one output. */
    @FunctionalInterface
    interface Single {
        TfValue lower(ForwardPass pass, Node node);
    }

    static Lowering single(Single lowering) {
        return (pass, node) -> List.of(lowering.lower(pass, node));
    }
}
