package dev.hprune.tests.bench;

import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.prune.ChannelGroup;
import dev.hprune.compat.prune.Kernel;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.prune.PruningPlan;
import dev.hprune.compat.prune.Surgery;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.Mnist;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import dev.hprune.tests.support.TestMaterial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Oracle vs L1-norm vs random kernel selection on an MNIST CNN trained with TrainDlModelBatch: test accuracy after
 * removing 25/50/75 % of the prunable kernels, without and after one epoch of retraining. All three use the same
 * selection machinery (per-layer normalised scores, each conv keeps a kernel); only the scores differ. Not a test: run
 * with {@code bench/run.sh pruning}.
 */
public final class MnistPruningReport {
    private MnistPruningReport() {}

    private static final int BATCH = 64;
    private static final int SCORING_SAMPLES = Integer.getInteger("bench.scoringSamples", 6400);
    private static final int BASE_EPOCHS = Integer.getInteger("bench.baseEpochs", 3);
    private static final int C1 = Integer.getInteger("bench.c1", 16);
    private static final int C2 = Integer.getInteger("bench.c2", 32);

    public static void main(String[] args) {
        Mnist train = Mnist.read(TestMaterial.mnist("train-images-idx3-ubyte"),
                TestMaterial.mnist("train-labels-idx1-ubyte"));
        Mnist test = Mnist.read(TestMaterial.mnist("t10k-images-idx3-ubyte"), TestMaterial.mnist("t10k-labels-idx1-ubyte"));
        List<HDict> trainSamples = Samples.mnist(train);
        List<HDict> testSamples = Samples.mnist(test);

        long start = System.nanoTime();
        HDlModel base = fromGraph(SmallCnn.build(28, 1, C1, C2, 10, 42));
        base.SetDlModelParam("batch_size", BATCH);
        double[] rates = {0.05, 0.05, 0.01};
        for (int epoch = 0; epoch < BASE_EPOCHS; epoch++) {
            trainEpoch(base, trainSamples, rates[Math.min(epoch, rates.length - 1)], new Random(epoch));
        }
        double baseAccuracy = accuracy(base, testSamples);
        System.out.printf("# MNIST CNN conv%d-conv%d, %d epochs: %.2f %% (%.0f s)%n%n", C1, C2, BASE_EPOCHS,
                100 * baseAccuracy, (System.nanoTime() - start) / 1e9);

        HDlPrune pruning = base.CreateDlPruning("oracle", new HDict());
        List<HDict> scoring = trainSamples.subList(0, SCORING_SAMPLES);
        for (int s = 0; s < scoring.size(); s += BATCH) {
            base.AddDlPruningBatch(pruning, scoring.subList(s, s + BATCH).toArray(HDict[]::new));
        }
        System.out.printf("prunable kernels: %d in %d convs%n%n", pruning.GetDlPruningParam("prunable_kernel_num").getL(),
                pruning.GetDlPruningParam("prunable_conv_num").getL());

        System.out.println("| removed | method | kernels kept per conv | accuracy, no retraining | "
                + "accuracy, 1 epoch retraining (mean of 2 shuffles) |");
        System.out.println("|---|---|---|---|---|");
        for (int percentage : new int[] {25, 50, 75}) {
            pruning.SetDlPruningParam("percentage", percentage);
            report(percentage, "oracle", () -> base.GenDlPrunedModel(pruning), trainSamples, testSamples);

            DlModel compat = compat(base);
            Graph graph = compat.prunableGraph();
            PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
            report(percentage, "L1 norm", () -> prune(compat, analysis, l1Scores(analysis), percentage), trainSamples,
                    testSamples);
            double[] random = new double[2];
            String kept = "";
            for (int seed = 0; seed < 3; seed++) {
                long selection = seed;
                kept = kernelsPerConv(prune(compat, analysis, randomScores(analysis, selection), percentage));
                double[] r = measure(() -> prune(compat, analysis, randomScores(analysis, selection), percentage),
                        trainSamples, testSamples);
                random[0] += r[0] / 3;
                random[1] += r[1] / 3;
            }
            System.out.printf("| %d %% | random (mean of 3) | %s | %.2f %% | %.2f %% |%n", percentage, kept,
                    100 * random[0], 100 * random[1]);
        }
        System.out.printf("%nunpruned: %.2f %%; total %.0f s%n", 100 * baseAccuracy, (System.nanoTime() - start) / 1e9);
    }

    private static void report(int percentage, String method, java.util.function.Supplier<HDlModel> pruned,
            List<HDict> train, List<HDict> test) {
        HDlModel probe = pruned.get();
        String kept = kernelsPerConv(probe);
        probe.ClearDlModel();
        double[] r = measure(pruned, train, test);
        System.out.printf("| %d %% | %s | %s | %.2f %% | %.2f %% |%n", percentage, method, kept, 100 * r[0], 100 * r[1]);
    }

