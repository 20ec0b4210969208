package dev.hprune.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** MNIST's IDX files: images as bytes (row-major 28x28 each) and their labels. */
public record Mnist(int count, int rows, int columns, byte[] pixels, byte[] labels) {

    public static Mnist read(Path images, Path labels) {
        try {
            ByteBuffer img = ByteBuffer.wrap(Files.readAllBytes(images));
            ByteBuffer lab = ByteBuffer.wrap(Files.readAllBytes(labels));
            if (img.getInt() != 0x803 || lab.getInt() != 0x801) {
                throw new IllegalArgumentException("not IDX image/label files: " + images + ", " + labels);
            }
            int count = img.getInt();
            int rows = img.getInt();
            int columns = img.getInt();
            if (lab.getInt() != count) {
                throw new IllegalArgumentException("image and label counts differ");
            }
            byte[] pixels = new byte[count * rows * columns];
            img.get(pixels);
            byte[] labelBytes = new byte[count];
            lab.get(labelBytes);
            return new Mnist(count, rows, columns, pixels, labelBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int label(int i) {
        return labels[i];
    }

    /** Image {@code i} scaled to [0, 1], as a planar one-channel array. */
    public float[] image(int i) {
        int size = rows * columns;
        float[] data = new float[size];
        for (int k = 0; k < size; k++) {
            data[k] = (pixels[i * size + k] & 0xff) / 255f;
        }
        return data;
    }
}
