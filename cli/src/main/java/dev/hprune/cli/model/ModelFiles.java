package dev.hprune.cli.model;

import dev.hprune.cli.CliException;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HDlModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Everything the tool does with model files and model graphs, in one place: read_dl_model, write_dl_model. */
public final class ModelFiles {
    private ModelFiles() {}

    /** read_dl_model on an ONNX file; a missing file is reported before HALCON's operator sees it. */
    public static HDlModel read(Path file) {
        if (!Files.exists(file)) {
            throw new CliException("model file not found: " + file, 5200);
        }
        if (Files.isDirectory(file)) {
            throw new CliException("a folder, not a model file: " + file, 5200);
        }
        return new HDlModel(file.toString());
    }

    /** write_dl_model (atomic; the HALCON parameters travel in the ONNX metadata). */
    public static void write(HDlModel model, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("output folder not found: " + parent, 5200);
        }
        model.WriteDlModel(file.toString());
    }

    /** A model handle for a graph built in Java: written to a temporary ONNX file and read with read_dl_model. */
    public static HDlModel fromGraph(Graph graph) {
        Path file = null;
        try {
            file = Files.createTempFile("hprune-", ".onnx");
            OnnxWriter.write(graph, file);
            return new HDlModel(file.toString());
        } catch (IOException e) {
            throw new CliException("cannot create a temporary model file: " + e.getMessage(), 7781);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover temporary file is harmless; the model is already read
                }
            }
        }
    }

    /**
     * The graph of a classification model with its current weights and its image size fixed, for statistics (layer
     * sizes, parameter and MAC counts). The api has no operator for this, so it is read from the handle's state.
     */
    public static Graph graph(HDlModel model) {
        Object payload = HandleRegistry.global().lookup(model.getHandleId()).payload();
        if (!(payload instanceof DlModel dlModel)) {
            throw new CliException("not a live model handle: " + model);
        }
        return dlModel.prunableGraph();
    }
}
