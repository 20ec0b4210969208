package dev.hprune.tests.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.prune.ModelCost;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlDevice;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HDlPrune;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.TestMaterial;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * hprune next to its peers, measured side by side in one run with the same model, batch size and thread count:
 * oracle scoring and training against PyTorch, inference against ONNX Runtime and PyTorch, GenDlPrunedModel time,
 * realized speed-up of pruned models against their MAC ratio, peak memory of scoring, and the share of the machine's
 * MAC limit that scoring reaches. Not a test: {@code bench/run.sh compare} prepares the models and runs it.
 *
 * <p>System properties: {@code hprune.benchCache} (the exported models), {@code hprune.python},
 * {@code hprune.peerScript}, {@code hprune.benchResults} (where the markdown goes besides stdout), {@code bench.seconds}
 * (timed seconds per measurement, default 3), {@code bench.pruneSeconds} (for the pruned-model rows, default 1.5),
 * {@code bench.only} (comma-separated section numbers to run, default all), {@code bench.rounds} (rounds of the
 * alternating ONNX Runtime device and direct measurement, default 20), {@code bench.window} (seconds per window of
 * that measurement, default 0.4).
 */
public final class ComparisonBench {
    private ComparisonBench() {}

    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));
    static final double PRUNE_SECONDS = Double.parseDouble(System.getProperty("bench.pruneSeconds", "1.5"));
    static final int[] BATCHES = {1, 16, 32};
    /** Rounds and window length of the alternating device-against-direct measurement (section 3b). */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    static final double WINDOW_SECONDS = Double.parseDouble(System.getProperty("bench.window", "0.4"));
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    /** A benchmark model; {@code peer} is its name on the PyTorch side, null where PyTorch has no copy. */
    record Model(String label, String peer, Path file, int c, int h, int w, int classes) {
        String sizeLabel() {
            return label + " " + c + "x" + h + "x" + w;
        }
    }

    private static final StringBuilder REPORT = new StringBuilder();

    static void print(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.print(text);
        System.out.flush();
        REPORT.append(text);
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(System.getProperty("hprune.benchCache", ".cache/bench"));
        String python = System.getProperty("hprune.python", "/usr/bin/python3");
        Path script = Path.of(System.getProperty("hprune.peerScript", "bench/torch_peer.py"));
        String only = System.getProperty("bench.only", "1,2,3,4,5,6,7");
        Model mnist = new Model("MNIST CNN", "mnist_cnn", cache.resolve("mnist_cnn.onnx"), 1, 28, 28, 10);
        Model resnet18 = new Model("ResNet-18", "resnet18", cache.resolve("resnet18.onnx"), 3, 224, 224, 1000);
        Model resnet50 = new Model("ResNet-50", "resnet50", cache.resolve("resnet50.onnx"), 3, 224, 224, 1000);
        Model mobilenet = new Model("MobileNetV2", "mobilenet_v2", cache.resolve("mobilenet_v2.onnx"), 3, 224, 224,
                1000);
        Model ppocr = new Model("PP-OCR cls", null,
                TestMaterial.root().resolve("ppocr/ch_ppocr_mobile_v2.0_cls_infer.onnx"), 3, 48, 192, 2);
        List<Model> peered = List.of(mnist, resnet18, mobilenet);

        MachineDescription machine = MachineDescription.read();
        Path log = Files.createTempFile("hprune-torch-peer", ".log");
        double loadBefore = MachineDescription.loadAverage();
        long started = System.nanoTime();
        try (TorchPeer torch = TorchPeer.start(python, script, cache, log)) {
            String hello = torch.ask("{\"work\": \"hello\"}");
            print("# hprune next to its peers%n%n");
            print("Run %s, at most %d threads on every side (hprune picks one or all for each model and batch size "
                    + "as its users get it, see README 'Threads'; the peers are measured at both where noted), %.1f s "
                    + "timed per measurement (after a warm-up of a third of that), images random, weights random "
                    + "(fixed seeds).%n%n",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), THREADS, SECONDS);
            print("%s", machine.markdown(String.format(Locale.ROOT,
                    "- peers: PyTorch %s (torchvision %s, mkldnn %s), ONNX Runtime Java %s%n",
                    TorchPeer.string(hello, "torch"), TorchPeer.string(hello, "torchvision"),
                    hello.contains("\"mkldnn\": true") ? "on" : "off", ortVersion())));
            print("- load average (1 min) at start: %.2f%n%n", loadBefore);

            if (only.contains("1")) {
                print("## 1. AddDlPruningBatch vs PyTorch first-order Taylor scores (goal: ratio >= 2)%n%n");
                print(PEER_NOTE);
                print(PEER_HEADER);
                for (Model m : peered) {
                    for (int batch : BATCHES) {
                        double ours = scoringRate(m, batch, SECONDS);
                        double peer = goalRow(torch, "score", m, batch, ours, 2.0);
                        SCORING.put(m.label() + "/" + batch, new double[] {ours, peer});
                    }
                }
                print("%n");
            }
            if (only.contains("2")) {
                print("## 2. TrainDlModelBatch vs a PyTorch SGD-with-momentum step (goal: ratio >= 1.5)%n%n");
                print(PEER_HEADER);
                for (Model m : peered) {
                    for (int batch : BATCHES) {
                        double ours = trainRate(m, batch);
                        goalRow(torch, "train", m, batch, ours, 1.5);
                    }
                }
                print("%n");
            }
            if (only.contains("3")) {
                print("## 3. ApplyDlModel vs ONNX Runtime and PyTorch eval (goal: >= 0.8x ONNX Runtime)%n%n");
                print("ONNX Runtime is measured at %d threads and at 1 thread, and the ratio uses the faster, as hprune "
                        + "runs small batches on one thread (see README, 'Threads'). PyTorch: the faster of %d threads "
                        + "and 1 thread (see section 1).%n%n", THREADS, THREADS);
                print("| model | batch | hprune img/s | ONNX Runtime img/s, same threads | ONNX Runtime img/s, 1 thread "
                        + "| ratio to the faster | goal met | PyTorch img/s | ratio |%n"
                        + "|---|---|---|---|---|---|---|---|---|%n");
                List<Model> applied = new ArrayList<>(peered);
                applied.add(ppocr);
                StringBuilder devices = new StringBuilder();
                for (Model m : applied) {
                    for (int batch : BATCHES) {
                        double ours = applyRate(m.file(), m, batch, SECONDS);
                        double[] rates = ortDeviceAndDirect(m, batch, WINDOW_SECONDS);
                        double onOrtDevice = rates[0];
                        double ortSame = rates[1];
                        double ortOne = rates[2];
                        double ort = Math.max(ortSame, ortOne);
                        devices.append(String.format(Locale.ROOT,
                                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f (%.2f - %.2f) | %s | %.2f | %.1e |%n",
                                m.sizeLabel(), batch, ours, onOrtDevice, ortSame, ortOne, rates[3], rates[4], rates[5],
                                rates[3] >= 0.95 ? "yes" : "no", onOrtDevice / ours, rates[6]));
                        OptionalDouble peer = OptionalDouble.empty();
                        if (m.peer() != null) {
                            OptionalDouble same = torch.rate(m.peer(), "apply", batch, THREADS, SECONDS);
                            OptionalDouble one = torch.rate(m.peer(), "apply", batch, 1, SECONDS);
                            peer = OptionalDouble.of(Math.max(same.orElse(0), one.orElse(0)));
                        }
                        print("| %s | %d | %.1f | %.1f | %.1f | %.2f | %s | %s | %s |%n", m.sizeLabel(), batch, ours,
                                ortSame, ortOne, ours / ort, ours / ort >= 0.8 ? "yes" : "no",
                                m.peer() == null ? "-" : format(peer),
                                peer.isPresent() ? String.format(Locale.ROOT, "%.2f", ours / peer.getAsDouble()) : "-");
                    }
                }
                print("%n### 3b. ApplyDlModel on the ONNX Runtime device (goal: >= 0.95x ONNX Runtime called directly)%n%n");
                print("The same models and batches: ApplyDlModel on TensorFlow's CPU (the column hprune above), "
                        + "ApplyDlModel after SetDlModelParam('device', the ONNX Runtime CPU device), and ONNX Runtime "
                        + "called directly on the model file at %d threads and at 1 thread (default session options, one "
                        + "input tensor reused). The last three are measured in windows of %.2f s taken in turn, %d "
                        + "rounds, the order rotated each round; rates are medians over rounds, and the ratio is the "
                        + "median over rounds of the device's rate to the faster direct rate of the same round (in "
                        + "brackets its quartiles), since windows next to each other see the same load on this shared "
                        + "machine. The device runs the model's own graph as written by hprune, with the batch "
                        + "dimension fixed to 'batch_size' and outputs it keeps (README, 'Devices'). The last column: "
                        + "the largest difference of a class's confidence between the two devices on the same images "
                        + "(goal: within 1e-4).%n%n", THREADS, WINDOW_SECONDS, ROUNDS);
                print("| model | batch | TF device img/s | ONNX Runtime device img/s | ONNX Runtime direct img/s, %d "
                        + "threads | ONNX Runtime direct img/s, 1 thread | ORT device / faster direct | goal met | ORT "
                        + "device / TF device | largest confidence difference to the TF device |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|%n", THREADS);
                print("%s%n", devices);
                print("### 3c. A plain program with and without TensorFlow's environment variables%n%n");
                print("One child JVM per row, from this class path, running two models in one process: the MNIST CNN at "
                        + "batch 1 first, then MobileNetV2 at batch 16 (ApplyDlModel, TF device).%n%n");
                print("| environment | MNIST CNN b1 img/s | MobileNetV2 b16 img/s |%n|---|---|---|%n");
                for (Map.Entry<String, Map<String, String>> env : List.of(
                        Map.entry("no TF variables (the backend sets both to 1 itself)",
                                Map.<String, String>of()),
                        Map.entry("TF_ENABLE_ONEDNN_OPTS=1 TF_OVERRIDE_GLOBAL_THREADPOOL=1 exported",
                                Map.of("TF_ENABLE_ONEDNN_OPTS", "1", "TF_OVERRIDE_GLOBAL_THREADPOOL", "1")),
                        Map.entry("TF_OVERRIDE_GLOBAL_THREADPOOL=0 (one shared pool, what an unset variable gave "
                                + "before)", Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "0")))) {
                    double[] rates = EnvironmentBench.measure(mnist.file(), mobilenet.file(), SECONDS, env.getValue());
                    print("| %s | %.1f | %.1f |%n", env.getKey(), rates[0], rates[1]);
                }
                print("%n");
            }
            if (only.contains("4")) {
                print("## 4. GenDlPrunedModel wall time at 30 %% (goal: MobileNetV2 <= 150 ms, ResNet-50 <= 1 s)%n%n");
                print("| model | MACs/image | prunable kernels | first call ms | mean of next 5 ms | goal met |%n"
                        + "|---|---|---|---|---|---|%n");
                genRow(mobilenet, 150);
                genRow(resnet18, Double.NaN);
                genRow(resnet50, 1000);
                genRow(ppocr, Double.NaN);
                print("%n");
            }
            if (only.contains("5")) {
                print("## 5. Realized speed-up of pruned models next to their MAC ratio%n%n");
                print("Speed-up = unpruned time / pruned time, same runtime and batch. Efficiency = the lowest of the "
                        + "four speed-ups / MAC ratio. Goal: efficiency >= 0.65 for plain and residual nets, >= 0.5 "
                        + "for depthwise nets, and no speed-up below 1.00. 'x8' rows use the GenParam "
                        + "'kernel_multiple' 8 of create_dl_pruning (kept kernels per convolution rounded up to a "
                        + "multiple of 8); the others are HALCON's behaviour. %.1f s timed per measurement.%n%n",
                        PRUNE_SECONDS);
                print("| model | pruned | kernels removed | MAC ratio | hprune b1 | hprune b32 | ORT b1 | ORT b32 | "
                        + "efficiency | goal met |%n|---|---|---|---|---|---|---|---|---|---|%n");
                prunedRows(mnist, 0.65);
                prunedRows(resnet18, 0.65);
                prunedRows(mobilenet, 0.5);
                print("%n");
            }
            if (only.contains("6")) {
                print("## 6. Peak resident memory of AddDlPruningBatch, MobileNetV2, batch 32 (goal: <= 2048 MB)%n%n");
                long ours = memoryProbe(mobilenet, 32);
                double peer = peerMemory(python, script, cache, log, mobilenet, 32);
                print("| model | batch | hprune peak RSS MB | PyTorch peak RSS MB | goal met |%n|---|---|---|---|---|%n");
                print("| %s | 32 | %d | %.0f | %s |%n%n", mobilenet.sizeLabel(), ours, peer, ours <= 2048 ? "yes" : "no");
            }
            if (only.contains("7")) {
                flopShare(machine, peered);
            }
        }
        print("Load average (1 min) at the end: %.2f; whole run %.0f s.%n", MachineDescription.loadAverage(),
                (System.nanoTime() - started) / 1e9);
        String results = System.getProperty("hprune.benchResults");
        if (results != null && !results.isEmpty()) {
            Path file = Path.of(results);
            String kept = "";
            if (Files.exists(file)) {
                // hand-written notes below the marker (e.g. the before/after of fixes) survive a new run
                String old = Files.readString(file, StandardCharsets.UTF_8);
                int marker = old.indexOf(KEPT_MARKER);
                kept = marker < 0 ? "" : "\n" + old.substring(marker);
            }
            Files.writeString(file, REPORT + kept, StandardCharsets.UTF_8);
        }
        System.exit(0);
    }

    private static final Map<String, double[]> SCORING = new LinkedHashMap<>();

    /** Where the hand-written part of bench/RESULTS.md starts; a run replaces only what is above it. */
    static final String KEPT_MARKER = "<!-- kept across runs -->";

    static final String PEER_NOTE = "PyTorch is measured at the most threads hprune may use and, because its OpenMP "
            + "threads wait by spinning and lose badly on this kind of 2-vCPU machine, also at 1 thread; the ratio and "
            + "the goal use the faster of the two.%n%n";
    static final String PEER_HEADER = "| model | batch | hprune img/s | PyTorch img/s, same threads | PyTorch img/s, 1 "
            + "thread | ratio to the faster | goal met |%n|---|---|---|---|---|---|---|%n";

    /** Measures the peer at the same thread count and at one thread, prints the row; returns the faster peer rate. */
    private static double goalRow(TorchPeer torch, String work, Model m, int batch, double ours, double goal)
            throws IOException {
        OptionalDouble same = torch.rate(m.peer(), work, batch, THREADS, SECONDS);
        OptionalDouble one = THREADS == 1 ? same : torch.rate(m.peer(), work, batch, 1, SECONDS);
        double best = Math.max(same.orElse(0), one.orElse(0));
        String ratio = best > 0 ? String.format(Locale.ROOT, "%.2f", ours / best) : "-";
        String met = best > 0 ? (ours / best >= goal ? "yes" : "no") : "-";
        print("| %s | %d | %.1f | %s | %s | %s | %s |%n", m.sizeLabel(), batch, ours, format(same), format(one), ratio,
                met);
        return best > 0 ? best : Double.NaN;
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "failed";
    }

    static HDict[] samples(int n, int c, int h, int w, int classes, Random random) {
        HDict[] samples = new HDict[n];
        for (int i = 0; i < n; i++) {
            float[] planar = new float[c * h * w];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = random.nextFloat();
            }
            samples[i] = new HDict();
            samples[i].SetDictObject(HImage.fromPlanar(w, h, c, planar), "image");
            samples[i].SetDictTuple("image_label_id", new HTuple(random.nextInt(classes)));
        }
        return samples;
    }

    static HDlModel open(Path file, Model m, int batch) {
        HDlModel model = new HDlModel(file.toString());
        model.SetDlModelParam("image_width", m.w());
        model.SetDlModelParam("image_height", m.h());
        model.SetDlModelParam("batch_size", batch);
        return model;
    }

    /**
     * Images per second of {@code work} on {@code batch} images: one untimed call (graph building), a warm-up of a
     * third of the time, then calls until {@code seconds} have passed and at least two calls were made.
     */
    static double rate(int batch, double seconds, Runnable work) {
        work.run();
        long warmUntil = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        return PairedRates.window(batch, seconds, 2, work);
    }

    static double scoringRate(Model m, int batch, double seconds) {
        HDlModel model = open(m.file(), m, batch);
        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        HDict[] samples = samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(1));
        double rate = rate(batch, seconds, () -> model.AddDlPruningBatch(pruning, samples));
        pruning.close();
        model.ClearDlModel();
        return rate;
    }

    private static double trainRate(Model m, int batch) {
        HDlModel model = open(m.file(), m, batch);
        model.SetDlModelParam("learning_rate", 0.001);
        model.SetDlModelParam("momentum", 0.9);
        HDict[] samples = samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(5));
        double rate = rate(batch, SECONDS, () -> model.TrainDlModelBatch(samples));
        model.ClearDlModel();
        return rate;
    }

    static double applyRate(Path file, Model m, int batch, double seconds) {
        HDlModel model = open(file, m, batch);
        HDict[] samples = samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(3));
        double rate = rate(batch, seconds, () -> model.ApplyDlModel(samples, new HTuple()));
        model.ClearDlModel();
        return rate;
    }

    /**
     * ApplyDlModel on the ONNX Runtime device next to ONNX Runtime called directly on the model file at
     * {@link #THREADS} threads and at 1 thread, in {@link PairedRates} windows of {@code seconds} for {@link #ROUNDS}
     * rounds: {median device img/s, median direct img/s at THREADS, at 1 thread, median over rounds of device / the
     * faster direct of the same round, its lower quartile, its upper quartile, the largest confidence difference
     * between the device's results and the TensorFlow device's on the same samples}.
     */
    static double[] ortDeviceAndDirect(Model m, int batch, double seconds) throws OrtException {
        HDlModel model = open(m.file(), m, batch);
        HDlDevice[] ort = HDlDevice.QueryAvailableDlDevices(HTuple.of("ai2", "execution_provider"),
                HTuple.of("onnxruntime", "CPU"));
        model.SetDlModelParam("device", ort[0]);
        HDict[] samples = samples(batch, m.c(), m.h(), m.w(), m.classes(), new Random(3));
        HDlModel onTf = open(m.file(), m, batch);
        double difference = largestDifference(onTf.ApplyDlModel(samples, new HTuple()),
                model.ApplyDlModel(samples, new HTuple()));
        onTf.ClearDlModel();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] data = randomImages(m, batch);
        try (OrtSession.SessionOptions all = new OrtSession.SessionOptions();
                OrtSession.SessionOptions one = new OrtSession.SessionOptions()) {
            all.setIntraOpNumThreads(THREADS);
            one.setIntraOpNumThreads(1);
            try (OrtSession onAll = env.createSession(m.file().toString(), all);
                    OrtSession onOne = env.createSession(m.file().toString(), one);
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data),
                            new long[] {batch, m.c(), m.h(), m.w()})) {
                double[][] rates = PairedRates.measure(batch, ROUNDS, seconds, Math.max(1, 2 * seconds), List.of(
                        () -> model.ApplyDlModel(samples, new HTuple()), direct(onAll, x), direct(onOne, x)));
                double[] ratios = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    ratios[round] = rates[round][0] / Math.max(rates[round][1], rates[round][2]);
                }
                return new double[] {PairedRates.median(PairedRates.column(rates, 0)),
                        PairedRates.median(PairedRates.column(rates, 1)),
                        PairedRates.median(PairedRates.column(rates, 2)), PairedRates.median(ratios),
                        PairedRates.quantile(ratios, 0.25), PairedRates.quantile(ratios, 0.75), difference};
            }
        } finally {
            model.ClearDlModel();
        }
    }

    /** One run of {@code session} on {@code x}, as a program calling ONNX Runtime itself would make it. */
    private static Runnable direct(OrtSession session, OnnxTensor x) {
        String input = session.getInputNames().iterator().next();
        return () -> {
            try (OrtSession.Result ignored = session.run(Map.of(input, x))) {
                // only the time counts
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The largest difference of one class's confidence between two devices' results for the same samples. */
    static double largestDifference(HDict[] a, HDict[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            Map<Long, Double> left = byClass(a[i]);
            Map<Long, Double> right = byClass(b[i]);
            if (!left.keySet().equals(right.keySet())) {
                return Double.POSITIVE_INFINITY;
            }
            for (Map.Entry<Long, Double> e : left.entrySet()) {
                largest = Math.max(largest, Math.abs(e.getValue() - right.get(e.getKey())));
            }
        }
        return largest;
    }

    private static Map<Long, Double> byClass(HDict result) {
        HTuple ids = result.GetDictTuple("classification_class_ids");
        HTuple values = result.GetDictTuple("classification_confidences");
        Map<Long, Double> confidences = new LinkedHashMap<>();
        for (int k = 0; k < ids.length(); k++) {
            confidences.put(ids.getL(k), values.getD(k));
        }
        return confidences;
    }

    static double ortRate(Path file, Model m, int batch, double seconds, int threads) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            try (OrtSession session = env.createSession(file.toString(), options);
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(randomImages(m, batch)),
                            new long[] {batch, m.c(), m.h(), m.w()})) {
                return rate(batch, seconds, direct(session, x));
            }
        }
    }

    /** {@code batch} images of the model's size, NCHW, values uniform in [0, 1) from a fixed seed. */
    private static float[] randomImages(Model m, int batch) {
        float[] data = new float[batch * m.c() * m.h() * m.w()];
        Random random = new Random(3);
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextFloat();
        }
        return data;
    }

    private static String ortVersion() {
        String v = OrtEnvironment.class.getPackage().getImplementationVersion();
        return v == null ? "(see tests/pom.xml)" : v;
    }

    private static void genRow(Model m, double goalMs) throws IOException {
        HDlModel model = open(m.file(), m, 1);
        HDlPrune pruning = model.CreateDlPruning("oracle", new HDict());
        model.AddDlPruningBatch(pruning, samples(1, m.c(), m.h(), m.w(), m.classes(), new Random(1)));
        pruning.SetDlPruningParam("percentage", 30);
        long t0 = System.nanoTime();
        model.GenDlPrunedModel(pruning).ClearDlModel();
        double first = (System.nanoTime() - t0) / 1e6;
        int runs = 5;
        long t1 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            model.GenDlPrunedModel(pruning).ClearDlModel();
        }
        double mean = (System.nanoTime() - t1) / 1e6 / runs;
        long prunable = pruning.GetDlPruningParam("prunable_kernel_num").getL();
        ModelCost cost = ModelCost.of(OnnxReader.read(m.file()), m.c(), m.h(), m.w());
        print("| %s | %.2f G | %d | %.1f | %.1f | %s |%n", m.sizeLabel(), cost.macs() / 1e9, prunable, first, mean,
                Double.isNaN(goalMs) ? "-" : Math.max(first, mean) <= goalMs ? "yes" : "no");
        pruning.close();
        model.ClearDlModel();
    }

    private static void prunedRows(Model m, double goal) throws Exception {
        HDlModel model = open(m.file(), m, 8);
        HDict[] samples = samples(8, m.c(), m.h(), m.w(), m.classes(), new Random(2));
        double[] base = times(m.file(), m);
        ModelCost baseCost = ModelCost.of(OnnxReader.read(m.file()), m.c(), m.h(), m.w());
        print("| %s | 0 %% | 0 | 1.00 | %.2f ms | %.1f img/s | %.2f ms | %.1f img/s | - | - |%n", m.sizeLabel(),
                1000 / base[0], base[1], 1000 / base[2], base[3]);
        for (int multiple : new int[] {1, 8}) {
            HDict genParam = new HDict();
            if (multiple > 1) {
                genParam.SetDictTuple("kernel_multiple", new HTuple(multiple));
            }
            HDlPrune pruning;
            try {
                pruning = model.CreateDlPruning("oracle", genParam);
            } catch (RuntimeException e) {
                print("| %s | x%d | - | - | - | - | - | - | - | not available: %s |%n", m.sizeLabel(), multiple,
                        e.getMessage().replace('|', '/'));
                continue;
            }
            model.AddDlPruningBatch(pruning, samples);
            for (int percentage : new int[] {10, 30, 50, 70}) {
                pruning.SetDlPruningParam("percentage", percentage);
                HDlModel pruned = model.GenDlPrunedModel(pruning);
                Path file = Files.createTempFile("hprune-bench-pruned", ".onnx");
                pruned.WriteDlModel(file.toString());
                pruned.ClearDlModel();
                ModelCost cost = ModelCost.of(OnnxReader.read(file), m.c(), m.h(), m.w());
                double macRatio = baseCost.macs() / (double) cost.macs();
                double[] t = times(file, m);
                double lowest = Double.MAX_VALUE;
                String[] cells = new String[4];
                for (int i = 0; i < 4; i++) {
                    double speedUp = t[i] / base[i];
                    lowest = Math.min(lowest, speedUp);
                    cells[i] = String.format(Locale.ROOT, "%.2fx", speedUp);
                }
                double efficiency = lowest / macRatio;
                print("| %s | %d %%%s | %d | %.2f | %s | %s | %s | %s | %.2f | %s |%n", m.sizeLabel(), percentage,
                        multiple > 1 ? " x" + multiple : "", pruning.GetDlPruningParam("pruned_kernel_num").getL(),
                        macRatio, cells[0], cells[1], cells[2], cells[3], efficiency,
                        efficiency >= goal && lowest >= 1.0 ? "yes" : "no");
                Files.deleteIfExists(file);
            }
            pruning.close();
        }
        model.ClearDlModel();
    }

    /** Images per second: hprune batch 1, hprune batch 32, ONNX Runtime batch 1, ONNX Runtime batch 32. */
    private static double[] times(Path file, Model m) throws OrtException {
        return new double[] {applyRate(file, m, 1, PRUNE_SECONDS), applyRate(file, m, 32, PRUNE_SECONDS),
                ortRate(file, m, 1, PRUNE_SECONDS, THREADS), ortRate(file, m, 32, PRUNE_SECONDS, THREADS)};
    }

    private static long memoryProbe(Model m, int batch) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dhprune.testMaterial=" + System.getProperty("hprune.testMaterial", ""),
                ScoringMemoryProbe.class.getName(), m.file().toString(), "" + m.c(), "" + m.h(), "" + m.w(),
                "" + m.classes(), "" + batch).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        String[] lines = out.split("\n");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    private static double peerMemory(String python, Path script, Path cache, Path log, Model m, int batch)
            throws IOException {
        try (TorchPeer fresh = TorchPeer.start(python, script, cache, log)) {
            String answer = fresh.ask(String.format(Locale.ROOT,
                    "{\"model\": \"%s\", \"work\": \"score\", \"batch\": %d, \"threads\": %d, \"seconds\": 0.1}",
                    m.peer(), batch, THREADS));
            return TorchPeer.number(answer, "max_rss_mb").orElse(Double.NaN);
        }
    }

    private static void flopShare(MachineDescription machine, List<Model> models) throws IOException {
        double peak = machine.peakMacsPerSecond();
        print("## 7. Share of the machine's MAC limit reached by scoring%n%n");
        print("Limit: %d cores x %.0f MHz x %d FMA pipes x %d float lanes = %.1f GMAC/s (the cores as the OS "
                + "counts them, at the clock /proc/cpuinfo reports; turbo clocks above it can push a share past 100 %%). "
                + "Scoring work per image is counted as 2x the "
                + "forward MACs (forward, and the backward pass to the activations; no weight gradients). Batch 32, "
                + "rates from section 1.%n%n", machine.cores(), machine.mhz(), machine.fma() ? 2 : 1, machine.lanes(),
                peak / 1e9);
        print("| model | forward MACs/image | hprune img/s | hprune GMAC/s | share of limit | PyTorch img/s | "
                + "PyTorch GMAC/s | share of limit |%n|---|---|---|---|---|---|---|---|%n");
        for (Model m : models) {
            double[] rates = SCORING.get(m.label() + "/32");
            if (rates == null) {
                continue;
            }
            long macs = ModelCost.of(OnnxReader.read(m.file()), m.c(), m.h(), m.w()).macs();
            double ours = 2.0 * macs * rates[0];
            double peer = 2.0 * macs * rates[1];
            print("| %s | %.3f G | %.1f | %.1f | %.1f %% | %.1f | %.1f | %.1f %% |%n", m.sizeLabel(), macs / 1e9,
                    rates[0], ours / 1e9, 100 * ours / peak, rates[1], peer / 1e9, 100 * peer / peak);
        }
        print("%n");
    }
}
