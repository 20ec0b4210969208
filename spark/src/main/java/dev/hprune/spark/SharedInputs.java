package dev.hprune.spark;

import dev.hprune.cli.CliException;
import dev.hprune.cli.model.ModelFiles;
import dev.hprune.cli.run.DlData;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every executor reads from the shared folder: the model as the driver configured it (batch size, classes, image
 * size and range travel in the ONNX file's metadata, and a head that --classes replaced keeps the driver's fresh
 * weights) and the DLDataset as the driver split, limited and preprocessed it (write_dict; its 'dlsample_dir' points at
 * the preprocessed samples, which must be on the shared path as well). Plain strings, so that the record travels to
 * the executors with the tasks.
 */
record SharedInputs(String modelFile, String datasetFile) implements Serializable {
    static final String MODEL = "model.onnx";
    static final String DATASET = "dl_dataset.hdict";

    /** Writes the driver's model and prepared data set into {@code folder}. */
    static SharedInputs write(HDlModel model, DlData data, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CliException("cannot create the shared folder " + folder + ": " + e.getMessage(), 5200);
        }
        Path modelFile = folder.resolve(MODEL).toAbsolutePath();
        Path datasetFile = folder.resolve(DATASET).toAbsolutePath();
        ModelFiles.write(model, modelFile);
        HOperatorSet.WriteDict(data.dataset(), new HTuple(datasetFile.toString()), new HTuple(), new HTuple());
        return new SharedInputs(modelFile.toString(), datasetFile.toString());
    }

    /** read_dl_model on the shared model file. */
    HDlModel readModel() {
        return ModelFiles.read(Path.of(modelFile));
    }

    /** read_dict on the shared data set. */
    DlData readData() {
        HTuple dataset = new HTuple();
        HOperatorSet.ReadDict(new HTuple(datasetFile), new HTuple(), new HTuple(), dataset);
        return DlData.ofPrepared(dataset, "DLDataset " + datasetFile);
    }
}
