package dev.hprune.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.backend.Device;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ONNX Runtime device on a hand-computable graph: x [N,1,2,2] -> Flatten -> Gemm(W [4,3]) -> Relu. */
class OrtBackendTest {
    private static final float[] W = {1, 0, -1, 2, 0, 0, 0, 3, 0, 0, 0, 4};

    private static Graph graph() {
        List<Node> nodes = List.of(new Node("flatten", "Flatten", List.of("x"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "W"), List.of("logits")),
                new Node("relu", "Relu", List.of("logits"), List.of("y")));
        ValueInfo input = new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(1),
                ValueInfo.Dim.fixed(2), ValueInfo.Dim.fixed(2)));
        ValueInfo output = new ValueInfo("y", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"), ValueInfo.Dim.fixed(3)));
        return new Graph("g", nodes, Map.of("W", Tensor.ofFloats(new long[] {4, 3}, W)), List.of(input),
                List.of(output), 13, Map.of());
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    @Test
    void listsOneInferenceOnlyCpuDeviceBehindTheOnnxRuntimeInterface() {
        OrtBackend backend = new OrtBackend();
        assertThat(backend.devices()).containsExactly(
                new Device("onnxruntime", "cpu", 0, "ONNX Runtime CPU", "onnxruntime", "CPU", true));
        assertThat(backend.trains()).isFalse();
        assertThat(backend.supportsRuntime("gpu")).isFalse();
    }

    @Test
    void runsTheGraphAsComputedByHand() {
        try (ModelSession s = new OrtBackend().open(graph(), SessionOptions.cpu())) {
            // sample 0: x = [1, 2, 3, 4]; sample 1: x = [-1, 0, 0, 0]
            Tensor x = Tensor.ofFloats(new long[] {2, 1, 2, 2}, new float[] {1, 2, 3, 4, -1, 0, 0, 0});
            Tensor y = s.run(Map.of("x", x), List.of("y")).get("y");
            assertThat(y.shape()).containsExactly(2, 3);
            // column c of W: (1, 2, 0, 0), (0, 0, 3, 0), (-1, 0, 0, 4); relu of x.W
            assertThat(y.toFloats()).containsExactly(5, 9, 15, 0, 0, 1);
        }
    }

    /**
     * The session copies each batch into its thread's reused input buffer: a smaller batch after a larger one, and
     * another thread running at the same time, still see only their own values.
     */
    @Test
    void reusedInputBuffersHoldEachRunsOwnBatch() throws Exception {
        try (ModelSession s = new OrtBackend().open(graph(), SessionOptions.cpu())) {
            Tensor two = Tensor.ofFloats(new long[] {2, 1, 2, 2}, new float[] {1, 2, 3, 4, -1, 0, 0, 0});
            Tensor one = Tensor.ofFloats(new long[] {1, 1, 2, 2}, new float[] {0, 0, 0, 1});
            assertThat(s.run(Map.of("x", two), List.of("y")).get("y").toFloats()).containsExactly(5, 9, 15, 0, 0, 1);
            Tensor y = s.run(Map.of("x", one), List.of("y")).get("y");
            assertThat(y.shape()).containsExactly(1, 3);
            assertThat(y.toFloats()).containsExactly(0, 0, 4);
            assertThat(s.run(Map.of("x", two), List.of("y")).get("y").toFloats()).containsExactly(5, 9, 15, 0, 0, 1);

            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<float[]>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    Tensor input = i % 2 == 0 ? two : one;
                    runs.add(pool.submit(() -> s.run(Map.of("x", input), List.of("y")).get("y").toFloats()));
                }
                for (int i = 0; i < runs.size(); i++) {
                    float[] expected = i % 2 == 0 ? new float[] {5, 9, 15, 0, 0, 1} : new float[] {0, 0, 4};
                    assertThat(runs.get(i).get()).containsExactly(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void trainingScoringAndInnerValuesAreRefused() {
        ModelSession s = new OrtBackend().open(graph(), SessionOptions.cpu());
        Tensor x = Tensor.ofFloats(new long[] {1, 1, 2, 2}, new float[4]);
        assertThat(code(() -> s.trainStep(null, x, new long[] {0}))).isEqualTo(ErrorCodes.DL_CONVERTED_UNSUPPORTED);
        assertThat(code(() -> s.taylorScores("x", "logits", x, new long[] {0}, List.of())))
                .isEqualTo(ErrorCodes.DL_CONVERTED_UNSUPPORTED);
        assertThat(code(() -> s.run(Map.of("x", x), List.of("logits")))).isEqualTo(ErrorCodes.DL_INTERNAL);
        assertThat(s.weights().get("W").toFloats()).containsExactly(W);
        s.close();
        s.close();
        assertThat(code(() -> s.run(Map.of("x", x), List.of("y")))).isEqualTo(ErrorCodes.HANDLE_CLEARED);
    }

    @Test
    void onlyTheCpuDeviceOpens() {
        assertThat(code(() -> new OrtBackend().open(graph(), new SessionOptions("gpu", 0, 0, 0, 1))))
                .isEqualTo(ErrorCodes.DL_RUNTIME);
    }

    @Test
    void smallRunsGetOneThreadAndLargerOnesTheCores() {
        Graph fixed = graph().withInputs(List.of(new ValueInfo("x", DataType.FLOAT, List.of(ValueInfo.Dim.named("N"),
                ValueInfo.Dim.fixed(1), ValueInfo.Dim.fixed(2), ValueInfo.Dim.fixed(2)))));
        // 12 MACs per image
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 1), 8)).isEqualTo(1);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 1_000_000), 8)).isEqualTo(8);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 0), 8)).isEqualTo(8);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 3, 0, 1), 8)).isEqualTo(3);
    }
}
