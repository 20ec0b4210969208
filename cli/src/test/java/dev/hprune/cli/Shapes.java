package dev.hprune.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A tiny image folder in HALCON's layout: classes of synthetic grey shapes, filled squares and rings, and with
 * {@link #writeThree} also horizontal bars.
 */
public final class Shapes {
    private Shapes() {}

    public static Path write(Path root, int perClass, int side, long seed) throws IOException {
        return write(root, perClass, side, seed, "ring", "square");
    }

    /** Three classes: bar, ring, square. */
    public static Path writeThree(Path root, int perClass, int side, long seed) throws IOException {
        return write(root, perClass, side, seed, "bar", "ring", "square");
    }

    private static Path write(Path root, int perClass, int side, long seed, String... shapes) throws IOException {
        Random random = new Random(seed);
        for (String shape : shapes) {
            Path dir = Files.createDirectories(root.resolve(shape));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = image.createGraphics();
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, side, side);
                g.setColor(new Color(180 + random.nextInt(76), 180 + random.nextInt(76), 180 + random.nextInt(76)));
                int size = side / 3 + random.nextInt(side / 3);
                int x = random.nextInt(side - size);
                int y = random.nextInt(side - size);
                if (shape.equals("square")) {
                    g.fillRect(x, y, size, size);
                } else if (shape.equals("bar")) {
                    g.fillRect(0, y, side, Math.max(2, size / 4));
                } else {
                    g.setStroke(new java.awt.BasicStroke(2));
                    g.drawOval(x, y, size - 1, size - 1);
                }
                g.dispose();
                ImageIO.write(image, "png", dir.resolve(shape + i + ".png").toFile());
            }
        }
        return root;
    }
}
