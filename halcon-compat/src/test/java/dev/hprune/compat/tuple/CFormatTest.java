package dev.hprune.compat.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tuple_string's conversions checked against an independent printf: coreutils' printf(1), which formats with the C
 * library's printf. Every format is applied to every value of its kind and the strings must be identical.
 */
class CFormatTest {
    static final List<String> INTEGER_FORMATS = List.of("d", "5d", "-5d", "05d", "+d", " d", ".3d", "8.3d", "x", "X",
            "#x", "o", "#o", "i", "-08d", "u");
    static final List<String> REAL_FORMATS = List.of("f", ".2f", "10.2f", "-10.2f", "+10.3f", "010.2f", ".0f", "#.0f",
            "e", ".3e", "E", "12.4e", "g", ".3g", "G", "#g", ".10g", "+g", " .2f");
    static final long[] INTEGERS = {0, 7, -7, 255, 123456, -98765, Long.MAX_VALUE};
    static final double[] REALS = {0.0, 23.0, -23.0, 1234.56789, 0.0001, 0.00001234, 1e20, -1.5e-7, 0.5, 2.5, 100000.0,
            1234567.0, 3.14159265358979};

    @Test
    void formatsAsCPrintfDoes() throws Exception {
        Path printf = Path.of("/usr/bin/printf");
        assumeTrue(Files.isExecutable(printf), "coreutils printf is the reference");
        List<String> command = new ArrayList<>();
        command.add(printf.toString());
        StringBuilder format = new StringBuilder();
        List<String> ours = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (String f : INTEGER_FORMATS) {
            CFormat parsed = CFormat.parse(f);
            for (long v : INTEGERS) {
                if (f.contains("u") && v < 0) {
                    continue;
                }
                format.append('%').append(f).append('\n');
                args.add(Long.toString(v));
                ours.add(parsed.formatInteger(v));
            }
        }
        for (String f : REAL_FORMATS) {
            CFormat parsed = CFormat.parse(f);
            for (double v : REALS) {
                format.append('%').append(f).append('\n');
                args.add(Double.toString(v));
                ours.add(parsed.formatReal(v));
            }
        }
        for (String f : List.of("s", "6s", "-6s", ".2s", "6.2s")) {
            CFormat parsed = CFormat.parse(f);
            format.append('%').append(f).append('\n');
            args.add("abcd");
            ours.add(parsed.formatString("abcd"));
        }
        command.add(format.toString());
        command.addAll(args);
        List<String> reference = run(command);
        assertThat(ours).hasSize(reference.size());
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as("value %s, line %d", args.get(i), i).isEqualTo(reference.get(i));
        }
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return List.of(output.split("\n", -1)).subList(0, output.split("\n", -1).length - 1);
    }
}
