package dev.hprune.compat.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.graph.Node;
import dev.hprune.compat.onnx.SupportedOperators;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry is the supported list, and no kind in it is half supported. */
class OpKindsTest {

    /** Kinds whose channels are deliberately not followed: shape arithmetic, and Softmax that mixes channels. */
    private static final Set<String> BARRIERS = Set.of("Constant", "Shape", "Gather", "Unsqueeze",
            "ConstantOfShape", "Softmax", "LogSoftmax");

    /** A proxy of {@code engine} that records the names of the methods called on it. */
    @SuppressWarnings("unchecked")
    private static <T> T recorder(Class<T> engine, List<String> calls) {
        return (T) Proxy.newProxyInstance(engine.getClassLoader(), new Class<?>[] {engine}, (proxy, method, args) -> {
            calls.add(method.getName());
            return method.getReturnType() == Node.class ? args[0] : null;
        });
    }

    private static Node node(String op) {
        return new Node("n", op, List.of("x", "y"), List.of("z"));
    }

    @Test
    void registryIsTheSupportedOperatorList() {
        assertThat(OpKinds.names()).containsExactlyInAnyOrderElementsOf(SupportedOperators.all());
        assertThat(OpKinds.all()).extracting(OpKind::name).containsExactlyElementsOf(OpKinds.names());
        assertThat(OpKinds.of("GlobalMaxPool")).isPresent();
        assertThat(OpKinds.of("Elu")).isEmpty();
        assertThat(SupportedOperators.contains("Elu")).isFalse();
    }

    @Test
    void everyKindNamesOneShapeRuleAndOneChannelPattern() {
        Map<String, String> patterns = new TreeMap<>();
        for (OpKind kind : OpKinds.all()) {
            List<String> shapeCalls = new ArrayList<>();
            kind.shapes(node(kind.name()), recorder(ShapeEngine.class, shapeCalls));
            assertThat(shapeCalls).as(kind.name() + " shape rule").hasSize(1);
            List<String> flowCalls = new ArrayList<>();
            kind.flow(node(kind.name()), recorder(ChannelEngine.class, flowCalls));
            assertThat(flowCalls).as(kind.name() + " channel pattern").hasSize(1);
            patterns.put(kind.name(), flowCalls.get(0));
        }
        Set<String> barriers = new TreeSet<>();
        patterns.forEach((op, pattern) -> {
            if (pattern.equals("barrier")) {
                barriers.add(op);
            }
        });
        assertThat(barriers).as("kinds whose channels are not followed").containsExactlyInAnyOrderElementsOf(BARRIERS);
        assertThat(patterns).containsEntry("GlobalMaxPool", "passThrough").containsEntry("Pow", "tie")
                .containsEntry("Erf", "elementwise").containsEntry("Sqrt", "elementwise")
                .containsEntry("BatchNormalization", "passThrough").containsEntry("MaxPool", "passThrough")
                .containsEntry("LayerNormalization", "layerNorm")
                .containsEntry("Add", "tie").containsEntry("Conv", "conv").containsEntry("Gemm", "dense")
                .containsEntry("Reshape", "flatten").containsEntry("Concat", "concat")
                .containsEntry("Pad", "pad").containsEntry("ReduceMean", "reduceMean")
                .containsEntry("Transpose", "channelsLast").containsEntry("Split", "subRanges")
                .containsEntry("Slice", "subRanges");
    }

    @Test
    void everyKindHasAnArityAtEachImportedOpset() {
        for (OpKind kind : OpKinds.all()) {
            for (long opset = 9; opset <= 17; opset++) {
                Arity arity = kind.arity(opset);
                assertThat(arity).as(kind.name() + " at opset " + opset).isNotNull();
                if (!arity.absent()) {
                    assertThat(arity.required()).as(kind.name()).isBetween(0, arity.max());
                }
            }
            assertThat(kind.arity(17).absent()).as(kind.name() + " exists at the canonical opset").isFalse();
        }
        assertThat(OpKinds.of("LayerNormalization").orElseThrow().arity(16).absent()).isTrue();
        assertThat(OpKinds.of("LayerNormalization").orElseThrow().arity(17)).isEqualTo(Arity.between(2, 3));
        assertThat(OpKinds.of("Split").orElseThrow().arity(12)).isEqualTo(Arity.exactly(1));
        assertThat(OpKinds.of("Split").orElseThrow().arity(13)).isEqualTo(Arity.between(1, 2));
        assertThat(OpKinds.of("Clip").orElseThrow().arity(10)).isEqualTo(Arity.exactly(1));
    }

    @Test
    void onlyKindsThatReadWeightsByChannelAreCut() {
        Set<String> cut = new TreeSet<>();
        for (OpKind kind : OpKinds.all()) {
            List<String> calls = new ArrayList<>();
            Node node = node(kind.name());
            Node result = kind.cut(node, recorder(ChannelCut.class, calls));
            assertThat(calls).as(kind.name()).hasSizeLessThanOrEqualTo(1);
            if (calls.isEmpty()) {
                assertThat(result).isSameAs(node);
            } else {
                cut.add(kind.name());
            }
        }
        assertThat(cut).containsExactlyInAnyOrder("Conv", "BatchNormalization", "LayerNormalization", "Add", "Sub",
                "Mul", "Div", "Pow", "Gemm", "MatMul", "Reshape", "Split", "Slice");
    }

    /** onnx and prune implement the engines and use the registry, so the registry must not use them (no cycle). */
    @Test
    void registryDependsOnTheGraphModelOnly() throws IOException {
        Path sources = Path.of("src/main/java/dev/hprune/compat/op");
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).stream().filter(line -> line.startsWith("import dev.hprune."))
                        .forEach(line -> imports.add(file.getFileName() + ": " + line));
            }
        }
        assertThat(imports).isNotEmpty().allMatch(line -> line.contains("import dev.hprune.compat.graph.")
                || line.contains("import static dev.hprune.compat.op."));
    }

    @Test
    void aKindWithoutShapeRuleOrChannelFlowCannotBeBuilt() {
        assertThatThrownBy(() -> new Kind.Builder("Half").shape(ShapeEngine::same).build())
                .hasMessageContaining("Half has no channel flow");
        assertThatThrownBy(() -> new Kind.Builder("Half").flow(ChannelEngine::passThrough).build())
                .hasMessageContaining("Half has no shape rule");
    }
}
