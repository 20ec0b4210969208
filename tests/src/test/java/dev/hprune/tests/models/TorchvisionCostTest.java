package dev.hprune.tests.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.prune.ModelCost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ModelCost} on torchvision exports against torch's own count: forward hooks on every Conv2d and Linear of the
 * module give each layer's multiply-accumulates (src/test/python/torch_costs.py), the ONNX file read with Python's onnx
 * gives the parameters. MobileNetV3 and EfficientNet gate with squeeze-and-excitation ({@code scale * input}), ResNet
 * has strided convolutions and a max pool. Exported once into {@code .cache/model-costs} (delete it to export again);
 * skipped only where Debian's python3-torch is not installed.
 */
class TorchvisionCostTest {
    private static final Path PYTHON = Path.of(System.getProperty("hprune.python", "/usr/bin/python3"));
    private static final Path SCRIPT = Path.of("src", "test", "python", "torch_costs.py");
    private static final Path CACHE = Path.of("..", ".cache", "model-costs");

    @ParameterizedTest
    @ValueSource(strings = {"mobilenet_v3_small", "resnet18", "efficientnet_b0"})
    void multiplyAccumulatesAndParametersMatchTorch(String name) throws Exception {
        Path costs = export(name);
        List<String> expectedLayers = new ArrayList<>();
        long expectedMacs = -1;
        long expectedParameters = -1;
        for (String line : Files.readAllLines(costs, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "layer" -> expectedLayers.add(f[1] + " " + f[2] + " " + f[3]);
                case "macs" -> expectedMacs = Long.parseLong(f[1]);
                case "parameters" -> expectedParameters = Long.parseLong(f[1]);
                default -> throw new IllegalStateException("unexpected line in " + costs + ": " + line);
            }
        }

        ModelCost cost = ModelCost.of(OnnxReader.read(CACHE.resolve(name + ".onnx")), 3, 64, 64);

        // torch runs its modules in the order the exporter writes their nodes
        assertThat(cost.layers()).extracting(l -> l.op() + " " + l.kernels() + " " + l.macs())
                .containsExactlyElementsOf(expectedLayers);
        assertThat(cost.macs()).isEqualTo(expectedMacs);
        assertThat(cost.parameters()).isEqualTo(expectedParameters);
    }

    private static Path export(String name) throws IOException, InterruptedException {
        Path costs = CACHE.resolve(name + ".costs");
        Path onnx = CACHE.resolve(name + ".onnx");
        if (Files.exists(costs) && Files.exists(onnx)
                && Files.getLastModifiedTime(costs).compareTo(Files.getLastModifiedTime(SCRIPT)) > 0) {
            return costs;
        }
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " on this machine");
        assumeTrue(new ProcessBuilder(PYTHON.toString(), "-c", "import torch, torchvision, onnx")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0,
                "Debian's python3-torch, python3-torchvision and python3-onnx are not installed");
        Files.createDirectories(CACHE);
        Process export = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), CACHE.toString(), name)
                .redirectErrorStream(true).start();
        String log = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(export.exitValue()).as(log).isZero();
        return costs;
    }
}
