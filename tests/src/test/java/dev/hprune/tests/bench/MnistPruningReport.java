package dev.hprune.tests.bench;

import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.prune.ChannelGroup;
import dev.hprune.compat.prune.Kernel;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.prune.PruningPlan;
import dev.hprune.compat.prune.Surgery;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.bench.TaylorReference.ChannelSet;
import dev.hprune.tests.support.Mnist;
import dev.hprune.tests.support.ResidualDepthwiseCnn;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import dev.hprune.tests.support.TestMaterial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Pruning methods compared at equal MACs on two models trained with TrainDlModelBatch on MNIST: the MNIST CNN
 * (SmallCnn) and a residual + depthwise CNN whose head is ReduceMean over H and W (ResidualDepthwiseCnn). For each MAC
 * target (share of the unpruned model's MACs kept, by ModelCost):
 * <ul>
 * <li>oracle: HALCON's operators; the 'percentage' whose GenDlPrunedModel result meets the target is searched, on
 * scores computed once by AddDlPruningBatch;</li>
 * <li>L1 norm and random (mean of several selections): the same selection machinery (hprune's channel groups,
 * PruningPlan, Surgery), only the scores differ, and the same percentage search;</li>
 * <li>Taylor reference ({@link TaylorReference}): independent of hprune's oracle, analysis and surgery, so it can prune
 * what hprune cannot follow; once over every channel set, once restricted to the convolutions hprune can prune (the
 * difference is what hprune's coverage costs at that MAC budget).</li>
 * </ul>
 * Test accuracy without retraining and after one epoch of retraining, averaged over the same shuffles for every method
 * (one pass varies by several points between orders), with the spread. Not a test: run with {@code bench/run.sh
 * pruning}.
 */
public final class MnistPruningReport {
    private MnistPruningReport() {}

    private static final int BATCH = 64;
    private static final int TRAIN_IMAGES = Integer.getInteger("bench.trainImages", 12000);
    private static final int SCORING_SAMPLES = Integer.getInteger("bench.scoringSamples", 3200);
    private static final int BASE_EPOCHS = Integer.getInteger("bench.baseEpochs", 3);
    private static final int ORDERS = Integer.getInteger("bench.orders", 3);
    private static final int RANDOM_SELECTIONS = Integer.getInteger("bench.randomSelections", 3);
    private static final int[] MAC_TARGETS = parseTargets(System.getProperty("bench.macTargets", "50,30"));
    private static final String ONLY = System.getProperty("bench.models", "cnn,residual");

    /** One model of the report: how to build it untrained, and its channel sets for the reference. */
    private record Subject(String title, Supplier<Graph> untrained, List<ChannelSet> sets, double[] rates,
            double retrainRate) {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Mnist train = Mnist.read(TestMaterial.mnist("train-images-idx3-ubyte"),
                TestMaterial.mnist("train-labels-idx1-ubyte"));
        Mnist test = Mnist.read(TestMaterial.mnist("t10k-images-idx3-ubyte"), TestMaterial.mnist("t10k-labels-idx1-ubyte"));
        // the first TRAIN_IMAGES of MNIST's training set (its order is already mixed), for base training and retraining
        List<HDict> trainSamples = Samples.mnist(train).subList(0, Math.min(TRAIN_IMAGES, train.count()));
        List<HDict> testSamples = Samples.mnist(test);
        System.out.printf("# Pruning at equal MACs: %d training images (of %d), %d test images, %d cores%n%n",
                trainSamples.size(), train.count(), testSamples.size(), Runtime.getRuntime().availableProcessors());

        List<Subject> subjects = new ArrayList<>();
        if (ONLY.contains("cnn")) {
            subjects.add(new Subject("MNIST CNN conv16-conv32", () -> SmallCnn.build(28, 1, 16, 32, 10, 42),
                    TaylorReference.smallCnn(28), new double[] {0.05, 0.05, 0.01}, 0.01));
        }
        if (ONLY.contains("residual")) {
            subjects.add(new Subject("residual + depthwise CNN, ReduceMean head",
                    () -> ResidualDepthwiseCnn.build(28, 1, 16, 48, 32, 96, 10, 42),
                    TaylorReference.residualDepthwiseCnn(), new double[] {0.1, 0.1, 0.02}, 0.02));
        }
        for (Subject subject : subjects) {
            report(subject, trainSamples, testSamples);
        }
        System.out.printf("total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void report(Subject subject, List<HDict> trainSamples, List<HDict> testSamples) {
        long start = System.nanoTime();
        HDlModel base = fromGraph(subject.untrained().get());
        base.SetDlModelParam("batch_size", BATCH);
        double[] rates = subject.rates();
        for (int epoch = 0; epoch < BASE_EPOCHS; epoch++) {
            trainEpoch(base, trainSamples, rates[Math.min(epoch, rates.length - 1)], new Random(epoch));
        }
        double baseAccuracy = accuracy(base, testSamples);
        DlModel compat = compat(base);
        Graph graph = compat.prunableGraph();
        long baseMacs = macs(graph);
        System.out.printf("## %s: %d epochs on the subset, %.2f %%, %d MACs, kernels per conv %s (%.0f s)%n%n",
                subject.title(), BASE_EPOCHS, 100 * baseAccuracy, baseMacs, kernelsPerConv(graph),
                (System.nanoTime() - start) / 1e9);

        List<HDict> scoring = trainSamples.subList(0, SCORING_SAMPLES);
        HDlPrune pruning = base.CreateDlPruning("oracle", new HDict());
        for (int s = 0; s + BATCH <= scoring.size(); s += BATCH) {
            base.AddDlPruningBatch(pruning, scoring.subList(s, s + BATCH).toArray(HDict[]::new));
        }
        int prunable = (int) pruning.GetDlPruningParam("prunable_kernel_num").getL();
        PrunabilityAnalysis analysis = PrunabilityAnalysis.of(graph);
        Set<String> prunableConvs = new HashSet<>(analysis.prunableConvs());
        long convs = graph.nodes().stream().filter(n -> n.opType().equals("Conv")).count();
        // hprune lists a depthwise conv among the prunable ones only through its group, so one producer suffices
        List<ChannelSet> blocked = subject.sets().stream()
                .filter(s -> s.producers().stream().noneMatch(prunableConvs::contains)).toList();
        System.out.printf("hprune: %d of %d convs prunable, %d prunable kernels; channel sets hprune cannot prune: %s%n",
                prunableConvs.size(), convs, prunable,
                blocked.isEmpty() ? "none" : String.join(", ", blocked.stream().map(ChannelSet::name).toList()));

        Map<String, Tensor> gradients = TaylorReference.accumulatedGradients(graph, scoring, BATCH);
        Map<ChannelSet, double[]> reference = TaylorReference.importance(subject.sets(), graph, gradients);
        Map<ChannelGroup, Double> l1 = l1Scores(analysis);
        System.out.printf("scored %d images (%.0f s so far)%n%n", scoring.size(), (System.nanoTime() - start) / 1e9);

        Retraining data = new Retraining(trainSamples, testSamples, subject.retrainRate());
        System.out.printf("| MACs target | method | MACs kept | kernels per conv | accuracy, no retraining | "
                + "accuracy, 1 epoch retraining: mean of %d orders (min - max) |%n", ORDERS);
        System.out.println("|---|---|---|---|---|---|");
        for (int target : MAC_TARGETS) {
            long targetMacs = Math.round(baseMacs * target / 100.0);
            int oracleKernels = smallestMeeting(prunable, k -> {
                HDlModel pruned = oracle(base, pruning, k, prunable);
                long macs = macs(compat(pruned).prunableGraph());
                pruned.ClearDlModel();
                return macs <= targetMacs;
            });
            row(target, "oracle (hprune)", () -> oracle(base, pruning, oracleKernels, prunable), baseMacs, data);

            row(target, "L1 norm", hpruneSelection(compat, analysis, l1, targetMacs), baseMacs, data);

            List<Supplier<HDlModel>> random = new ArrayList<>();
            for (int seed = 0; seed < RANDOM_SELECTIONS; seed++) {
                random.add(hpruneSelection(compat, analysis, randomScores(analysis, seed), targetMacs));
            }
            row(target, "random (mean of " + RANDOM_SELECTIONS + ")", random, baseMacs, data);

            Map<ChannelSet, int[]> all = TaylorReference.select(subject.sets(), reference, graph, targetMacs,
                    s -> true, 1, 28);
            row(target, "Taylor reference", () -> derived(compat, TaylorReference.slice(graph, subject.sets(), all)),
                    baseMacs, data);
            if (!blocked.isEmpty()) {
                Map<ChannelSet, int[]> restricted = TaylorReference.select(subject.sets(), reference, graph,
                        targetMacs, s -> !blocked.contains(s), 1, 28);
                row(target, "Taylor reference, hprune's prunable convs only",
                        () -> derived(compat, TaylorReference.slice(graph, subject.sets(), restricted)), baseMacs, data);
            }
        }
        System.out.printf("%nunpruned: %.2f %% (%.0f s for this model)%n%n", 100 * baseAccuracy,
                (System.nanoTime() - start) / 1e9);
        pruning.clearHandle();
        base.ClearDlModel();
    }

    private static HDlModel oracle(HDlModel base, HDlPrune pruning, int kernels, int prunable) {
        pruning.SetDlPruningParam("percentage", prunable == 0 ? 0.0 : 100.0 * kernels / prunable);
        return base.GenDlPrunedModel(pruning);
    }

    /** The pruned model of hprune's selection machinery with the fewest kernels removed that meets the MAC target. */
    private static Supplier<HDlModel> hpruneSelection(DlModel model, PrunabilityAnalysis analysis,
            Map<ChannelGroup, Double> scores, long targetMacs) {
        int prunable = analysis.prunableKernelCount();
        IntFunction<Graph> pruned = k -> Surgery.remove(analysis,
                PruningPlan.select(analysis, scores, prunable == 0 ? 0 : 100.0 * k / prunable).removed());
        int kernels = smallestMeeting(prunable, k -> macs(pruned.apply(k)) <= targetMacs);
        Graph graph = pruned.apply(kernels);
        return () -> derived(model, graph);
    }

    /**
     * The smallest count in [0, max] that {@code meets} accepts, by bisection (MACs only fall as kernels go); max when
     * none does, as nothing more can be removed.
     */
    private static int smallestMeeting(int max, IntPredicate meets) {
        int low = 0;
        int high = max;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (meets.test(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** What every pruned model is measured on: the data for retraining and for accuracy, and the retraining rate. */
    private record Retraining(List<HDict> train, List<HDict> test, double rate) {}

    private static void row(int target, String method, Supplier<HDlModel> pruned, long baseMacs, Retraining data) {
        row(target, method, List.of(pruned), baseMacs, data);
    }

    /**
     * One table row for one or several selections (random): each selection is measured without retraining and after
     * one epoch of retraining in every order; the row shows the means, and the spread over orders (and selections).
     */
    private static void row(int target, String method, List<Supplier<HDlModel>> selections, long baseMacs,
            Retraining data) {
        HDlModel probe = selections.get(0).get();
        Graph graph = compat(probe).prunableGraph();
        String kept = kernelsPerConv(graph);
        double macsKept = 100.0 * macs(graph) / baseMacs;
        probe.ClearDlModel();
        double before = 0;
        List<Double> after = new ArrayList<>();
        for (int s = 0; s < selections.size(); s++) {
            double[] r = measure(selections.get(s), data, selections.size() > 1 ? s : -1);
            before += r[0] / selections.size();
            for (int i = 1; i < r.length; i++) {
                after.add(r[i]);
            }
        }
        double mean = after.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("| %d %% | %s | %.1f %% | %s | %.2f %% | %.2f %% (%.2f - %.2f) |%n", target, method, macsKept,
                selections.size() > 1 ? kept + " (first)" : kept, 100 * before, 100 * mean,
                100 * Collections.min(after), 100 * Collections.max(after));
    }

    /**
     * Accuracy of a freshly pruned model without retraining, then after one epoch of retraining in each of the
     * {@link #ORDERS} shuffles that every method gets, so that methods differ only in what they removed. With
     * {@code only >= 0} (random, one retraining per selection) only order {@code only mod ORDERS} is run.
     */
    private static double[] measure(Supplier<HDlModel> pruned, Retraining data, int only) {
        List<Integer> orders = new ArrayList<>();
        for (int o = 0; o < ORDERS; o++) {
            if (only < 0 || o == only % ORDERS) {
                orders.add(o);
            }
        }
        double[] result = new double[1 + orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            HDlModel model = pruned.get();
            if (i == 0) {
                result[0] = accuracy(model, data.test());
            }
            trainEpoch(model, data.train(), data.rate(), new Random(100 + orders.get(i)));
            result[1 + i] = accuracy(model, data.test());
            model.ClearDlModel();
        }
        return result;
    }

    /** "16/32" style: the kernels each convolution has, in graph order. */
    static String kernelsPerConv(Graph graph) {
        List<String> counts = new ArrayList<>();
        for (var node : graph.nodes()) {
            if (node.opType().equals("Conv")) {
                counts.add(String.valueOf(graph.initializers().get(node.inputs().get(1)).dim(0)));
            }
        }
        return String.join("/", counts);
    }

    private static long macs(Graph graph) {
        var input = graph.inputs().get(0).shape();
        return ModelCost.of(graph, (int) input.get(1).value(), (int) input.get(2).value(), (int) input.get(3).value())
                .macs();
    }

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

    private static HDlModel derived(DlModel model, Graph pruned) {
        return new HDlModel(new HHandle(DlModelOperators.register(model.derive(pruned)).id()));
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

    private static int[] parseTargets(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
