package dev.hprune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in default, run once in-process as `hprune --quiet --report DIR`. */
class DefaultRunTest {
    @TempDir
    static Path dir;

    static CliRun run;

    @BeforeAll
    static void runDefault() {
        run = CliRun.of("--quiet", "--report", dir.resolve("report").toString());
    }

    @Test
    void exitsWithZero() {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void printsTheTableBeforeAndAfterPruningAt30And50Percent() {
        assertThat(run.out()).contains("original", "pruned 30 %", "pruned 30 % + retrained", "pruned 50 %",
                "pruned 50 % + retrained", "accuracy", "kernels", "parameters", "MACs", "total time:");
    }

    @Test
    void trainedModelIsAccurateOnHeldOutDigits() {
        assertThat(accuracy("original")).isGreaterThan(90.0);
    }

    @Test
    void retrainedHalfPrunedModelStaysAccurate() {
        assertThat(accuracy("pruned 50 % \\+ retrained")).isGreaterThan(85.0);
    }

    @Test
    void pruningRemovesKernels() {
        assertThat(kernels("pruned 50 %")).isLessThan(kernels("pruned 30 %"));
        assertThat(kernels("pruned 30 %")).isLessThan(kernels("original"));
    }

    @Test
    void quietWritesNothingToStderr() {
        assertThat(run.errLines()).isEmpty();
    }

    @Test
    void reportReferencesPngChartsThatExist() throws IOException {
        Path html = dir.resolve("report").resolve("report.html");
        assertThat(run.out()).contains("report: " + html.toAbsolutePath().normalize());
        String text = Files.readString(html);
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(text);
        int count = 0;
        while (images.find()) {
            Path png = html.resolveSibling(images.group(1));
            assertThat(png).exists();
            byte[] head = Files.readAllBytes(png);
            assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            count++;
        }
        assertThat(count).isEqualTo(2);
    }

    private static double accuracy(String label) {
        Matcher row = Pattern.compile("(?m)^" + label + "\\s+(\\d+\\.\\d+) %").matcher(run.out());
        assertThat(row.find()).as("row '%s' in%n%s", label, run.out()).isTrue();
        return Double.parseDouble(row.group(1));
    }

    private static int kernels(String label) {
        Matcher row = Pattern.compile("(?m)^" + label + "\\s+\\S+ %\\s+(\\d+)\\s").matcher(run.out());
        assertThat(row.find()).as("row '%s' in%n%s", label, run.out()).isTrue();
        return Integer.parseInt(row.group(1));
    }
}
