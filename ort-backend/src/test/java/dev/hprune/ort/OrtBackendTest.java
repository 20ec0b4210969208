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

    /** relu(x.W) by hand, for one sample of four values. */
    private static float[] byHand(float[] x) {
        float[] y = new float[3];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                y[c] += x[k] * W[k * 3 + c];
            }
            y[c] = Math.max(0, y[c]);
        }
        return y;
    }

    @Test
    void inputsKeptBetweenRunsNeverLeakIntoALaterRunOfAnotherShapeOrThread() throws Exception {
        try (ModelSession s = new OrtBackend().open(graph(), SessionOptions.cpu())) {
            // alternating batch sizes, then four threads at once: each result is its own input's
            for (int run = 0; run < 6; run++) {
                int n = run % 2 == 0 ? 1 : 3;
                float[] x = new float[4 * n];
                for (int i = 0; i < x.length; i++) {
                    x[i] = run * 10 + i;
                }
                float[] y = s.run(Map.of("x", Tensor.ofFloats(new long[] {n, 1, 2, 2}, x)), List.of("y")).get("y")
                        .toFloats();
                for (int k = 0; k < n; k++) {
                    assertThat(java.util.Arrays.copyOfRange(y, 3 * k, 3 * k + 3))
                            .containsExactly(byHand(java.util.Arrays.copyOfRange(x, 4 * k, 4 * k + 4)));
                }
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    float base = t;
                    checks.add(pool.submit(() -> {
                        for (int run = 0; run < 200; run++) {
                            float[] x = {base, run, -base, 1};
                            float[] y = s.run(Map.of("x", Tensor.ofFloats(new long[] {1, 1, 2, 2}, x)), List.of("y"))
                                    .get("y").toFloats();
                            if (!java.util.Arrays.equals(y, byHand(x))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (var check : checks) {
                    assertThat(check.get()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aSessionOpenedForABatchSizeBindsItsOutputsAndStillRunsOtherBatches() {
        try (ModelSession s = new OrtBackend().open(graph(), new SessionOptions("cpu", 0, 0, 0, 2))) {
            List<float[]> earlier = new java.util.ArrayList<>();
            List<float[]> expected = new java.util.ArrayList<>();
            // the first run of batch 2 learns the output shape, later ones write into kept outputs; batches 1 and 3
            // go to the session with the batch open, before and after
            int[] batches = {2, 2, 1, 2, 3, 2, 2};
            for (int run = 0; run < batches.length; run++) {
                int n = batches[run];
                float[] x = new float[4 * n];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (run + 1) * (i % 3 == 0 ? -1 : 1) + i;
                }
                Tensor y = s.run(Map.of("x", Tensor.ofFloats(new long[] {n, 1, 2, 2}, x)), List.of("y")).get("y");
                assertThat(y.shape()).containsExactly(n, 3);
                float[] want = new float[3 * n];
                for (int k = 0; k < n; k++) {
                    System.arraycopy(byHand(java.util.Arrays.copyOfRange(x, 4 * k, 4 * k + 4)), 0, want, 3 * k, 3);
                }
                assertThat(y.toFloats()).containsExactly(want);
                earlier.add(y.toFloats());
                expected.add(want);
            }
            assertThat(((OrtModelSession) s).bindsOutputs()).isTrue();
            // results handed out earlier are copies: later runs into the same kept outputs left them alone
            for (int run = 0; run < earlier.size(); run++) {
                assertThat(earlier.get(run)).containsExactly(expected.get(run));
            }
        }
    }

    @Test
    void aSessionWithTheBatchOpenNeverBindsOutputs() {
        try (ModelSession s = new OrtBackend().open(graph(), SessionOptions.cpu())) {
            for (int run = 0; run < 3; run++) {
                s.run(Map.of("x", Tensor.ofFloats(new long[] {2, 1, 2, 2}, new float[8])), List.of("y"));
            }
            assertThat(((OrtModelSession) s).bindsOutputs()).isFalse();
        }
    }

    @Test
    void theBatchIsFixedOnlyWhereItIsOpenAndTheOptionsNameOne() {
        Graph open = graph();
        Graph fixed = OrtBackend.withFixedBatch(open, 8);
        assertThat(fixed.inputs().get(0).shape()).containsExactly(ValueInfo.Dim.fixed(8), ValueInfo.Dim.fixed(1),
                ValueInfo.Dim.fixed(2), ValueInfo.Dim.fixed(2));
        assertThat(fixed.nodes()).isEqualTo(open.nodes());
        assertThat(OrtBackend.withFixedBatch(open, 0)).isSameAs(open);
        assertThat(OrtBackend.withFixedBatch(fixed, 4)).isSameAs(fixed);
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
        // 12 MACs per image in one Gemm: 2 M MACs an operator from batch 166,667 on
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 1), 8)).isEqualTo(1);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 166_666), 8)).isEqualTo(1);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 166_667), 8)).isEqualTo(8);
        // the same work split over two Gemms halves what each operator hands to the pool
        Graph twoGemms = fixed.withNodes(List.of(new Node("flatten", "Flatten", List.of("x"), List.of("f")),
                new Node("fc", "Gemm", List.of("f", "W"), List.of("logits")),
                new Node("fc2", "Gemm", List.of("logits", "I"), List.of("y"))))
                .withInitializers(Map.of("W", Tensor.ofFloats(new long[] {4, 3}, W), "I",
                        Tensor.ofFloats(new long[] {3, 3}, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1})));
        // 12 + 9 MACs per image over two operators: 10 an operator (integer division), 2 M from batch 200,000 on
        assertThat(OrtBackend.intraOpThreads(twoGemms, new SessionOptions("cpu", 0, 0, 0, 199_999), 8)).isEqualTo(1);
        assertThat(OrtBackend.intraOpThreads(twoGemms, new SessionOptions("cpu", 0, 0, 0, 200_000), 8)).isEqualTo(8);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 0, 0, 0), 8)).isEqualTo(8);
        assertThat(OrtBackend.intraOpThreads(fixed, new SessionOptions("cpu", 0, 3, 0, 1), 8)).isEqualTo(3);
    }
}