    /** "16/32" style: the kernels each convolution has, in graph order. */
    static String kernelsPerConv(HDlModel model) {
        Graph graph = compat(model).prunableGraph();
        List<String> counts = new ArrayList<>();
        for (var node : graph.nodes()) {
            if (node.opType().equals("Conv")) {
                counts.add(String.valueOf(graph.initializers().get(node.inputs().get(1)).dim(0)));
            }
        }
        return String.join("/", counts);
    }

    /**
     * Accuracy of a freshly pruned model without retraining, and after one epoch of retraining averaged over the same
     * {@link #RETRAIN_SEEDS} shuffles for every method, so that methods differ only in what they removed.
     */
    private static double[] measure(java.util.function.Supplier<HDlModel> pruned, List<HDict> train, List<HDict> test) {
        double before = 0;
        double after = 0;
        for (long seed : RETRAIN_SEEDS) {
            HDlModel model = pruned.get();
            before = accuracy(model, test);
            trainEpoch(model, train, 0.01, new Random(seed));
            after += accuracy(model, test) / RETRAIN_SEEDS.length;
            model.ClearDlModel();
        }
        return new double[] {before, after};
    }

    private static final long[] RETRAIN_SEEDS = {7, 8};

    /** L1 norm of each kernel's weights, normalised per convolution as the oracle is (RMS), summed over a group. */
    static Map<ChannelGroup, Double> l1Scores(PrunabilityAnalysis analysis) {
        Graph graph = analysis.graph();
        Map<String, double[]> norms = new HashMap<>();
        for (var node : graph.nodes()) {
            if (node.opType().equals("Conv")) {
                Tensor w = graph.initializers().get(node.inputs().get(1));
                int kernels = (int) w.dim(0);
                int per = w.size() / kernels;
                double[] l1 = new double[kernels];
                double sq = 0;
                for (int k = 0; k < kernels; k++) {
                    for (int i = 0; i < per; i++) {
                        l1[k] += Math.abs(w.floatAt(k * per + i));
                    }
                    sq += l1[k] * l1[k];
                }
                for (int k = 0; k < kernels; k++) {
                    l1[k] /= Math.sqrt(sq / kernels);
                }
                norms.put(node.name(), l1);
            }
        }
        Map<ChannelGroup, Double> scores = new LinkedHashMap<>();
        for (ChannelGroup group : analysis.groups()) {
            double score = 0;
            for (Kernel k : group.kernels()) {
                score += norms.get(k.conv())[k.index()];
            }
            scores.put(group, score);
        }
        return scores;
    }

    static Map<ChannelGroup, Double> randomScores(PrunabilityAnalysis analysis, long seed) {
        Random random = new Random(seed);
        Map<ChannelGroup, Double> scores = new LinkedHashMap<>();
        analysis.groups().forEach(g -> scores.put(g, random.nextDouble()));
        return scores;
    }

    private static HDlModel prune(DlModel model, PrunabilityAnalysis analysis, Map<ChannelGroup, Double> scores,
            int percentage) {
        PruningPlan plan = PruningPlan.select(analysis, scores, percentage);
        return new HDlModel(new HHandle(DlModelOperators.register(model.derive(Surgery.remove(analysis, plan.removed())))
                .id()));
    }

    static HDlModel fromGraph(Graph graph) {
        return new HDlModel(new HHandle(DlModelOperators.register(DlModel.of(graph)).id()));
    }

    static DlModel compat(HDlModel model) {
        return (DlModel) HandleRegistry.global().lookup(model.getHandleId()).payload();
    }

    static void trainEpoch(HDlModel model, List<HDict> samples, double rate, Random random) {
        model.SetDlModelParam("learning_rate", rate);
        model.SetDlModelParam("batch_size", BATCH);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int s = 0; s + BATCH <= order.size(); s += BATCH) {
            HDict[] batch = new HDict[BATCH];
            for (int k = 0; k < BATCH; k++) {
                batch[k] = samples.get(order.get(s + k));
            }
            model.TrainDlModelBatch(batch);
        }
    }

    static double accuracy(HDlModel model, List<HDict> samples) {
        HDict[] results = model.ApplyDlModel(samples.toArray(HDict[]::new), new HTuple("classification_class_ids"));
        int correct = 0;
        for (int i = 0; i < results.length; i++) {
            long predicted = results[i].GetDictTuple("classification_class_ids").getL(0);
            correct += predicted == samples.get(i).GetDictTuple("image_label_id").getL() ? 1 : 0;
        }
        return correct / (double) results.length;
    }
}
