package dev.hprune.compat.prune;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backend that only scores, with oracle scores a test writes itself, so that halcon-compat's pruning tests run
 * without TensorFlow. It counts the samples it scored.
 */
final class ScriptedScoringBackend implements Backend {
    /** Fills one array per requested activation (sized to its channels, in request order) for a batch. */
    interface Script {
        void fill(List<float[]> scores, Tensor images, long[] labels);
    }

    private final String name;
    private final Script script;
    int scoredSamples;

    ScriptedScoringBackend(String name, Script script) {
        this.name = name;
        this.script = script;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supportsRuntime(String runtime) {
        return runtime.equals("cpu");
    }

    @Override
    public ModelSession open(Graph graph, SessionOptions options) {
        ChannelFlow flow = ChannelFlow.of(graph);
        return new ModelSession() {
            @Override
            public Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double trainStep(TrainingSpec spec, Tensor images, long[] labels) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
                    List<String> activations) {
                scoredSamples += labels.length;
                List<float[]> arrays = new ArrayList<>();
                for (String activation : activations) {
                    arrays.add(new float[flow.channels(activation).orElseThrow().count()]);
                }
                script.fill(arrays, images, labels);
                Map<String, float[]> scores = new LinkedHashMap<>();
                for (int i = 0; i < activations.size(); i++) {
                    scores.put(activations.get(i), arrays.get(i));
                }
                return scores;
            }

            @Override
            public Map<String, Tensor> weights() {
                return Map.of();
            }

            @Override
            public void close() {}
        };
    }
}
