package dev.hprune.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark ran on, from /proc: CPU model, clock, SIMD, cores, memory, load; and the physical MAC limit used
 * for the "share of the machine's FLOP limit" row.
 */
record MachineDescription(String cpu, int family, double mhz, boolean avx512, boolean avx2, boolean fma, int cores,
        long memoryMb) {

    static MachineDescription read() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = field(cpuinfo, "model name", "unknown CPU");
        double mhz = Double.parseDouble(field(cpuinfo, "cpu MHz", "0"));
        String flags = " " + field(cpuinfo, "flags", "") + " ";
        long memKb = Long.parseLong(field(lines("/proc/meminfo"), "MemTotal", "0 kB").split("\\s+")[0]);
        int family = Integer.parseInt(field(cpuinfo, "cpu family", "0"));
        return new MachineDescription(model, family, mhz, flags.contains(" avx512f "), flags.contains(" avx2 "),
                flags.contains(" fma "), Runtime.getRuntime().availableProcessors(), memKb / 1024);
    }

    /**
     * Float lanes per FMA instruction that the cores execute at full rate: 16 with AVX-512 on Intel and on AMD from
     * Zen 5 (family 26), whose FMA units are 512 bits wide; 8 with AVX2 and on Zen 4, which splits AVX-512 into two
     * 256-bit halves; 4 without AVX2.
     */
    int lanes() {
        if (avx512 && (!cpu.contains("AMD") || family >= 26)) {
            return 16;
        }
        return avx2 ? 8 : 4;
    }

    /** Peak multiply-accumulates per second: cores x clock x 2 FMA pipes x lanes (cores as the OS counts them). */
    double peakMacsPerSecond() {
        return cores * mhz * 1e6 * (fma ? 2 : 1) * lanes();
    }

    static double loadAverage() {
        return Double.parseDouble(lines("/proc/loadavg").get(0).split(" ")[0]);
    }

    String markdown(String extra) {
        return String.format(Locale.ROOT, "- CPU: %s (family %d), %.0f MHz as reported, %s%s (%d cores as the OS "
                + "counts them)%n"
                + "- memory: %,d MB%n- Java: %s %s%n- TensorFlow oneDNN: %s (TF_ENABLE_ONEDNN_OPTS=%s); a thread "
                + "pool per session: %s (TF_OVERRIDE_GLOBAL_THREADPOOL=%s)%n%s",
                cpu, family, mhz, avx512 ? "AVX-512" : avx2 ? "AVX2" : "SSE", fma ? "+FMA" : "", cores, memoryMb,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                "1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS")) ? "on" : "off",
                System.getenv("TF_ENABLE_ONEDNN_OPTS"),
                "1".equals(System.getenv("TF_OVERRIDE_GLOBAL_THREADPOOL")) ? "yes" : "no",
                System.getenv("TF_OVERRIDE_GLOBAL_THREADPOOL"), extra);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of("0");
        }
    }

    private static String field(List<String> lines, String name, String fallback) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }
}
