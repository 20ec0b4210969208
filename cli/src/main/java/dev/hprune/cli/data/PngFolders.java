package dev.hprune.cli.data;

import dev.hprune.cli.CliException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes labelled images as HALCON's classification layout, one subfolder of 8-bit PNG files per class, so that sources
 * that are no image folder (the built-in digits, MNIST's IDX files) go through read_dl_dataset_classification like any
 * folder. Values 0..maxValue become 0..255 (rounded); file names carry the image's index, zero-padded, so that the
 * listing order is the source's order.
 */
public final class PngFolders {
    private PngFolders() {}

    /** The built-in digits in their file order under {@code root}: folders 0..9. */
    public static Path writeDigits(Path root) {
        write(root, Digits.classNames(), Digits.MAX_VALUE, Digits.read());
        return root;
    }

    public static void write(Path root, List<String> classNames, double maxValue, List<LabelledImage> images) {
        try {
            for (String name : classNames) {
                Files.createDirectories(root.resolve(name));
            }
            int digits = Integer.toString(Math.max(1, images.size() - 1)).length();
            for (int i = 0; i < images.size(); i++) {
                LabelledImage image = images.get(i);
                Path file = root.resolve(classNames.get(image.label()))
                        .resolve(String.format("%0" + digits + "d.png", i));
                if (!ImageIO.write(toBufferedImage(image, maxValue), "png", file.toFile())) {
                    throw new CliException("no PNG writer in this Java runtime", 5200);
                }
            }
        } catch (IOException e) {
            throw new CliException("cannot write images under " + root + ": " + e.getMessage(), 5200);
        }
    }

    private static BufferedImage toBufferedImage(LabelledImage image, double maxValue) {
        int plane = image.width() * image.height();
        boolean grey = image.channels() == 1;
        BufferedImage out = new BufferedImage(image.width(), image.height(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        float[] planar = image.planar();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = y * image.width() + x;
                if (grey) {
                    out.getRaster().setSample(x, y, 0, toByte(planar[p], maxValue));
                } else {
                    int r = toByte(planar[p], maxValue);
                    int g = toByte(planar[plane + p], maxValue);
                    int b = toByte(planar[2 * plane + p], maxValue);
                    out.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return out;
    }

    private static int toByte(float value, double maxValue) {
        return (int) Math.max(0, Math.min(255, Math.round(value * 255 / maxValue)));
    }
}
