package dev.hprune.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.prune.DlPruning;
import dev.hprune.compat.testing.TestGraphs;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HALCON marks these operators reentrant. 8 threads make 10,000 mixed calls on one shared model: get/set on a shared
 * and on private pruning handles, AddDlPruningBatch on each thread's own handle, and ApplyDlModel on the shared model.
 * Afterwards every private handle holds exactly the scores and parameters that the same calls made on one thread give,
 * their pruned models are the same, and every ApplyDlModel result equals the sequential one.
 */
class ConcurrentOperatorsTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 1250;
    private static final int SAMPLES = 16;
    private static final Set<Object> SHARED_PERCENTAGES = Set.of(10L, 20L, 35.5);

    @TempDir
    Path folder;

    private HTuple model;
    private final List<HTuple> samples = new ArrayList<>();
    private final List<HTuple> expectedResults = new ArrayList<>();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void eightThreadsOfMixedCallsGiveTheSingleThreadedResults() throws Exception {
        Path file = folder.resolve("plain.onnx");
        OnnxWriter.write(TestGraphs.plainChain(), file);
        model = new HTuple();
        HOperatorSet.ReadDlModel(new HTuple(file.toString()), model);
        Random random = new Random(5);
        for (int i = 0; i < SAMPLES; i++) {
            float[] pixels = new float[3 * 8 * 8];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = random.nextFloat() * 2 - 1;
            }
            HTuple sample = new HTuple();
            HOperatorSet.CreateDict(sample);
            HOperatorSet.SetDictObject(HImage.fromPlanar("real", 8, 8, 3, pixels), sample, new HTuple("image"));
            HOperatorSet.SetDictTuple(sample, new HTuple("image_label_id"), new HTuple(i % 2));
            samples.add(sample);
            expectedResults.add(confidences(apply(sample)));
        }
        HTuple shared = newPruning();

        List<HTuple> privateHandles = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            privateHandles.add(newPruning());
        }
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                runMix(thread, privateHandles.get(thread), shared, problems, calls);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(problems).isEmpty();
        assertThat(calls.get()).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertThat(get(shared, "percentage").getO(0)).isIn(SHARED_PERCENTAGES);
        assertThat(scores(shared).samples()).as("nobody added to the shared handle").isZero();

        for (int t = 0; t < THREADS; t++) {
            HTuple replay = newPruning();
            runSequentially(t, replay);
            assertSameState(privateHandles.get(t), replay, "thread " + t);
        }
    }

    /** One thread's calls; the private handle's calls depend only on the thread number, so they can be replayed. */
    private void runMix(int thread, HTuple own, HTuple shared, ConcurrentLinkedQueue<String> problems,
            AtomicInteger calls) {
        Random choice = new Random(100 + thread);
        Random sharedValues = new Random(200 + thread);
        int ownStep = 0;
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int kind = choice.nextInt(20);
            if (kind < 2) {
                ownCall(thread, own, ownStep++);
            } else if (kind < 6) {
                int s = choice.nextInt(SAMPLES);
                HTuple result = confidences(apply(samples.get(s)));
                if (!result.equals(expectedResults.get(s))) {
                    problems.add("apply of sample " + s + " gave " + result + ", sequentially " + expectedResults.get(s));
                }
            } else if (kind < 10) {
                Object value = List.copyOf(SHARED_PERCENTAGES).get(sharedValues.nextInt(SHARED_PERCENTAGES.size()));
                HOperatorSet.SetDlPruningParam(shared, new HTuple("percentage"), HTuple.of(value));
            } else if (kind < 16) {
                HTuple p = get(shared, "percentage");
                if (p.length() != 1 || !SHARED_PERCENTAGES.contains(p.getO(0))) {
                    problems.add("shared percentage read as " + p);
                }
                HTuple names = get(shared, "prunable_conv_layer_name");
                if (!names.equals(HTuple.of("a", "b"))) {
                    problems.add("shared layer names read as " + names);
                }
            } else {
                HTuple mode = get(own, "mode");
                if (!mode.equals(new HTuple("oracle"))) {
                    problems.add("private mode read as " + mode);
                }
            }
            calls.incrementAndGet();
        }
    }

    /** The private handle's own calls, step by step: mostly batches, sometimes a new percentage. */
    private void ownCall(int thread, HTuple own, int step) {
        if (step % 5 == 4) {
            HOperatorSet.SetDlPruningParam(own, new HTuple("percentage"), new HTuple(10 + 5 * ((thread + step) % 9)));
        } else {
            int first = (thread * 3 + step) % SAMPLES;
            HTuple batch = new HTuple(samples.get(first), samples.get((first + 7) % SAMPLES));
            HOperatorSet.AddDlPruningBatch(model, own, batch);
        }
    }

    private void runSequentially(int thread, HTuple replay) {
        Random choice = new Random(100 + thread);
        int ownStep = 0;
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int kind = choice.nextInt(20);
            if (kind < 2) {
                ownCall(thread, replay, ownStep++);
            } else if (kind < 6) {
                choice.nextInt(SAMPLES);
            }
        }
    }

    private void assertSameState(HTuple concurrent, HTuple sequential, String what) {
        Map<String, double[]> a = scores(concurrent).sums();
        Map<String, double[]> b = scores(sequential).sums();
        assertThat(scores(concurrent).samples()).as(what).isEqualTo(scores(sequential).samples()).isPositive();
        assertThat(a.keySet()).as(what).isEqualTo(b.keySet());
        for (String point : a.keySet()) {
            for (int c = 0; c < a.get(point).length; c++) {
                assertThat(a.get(point)[c]).as("%s %s[%d]", what, point, c)
                        .isCloseTo(b.get(point)[c], within(1e-9 + 1e-6 * Math.abs(b.get(point)[c])));
            }
        }
        HTuple prunedA = new HTuple();
        HTuple prunedB = new HTuple();
        HOperatorSet.GenDlPrunedModel(model, concurrent, prunedA);
        HOperatorSet.GenDlPrunedModel(model, sequential, prunedB);
        for (String name : DlPruning.parameterNames()) {
            assertThat(get(concurrent, name)).as("%s %s", what, name).isEqualTo(get(sequential, name));
        }
        for (HTuple sample : samples) {
            assertThat(confidences(apply(prunedA, sample))).as(what).isEqualTo(confidences(apply(prunedB, sample)));
        }
        HOperatorSet.ClearHandle(new HTuple(prunedA, prunedB, concurrent, sequential));
    }

    private HTuple newPruning() {
        HTuple pruning = new HTuple();
        HOperatorSet.CreateDlPruning(model, new HTuple("oracle"), new HTuple(), pruning);
        return pruning;
    }

    private HTuple apply(HTuple sample) {
        return apply(model, sample);
    }

    private static HTuple apply(HTuple which, HTuple sample) {
        HTuple results = new HTuple();
        HOperatorSet.ApplyDlModel(which, sample, new HTuple(), results);
        return results;
    }

    /** Class ids then confidences of a one-sample result batch (the result dict is cleared). */
    private static HTuple confidences(HTuple results) {
        HTuple ids = new HTuple();
        HTuple values = new HTuple();
        HOperatorSet.GetDictTuple(results, new HTuple("classification_class_ids"), ids);
        HOperatorSet.GetDictTuple(results, new HTuple("classification_confidences"), values);
        HOperatorSet.ClearHandle(results);
        return new HTuple(ids, values);
    }

    private static HTuple get(HTuple pruning, String name) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlPruningParam(pruning, new HTuple(name), value);
        return value;
    }

    private static dev.hprune.compat.prune.KernelScores scores(HTuple pruning) {
        long id = ((HHandle) pruning.getH()).getHandleId();
        return ((DlPruning) HandleRegistry.global().lookup(id).payload()).scores();
    }

}
