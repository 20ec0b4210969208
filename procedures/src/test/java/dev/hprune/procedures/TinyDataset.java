package dev.hprune.procedures;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A preprocessed classification DLDataset on disk, as preprocess_dl_dataset leaves it: 8×8 one-channel real images of
 * three classes (class c is bright in the c-th third of the rows, plus noise), one {@code <image_id>_dlsample.hdict} per
 * sample under 'dlsample_dir', and the small CNN of the tests (8×8×1 in, 3 classes; the tests module's fuzz seed
 * 'small-cnn').
 */
final class TinyDataset {
    private TinyDataset() {}

    static final String MODEL = "small-cnn-8x8-3classes.onnx";

    static String modelFile() {
        try {
            return Path.of(TinyDataset.class.getResource(MODEL).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A model handle of the small CNN with the given batch size and learning rate. */
    static HTuple model(int batchSize, double learningRate) {
        HTuple model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(modelFile()), model);
        HOperatorSet.SetDlModelParam(model, new HTuple("batch_size"), new HTuple(batchSize));
        HOperatorSet.SetDlModelParam(model, new HTuple("learning_rate"), new HTuple(learningRate));
        return model;
    }

    /**
     * Writes the samples and returns the DLDataset dict. {@code splits} gives each sample's split in order; sample i has
     * image_id 100 + i and label i mod 3.
     */
    static HTuple write(Path dir, List<String> splits, long seed) {
        Random random = new Random(seed);
        HTuple samples = new HTuple();
        for (int i = 0; i < splits.size(); i++) {
            long label = i % 3;
            long imageId = 100 + i;
            float[] pixels = new float[64];
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean bright = y * 3 / 8 == label;
                    pixels[y * 8 + x] = (bright ? 0.8f : 0.1f) + (float) (random.nextGaussian() * 0.15);
                }
            }
            HDict dlSample = new HDict();
            dlSample.SetDictObject(HImage.fromPlanar(8, 8, 1, pixels), "image");
            dlSample.SetDictTuple("image_id", new HTuple(imageId));
            dlSample.SetDictTuple("image_label_id", new HTuple(label));
            dlSample.WriteDict(dir.resolve(imageId + "_dlsample.hdict").toString(), new HTuple(), new HTuple());

            HDict sample = new HDict();
            sample.SetDictTuple("image_id", new HTuple(imageId));
            sample.SetDictTuple("image_file_name", new HTuple("img" + imageId + ".png"));
            sample.SetDictTuple("image_label_id", new HTuple(label));
            sample.SetDictTuple("split", new HTuple(splits.get(i)));
            samples.append(new HTuple(sample));
        }
        HDict preprocess = new HDict();
        preprocess.SetDictTuple("model_type", new HTuple("classification"));
        HDict dataset = new HDict();
        dataset.SetDictTuple("image_dir", new HTuple(dir.toString()));
        dataset.SetDictTuple("class_names", new HTuple(new String[] {"top", "middle", "bottom"}));
        dataset.SetDictTuple("class_ids", new HTuple(new long[] {0, 1, 2}));
        dataset.SetDictTuple("samples", samples);
        dataset.SetDictTuple("dlsample_dir", new HTuple(dir.toString()));
        dataset.SetDictTuple("preprocess_param", new HTuple(preprocess));
        return new HTuple(dataset);
    }

    /** {@code n} splits: repeated blocks of train, train, train, validation, test (so every split sees every label). */
    static List<String> splits(int n) {
        String[] block = {"train", "train", "train", "validation", "test"};
        String[] splits = new String[n];
        for (int i = 0; i < n; i++) {
            splits[i] = block[i % block.length];
        }
        return List.of(splits);
    }
}
