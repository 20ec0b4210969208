package dev.hprune.cli.data;

import dev.hprune.cli.CliException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * MNIST in its IDX files (http://yann.lecun.com/exdb/mnist/): {@code train-images-idx3-ubyte} with
 * {@code train-labels-idx1-ubyte}, and {@code t10k-...} as the held-out part, each optionally gzipped. Without the t10k
 * files, part of the training files is held out.
 */
public final class MnistIdx {
    private MnistIdx() {}

    private static final int IMAGES_MAGIC = 0x803;
    private static final int LABELS_MAGIC = 0x801;

    public static Dataset load(Path dir, double heldOut, long seed) {
        if (!Files.isDirectory(dir)) {
            throw new CliException("MNIST folder not found: " + dir, 5200);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add(Integer.toString(c));
        }
        Path trainImages = find(dir, "train-images-idx3-ubyte");
        Path trainLabels = find(dir, "train-labels-idx1-ubyte");
        Path testImages = find(dir, "t10k-images-idx3-ubyte");
        Path testLabels = find(dir, "t10k-labels-idx1-ubyte");
        String description = "MNIST (" + dir + ")";
        if (trainImages != null && trainLabels != null && testImages != null && testLabels != null) {
            return new Dataset(description, names, 255, read(trainImages, trainLabels), read(testImages, testLabels));
        }
        if (trainImages != null && trainLabels != null) {
            return Dataset.split(description, names, 255, read(trainImages, trainLabels), heldOut, seed);
        }
        if (testImages != null && testLabels != null) {
            return Dataset.split(description, names, 255, read(testImages, testLabels), heldOut, seed);
        }
        throw new CliException("no MNIST IDX files in " + dir
                + " (expected train-images-idx3-ubyte and train-labels-idx1-ubyte, and/or the t10k pair)", 5200);
    }

    private static Path find(Path dir, String name) {
        for (String candidate : List.of(name, name + ".gz", name.replace("-idx", ".idx"),
                name.replace("-idx", ".idx") + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    static List<LabelledImage> read(Path imagesFile, Path labelsFile) {
        try (DataInputStream images = open(imagesFile); DataInputStream labels = open(labelsFile)) {
            if (images.readInt() != IMAGES_MAGIC || labels.readInt() != LABELS_MAGIC) {
                throw new CliException("not an MNIST IDX pair: " + imagesFile + ", " + labelsFile, 5203);
            }
            int count = images.readInt();
            int rows = images.readInt();
            int columns = images.readInt();
            if (labels.readInt() != count) {
                throw new CliException(imagesFile + " and " + labelsFile + " hold different numbers of items", 5203);
            }
            byte[] buffer = new byte[rows * columns];
            List<LabelledImage> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                images.readFully(buffer);
                float[] pixels = new float[buffer.length];
                for (int p = 0; p < buffer.length; p++) {
                    pixels[p] = buffer[p] & 0xff;
                }
                result.add(new LabelledImage(pixels, columns, rows, 1, labels.readUnsignedByte()));
            }
            return result;
        } catch (IOException e) {
            throw new CliException("cannot read MNIST files " + imagesFile + ": " + e.getMessage(), 5203);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
    }
}
