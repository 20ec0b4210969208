package dev.hprune.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HalconException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes of the built-in CNN, counted by hand from its layers. */
class ModelStatsTest {
    private final ModelStats stats = ModelStats.of(TestModels.fromGraph(BuiltinCnn.build(8, 10, 1)));

    @Test
    void kernelsAreTheOutputChannelsOfEveryConvolution() {
        assertThat(stats.kernelsPerConv()).containsExactly(java.util.Map.entry("conv1", 16),
                java.util.Map.entry("conv2", 32), java.util.Map.entry("conv3", 32));
        assertThat(stats.kernels()).isEqualTo(80);
    }

    @Test
    void parametersAreAllWeightAndBiasElements() {
        // conv1 16*1*9+16, conv2 32*16*9+32, conv3 32*32*9+32, fc 10*128+10
        assertThat(stats.parameters()).isEqualTo(160 + 4640 + 9248 + 1290);
    }

    @Test
    void macsFollowTheSpatialSizeThroughPooling() {
        // conv1 and conv2 at 8x8, conv3 at 4x4 after the first pool, fc on 32*2*2 features
        assertThat(stats.macs()).isEqualTo(16L * 9 * 64 + 32L * 16 * 9 * 64 + 32L * 32 * 9 * 16 + 10L * 128);
    }

    @Test
    void anUnknownHpruneParameterIs7911() {
        HDlModel model = TestModels.fromGraph(BuiltinCnn.build(8, 10, 1));
        assertThatThrownBy(() -> model.GetDlModelParam("hprune_flops")).isInstanceOfSatisfying(
                HalconException.class, e -> assertThat(e.getErrorCode()).isEqualTo(7911));
        model.ClearDlModel();
    }

    @Test
    void everyConvolutionOfThisChainIsPrunable() {
        assertThat(stats.layers()).filteredOn(l -> l.op().equals("Conv")).allMatch(ModelStats.Layer::prunable);
    }

    /**
     * A squeeze-and-excitation block as torchvision writes it, {@code gate * x}: the gate is 1x1, the product 8x8 again,
     * so the 1x1 conv after it costs 4 x 8 x 64 MACs (the walk the tool once had said 4 x 8, as if the image were 1x1).
     */
    @Test
    void aSqueezeAndExcitationGateKeepsTheSpatialSize() {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        List<Node> nodes = List.of(
                conv("a", "image", 8, 3, 3, weights), new Node("gap", "GlobalAveragePool", List.of("a.y"), List.of("s")),
                conv("s1", "s", 2, 8, 1, weights), new Node("relu", "Relu", List.of("s1.y"), List.of("r")),
                conv("s2", "r", 8, 2, 1, weights), new Node("gate", "HardSigmoid", List.of("s2.y"), List.of("g")),
                new Node("mul", "Mul", List.of("g", "a.y"), List.of("x")), conv("b", "x", 4, 8, 1, weights),
                new Node("gap2", "GlobalAveragePool", List.of("b.y"), List.of("p")),
                new Node("flat", "Flatten", List.of("p"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "fc.w"), List.of("logits"),
                        Map.of("transB", new Attribute.IntValue(1))));
        weights.put("fc.w", Tensor.ofFloats(new long[] {2, 4}, new float[8]));
        Graph graph = new Graph("se", nodes, weights, List.of(ValueInfo.of("image", DataType.FLOAT, -1, 3, 8, 8)),
                List.of(ValueInfo.of("logits", DataType.FLOAT, -1, 2)), 13, Map.of());

        ModelStats se = ModelStats.of(TestModels.fromGraph(graph));

        assertThat(se.layers()).extracting(ModelStats.Layer::macs)
                .containsExactly(8L * 64 * 27, 2L * 8, 8L * 2, 4L * 64 * 8, 2L * 4);
        assertThat(se.macs()).isEqualTo(13824 + 16 + 16 + 2048 + 8);
    }

    private static Node conv(String name, String input, int out, int in, int kernel, Map<String, Tensor> weights) {
        weights.put(name + ".w", Tensor.ofFloats(new long[] {out, in, kernel, kernel}, new float[out * in * kernel * kernel]));
        long pad = kernel / 2;
        return new Node(name, "Conv", List.of(input, name + ".w"), List.of(name + ".y"),
                Map.of("kernel_shape", new Attribute.Ints(List.of((long) kernel, (long) kernel)),
                        "pads", new Attribute.Ints(List.of(pad, pad, pad, pad))));
    }
}
