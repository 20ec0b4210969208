package dev.hprune.compat.prune;

/** One kernel (output filter) of a convolution: the conv node's name and the output channel. */
public record Kernel(String conv, int index) {
    @Override
    public String toString() {
        return conv + "[" + index + "]";
    }
}
