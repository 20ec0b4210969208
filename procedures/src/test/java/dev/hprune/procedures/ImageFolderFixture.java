package dev.hprune.procedures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes small PNG image folders for the tests with the JDK's ImageIO (independent of hprune's read_image): one
 * subfolder per class; pixel values follow {@link #value}, so a test can check what was read.
 */
final class ImageFolderFixture {
    private ImageFolderFixture() {}

    static final int WIDTH = 6;
    static final int HEIGHT = 4;

    /** The value of channel {@code c} at (x, y) of image {@code index} of class {@code classIndex}. */
    static int value(int classIndex, int index, int x, int y, int c) {
        return (classIndex * 61 + index * 17 + x * 7 + y * 13 + c * 29) % 256;
    }

    /** A grey (1 channel) or RGB PNG with {@link #value}s. */
    static void writePng(Path file, int classIndex, int index, boolean rgb) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, rgb ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (rgb) {
                    int r = value(classIndex, index, x, y, 0);
                    int g = value(classIndex, index, x, y, 1);
                    int b = value(classIndex, index, x, y, 2);
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                } else {
                    image.getRaster().setSample(x, y, 0, value(classIndex, index, x, y, 0));
                }
            }
        }
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Classes 'cat' (5 RGB images), 'dog' (7 grey images), 'eel' (3 RGB images, one of them ending in '.PNG'), plus a
     * text file that is no image.
     */
    static void writeAnimals(Path root) {
        for (int i = 0; i < 5; i++) {
            writePng(root.resolve("cat/cat_" + i + ".png"), 0, i, true);
        }
        for (int i = 0; i < 7; i++) {
            writePng(root.resolve("dog/dog_" + i + ".png"), 1, i, false);
        }
        writePng(root.resolve("eel/eel_0.png"), 2, 0, true);
        writePng(root.resolve("eel/eel_1.png"), 2, 1, true);
        writePng(root.resolve("eel/eel_2.PNG"), 2, 2, true);
        try {
            Files.writeString(root.resolve("dog/notes.txt"), "not an image");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
