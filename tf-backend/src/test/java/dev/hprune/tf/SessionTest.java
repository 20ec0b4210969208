package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Random RANDOM = new Random(21);
    private static final Graph NET = Models.graph().input("x", -1, 2, 5, 5)
            .init("w", random(RANDOM, 3, 2, 3, 3)).init("head", random(RANDOM, 2, 3))
            .init("shape", Models.longs(0, -1))
            .node("Conv", in("x", "w"), "c", "pads", Models.ints(1, 1, 1, 1))
            .node("Relu", in("c"), "r")
            .node("GlobalAveragePool", in("r"), "g")
            .node("Reshape", in("g", "shape"), "f")
            .node("Gemm", in("f", "head"), "logits", "transB", 1).build();

    @Test
    void serviceLoaderFindsTheTensorFlowBackend() {
        assertThat(Backends.get()).isInstanceOf(TfBackend.class);
        assertThat(Backends.get().name()).isEqualTo("tensorflow");
        assertThat(Backends.get().supportsRuntime("cpu")).isTrue();
    }

    @Test
    void gpuRuntimeIsRefusedWithoutAGpu() {
        TfBackend backend = new TfBackend();
        assertThat(backend.supportsRuntime("gpu")).isFalse();
        assertThatThrownBy(() -> backend.open(NET, new SessionOptions("gpu", 0, 0, 0, 0)))
                .isInstanceOfSatisfying(HalconError.class, e -> {
                    assertThat(e.code()).isEqualTo(7779);
                    assertThat(e.detail()).contains("'gpu'", "no GPU");
                });
    }

    @Test
    void closedSessionRefusesEveryCallAndClosesTwiceHarmlessly() {
        ModelSession s = Models.open(NET);
        Tensor x = random(RANDOM, 1, 2, 5, 5);
        s.close();
        s.close();
        assertThatThrownBy(() -> s.run(Map.of("x", x), List.of("logits"))).isInstanceOf(HalconError.class);
        assertThatThrownBy(s::weights).isInstanceOf(HalconError.class);
        assertThatThrownBy(() -> s.trainStep(new TrainingSpec("x", "logits", Set.of("w"), 0.1, 0, 0, -1), x,
                new long[] {0})).isInstanceOf(HalconError.class);
        assertThatThrownBy(() -> s.taylorScores("x", "logits", x, new long[] {0}, List.of("c")))
                .isInstanceOf(HalconError.class);
    }

    @Test
    void weightsAreTheVariablesInOnnxLayoutAndShapesStayConstants() {
        try (ModelSession s = Models.open(NET)) {
            Map<String, Tensor> weights = s.weights();
            assertThat(weights).containsOnlyKeys("w", "head");
            assertThat(weights.get("w")).isEqualTo(NET.initializers().get("w"));
        }
    }

    @Test
    void concurrentRunsWithDifferentBatchSizesMatchSequentialOnes() throws Exception {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(random(RANDOM, 1 + i % 4, 2, 5, 5));
        }
        try (ModelSession s = Models.open(NET)) {
            List<Tensor> expected = new ArrayList<>();
            for (Tensor x : inputs) {
                expected.add(s.run(Map.of("x", x), List.of("logits")).get("logits"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Tensor>> futures = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (Tensor x : inputs) {
                        futures.add(pool.submit(() -> s.run(Map.of("x", x), List.of("logits")).get("logits")));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void threadOptionsAreAccepted() {
        try (ModelSession s = new TfBackend().open(NET, new SessionOptions("cpu", 0, 1, 1, 0))) {
            assertThat(s.run(Map.of("x", random(RANDOM, 2, 2, 5, 5)), List.of("logits")).get("logits").shape())
                    .containsExactly(2, 2);
        }
    }

    @Test
    void unsupportedOperatorIs7912NamingTheNode() {
        Graph g = Models.graph().input("x", 1, 2).node("Einsum", in("x"), "y").build();
        assertThatThrownBy(() -> Models.open(g)).isInstanceOfSatisfying(HalconError.class, e -> {
            assertThat(e.code()).isEqualTo(7912);
            assertThat(e.detail()).contains("y_node", "Einsum");
        });
    }

    @Test
    void graphThatCannotBeBuiltIs7779NamingTheNode() {
        Graph g = Models.graph().input("x", 1, 3, 4, 4).init("w", random(RANDOM, 2, 2, 3, 3))
                .node("Conv", in("x", "w"), "y").build();
        assertThatThrownBy(() -> Models.open(g)).isInstanceOfSatisfying(HalconError.class, e -> {
            assertThat(e.code()).isEqualTo(7779);
            assertThat(e.detail()).contains("y_node");
        });
    }

    @Test
    void unknownValuesAndBadLabelsAreHalconErrors() {
        try (ModelSession s = Models.open(NET)) {
            Tensor x = random(RANDOM, 2, 2, 5, 5);
            assertThatThrownBy(() -> s.run(Map.of("x", x), List.of("nope"))).isInstanceOf(HalconError.class);
            assertThatThrownBy(() -> s.run(Map.of("nope", x), List.of("logits"))).isInstanceOf(HalconError.class);
            assertThatThrownBy(() -> s.trainStep(new TrainingSpec("x", "logits", Set.of("w"), 0.1, 0, 0, -1), x,
                    new long[] {0, 2})).isInstanceOf(HalconError.class);
            assertThatThrownBy(() -> s.trainStep(new TrainingSpec("x", "logits", Set.of("w"), 0.1, 0, 0, -1), x,
                    new long[] {0})).isInstanceOf(HalconError.class);
            assertThatThrownBy(() -> s.taylorScores("x", "logits", x, new long[] {0, 1}, List.of("unknown")))
                    .isInstanceOf(HalconError.class);
        }
    }
}
