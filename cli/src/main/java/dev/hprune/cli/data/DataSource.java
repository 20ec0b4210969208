package dev.hprune.cli.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code --data} names: {@code builtin}, {@code mnist:DIR}, a DLDataset dict file ({@code .hdict}), or a folder with
 * one subfolder per class.
 */
public record DataSource(String spec) {
    public static final String BUILTIN = "builtin";
    private static final String MNIST = "mnist:";

    public boolean isBuiltin() {
        return spec.equals(BUILTIN);
    }

    public boolean isMnist() {
        return spec.startsWith(MNIST);
    }

    /** The folder of MNIST's IDX files. */
    public Path mnistDir() {
        return Path.of(spec.substring(MNIST.length()));
    }

    /** A DLDataset written with write_dict (read_dict's file), not an image folder. */
    public boolean isDictFile() {
        return !isBuiltin() && !isMnist() && spec.toLowerCase(Locale.ROOT).endsWith(".hdict");
    }

    /** The image folder or dict file. */
    public Path path() {
        return Path.of(spec);
    }

    @Override
    public String toString() {
        return spec;
    }
}
