package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;

/**
 * The ways a node changes when channel groups are removed, implemented by prune/Surgery: each method returns the
 * node with the removed channels sliced out of the weights it reads.
 */
public interface ChannelCut {
    Node conv(Node node);

    Node batchNorm(Node node);

    /** LayerNormalization's scale and shift along the normalised (channel) axis. */
    Node layerNorm(Node node);

    /** A per-channel constant operand of an element-wise operator. */
    Node perChannelConstant(Node node);

    /** A dense layer's input rows; for one acting on channels-last images, also its output columns. */
    Node dense(Node node);

    Node reshapeTarget(Node node);

    /** A Split's sizes or a channel Slice's bounds, to the channels each output keeps. */
    Node subRanges(Node node);
}
