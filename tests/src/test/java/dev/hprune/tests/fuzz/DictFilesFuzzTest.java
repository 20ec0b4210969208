package dev.hprune.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hprune.compat.dictfile.DictFiles;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes read_dict with coverage-guided mutations of small dict files (the seeds in
 * {@code DictFilesFuzzTestInputs/readDict}: a binary file with nested dicts, every tuple type, images and an empty
 * handle, and two JSON texts). The first byte picks the file's ending ('.hdict', '.json' or none), the rest is the
 * content. Whatever the bytes, read_dict gives a dict or fails with 5238 (a wrong file format), never with a hidden Java
 * defect; a dict that reads writes in the same format, and reading and writing that file again gives the same bytes.
 */
class DictFilesFuzzTest {
    private static final List<String> ENDINGS = List.of(".hdict", ".json", "");
    private static final Path FOLDER = folder();

    @FuzzTest(maxExecutions = 10_000)
    void readDict(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        String ending = ENDINGS.get(Byte.toUnsignedInt(input[0]) % ENDINGS.size());
        Path file = FOLDER.resolve("input" + ending);
        Files.write(file, Arrays.copyOfRange(input, 1, input.length));
        Handle dict;
        try {
            dict = DictFiles.readDict(List.of(file.toString()), List.of(), List.of());
        } catch (HalconError e) {
            assertThat(e.code()).as("error of %s", e).isEqualTo(ErrorCodes.WRONG_FILE_FORMAT);
            FuzzChecks.assertNoHiddenDefect(e);
            return;
        }
        String type = input.length > 1 && input[1] == (byte) 0x89 ? "hdict" : "json";
        Path first = FOLDER.resolve("first");
        Path second = FOLDER.resolve("second");
        DictFiles.writeDict(List.of(dict), List.of(first.toString()), List.of("file_type"), List.of(type));
        Handle again = DictFiles.readDict(List.of(first.toString()), List.of(), List.of());
        DictFiles.writeDict(List.of(again), List.of(second.toString()), List.of("file_type"), List.of(type));
        assertThat(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)))
                .as("writing the dict read back from a written file gives the same bytes").isTrue();
        dict.clear();
        again.clear();
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("hprune-dict-fuzz");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
