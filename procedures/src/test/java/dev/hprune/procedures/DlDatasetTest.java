package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import dev.hprune.halcon.StandardProcedures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list_image_files, read_dl_dataset_classification, split_dl_dataset, gen_dl_samples and write_dl_samples. */
class DlDatasetTest {
    @TempDir
    Path dir;

    Path animals;

    @BeforeEach
    void writeImages() {
        animals = dir.resolve("animals");
        ImageFolderFixture.writeAnimals(animals);
    }

    private static String[] strings(HTuple tuple) {
        return tuple.toSArr();
    }

    // ---- list_image_files ----

    @Test
    void listsImagesByExtensionIgnoringCaseAndOnlyRecursivelyWhenAsked() {
        HTuple files = new HTuple();
        FileProcedures.list_image_files(new HTuple(animals.toString()), new HTuple("default"), new HTuple("recursive"),
                files);
        assertThat(files.length()).isEqualTo(15);
        assertThat(strings(files)).contains(animals + "/eel/eel_2.PNG", animals + "/cat/cat_0.png")
                .noneMatch(f -> f.endsWith(".txt"));
        FileProcedures.list_image_files(new HTuple(animals.toString()), new HTuple(), new HTuple(), files);
        assertThat(files.length()).as("the class folders are not entered without 'recursive'").isZero();
        FileProcedures.list_image_files(new HTuple(animals + "/eel"), new HTuple(".png"), new HTuple(), files);
        assertThat(strings(files)).containsExactly(animals + "/eel/eel_0.png", animals + "/eel/eel_1.png",
                animals + "/eel/eel_2.PNG");
        FileProcedures.list_image_files(HTuple.of(animals + "/eel", animals + "/cat"), HTuple.of("txt", "jpg"),
                HTuple.of("recursive"), files);
        assertThat(files.length()).isZero();
        FileProcedures.list_image_files(HTuple.of(animals + "/dog", animals + "/eel"), HTuple.of("TXT", "png"),
                new HTuple(), files);
        assertThat(strings(files)).hasSize(11).startsWith(animals + "/dog/dog_0.png").contains(animals + "/dog/notes.txt");
    }

    @Test
    void listImageFilesErrors() {
        assertProcedureError(() -> FileProcedures.list_image_files(HTuple.of(3L), new HTuple(), new HTuple(),
                new HTuple()), 1201, "list_image_files");
        assertProcedureError(() -> FileProcedures.list_image_files(new HTuple(animals.toString()), HTuple.of(1L),
                new HTuple(), new HTuple()), 1202, "list_image_files");
        assertProcedureError(() -> FileProcedures.list_image_files(new HTuple(animals.toString()), HTuple.of("."),
                new HTuple(), new HTuple()), 1302, "list_image_files");
        assertThatThrownBy(() -> FileProcedures.list_image_files(new HTuple(dir + "/absent"), new HTuple(),
                new HTuple(), new HTuple()))
                .isInstanceOf(HalconException.class)
                .extracting(e -> ((HalconException) e).getErrorCode()).isEqualTo(5200);
    }

    // ---- read_dl_dataset_classification ----

    private HTuple readAnimals() {
        HTuple dataset = new HTuple();
        DlDataset.read_dl_dataset_classification(new HTuple(animals.toString()), new HTuple("last_folder"), dataset);
        return dataset;
    }

    @Test
    void readsClassesFromTheLastFolder() {
        HDict dataset = new HDict(readAnimals().getH(0));
        assertThat(dataset.GetDictTuple("image_dir")).isEqualTo(new HTuple(animals.toString()));
        assertThat(dataset.GetDictTuple("class_names")).isEqualTo(HTuple.of("cat", "dog", "eel"));
        assertThat(dataset.GetDictTuple("class_ids")).isEqualTo(new HTuple(new long[] {0, 1, 2}));
        HTuple samples = dataset.GetDictTuple("samples");
        assertThat(samples.length()).isEqualTo(15);
        for (int i = 0; i < samples.length(); i++) {
            HDict sample = new HDict(samples.getH(i));
            assertThat(sample.GetDictTuple("image_id")).isEqualTo(new HTuple(i));
            String file = sample.GetDictTuple("image_file_name").getS();
            long label = sample.GetDictTuple("image_label_id").getL();
            assertThat(file).startsWith(new String[] {"cat/", "dog/", "eel/"}[(int) label]);
            assertThat(Files.isRegularFile(animals.resolve(file))).isTrue();
        }
        assertThat(new HDict(samples.getH(0)).GetDictTuple("image_file_name")).isEqualTo(new HTuple("cat/cat_0.png"));
        assertThat(new HDict(samples.getH(14)).GetDictTuple("image_file_name")).isEqualTo(new HTuple("eel/eel_2.PNG"));
    }

