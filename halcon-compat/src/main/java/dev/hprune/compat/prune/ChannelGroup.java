package dev.hprune.compat.prune;

import java.util.List;

/**
 * Kernels whose output channels are coupled (a residual Add, a depthwise conv, an SE Mul ties them) and so are scored,
 * kept or removed as one.
 *
 * @param id the group's channel class, unique within one analysis
 */
public record ChannelGroup(int id, List<Kernel> kernels) {
    public ChannelGroup {
        kernels = List.copyOf(kernels);
    }

    public int size() {
        return kernels.size();
    }
}
