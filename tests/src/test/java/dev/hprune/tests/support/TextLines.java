package dev.hprune.tests.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Text-line images for the PP-OCR orientation classifier: lines rendered with a DejaVu font, upright (class 0) or turned
 * by 180 degrees (class 1), so the label is exact by construction; and PaddleOCR's preprocessing for the classifier
 * (resize to height 48 keeping the aspect ratio, at most 192 wide, pad right to 192, BGR, (x/255 - 0.5)/0.5).
 */
public final class TextLines {
    private TextLines() {}

    public static final int HEIGHT = 48;
    public static final int WIDTH = 192;

    public static final String[] LINES = {
        "Invoice 2024-0117", "Lot 4711 passed", "Serial AB-39-XY", "Total: 128.50 EUR", "Batch 07 / Line 3",
        "Made in Germany", "Expiry 11/2027", "Part no. 5521-K", "Quality check OK", "Pressure 2.4 bar",
    };

    public static BufferedImage render(String text, Path fontFile, boolean rotated) {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile()).deriveFont(32f);
        } catch (FontFormatException e) {
            throw new IllegalStateException(fontFile + " is not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FontRenderContext context = new FontRenderContext(new AffineTransform(), true, true);
        Rectangle2D bounds = font.getStringBounds(text, context);
        int width = (int) Math.ceil(bounds.getWidth()) + 16;
        int height = (int) Math.ceil(bounds.getHeight()) + 8;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (rotated) {
            g.rotate(Math.PI, width / 2.0, height / 2.0);
        }
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 8, (float) (4 - bounds.getY()));
        g.dispose();
        return image;
    }

    /** PaddleOCR's classifier input for an image: planar B, G, R planes of 48 x 192 values in [-1, 1], zero padded. */
    public static float[] preprocess(BufferedImage image) {
        int resizedWidth = (int) Math.min(WIDTH, Math.ceil(HEIGHT * (double) image.getWidth() / image.getHeight()));
        BufferedImage resized = new BufferedImage(resizedWidth, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, resizedWidth, HEIGHT, null);
        g.dispose();
        int plane = HEIGHT * WIDTH;
        float[] planar = new float[3 * plane];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < resizedWidth; x++) {
                int rgb = resized.getRGB(x, y);
                int i = y * WIDTH + x;
                planar[i] = normalise(rgb & 0xff);
                planar[plane + i] = normalise((rgb >> 8) & 0xff);
                planar[2 * plane + i] = normalise((rgb >> 16) & 0xff);
            }
        }
        return planar;
    }

    private static float normalise(int value) {
        return (value / 255f - 0.5f) / 0.5f;
    }
}
