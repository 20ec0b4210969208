package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThreadPlanTest {
    private static final Random RANDOM = new Random(5);
    private static final int CORES = 8;
    /** 3 kernels of 2x3x3 on a 5x5 image (1,350 MACs) and a 3x2 dense head (6 MACs): 1,356 MACs per image. */
    private static final Graph NET = net(-1);

    private static Graph net(long width) {
        return Models.graph().input("x", -1, 2, 5, width)
                .init("w", random(RANDOM, 3, 2, 3, 3)).init("head", random(RANDOM, 2, 3))
                .init("shape", Models.longs(0, -1))
                .node("Conv", in("x", "w"), "c", "pads", Models.ints(1, 1, 1, 1))
                .node("GlobalAveragePool", in("c"), "g")
                .node("Reshape", in("g", "shape"), "f")
                .node("Gemm", in("f", "head"), "logits", "transB", 1).build();
    }

    private static SessionOptions batch(int batchSize) {
        return new SessionOptions("cpu", 0, 0, 0, batchSize);
    }

    @Test
    void macsPerImageCountTheConvolutionAndTheDenseHead() {
        assertThat(ThreadPlan.macsPerImage(net(5))).hasValue(1356);
    }

    @Test
    void aSmallRunGetsOneThreadAndRunsOnTheCaller() {
        assertThat(ThreadPlan.of(net(5), batch(32), CORES, true)).isEqualTo(new ThreadPlan(1, -1));
    }

    @Test
    void aRunAtTheThresholdGetsTheMachinesCores() {
        int batch = (int) (ThreadPlan.SMALL_RUN_MACS / 1356) + 1;
        assertThat(ThreadPlan.of(net(5), batch(batch - 1), CORES, true).intraOp()).isEqualTo(1);
        assertThat(ThreadPlan.of(net(5), batch(batch), CORES, true)).isEqualTo(new ThreadPlan(CORES, CORES));
    }

    @Test
    void unknownWorkGetsTheMachinesCores() {
        assertThat(ThreadPlan.of(net(5), batch(0), CORES, true)).isEqualTo(new ThreadPlan(CORES, CORES));
        assertThat(ThreadPlan.of(NET, batch(1), CORES, true)).isEqualTo(new ThreadPlan(CORES, CORES));
    }

    @Test
    void withOneSharedPoolASmallRunKeepsItsSizeAndRunsOnTheCaller() {
        assertThat(ThreadPlan.of(net(5), batch(32), CORES, false)).isEqualTo(new ThreadPlan(CORES, -1));
        assertThat(ThreadPlan.of(NET, batch(1), CORES, false)).isEqualTo(new ThreadPlan(CORES, CORES));
    }

    @Test
    void aGpuSessionKeepsTheMachinesCores() {
        assertThat(ThreadPlan.of(net(5), new SessionOptions("gpu", 0, 0, 0, 1), CORES, true))
                .isEqualTo(new ThreadPlan(CORES, CORES));
    }

    @Test
    void explicitThreadsWin() {
        assertThat(ThreadPlan.of(net(5), new SessionOptions("cpu", 0, 3, 2, 1), CORES, true))
                .isEqualTo(new ThreadPlan(3, 2));
        assertThat(ThreadPlan.of(net(5), new SessionOptions("cpu", 0, 0, 4, 1), CORES, true))
                .isEqualTo(new ThreadPlan(1, 4));
        assertThat(ThreadPlan.of(net(5), new SessionOptions("cpu", 0, 1, 0, 0), CORES, true))
                .isEqualTo(new ThreadPlan(1, -1));
    }

    @Test
    void eachSessionStartsAndEndsAnIntraOpPoolOfItsOwnSize() throws IOException {
        assumeTrue(NativeEnvironment.sessionThreadPools(), "needs TF_OVERRIDE_GLOBAL_THREADPOOL=1, as Surefire sets it");
        assertThat(threadsOfASecondSessionAskingForThree()).containsExactly(3, 0);
    }

    /**
     * The native threads a second session asking for 3 intra-op threads starts while it runs, and those left when it is
     * closed: 3 and 0 with per-session pools, 0 and 0 when sessions share the process's pool.
     */
    static int[] threadsOfASecondSessionAskingForThree() throws IOException {
        Graph g = net(5);
        Tensor x = random(new Random(5), 1, 2, 5, 5);
        // the first session also creates the process's inter-op pool, so that the count below sees the second's pool
        try (TfModelSession first = new TfModelSession(g, new SessionOptions("cpu", 0, 1, 1, 0), -1)) {
            first.run(Map.of("x", x), List.of("logits"));
            long before = nativeThreads();
            int during;
            try (TfModelSession second = new TfModelSession(g, new SessionOptions("cpu", 0, 3, 1, 0), -1)) {
                second.run(Map.of("x", x), List.of("logits"));
                during = (int) (nativeThreads() - before);
            }
            return new int[] {during, (int) (nativeThreads() - before)};
        }
    }

    /** Threads of this process that native code started without a name of their own (TensorFlow's pools). */
    private static long nativeThreads() throws IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals("java");
                } catch (IOException e) {
                    return false; // the thread ended while we looked
                }
            }).count();
        }
    }

    @Test
    void theCallersThreadComputesWhatThePoolComputes() {
        Tensor x = random(RANDOM, 4, 2, 5, 5);
        Graph g = net(5);
        try (TfModelSession pooled = new TfModelSession(g, new SessionOptions("cpu", 0, 2, 2, 0), -1);
                TfModelSession caller = new TfModelSession(g, batch(4), -1)) {
            assertThat(caller.threads().interOp()).isEqualTo(-1);
            float[] expected = pooled.run(Map.of("x", x), List.of("logits")).get("logits").toFloats();
            float[] actual = caller.run(Map.of("x", x), List.of("logits")).get("logits").toFloats();
            assertThat(actual).containsExactly(expected);
        }
    }
}
