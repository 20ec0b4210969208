package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.onnx.OnnxWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_dl_model refuses files whose shapes contradict each other, naming the node, instead of failing at apply. */
class ReadDlModelShapeCheckTest {
    @TempDir
    Path folder;

    /**
     * x [N, 3, H, W] -> Conv (weight [4, convIn, 3, 3], pads 1) -> Flatten -> Gemm (weight [features, 2]) -> y [N, 2];
     * the image size is open in the file unless the metadata sets it.
     */
    private static Graph classifier(int convIn, long group, int features, Map<String, String> metadata) {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("conv.w", Tensor.ofFloats(new long[] {4, convIn, 3, 3}, new float[4 * convIn * 9]));
        weights.put("fc.w", Tensor.ofFloats(new long[] {features, 2}, new float[features * 2]));
        List<Node> nodes = List.of(
                new Node("conv", "Conv", List.of("x", "conv.w"), List.of("c"), Map.of(
                        "pads", new Attribute.Ints(List.of(1L, 1L, 1L, 1L)), "group", new Attribute.IntValue(group))),
                new Node("flatten", "Flatten", List.of("c"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "fc.w"), List.of("y")));
        ValueInfo input = new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3),
                ValueInfo.Dim.named("H"), ValueInfo.Dim.named("W")));
        ValueInfo output = new ValueInfo("y", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(2)));
        return new Graph("g", nodes, weights, List.of(input), List.of(output), 17, metadata);
    }

    private Handle read(Graph graph) {
        Path file = folder.resolve("model.onnx");
        OnnxWriter.write(graph, file);
        return DlModelOperators.readDlModel(List.of(file.toString()));
    }

    private HalconError readError(Graph graph) {
        HalconError error = catchThrowableOfType(HalconError.class, () -> read(graph));
        assertThat(error).as("a HalconError").isNotNull();
        return error;
    }

    private static final Map<String, String> SIZE_8X8 = Map.of("halcon.image_width", "8", "halcon.image_height", "8");

    @Test
    void consistentFileReads() {
        assertThat(read(classifier(3, 1, 4 * 8 * 8, SIZE_8X8))).isNotNull();
        assertThat(read(classifier(1, 3, 4 * 8 * 8, SIZE_8X8))).as("grouped: 1 x 3 channels").isNotNull();
    }

    @Test
    void convolutionWeightThatDoesNotFitItsInputIsRefusedAtRead() {
        HalconError error = readError(classifier(2, 1, 4 * 8 * 8, Map.of()));
        assertThat(error.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(error.getMessage()).contains("conv").contains("3 channels");
    }

    @Test
    void groupTimesWeightChannelsMustEqualInputChannels() {
        HalconError error = readError(classifier(1, 2, 4 * 8 * 8, Map.of()));
        assertThat(error.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(error.getMessage()).contains("conv").contains("group 2");
    }

    @Test
    void denseLayerWhoseInnerDimensionDisagreesAtTheModelsImageSizeIsRefusedAtRead() {
        HalconError error = readError(classifier(3, 1, 4 * 8 * 8 + 1, SIZE_8X8));
        assertThat(error.code()).isEqualTo(ErrorCodes.DL_READ_ONNX);
        assertThat(error.getMessage()).contains("fc").contains("inner dimensions");
    }

    @Test
    void withoutAnImageSizeTheDenseLayerCannotBeCheckedAndTheFileReads() {
        assertThat(read(classifier(3, 1, 4 * 8 * 8 + 1, Map.of()))).isNotNull();
    }
}
