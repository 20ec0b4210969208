package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import java.nio.file.Path;

/** Model files: ONNX in and out (HALCON's own .hdl format is not supported). */
final class ModelFiles {
    private ModelFiles() {}

    /** 5200 for a missing file, 7801 for one that is no readable ONNX model. */
    static Graph read(String fileName) {
        return OnnxReader.read(Path.of(fileName));
    }

    /** Written atomically: the target is replaced only by a complete file (7781/7803 on failure). */
    static void write(Graph graph, String fileName) {
        OnnxWriter.write(graph, Path.of(fileName));
    }
}
