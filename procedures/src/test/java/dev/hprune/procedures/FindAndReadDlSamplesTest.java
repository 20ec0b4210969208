package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureAssertions.assertProcedureError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** find_dl_samples and read_dl_samples: their modes, the sample-file fallback, and their errors by number. */
class FindAndReadDlSamplesTest {
    @TempDir
    Path dir;

    /** Five samples: split, label (one of them a real), a string tuple 'tags', and one with an image under 'tags'. */
    private static HTuple samples() {
        HDict s0 = sample("train", 0L, HTuple.of("a", "b"));
        HDict s1 = sample("validation", 1L, HTuple.of("b"));
        HDict s2 = sample("test", 1.0, null);
        HDict s3 = new HDict();
        s3.SetDictObject(new HImage("byte", 2, 2), "tags");
        HDict s4 = sample("train", 2L, HTuple.of("c"));
        return HTuple.of(s0, s1, s2, s3, s4);
    }

    private static HDict sample(String split, Object label, HTuple tags) {
        HDict sample = new HDict();
        sample.SetDictTuple("split", new HTuple(split));
        sample.SetDictTuple("image_label_id", HTuple.of(label));
        if (tags != null) {
            sample.SetDictTuple("tags", tags);
        }
        return sample;
    }

    static Stream<Arguments> findCases() {
        return Stream.of(
                Arguments.of("split", HTuple.of("train"), "match", new long[] {0, 4}),
                Arguments.of("split", HTuple.of("train", "test"), "or", new long[] {0, 2, 4}),
                Arguments.of("split", HTuple.of("train", "test"), "match", new long[] {}),
                Arguments.of("split", HTuple.of("train", "test"), "contain", new long[] {0, 2, 4}),
                Arguments.of("image_label_id", HTuple.of(1L), "match", new long[] {1, 2}),
                Arguments.of("image_label_id", HTuple.of(2.0), "or", new long[] {4}),
                Arguments.of("tags", HTuple.of("b"), "contain", new long[] {0, 1}),
                Arguments.of("tags", HTuple.of("a", "b"), "match", new long[] {0}),
                Arguments.of("tags", HTuple.of("b", "a"), "match", new long[] {}),
                Arguments.of("tags", HTuple.of("b", "c"), "or", new long[] {1, 4}),
                Arguments.of("tags", HTuple.of("x"), "contain", new long[] {}),
                Arguments.of("tags", new HTuple(), "match", new long[] {}),
                Arguments.of("absent", HTuple.of("train"), "match", new long[] {}));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("findCases")
    void findsByMode(String key, HTuple value, String mode, long[] expected) {
        HTuple indices = HTuple.of(99L, 98L);
        DlDataset.find_dl_samples(samples(), new HTuple(key), value, new HTuple(mode), indices);
        assertThat(indices).isEqualTo(new HTuple(expected));
    }

    @Test
    void findOnNoSamplesIsEmpty() {
        HTuple indices = new HTuple();
        DlDataset.find_dl_samples(new HTuple(), new HTuple("split"), new HTuple("train"), new HTuple("match"), indices);
        assertThat(indices.length()).isZero();
    }

    static Stream<Arguments> findErrors() {
        return Stream.of(
                Arguments.of(new HTuple(), HTuple.of("x"), HTuple.of("match"), 1402),
                Arguments.of(HTuple.of("split", "tags"), HTuple.of("x"), HTuple.of("match"), 1402),
                Arguments.of(HTuple.of(5L), HTuple.of("x"), HTuple.of("match"), 1202),
                Arguments.of(HTuple.of("split"), HTuple.of("x"), HTuple.of("equal"), 1304),
                Arguments.of(HTuple.of("split"), HTuple.of("x"), new HTuple(), 1404),
                Arguments.of(HTuple.of("split"), HTuple.of("x"), HTuple.of(1L), 1204),
                Arguments.of(HTuple.of("split"), new HTuple(), HTuple.of("contain"), 1403));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("findErrors")
    void findRejects(HTuple key, HTuple value, HTuple mode, int code) {
        assertProcedureError(() -> DlDataset.find_dl_samples(samples(), key, value, mode, new HTuple()), code,
                "find_dl_samples");
    }

    @Test
    void findRefusesANonDictSampleAndANullOutput() {
        assertThatThrownBy(() -> DlDataset.find_dl_samples(HTuple.of(7L), new HTuple("split"), new HTuple("train"),
                new HTuple("match"), new HTuple())).isInstanceOf(HalconException.class);
        assertThatThrownBy(() -> DlDataset.find_dl_samples(samples(), new HTuple("split"), new HTuple("train"),
                new HTuple("match"), null))
                .isInstanceOf(HalconException.class)
                .extracting(e -> ((HalconException) e).getErrorCode()).isEqualTo(2956);
    }

    // ---- read_dl_samples ----

    /** A dataset of three samples (image ids 10, 11, 12) whose sample files are written by hand with write_dict. */
    private HTuple dataset() {
        HDict dataset = new HDict();
        dataset.SetDictTuple("dlsample_dir", new HTuple(dir.toString()));
        HTuple samples = new HTuple();
        for (long id = 10; id <= 12; id++) {
            HDict entry = new HDict();
            entry.SetDictTuple("image_id", new HTuple(id));
            entry.SetDictTuple("image_label_id", new HTuple(id % 2));
            samples.append(entry);
        }
        dataset.SetDictTuple("samples", samples);
        writeSampleFile(10, "10_dlsample.hdict");
        writeSampleFile(11, "11_dlsample.hdict");
        new HDict(samples.getH(0)).SetDictTuple("dlsample_file_name", new HTuple("10_dlsample.hdict"));
        // sample 1 has no 'dlsample_file_name': read_dl_samples falls back to <image_id>_dlsample.hdict
        new HDict(samples.getH(2)).SetDictTuple("dlsample_file_name", new HTuple("12_dlsample.hdict")); // not written
        return new HTuple(dataset);
    }

    private void writeSampleFile(long id, String name) {
        float[] pixels = new float[3 * 4 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = -127 + id + i * 0.25f;
        }
        HDict sample = new HDict();
        sample.SetDictObject(HImage.fromPlanar(4, 2, 3, pixels), "image");
        sample.SetDictTuple("image_id", new HTuple(id));
        sample.SetDictTuple("image_label_id", new HTuple(id % 2));
        sample.WriteDict(dir.resolve(name).toString(), new HTuple(), new HTuple());
    }

    @Test
    void readsSampleFilesInTheOrderAsked() {
        HTuple dataset = dataset();
        HTuple batch = new HTuple();
        DlDataset.read_dl_samples(dataset, HTuple.of(1L, 0L, 1L), batch);
        assertThat(batch.length()).isEqualTo(3);
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            HDict sample = new HDict(batch.getH(i));
            ids[i] = sample.GetDictTuple("image_id").getL();
            HImage image = new HImage(sample.GetDictObject("image"));
            float[] planar = image.toPlanar();
            assertThat(planar).hasSize(24);
            for (int p = 0; p < planar.length; p++) {
                assertThat(planar[p]).isEqualTo(-127 + ids[i] + p * 0.25f);
            }
            assertThat(sample.GetDictTuple("image_label_id")).isEqualTo(new HTuple(ids[i] % 2));
        }
        assertThat(ids).containsExactly(11, 10, 11);
        // the fallback recorded the file name in the sample
        HTuple samples = new HDict(dataset.getH(0)).GetDictTuple("samples");
        assertThat(new HDict(samples.getH(1)).GetDictTuple("dlsample_file_name"))
                .isEqualTo(new HTuple("11_dlsample.hdict"));
        // each read is a fresh dict: two reads of one sample are different handles
        assertThat(batch.getH(0)).isNotEqualTo(batch.getH(2));
    }

    @Test
    void readRejectsBadIndices() {
        HTuple dataset = dataset();
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, new HTuple(), new HTuple()), 1402,
                "read_dl_samples");
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(3L), new HTuple()), 1302,
                "read_dl_samples");
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(0L, -1L), new HTuple()), 1302,
                "read_dl_samples");
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(0.0), new HTuple()), 1202,
                "read_dl_samples");
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of("0"), new HTuple()), 1202,
                "read_dl_samples");
    }

    @Test
    void readRejectsADatasetWithoutSampleDirectoryOrSamples() {
        HDict noDir = new HDict();
        noDir.SetDictTuple("samples", new HDict(dataset().getH(0)).GetDictTuple("samples"));
        assertProcedureError(() -> DlDataset.read_dl_samples(new HTuple(noDir), HTuple.of(0L), new HTuple()), 1301,
                "read_dl_samples");
        HDict noSamples = new HDict();
        noSamples.SetDictTuple("dlsample_dir", new HTuple(dir.toString()));
        assertProcedureError(() -> DlDataset.read_dl_samples(new HTuple(noSamples), HTuple.of(0L), new HTuple()),
                1301, "read_dl_samples");
        assertProcedureError(() -> DlDataset.read_dl_samples(new HTuple(), HTuple.of(0L), new HTuple()), 1401,
                "read_dl_samples");
    }

    @Test
    void readReportsMissingAndBrokenFilesWithTheirNumbers() throws Exception {
        HTuple dataset = dataset();
        // recorded name, file absent: read_dict's 5200, reported by the procedure
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(2L), new HTuple()), 5200,
                "read_dl_samples");
        // no recorded name and no <image_id>_dlsample.hdict
        Files.delete(dir.resolve("11_dlsample.hdict"));
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(1L), new HTuple()), 5200,
                "read_dl_samples");
        // a file that is not a dict: read_dict's 5238
        Files.writeString(dir.resolve("10_dlsample.hdict"), "not a dict");
        assertProcedureError(() -> DlDataset.read_dl_samples(dataset, HTuple.of(0L), new HTuple()), 5238,
                "read_dl_samples");
    }

    @Test
    void aFailedReadLeavesTheOutputAsItWas() {
        HTuple dataset = dataset();
        HTuple batch = HTuple.of(42L);
        assertThatThrownBy(() -> DlDataset.read_dl_samples(dataset, HTuple.of(0L, 2L), batch))
                .isInstanceOf(HalconException.class);
        assertThat(batch).isEqualTo(HTuple.of(42L));
    }
}
