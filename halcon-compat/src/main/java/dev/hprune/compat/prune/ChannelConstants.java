package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Tensor;

/**
 * Constants that an element-wise operator combines with an activation: a per-channel constant (a [C,1,1] scale, a [F]
 * bias after a flatten) is sliced with the channels; one that is the same for every channel stays as it is.
 */
final class ChannelConstants {
    private ChannelConstants() {}

    static final int SAME_FOR_ALL_CHANNELS = -1;
    static final int DOES_NOT_FIT = -2;

    /**
     * The constant's axis that runs along the activation's channels (for NCHW images the third axis from the right;
     * for features and channels-last images the last), {@link #SAME_FOR_ALL_CHANNELS} when that extent is 1 or absent,
     * or {@link #DOES_NOT_FIT}.
     */
    static int channelAxis(Tensor constant, ChannelFlow.Channels activation) {
        int fromRight = activation.features || activation.last ? 1 : 3;
        int axis = constant.rank() - fromRight;
        if (axis < 0 || constant.dim(axis) == 1) {
            return SAME_FOR_ALL_CHANNELS;
        }
        long extent = constant.dim(axis);
        if (!activation.features) {
            return extent == activation.count() ? axis : DOES_NOT_FIT;
        }
        if (activation.block == 0 && extent % activation.count() == 0) {
            activation.block = (int) (extent / activation.count());
        }
        return extent == (long) activation.count() * activation.block ? axis : DOES_NOT_FIT;
    }

    static boolean fits(Tensor constant, ChannelFlow.Channels activation) {
        return channelAxis(constant, activation) != DOES_NOT_FIT;
    }
}
