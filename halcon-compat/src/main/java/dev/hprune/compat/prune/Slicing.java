package dev.hprune.compat.prune;

import dev.hprune.compat.graph.Tensor;

/** Keeps selected indices of one axis of a tensor. */
final class Slicing {
    private Slicing() {}

    static Tensor take(Tensor tensor, int axis, int[] indices) {
        long[] shape = tensor.shape();
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= (int) shape[a];
        }
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= (int) shape[a];
        }
        int extent = (int) shape[axis];
        long[] newShape = shape.clone();
        newShape[axis] = indices.length;
        if (tensor.isFloating()) {
            float[] source = tensor.toFloats();
            float[] result = new float[outer * indices.length * inner];
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < indices.length; k++) {
                    System.arraycopy(source, (o * extent + indices[k]) * inner, result, (o * indices.length + k) * inner,
                            inner);
                }
            }
            return Tensor.ofFloats(tensor.type(), newShape, result);
        }
        long[] source = tensor.toLongs();
        long[] result = new long[outer * indices.length * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(source, (o * extent + indices[k]) * inner, result, (o * indices.length + k) * inner,
                        inner);
            }
        }
        return Tensor.ofLongs(tensor.type(), newShape, result);
    }

    /** Channel positions expanded to feature positions, {@code block} features per channel. */
    static int[] expand(int[] channels, int block) {
        int[] features = new int[channels.length * block];
        for (int i = 0; i < channels.length; i++) {
            for (int b = 0; b < block; b++) {
                features[i * block + b] = channels[i] * block + b;
            }
        }
        return features;
    }
}
