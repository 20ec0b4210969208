package dev.hprune.cli.data;

/**
 * One image as its source holds it, before preprocessing: planar pixel values (channel after channel, row after row)
 * in 0..{@link Dataset#maxValue()}, and the index of its class in {@link Dataset#classNames()}.
 */
public record LabelledImage(float[] planar, int width, int height, int channels, int label) {}
