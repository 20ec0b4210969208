package dev.hprune.compat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RandomSource is C's drand48: checked against the C library's srand48/drand48, called from Python through ctypes. */
class RandomSourceTest {

    @Test
    void drawsWhatTheCLibrarysDrand48Draws() throws Exception {
        long[] seeds = {0, 1, 42, 4711, 2147483647L, -5};
        StringBuilder script = new StringBuilder("import ctypes\nlibc = ctypes.CDLL('libc.so.6')\n"
                + "libc.drand48.restype = ctypes.c_double\n");
        for (long seed : seeds) {
            script.append("libc.srand48(ctypes.c_long(").append(seed).append("))\n")
                    .append("print(' '.join(repr(libc.drand48()) for _ in range(5)))\n");
        }
        List<String> lines = python(script.toString());
        assumeTrue(lines != null, "python3 with ctypes and glibc is the reference");
        for (int s = 0; s < seeds.length; s++) {
            RandomSource source = new RandomSource(seeds[s]);
            List<Double> ours = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ours.add(source.nextDouble());
            }
            List<Double> reference = new ArrayList<>();
            for (String value : lines.get(s).trim().split(" ")) {
                reference.add(Double.parseDouble(value));
            }
            assertThat(ours).as("seed %d", seeds[s]).isEqualTo(reference);
        }
    }

    @Test
    void nextIntStaysInItsRange() {
        RandomSource source = new RandomSource(3);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[source.nextInt(3)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    private static List<String> python(String script) {
        try {
            Process process = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? List.of(output.split("\n")) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
