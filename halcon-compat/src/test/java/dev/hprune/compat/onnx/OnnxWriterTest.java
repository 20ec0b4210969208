package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.onnx.proto.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxWriterTest {

    /** Conv -> Relu -> GlobalAveragePool -> Flatten -> Gemm, with every attribute kind and a named batch. */
    static Graph smallClassifier() {
        Map<String, Tensor> weights = Map.of(
                "w", Tensor.ofFloats(new long[] {4, 3, 3, 3}, new float[108]),
                "fc", Tensor.ofFloats(new long[] {2, 4}, new float[] {1, 2, 3, 4, 5, 6, 7, 8}),
                "fc_b", Tensor.ofFloats(DataType.FLOAT16, new long[] {2}, new float[] {0.5f, -1f}),
                "steps", Tensor.ofLongs(DataType.INT32, new long[] {2}, new long[] {1, -1}),
                "mask", Tensor.ofLongs(DataType.BOOL, new long[] {2}, new long[] {1, 0}));
        List<Node> nodes = List.of(
                new Node("conv", "Conv", List.of("x", "w"), List.of("c"), Map.of(
                        "kernel_shape", new Attribute.Ints(List.of(3L, 3L)),
                        "pads", new Attribute.Ints(List.of(1L, 1L, 1L, 1L)),
                        "auto_pad", new Attribute.StringValue("NOTSET"))),
                new Node("act", "LeakyRelu", List.of("c"), List.of("r"), Map.of("alpha", new Attribute.FloatValue(0.1f))),
                new Node("gap", "GlobalAveragePool", List.of("r"), List.of("p")),
                new Node("flat", "Flatten", List.of("p"), List.of("f"), Map.of("axis", new Attribute.IntValue(1))),
                new Node("", "Gemm", List.of("f", "fc", "fc_b"), List.of("logits"), Map.of(
                        "transB", new Attribute.IntValue(1))),
                new Node("sm", "Softmax", List.of("logits"), List.of("prob"), Map.of(
                        "axis", new Attribute.IntValue(-1))));
        return new Graph("classifier", nodes, new java.util.LinkedHashMap<>(new java.util.TreeMap<>(weights)),
                List.of(new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("batch"), ValueInfo.Dim.fixed(3),
                        ValueInfo.Dim.fixed(8), ValueInfo.Dim.named("")))),
                List.of(ValueInfo.of("prob", DataType.FLOAT, -1, 2)),
                OnnxReader.CANONICAL_OPSET, Map.of("class_ids", "0,1", "producer", "test"));
    }

    @Test
    void readingBackGivesAnEqualGraph() {
        Graph graph = smallClassifier();
        GraphAssertions.assertSameGraph(OnnxReader.read(OnnxWriter.toBytes(graph)), graph);
    }

    @Test
    void writesIrVersion8TheCanonicalOpsetAndRawData() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxWriter.toBytes(smallClassifier()));
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImportList()).singleElement().satisfies(o -> {
            assertThat(o.getDomain()).isEmpty();
            assertThat(o.getVersion()).isEqualTo(17);
        });
        assertThat(model.getGraph().getInitializerList()).allSatisfy(t -> {
            assertThat(t.hasRawData()).isTrue();
            assertThat(t.getFloatDataCount()).isZero();
        });
        assertThat(model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam())
                .isEqualTo("batch");
        assertThat(model.getMetadataPropsList()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactlyInAnyOrder("class_ids=0,1", "producer=test");
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("model.onnx");
        Files.write(file, new byte[] {1, 2, 3});
        OnnxWriter.write(smallClassifier(), file);
        GraphAssertions.assertSameGraph(OnnxReader.read(file), smallClassifier());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeDeletesAbandonedTemporaryFilesOfTheSameTargetOnly(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("model.onnx");
        FileTime old = FileTime.from(Instant.now().minus(OnnxWriter.ABANDONED_AFTER).minusSeconds(10));
        Path abandoned = Files.writeString(folder.resolve(".model.onnx.123.tmp"), "killed mid-write");
        Files.setLastModifiedTime(abandoned, old);
        Path inProgress = Files.writeString(folder.resolve(".model.onnx.456.tmp"), "another process writing now");
        Path otherTarget = Files.writeString(folder.resolve(".other.onnx.789.tmp"), "not ours");
        Files.setLastModifiedTime(otherTarget, old);
        OnnxWriter.write(smallClassifier(), file);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(file, inProgress, otherTarget);
        }
    }

    @Test
    void unserialisableGraphIs7803AndLeavesTheOldFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("model.onnx");
        Files.write(file, new byte[] {1, 2, 3});
        Graph broken = smallClassifier().withNodes(List.of(new Node("n", "Relu", List.of("nowhere"), List.of("prob"))));
        assertThatThrownBy(() -> OnnxWriter.write(broken, file))
                .isInstanceOfSatisfying(HalconError.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.DL_WRITE_ONNX);
                    assertThat(e.detail()).contains("nowhere");
                });
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void unwritableFolderIs7781AndLeavesTheOldFile(@TempDir Path folder) throws IOException {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Path file = locked.resolve("model.onnx");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as a user who may write anywhere (root)");
            assertThatThrownBy(() -> OnnxWriter.write(smallClassifier(), file))
                    .isInstanceOfSatisfying(HalconError.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCodes.DL_FILE_WRITE));
            assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
            try (Stream<Path> files = Files.list(locked)) {
                assertThat(files).containsExactly(file);
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void failedRenameIs7781AndRemovesTheTemporaryFile(@TempDir Path folder) throws IOException {
        Path target = Files.createDirectory(folder.resolve("model.onnx"));
        Files.write(target.resolve("keep.txt"), new byte[] {9});
        assertThatThrownBy(() -> OnnxWriter.write(smallClassifier(), target))
                .isInstanceOfSatisfying(HalconError.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.DL_FILE_WRITE));
        assertThat(Files.readAllBytes(target.resolve("keep.txt"))).containsExactly(9);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void missingFolderIs7781(@TempDir Path folder) {
        assertThatThrownBy(() -> OnnxWriter.write(smallClassifier(), folder.resolve("no/such/model.onnx")))
                .isInstanceOfSatisfying(HalconError.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.DL_FILE_WRITE));
    }

    @Test
    void ppOcrClassifierRoundTripsThroughAFile(@TempDir Path folder) {
        Graph graph = GraphSimplifier.fold(OnnxReader.read(TestMaterial.ppOcrClassifier()),
                Map.of("x", new long[] {-1, 3, 48, 192}));
        Path file = folder.resolve("cls.onnx");
        OnnxWriter.write(graph, file);
        GraphAssertions.assertSameGraph(OnnxReader.read(file), graph);
    }
}
