package dev.hprune.compat.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The downloaded third-party test material (see shared/test-material.md), found through the system property
 * {@code hprune.testMaterial} that the build sets to {@code <repo>/.cache/test-material}. Tests that need it are
 * skipped, with a message that says what is missing, where it is absent.
 */
final class TestMaterial {
    private TestMaterial() {}

    static Path root() {
        String configured = System.getProperty("hprune.testMaterial");
        return configured != null ? Path.of(configured) : Path.of("..", ".cache", "test-material").toAbsolutePath();
    }

    /** The file or folder at {@code relative}, or a skipped test when it is not there. */
    static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), () -> "test material " + path + " is missing: fetch it as"
                + " shared/test-material.md describes (set -Dhprune.testMaterial to use another folder)");
        return path;
    }

    static Path ppOcrClassifier() {
        return require("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx");
    }
}
