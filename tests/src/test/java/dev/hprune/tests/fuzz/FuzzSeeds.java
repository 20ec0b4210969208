package dev.hprune.tests.fuzz;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.testing.TestGraphs;
import dev.hprune.tests.support.SmallCnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seed models of {@link OnnxReaderFuzzTest} into its inputs folder (run once from the tests module; the
 * files are committed): every hand-built test architecture and a tiny CNN, as OnnxWriter writes them.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/dev/hprune/tests/fuzz/OnnxReaderFuzzTestInputs/readModel");
        Files.createDirectories(folder);
        Map<String, Graph> seeds = new LinkedHashMap<>();
        seeds.put("plain-chain", TestGraphs.plainChain());
        seeds.put("residual", TestGraphs.residual());
        seeds.put("depthwise-separable", TestGraphs.depthwiseSeparable());
        seeds.put("squeeze-excitation", TestGraphs.squeezeExcitation());
        seeds.put("concat", TestGraphs.concat());
        seeds.put("flatten-head", TestGraphs.flattenHead());
        seeds.put("reshape-matmul-head", TestGraphs.reshapeMatMulHead());
        seeds.put("small-cnn", SmallCnn.build(8, 1, 2, 3, 3, 1));
        for (Map.Entry<String, Graph> seed : seeds.entrySet()) {
            Path file = folder.resolve("seed-" + seed.getKey() + ".onnx");
            Files.write(file, OnnxWriter.toBytes(seed.getValue()));
            System.out.println(file + ": " + Files.size(file) + " bytes");
        }
    }
}