    @Test
    void readsClassesFromFileNames() throws Exception {
        Path fruit = dir.resolve("fruit");
        ImageFolderFixture.writePng(fruit.resolve("apple_01.png"), 0, 0, true);
        ImageFolderFixture.writePng(fruit.resolve("apple_02.png"), 0, 1, true);
        ImageFolderFixture.writePng(fruit.resolve("pear-3.png"), 1, 0, true);
        ImageFolderFixture.writePng(fruit.resolve("sub/kiwi.png"), 2, 0, true);
        ImageFolderFixture.writePng(fruit.resolve("0042.png"), 3, 0, true);
        HTuple dataset = new HTuple();
        DlDataset.read_dl_dataset_classification(new HTuple(fruit + "/"), new HTuple("file_name_remove_index"),
                dataset);
        HDict byIndex = new HDict(dataset.getH(0));
        assertThat(byIndex.GetDictTuple("image_dir")).isEqualTo(new HTuple(fruit.toString()));
        assertThat(byIndex.GetDictTuple("class_names")).isEqualTo(HTuple.of("0042", "apple", "kiwi", "pear"));
        assertThat(labels(byIndex)).containsExactly(0L, 1L, 1L, 3L, 2L);
        DlDataset.read_dl_dataset_classification(new HTuple(fruit.toString()), new HTuple("file_name"), dataset);
        HDict byName = new HDict(dataset.getH(0));
        assertThat(byName.GetDictTuple("class_names"))
                .isEqualTo(HTuple.of("0042", "apple_01", "apple_02", "kiwi", "pear-3"));
        assertThat(labels(byName)).containsExactly(0L, 1L, 2L, 4L, 3L);
    }

    private static List<Long> labels(HDict dataset) {
        HTuple samples = dataset.GetDictTuple("samples");
        List<Long> labels = new ArrayList<>();
        for (int i = 0; i < samples.length(); i++) {
            labels.add(new HDict(samples.getH(i)).GetDictTuple("image_label_id").getL());
        }
        return labels;
    }

    @Test
    void severalFoldersGiveFullPathsAndNoImageDir() {
        HTuple dataset = new HTuple();
        DlDataset.read_dl_dataset_classification(HTuple.of(animals + "/eel", animals + "/cat"),
                new HTuple("last_folder"), dataset);
        HDict d = new HDict(dataset.getH(0));
        assertThat(d.GetDictTuple("image_dir")).isEqualTo(new HTuple(""));
        assertThat(d.GetDictTuple("class_names")).isEqualTo(HTuple.of("cat", "eel"));
        HDict first = new HDict(d.GetDictTuple("samples").getH(0));
        assertThat(first.GetDictTuple("image_file_name")).isEqualTo(new HTuple(animals + "/eel/eel_0.png"));
        assertThat(first.GetDictTuple("image_label_id")).isEqualTo(new HTuple(1));
    }

    @Test
    void readDatasetErrors() throws Exception {
        String p = "read_dl_dataset_classification";
        assertProcedureError(() -> DlDataset.read_dl_dataset_classification(new HTuple(animals.toString()),
                new HTuple("folder"), new HTuple()), 1302, p);
        assertProcedureError(() -> DlDataset.read_dl_dataset_classification(new HTuple(animals.toString()),
                HTuple.of("last_folder", "file_name"), new HTuple()), 1402, p);
        assertProcedureError(() -> DlDataset.read_dl_dataset_classification(new HTuple(),
                new HTuple("last_folder"), new HTuple()), 1401, p);
        assertProcedureError(() -> DlDataset.read_dl_dataset_classification(HTuple.of(1L),
                new HTuple("last_folder"), new HTuple()), 1201, p);
        Files.createDirectories(dir.resolve("empty"));
        assertProcedureError(() -> DlDataset.read_dl_dataset_classification(new HTuple(dir + "/empty"),
                new HTuple("last_folder"), new HTuple()), 1301, p);
        assertThatThrownBy(() -> DlDataset.read_dl_dataset_classification(new HTuple(dir + "/absent"),
                new HTuple("last_folder"), new HTuple()))
                .isInstanceOf(HalconException.class)
                .extracting(e -> ((HalconException) e).getErrorCode()).isEqualTo(5200);
    }

    // ---- split_dl_dataset ----

