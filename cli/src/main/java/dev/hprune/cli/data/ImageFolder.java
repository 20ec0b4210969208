package dev.hprune.cli.data;

import dev.hprune.cli.CliException;
import dev.hprune.halcon.HImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * HALCON's usual classification layout: one subfolder per class, named after the class, holding its images (PNG,
 * JPEG, BMP, GIF; read with read_image). Classes are ordered by name.
 */
public final class ImageFolder {
    private ImageFolder() {}

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    public static Dataset load(Path dir, double heldOut, long seed) {
        if (!Files.exists(dir)) {
            throw new CliException("data folder not found: " + dir, 5200);
        }
        if (!Files.isDirectory(dir)) {
            throw new CliException("not a folder: " + dir
                    + " (--data takes a folder with one subfolder per class, mnist:DIR or builtin)", 5200);
        }
        List<Path> classDirs = list(dir).filter(Files::isDirectory).sorted().toList();
        List<String> names = new ArrayList<>();
        List<LabelledImage> images = new ArrayList<>();
        for (Path classDir : classDirs) {
            List<Path> files = list(classDir).filter(ImageFolder::isImage).sorted().toList();
            if (files.isEmpty()) {
                continue;
            }
            int label = names.size();
            names.add(classDir.getFileName().toString());
            for (Path file : files) {
                HImage image = new HImage(file.toString());
                images.add(new LabelledImage(image.toPlanar(), image.getWidth(), image.getHeight(),
                        image.countChannels(), label));
            }
        }
        if (images.isEmpty()) {
            throw new CliException("no images in " + dir
                    + " (expected one subfolder per class holding .png, .jpg, .bmp or .gif files)");
        }
        if (names.size() < 2) {
            throw new CliException("only one class (" + names.get(0) + ") in " + dir
                    + "; classification needs a subfolder for each of at least two classes");
        }
        return Dataset.split("image folder " + dir, names, 255, images, heldOut, seed);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new CliException("cannot list " + dir + ": " + e.getMessage(), 5200);
        }
    }
}
