package dev.hprune.cli.model;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HDlModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model handles for graphs built in the tests: written to a temporary ONNX file and read with read_dl_model. */
final class TestModels {
    private TestModels() {}

    static HDlModel fromGraph(Graph graph) {
        try {
            Path file = Files.createTempFile("hprune-test-", ".onnx");
            try {
                OnnxWriter.write(graph, file);
                return new HDlModel(file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
