package dev.hprune.tests.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zoo of ONNX classifiers that {@code tests/zoo/export_zoo.py} exports with Debian's PyTorch into a user-level
 * cache ({@code ~/.cache/hprune/zoo/<key>}, the key a hash of the script and the torch version). The first test run on
 * a machine exports (minutes); later runs, also from a clean clone, reuse the files. Where torch cannot be had, the
 * zoo's tests skip with a message saying so; any other exporter failure fails them.
 */
final class ModelZoo {
    /** One exported model, as its line of manifest.jsonl describes it. */
    record Entry(String name, Path file, int channels, int height, int width, int classes, double rangeMin,
            double rangeMax, String output, String family, String bn, int opset, int convs, String notes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final long EXPORT_MINUTES = 40;
    private static List<Entry> entries;
    private static String unavailable;

    private ModelZoo() {}

    /**
     * Every model of the zoo, exporting it first if the cache lacks it; empty where torch cannot be had (then
     * {@link #unavailable()} says why).
     */
    static synchronized List<Entry> entries() {
        if (entries == null) {
            // -Dhprune.zooDir=DIR runs the zoo of DIR (e.g. export_zoo.py DIR) instead of the cached one
            String configured = System.getProperty("hprune.zooDir");
            Path dir = configured != null ? Path.of(configured) : exportedDirectory();
            // -Dhprune.zooOnly=REGEX runs only the models whose name matches
            Pattern only = Pattern.compile(System.getProperty("hprune.zooOnly", ".*"));
            entries = dir == null ? List.of() : read(dir.resolve("manifest.jsonl")).stream()
                    .filter(e -> only.matcher(e.name()).matches()).toList();
        }
        return entries;
    }

    /** Why the zoo could not be exported on this machine, or null. */
    static synchronized String unavailable() {
        return unavailable;
    }

    private static Path exportedDirectory() {
        String python = System.getProperty("hprune.python", "/usr/bin/python3");
        Path script = Path.of(System.getProperty("hprune.zooExporter", "zoo/export_zoo.py"));
        if (!Files.isExecutable(Path.of(python)) || run(python, "-c", "import torch, torchvision, onnx").exitCode != 0) {
            unavailable = "the model zoo needs torch, torchvision and onnx in " + python + ", which this machine"
                    + " lacks (Debian: apt-get install python3-torch python3-torchvision python3-onnx; .ci/run does"
                    + " this)";
            return null;
        }
        Run export = run(python, script.toString());
        if (export.exitCode != 0) {
            throw new IllegalStateException("exporting the model zoo failed (" + python + " " + script + "), exit "
                    + export.exitCode + ":\n" + tail(export.stderr));
        }
        String[] lines = export.stdout.strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(String... command) {
        try {
            Path out = Files.createTempFile("zoo-export", ".out");
            Path err = Files.createTempFile("zoo-export", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                return new Run(-1, "", e.getMessage());
            }
            if (!process.waitFor(EXPORT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the zoo exporter ran longer than " + EXPORT_MINUTES + " minutes");
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    static List<Entry> read(Path manifest) {
        List<Entry> list = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                double[] input = numbers(line, "input");
                double[] range = numbers(line, "image_range");
                list.add(new Entry(string(line, "name"), manifest.resolveSibling(string(line, "file")),
                        (int) input[0], (int) input[1], (int) input[2], (int) number(line, "classes"), range[0],
                        range[1], string(line, "output"), string(line, "family"), string(line, "bn"),
                        (int) number(line, "opset"), (int) number(line, "convs"), string(line, "notes")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    // manifest.jsonl holds flat objects of strings, numbers and number arrays, written by json.dumps
    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("manifest line without '" + key + "': " + json);
        }
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("manifest line without '" + key + "': " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double[] numbers(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("manifest line without '" + key + "': " + json);
        }
        String[] parts = m.group(1).split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].strip());
        }
        return values;
    }
}
