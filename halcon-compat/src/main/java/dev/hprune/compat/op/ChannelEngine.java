package dev.hprune.compat.op;

import dev.hprune.compat.graph.Node;

/**
 * The ways channels pass through an operator, implemented by the prunability analysis (prune/ChannelFlow): each
 * {@link OpKind} names the pattern its nodes follow, and the pattern does the bookkeeping.
 */
public interface ChannelEngine {
    /** The output has input 0's channels (activations, BatchNormalization, pooling); other inputs are protected. */
    void passThrough(Node node);

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

    /** ReduceMean over H and W (a global average pooling): image-shaped with keepdims, else one feature per channel. */
    void spatialMean(Node node);

    /** Transpose NCHW to NHWC in front of a flatten: the flattened features are strided; other perms are barriers. */
    void channelsLast(Node node);

    /** Channels cannot be followed through this operator: those reaching it are kept. */
    void barrier(Node node);
}
