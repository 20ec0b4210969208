package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;

/** Model files: ONNX in and out. */
final class ModelFiles {
    private ModelFiles() {}

    static Graph read(String fileName) {
        throw new UnsupportedOperationException("ONNX reading lands with the ONNX importer");
    }

    static void write(Graph graph, String fileName) {
        throw new UnsupportedOperationException("ONNX writing lands with the ONNX importer");
    }
}