    private static List<String> splits(HTuple dataset) {
        HTuple samples = new HDict(dataset.getH(0)).GetDictTuple("samples");
        List<String> splits = new ArrayList<>();
        for (int i = 0; i < samples.length(); i++) {
            splits.add(new HDict(samples.getH(i)).GetDictTuple("split").getS());
        }
        return splits;
    }

    private static HTuple overwrite() {
        HDict genParam = new HDict();
        genParam.SetDictTuple("overwrite_split", new HTuple("true"));
        return new HTuple(genParam);
    }

    private static void seed(long seed) {
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seed));
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        HTuple dataset = readAnimals();
        seed(42);
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), new HTuple());
        List<String> first = splits(dataset);
        seed(42);
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), overwrite());
        assertThat(splits(dataset)).isEqualTo(first);
        seed(43);
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), overwrite());
        List<String> other = splits(dataset);
        seed(44);
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), overwrite());
        assertThat(List.of(other, splits(dataset))).as("another seed, another split").anyMatch(s -> !s.equals(first));
    }

    /**
     * The split HALCON's procedure draws, replayed here with the same random calls in the documented order: classes by
     * size (eel 3, cat 5, dog 7), a tuple_shuffle each, floor shares, one tuple_rand per leftover sample walked from the
     * largest ratio down.
     */
    @Test
    void drawsAsHalconsProcedureDraws() {
        HTuple dataset = readAnimals();
        seed(7);
        DlDataset.split_dl_dataset(dataset, new HTuple(60), new HTuple(25.0), new HTuple());
        List<String> actual = splits(dataset);

        seed(7);
        String[] expected = new String[15];
        int[][] classes = {{12, 13, 14}, {0, 1, 2, 3, 4}, {5, 6, 7, 8, 9, 10, 11}}; // eel, cat, dog by image_id
        double[] ratios = {0.60, 0.25, 0.15};
        String[] names = {"train", "validation", "test"};
        for (int[] members : classes) {
            HTuple shuffled = new HTuple();
            StandardProcedures.TupleShuffle(new HTuple(members), shuffled);
            int next = 0;
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < (int) Math.floor(ratios[s] * members.length); k++) {
                    expected[shuffled.getI(next++)] = names[s];
                }
            }
            for (; next < members.length; next++) {
                double u = HTuple.TupleRand(new HTuple(1)).getD();
                String chosen = u <= 0.60 ? "train" : u - 0.60 <= 0.25 ? "validation" : "test";
                expected[shuffled.getI(next)] = chosen;
            }
        }
        assertThat(actual).containsExactly(expected);
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach(s -> counts.merge(s, 1, Integer::sum));
        // floors alone: eel 1/0/0, cat 3/1/0, dog 4/1/1, so at least 8 train, 2 validation, 1 test
        assertThat(counts.get("train")).isGreaterThanOrEqualTo(8);
        assertThat(counts.get("validation")).isGreaterThanOrEqualTo(2);
        assertThat(counts.getOrDefault("test", 0)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void extremeSharesPutEverySampleInOneSplit() {
        HTuple dataset = readAnimals();
        DlDataset.split_dl_dataset(dataset, new HTuple(100), new HTuple(0), new HTuple());
        assertThat(splits(dataset)).containsOnly("train");
        DlDataset.split_dl_dataset(dataset, new HTuple(0), new HTuple(100), overwrite());
        assertThat(splits(dataset)).containsOnly("validation");
        DlDataset.split_dl_dataset(dataset, new HTuple(0), new HTuple(0), overwrite());
        assertThat(splits(dataset)).containsOnly("test");
    }

    @Test
    void splitErrors() {
        HTuple dataset = readAnimals();
        String p = "split_dl_dataset";
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(-1), new HTuple(15), new HTuple()),
                1302, p);
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(-0.5),
                new HTuple()), 1303, p);
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(31), new HTuple()),
                1303, p);
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple("70"), new HTuple(15),
                new HTuple()), 1202, p);
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(), new HTuple(15), new HTuple()),
                1402, p);
        HDict unknown = new HDict();
        unknown.SetDictTuple("shuffle", new HTuple(1));
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15),
                new HTuple(unknown)), 1304, p);
        HDict badFlag = new HDict();
        badFlag.SetDictTuple("overwrite_split", new HTuple(2));
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15),
                new HTuple(badFlag)), 1304, p);
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15),
                new HTuple("overwrite_split")), 1204, p);
        DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), new HTuple());
        assertProcedureError(() -> DlDataset.split_dl_dataset(dataset, new HTuple(70), new HTuple(15), new HTuple()),
                1301, p);
        // a sample dict with no known label key: the model type cannot be guessed
        HDict bare = new HDict();
        bare.SetDictTuple("samples", new HTuple(new HDict()));
        assertProcedureError(() -> DlDataset.split_dl_dataset(new HTuple(bare), new HTuple(70), new HTuple(15),
                new HTuple()), 1301, p);
        // ... unless the model type is given; then a classification sample must have a label
        HDict classification = new HDict();
        classification.SetDictTuple("model_type", new HTuple("classification"));
        assertProcedureError(() -> DlDataset.split_dl_dataset(new HTuple(bare), new HTuple(70), new HTuple(15),
                new HTuple(classification)), 1301, p);
        HDict anomaly = new HDict();
        anomaly.SetDictTuple("model_type", new HTuple("anomaly_detection"));
        DlDataset.split_dl_dataset(new HTuple(bare), new HTuple(100), new HTuple(0), new HTuple(anomaly));
        assertThat(splits(new HTuple(bare))).containsExactly("train");
    }

    // ---- gen_dl_samples and write_dl_samples ----

    @Test
    void genDlSamplesReadsTheImagesWithIdAndLabel() {
        HTuple dataset = readAnimals();
        HTuple batch = new HTuple();
        DlDataset.gen_dl_samples(dataset, HTuple.of(6L, 0L), new HTuple("classification"), new HTuple(), batch);
        assertThat(batch.length()).isEqualTo(2);
        HDict dog = new HDict(batch.getH(0));
        assertThat(dog.GetDictTuple("image_id")).isEqualTo(new HTuple(6));
        assertThat(dog.GetDictTuple("image_label_id")).isEqualTo(new HTuple(1));
        HImage dogImage = new HImage(dog.GetDictObject("image"));
        assertThat(dogImage.countChannels()).isEqualTo(1);
        assertThat(dogImage.getImageType()).isEqualTo("byte");
        assertPixels(dogImage, 1, 1, 1); // dog_1.png: class 1, image 1
        HImage catImage = new HImage(new HDict(batch.getH(1)).GetDictObject("image"));
        assertThat(catImage.countChannels()).isEqualTo(3);
        assertPixels(catImage, 0, 0, 3);
        HTuple keys = dog.GetDictParam("keys", new HTuple());
        assertThat(strings(keys)).containsExactlyInAnyOrder("image", "image_id", "image_label_id");
        DlDataset.gen_dl_samples(dataset, HTuple.of(0L), new HTuple("image_only"), new HTuple(), batch);
        assertThat(strings(new HDict(batch.getH(0)).GetDictParam("keys", new HTuple())))
                .containsExactlyInAnyOrder("image", "image_id");
    }

    @Test
    void genDlSamplesUsesFullNamesWithoutImageDirAndCopiesAnomalyLabels() {
        HTuple dataset = new HTuple();
        DlDataset.read_dl_dataset_classification(HTuple.of(animals + "/eel", animals + "/dog"),
                new HTuple("last_folder"), dataset);
        HTuple samples = new HDict(dataset.getH(0)).GetDictTuple("samples");
        new HDict(samples.getH(3)).SetDictTuple("anomaly_label", new HTuple("nok"));
        HTuple batch = new HTuple();
        DlDataset.gen_dl_samples(dataset, HTuple.of(3L, 4L), new HTuple("anomaly_detection"), new HTuple(), batch);
        HDict withLabel = new HDict(batch.getH(0));
        assertThat(strings(withLabel.GetDictParam("keys", new HTuple())))
                .containsExactlyInAnyOrder("image", "image_id", "anomaly_label");
        assertThat(withLabel.GetDictTuple("anomaly_label")).isEqualTo(new HTuple("nok"));
        assertPixels(new HImage(withLabel.GetDictObject("image")), 1, 0, 1); // the first dog, by its full name
        assertThat(strings(new HDict(batch.getH(1)).GetDictParam("keys", new HTuple())))
                .containsExactlyInAnyOrder("image", "image_id");
    }

    static void assertPixels(HImage image, int classIndex, int index, int channels) {
        float[] planar = image.toPlanar();
        int w = ImageFolderFixture.WIDTH;
        int h = ImageFolderFixture.HEIGHT;
        assertThat(planar).hasSize(w * h * channels);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(planar[c * w * h + y * w + x])
                            .isEqualTo(ImageFolderFixture.value(classIndex, index, x, y, c));
                }
            }
        }
    }

    @Test
    void genDlSamplesErrors() throws Exception {
        HTuple dataset = readAnimals();
        String p = "gen_dl_samples";
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(15L), new HTuple("classification"),
                new HTuple(), new HTuple()), 1302, p);
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, new HTuple(), new HTuple("classification"),
                new HTuple(), new HTuple()), 1402, p);
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(0L), new HTuple("labels"),
                new HTuple(), new HTuple()), 1303, p);
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(0L), new HTuple("detection"),
                new HTuple(), new HTuple()), 1303, p);
        HDict unknown = new HDict();
        unknown.SetDictTuple("ignore_labels", new HTuple(1));
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(0L), new HTuple("classification"),
                new HTuple(unknown), new HTuple()), 1304, p);
        HTuple samples = new HDict(dataset.getH(0)).GetDictTuple("samples");
        new HDict(samples.getH(1)).RemoveDictKey("image_label_id");
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(1L), new HTuple("classification"),
                new HTuple(), new HTuple()), 1301, p);
        HDict ignore = new HDict();
        ignore.SetDictTuple("ignore_missing_labels", new HTuple(1));
        HTuple batch = new HTuple();
        DlDataset.gen_dl_samples(dataset, HTuple.of(1L), new HTuple("classification"), new HTuple(ignore), batch);
        assertThat(strings(new HDict(batch.getH(0)).GetDictParam("keys", new HTuple())))
                .containsExactlyInAnyOrder("image", "image_id");
        DlDataset.gen_dl_samples(dataset, HTuple.of(1L), new HTuple("off"), new HTuple(), batch);
        Files.delete(animals.resolve("cat/cat_2.png"));
        assertProcedureError(() -> DlDataset.gen_dl_samples(dataset, HTuple.of(2L), new HTuple("classification"),
                new HTuple(), new HTuple()), 5200, p);
    }

    @Test
    void writtenSamplesReadBackEqual() {
        HTuple dataset = readAnimals();
        Path samplesDir = dir.resolve("pre/samples");
        HOperatorSet.MakeDir(new HTuple(samplesDir.toString()));
        new HDict(dataset.getH(0)).SetDictTuple("dlsample_dir", new HTuple(samplesDir.toString()));
        HTuple batch = new HTuple();
        DlDataset.gen_dl_samples(dataset, HTuple.of(3L, 9L), new HTuple("classification"), new HTuple(), batch);
        DlDataset.write_dl_samples(dataset, HTuple.of(3L, 9L), batch, new HTuple(), new HTuple());
        assertThat(samplesDir.resolve("3_dlsample.hdict")).isRegularFile();
        assertThat(samplesDir.resolve("9_dlsample.hdict")).isRegularFile();
        HTuple samples = new HDict(dataset.getH(0)).GetDictTuple("samples");
        assertThat(new HDict(samples.getH(9)).GetDictTuple("dlsample_file_name"))
                .isEqualTo(new HTuple("9_dlsample.hdict"));
        HTuple back = new HTuple();
        DlDataset.read_dl_samples(dataset, HTuple.of(9L, 3L), back);
        HDict dog = new HDict(back.getH(0));
        assertThat(dog.GetDictTuple("image_id")).isEqualTo(new HTuple(9));
        assertThat(dog.GetDictTuple("image_label_id")).isEqualTo(new HTuple(1));
        assertPixels(new HImage(dog.GetDictObject("image")), 1, 4, 1); // image 9 is dog_4.png
        assertPixels(new HImage(new HDict(back.getH(1)).GetDictObject("image")), 0, 3, 3);
    }

    @Test
    void writeDlSamplesErrors() {
        HTuple dataset = readAnimals();
        String p = "write_dl_samples";
        HTuple batch = new HTuple();
        DlDataset.gen_dl_samples(dataset, HTuple.of(3L, 9L), new HTuple("classification"), new HTuple(), batch);
        assertProcedureError(() -> DlDataset.write_dl_samples(dataset, HTuple.of(3L, 9L), batch, new HTuple(),
                new HTuple()), 1301, p);
        new HDict(dataset.getH(0)).SetDictTuple("dlsample_dir", new HTuple(dir.toString()));
        assertProcedureError(() -> DlDataset.write_dl_samples(dataset, HTuple.of(3L), batch, new HTuple(),
                new HTuple()), 1403, p);
        assertProcedureError(() -> DlDataset.write_dl_samples(dataset, HTuple.of(9L, 3L), batch, new HTuple(),
                new HTuple()), 1303, p);
        assertProcedureError(() -> DlDataset.write_dl_samples(dataset, HTuple.of(3L, 99L), batch, new HTuple(),
                new HTuple()), 1302, p);
        assertProcedureError(() -> DlDataset.write_dl_samples(dataset, new HTuple(), new HTuple(), new HTuple(),
                new HTuple()), 1402, p);
    }
}
