package dev.hprune.cli.data;

import dev.hprune.cli.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The built-in data set: scikit-learn's 8x8 handwritten digits (1,797 images, values 0..16, classes 0..9), shipped
 * as {@code data/digits.csv.gz} with its BSD-3 licence beside it.
 */
public final class Digits {
    private Digits() {}

    static final String RESOURCE = "/dev/hprune/cli/data/digits.csv.gz";
    public static final int SIDE = 8;
    public static final int CLASSES = 10;

    /** The brightest value of the source's pixels. */
    public static final double MAX_VALUE = 16;

    /** "0".."9". */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The images in the file's order. */
    static List<LabelledImage> read() {
        InputStream resource = Digits.class.getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new CliException("the built-in data set " + RESOURCE + " is missing from this build");
        }
        List<LabelledImage> images = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                float[] pixels = new float[SIDE * SIDE];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = Float.parseFloat(fields[i]);
                }
                images.add(new LabelledImage(pixels, SIDE, SIDE, 1, (int) Float.parseFloat(fields[SIDE * SIDE])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }
}
