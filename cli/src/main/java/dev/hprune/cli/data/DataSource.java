package dev.hprune.cli.data;

import java.nio.file.Path;

/** What {@code --data} names: {@code builtin}, {@code mnist:DIR}, or a folder with one subfolder per class. */
public record DataSource(String spec) {
    public static final String BUILTIN = "builtin";
    private static final String MNIST = "mnist:";

    public boolean isBuiltin() {
        return spec.equals(BUILTIN);
    }

    /** Loads the images; {@code heldOut} is the fraction held out where the source has no test part of its own. */
    public Dataset load(double heldOut, long seed) {
        if (isBuiltin()) {
            return Digits.load(heldOut, seed);
        }
        if (spec.startsWith(MNIST)) {
            return MnistIdx.load(Path.of(spec.substring(MNIST.length())), heldOut, seed);
        }
        return ImageFolder.load(Path.of(spec), heldOut, seed);
    }

    @Override
    public String toString() {
        return spec;
    }
}
