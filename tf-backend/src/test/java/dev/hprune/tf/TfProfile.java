package dev.hprune.tf;

import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * A profiling tool, not a test: times 'score' or 'apply' on an ONNX model through the TensorFlow session and prints
 * where TensorFlow spends the time, per operation type, from its step statistics. Args: model.onnx, score|apply|train,
 * batch, runs.
 */
public final class TfProfile {
    private TfProfile() {}

    public static void main(String[] args) {
        Graph onnx = OnnxReader.read(Path.of(args[0]));
        String work = args[1];
        int batch = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Graph graph = DlModel.of(onnx).prunableGraph();
        long[] in = graph.inputs().get(0).shape().stream().mapToLong(d -> d.isFixed() ? d.value() : batch).toArray();
        in[0] = batch;
        float[] pixels = new float[(int) Tensor.elementCount(in)];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Tensor images = Tensor.wrapFloats(in, pixels);
        long[] labels = new long[batch];
        String input = graph.inputs().get(0).name();
        String output = graph.outputs().get(0).name();
        String logits = graph.producer(output).filter(n -> n.opType().equals("Softmax")).map(n -> n.inputs().get(0))
                .orElse(output);
        List<String> points = PrunabilityAnalysis.of(graph).scoringPoints();
        try (TfModelSession session = new TfModelSession(graph, new SessionOptions("cpu", 0,
                Integer.getInteger("intra", 0), Integer.getInteger("inter", 0), batch), -1)) {
            java.util.Set<String> trainable = new java.util.TreeSet<>();
            for (var node : graph.nodes()) {
                if (List.of("Conv", "Gemm", "MatMul", "BatchNormalization").contains(node.opType())) {
                    node.inputs().stream().skip(1).filter(graph.initializers()::containsKey).forEach(trainable::add);
                }
            }
            var spec = new dev.hprune.compat.backend.TrainingSpec(input, logits, trainable, 0.001, 0.9, 0, 0.9);
            Runnable step = switch (work) {
                case "score" -> () -> session.taylorScores(input, logits, images, labels, points);
                case "train" -> () -> session.trainStep(spec, images, labels);
                default -> () -> session.run(Map.of(input, images), List.of(output));
            };
            for (int i = 0; i < 3; i++) {
                step.run();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                step.run();
            }
            double ms = (System.nanoTime() - t0) / 1e6 / runs;
            System.out.printf("%s batch %d: %.2f ms per call, %.1f img/s (%s)%n", work, batch, ms, batch * 1000 / ms,
                    session.threads());
            if (!Boolean.parseBoolean(System.getProperty("trace", "true"))) {
                return;
            }
            Map<String, long[]> byType = new TreeMap<>();
            long[] total = new long[1];
            TfModelSession.tracer = (RunMetadata m) -> {
                for (var device : m.getStepStats().getDevStatsList()) {
                    for (NodeExecStats node : device.getNodeStatsList()) {
                        String type = node.getTimelineLabel().contains("=")
                                ? node.getTimelineLabel().replaceAll(".*= ([A-Za-z0-9_]+).*", "$1") : node.getNodeName();
                        long micros = node.getOpEndRelMicros() - node.getOpStartRelMicros();
                        long[] acc = byType.computeIfAbsent(type, k -> new long[2]);
                        acc[0] += micros;
                        acc[1]++;
                        total[0] += micros;
                    }
                }
            };
            for (int i = 0; i < runs; i++) {
                step.run();
            }
            TfModelSession.tracer = null;
            System.out.printf("op time summed over ops (ms per call): %.2f%n", total[0] / 1e3 / runs);
            byType.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(25)
                    .forEach(e -> System.out.printf("  %-40s %8.2f ms %6d ops/call%n", e.getKey(),
                            e.getValue()[0] / 1e3 / runs, e.getValue()[1] / runs));
        }
    }
}
