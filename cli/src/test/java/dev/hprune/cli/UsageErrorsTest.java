package dev.hprune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong input ends in one line on stderr and a non-zero exit code, never a stack trace. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingModelFileIsOneLineWithHalconsFileNotFound() {
        CliRun run = CliRun.of("inspect", dir.resolve("nope.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hprune: error: model file not found: ").endsWith("(HALCON error 5200)");
    }

    @Test
    void missingDataFolderIsOneLine() {
        CliRun run = CliRun.of("evaluate", dir.resolve("model.onnx").toString(), "--data",
                dir.resolve("no-such-folder").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hprune: error: data folder not found: ").endsWith("(HALCON error 5200)");
    }

    @Test
    void emptyDataFolderIsOneLine() throws IOException {
        Files.createDirectories(dir.resolve("empty/class-a"));
        CliRun run = CliRun.of("prune", dir.resolve("model.onnx").toString(), "--data",
                dir.resolve("empty").toString(), "--percentage", "30", "--out", dir.resolve("p.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("hprune: error: read_dl_dataset_classification: ").contains("no image files found")
                .endsWith("(HALCON error 1301)");
    }

    @Test
    void missingMnistFilesAreOneLine() {
        CliRun run = CliRun.of("sweep", dir.resolve("model.onnx").toString(), "--data", "mnist:" + dir);
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString().startsWith("hprune: error: no MNIST IDX files in ");
    }

    @Test
    void missingRequiredOptionIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("prune", "model.onnx", "--percentage", "30");
        assertThat(run.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("hprune: Missing required options")
                .contains("--help");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("shrink", "model.onnx");
        assertThat(run.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void percentageOutsideHalconsRangeIsOneLine() {
        CliRun run = CliRun.of("prune", "m.onnx", "--data", "builtin", "--percentage", "120", "--out", "p.onnx");
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines()).singleElement().asString().contains("--percentage must be in 0..100");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("inspect", "--verbose", dir.resolve("nope.onnx").toString());
        assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(run.errLines().get(0)).startsWith("hprune: error: model file not found");
        assertThat(run.err()).contains("at dev.hprune.cli.");
    }
}
