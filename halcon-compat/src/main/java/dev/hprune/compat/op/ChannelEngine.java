package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;

/**
 * The ways channels pass through an operator, implemented by the prunability analysis (prune/ChannelFlow): each
 * {@link OpKind} names the pattern its nodes follow, and the pattern does the bookkeeping.
 */
public interface ChannelEngine {
    /**
     * The output has input 0's channels on axis 1 (BatchNormalization, pooling: NCHW operators); other inputs are
     * protected, and so are channels-last inputs.
     */
    void passThrough(Node node);

    /** Element-wise on one tensor (activations, Identity, Dropout, Cast): the output has input 0's channels. */
    void elementwise(Node node);

    /**
     * LayerNormalization over the last axis when that axis holds the channels (channels-last images, features): the
     * channels pass through and the scale and shift are cut with them; any other axis is a barrier.
     */
    void layerNorm(Node node);

    /** Element-wise on two operands: two activations' channels are tied; a per-channel constant is sliced. */
    void tie(Node node);

    /** Concat along channels: the output's channels are the inputs' channels one after the other. */
    void concat(Node node);

    /** Split or Slice along channels: each output carries its sub-range of the input's channels. */
    void subRanges(Node node);

    /** Conv: consumes its input's channels and creates kernels; depthwise ties in and out. */
    void conv(Node node);

    /** Gemm/MatMul: consumes features, each channel a block of them. */
    void dense(Node node);

    /** Flatten (and Reshape/Squeeze used as one): channels become blocks of features. */
    void flatten(Node node);

    /** Pad: passes channels through when it pads the spatial axes only; a pad on N or C is a barrier. */
    void pad(Node node);

    /**
     * ReduceMean over H and W (a global average pooling): image-shaped with keepdims, else one feature per channel;
     * over the channel axis with keepdims, a statistic of the channels (a decomposed LayerNorm's mean and variance).
     */
    void reduceMean(Node node);

    /** Transpose NCHW to channels-last and back: channels move to the last axis and back; other perms are barriers. */
    void channelsLast(Node node);

    /** Channels cannot be followed through this operator: those reaching it are kept. */
    void barrier(Node node);
}
