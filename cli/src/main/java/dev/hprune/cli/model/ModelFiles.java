package dev.hprune.cli.model;

import dev.hprune.cli.CliException;
import dev.hprune.halcon.HDlModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /**
     * A model handle for a model file shipped in the jar: copied to a temporary file and read with read_dl_model (the
     * operator reads files only).
     */
    public static HDlModel fromResource(String resource) {
        Path file = null;
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CliException("the model " + resource + " is missing from this build", 5200);
            }
            file = Files.createTempFile("hprune-", ".onnx");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
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
}
