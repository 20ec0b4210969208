package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset workflow end to end: an image folder read, split with a seed, preprocessed to disk, and the stored samples
 * read back byte for byte equal to the same samples preprocessed in memory.
 */
class PreprocessDlDatasetTest {
    private static final HTuple NONE = new HTuple();

    @TempDir
    Path dir;

    Path animals;
    Path out;

    @BeforeEach
    void writeImages() {
        animals = dir.resolve("animals");
        out = dir.resolve("prepared");
        ImageFolderFixture.writeAnimals(animals);
    }

    private HTuple splitDataset() {
        HTuple dataset = new HTuple();
        DlDataset.read_dl_dataset_classification(new HTuple(animals.toString()), new HTuple("last_folder"), dataset);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(42));
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), NONE);
        return dataset;
    }

    /** Model input 4 x 3 x 3 (so every image is zoomed and the grey dogs made RGB), normalization 'all_channels'. */
    private static HTuple params(String normalization) {
        HTuple params = new HTuple();
        DlPreprocessing.create_dl_preprocess_param(new HTuple("classification"), new HTuple(4), new HTuple(3),
                new HTuple(3), NONE, NONE, new HTuple(normalization), new HTuple("full_domain"), NONE, NONE, NONE,
                NONE, params);
        return params;
    }

    private static HTuple quiet(Object overwrite) {
        HDict genParam = new HDict();
        genParam.SetDictTuple("show_progress", new HTuple(0));
        if (overwrite != null) {
            genParam.SetDictTuple("overwrite_files", HTuple.of(overwrite));
        }
        return new HTuple(genParam);
    }

    @Test
    void storedSamplesEqualTheSamplesPreprocessedInMemory() {
        HTuple dataset = splitDataset();
        HTuple params = params("all_channels");
        HTuple fileName = new HTuple();
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out + "/"), params, quiet(null), fileName);
        assertThat(fileName).isEqualTo(new HTuple(out + "/dl_dataset.hdict"));
        HDict d = new HDict(dataset.getH(0));
        assertThat(d.GetDictTuple("dlsample_dir")).isEqualTo(new HTuple(out + "/samples"));
        assertThat(d.GetDictTuple("preprocess_param")).isEqualTo(params);
        assertThat(new HDict(params.getH(0)).GetDictTuple("check_params")).isEqualTo(new HTuple(0));
        for (int id = 0; id < 15; id++) {
            assertThat(out.resolve("samples/" + id + "_dlsample.hdict")).isRegularFile();
        }

        // Read the dataset file back, as a training program would, and its samples through it.
        HTuple stored = new HTuple();
        HOperatorSet.ReadDict(fileName, NONE, NONE, stored);
        HDict s = new HDict(stored.getH(0));
        assertThat(s.GetDictTuple("class_names")).isEqualTo(HTuple.of("cat", "dog", "eel"));
        assertThat(new HDict(s.GetDictTuple("preprocess_param").getH(0)).GetDictTuple("image_width"))
                .isEqualTo(new HTuple(4));
        HTuple storedSamples = s.GetDictTuple("samples");
        HTuple samples = d.GetDictTuple("samples");
        for (int i = 0; i < 15; i++) {
            HDict a = new HDict(samples.getH(i));
            HDict b = new HDict(storedSamples.getH(i));
            for (String key : new String[] {"image_id", "image_file_name", "image_label_id", "split",
                "dlsample_file_name"}) {
                assertThat(b.GetDictTuple(key)).as(key).isEqualTo(a.GetDictTuple(key));
            }
        }
        HTuple train = new HTuple();
        DlDataset.find_dl_samples(storedSamples, new HTuple("split"), new HTuple("train"), new HTuple("match"), train);
        assertThat(train.length()).isGreaterThanOrEqualTo(9); // floors 3 + 4 + 2
        HTuple all = new HTuple();
        HOperatorSet.TupleGenSequence(new HTuple(0), new HTuple(14), new HTuple(1), all);
        HTuple fromDisk = new HTuple();
        DlDataset.read_dl_samples(stored, all, fromDisk);
        HTuple inMemory = new HTuple();
        DlDataset.gen_dl_samples(dataset, all, new HTuple("classification"), NONE, inMemory);
        DlPreprocessing.preprocess_dl_samples(inMemory, params);
        for (int i = 0; i < 15; i++) {
            HDict disk = new HDict(fromDisk.getH(i));
            HDict memory = new HDict(inMemory.getH(i));
            assertThat(disk.GetDictTuple("image_id")).isEqualTo(new HTuple(i));
            assertThat(disk.GetDictTuple("image_label_id")).isEqualTo(memory.GetDictTuple("image_label_id"));
            HImage diskImage = new HImage(disk.GetDictObject("image"));
            assertThat(diskImage.getImageType()).isEqualTo("real");
            assertThat(diskImage.countChannels()).isEqualTo(3);
            assertThat(diskImage.getWidth()).isEqualTo(4);
            float[] a = diskImage.toPlanar();
            float[] b = new HImage(memory.GetDictObject("image")).toPlanar();
            assertThat(a).hasSize(36);
            for (int k = 0; k < a.length; k++) {
                assertThat(Float.floatToRawIntBits(a[k])).isEqualTo(Float.floatToRawIntBits(b[k]));
            }
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : a) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(min).isGreaterThanOrEqualTo(-127f);
            assertThat(max).isLessThanOrEqualTo(128f);
        }
    }

    @Test
    void anExistingDirectoryIsKeptReplacedOrReusedAsAsked() throws Exception {
        HTuple dataset = splitDataset();
        HTuple fileName = new HTuple();
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()), params("none"), quiet(null),
                fileName);
        Path sample = out.resolve("samples/3_dlsample.hdict");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(sample, old);
        Files.writeString(out.resolve("samples/stray.txt"), "left from an earlier run");
        String p = "preprocess_dl_dataset";
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()),
                params("none"), quiet(null), new HTuple()), 1302, p);
        // 'auto' with equal parameters and samples: nothing is written
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()), params("none"), quiet("auto"),
                fileName);
        assertThat(Files.getLastModifiedTime(sample)).isEqualTo(old);
        assertThat(fileName).isEqualTo(new HTuple(out + "/dl_dataset.hdict"));
        // 'auto' with other parameters: written anew
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()), params("all_channels"),
                quiet("auto"), fileName);
        assertThat(Files.getLastModifiedTime(sample)).isNotEqualTo(old);
        assertThat(out.resolve("samples/stray.txt")).doesNotExist();
        Files.setLastModifiedTime(sample, old);
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()), params("all_channels"),
                quiet("true"), fileName);
        assertThat(Files.getLastModifiedTime(sample)).isNotEqualTo(old);
    }

    @Test
    void constantValuesStoresTheStandardizedRange() {
        HTuple dataset = splitDataset();
        HTuple params = params("constant_values");
        DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()), params, quiet(null), new HTuple());
        HDict p = new HDict(params.getH(0));
        assertThat(p.GetDictTuple("image_range_min")).isEqualTo(new HTuple(-2.0));
        assertThat(p.GetDictTuple("image_range_max")).isEqualTo(new HTuple(2.0));
    }

    @Test
    void errors() throws Exception {
        HTuple dataset = splitDataset();
        String p = "preprocess_dl_dataset";
        HDict unknown = new HDict();
        unknown.SetDictTuple("overwrite", new HTuple(1));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()),
                params("none"), new HTuple(unknown), new HTuple()), 1304, p);
        HDict weights = new HDict();
        weights.SetDictTuple("max_weight", new HTuple(1000));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()),
                params("none"), new HTuple(weights), new HTuple()), 1304, p);
        HDict badOverwrite = new HDict();
        badOverwrite.SetDictTuple("overwrite_files", new HTuple("always"));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()),
                params("none"), new HTuple(badOverwrite), new HTuple()), 1304, p);
        HTuple badParams = params("none");
        new HDict(badParams.getH(0)).SetDictTuple("domain_handling", new HTuple("keep_domain"));
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(out.toString()),
                badParams, quiet(null), new HTuple()), 1303, p);
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(new HTuple(new HDict()),
                new HTuple(out.toString()), params("none"), quiet(null), new HTuple()), 1301, p);
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(""), params("none"),
                quiet(null), new HTuple()), 1302, p);
        // a directory preprocess_dl_dataset did not write is not removed
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.txt"), "keep me");
        assertProcedureError(() -> DlPreprocessing.preprocess_dl_dataset(dataset, new HTuple(mine.toString()),
                params("none"), quiet(1L), new HTuple()), 1302, p);
        assertThat(mine.resolve("thesis.txt")).exists();
    }
}
