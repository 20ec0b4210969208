package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import java.util.Optional;

/**
 * Where a classification graph takes its images and gives its class scores: the one image input [N, C, H, W], the one
 * output [N, classes], and the logits (the output itself, or the input of a final Softmax or LogSoftmax, which training
 * needs).
 *
 * <p>A graph with one output of rank 2 and a known class count reads as {@code 'classification'}; anything else is of
 * another type, which the classification operators refuse.
 *
 * @param height {@code -1} when the graph leaves it open (set 'image_height' before use); likewise width
 */
record ClassifierLayout(String input, int channels, int height, int width, String output, String logits,
        int classes, Scores scores) {

    /**
     * What the output holds, and so how HALCON's 'classification_confidences' (probabilities that sum to 1) come from
     * it: logits go through a softmax, a Softmax output is taken as it is, and a LogSoftmax output's log-probabilities
     * are exponentiated, which equals the softmax of its logits.
     */
    enum Scores {
        LOGITS, PROBABILITIES, LOG_PROBABILITIES;

        /** Turns one sample's scores into confidences, in place. */
        void toConfidences(double[] values) {
            switch (this) {
                case LOGITS -> softmax(values);
                case LOG_PROBABILITIES -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = Math.exp(values[i]);
                    }
                }
                case PROBABILITIES -> { }
            }
        }

        private static void softmax(double[] values) {
            // a loop, not a stream: this runs once per sample of every apply_dl_model call
            double max = values.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
            for (double value : values) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.exp(values[i] - max);
                sum += values[i];
            }
            for (int i = 0; i < values.length; i++) {
                values[i] /= sum;
            }
        }
    }

    static Optional<ClassifierLayout> of(Graph graph) {
        if (graph.inputs().size() != 1 || graph.outputs().size() != 1) {
            return Optional.empty();
        }
        ValueInfo in = graph.inputs().get(0);
        ValueInfo out = graph.outputs().get(0);
        if (in.rank() != 4 || out.rank() != 2 || !in.shape().get(1).isFixed() || !out.shape().get(1).isFixed()) {
            return Optional.empty();
        }
        Optional<Node> producer = graph.producer(out.name());
        Scores scores = producer.filter(ClassifierLayout::isLastAxis).map(n -> switch (n.opType()) {
            case "Softmax" -> Scores.PROBABILITIES;
            case "LogSoftmax" -> Scores.LOG_PROBABILITIES;
            default -> Scores.LOGITS;
        }).orElse(Scores.LOGITS);
        String logits = scores == Scores.LOGITS ? out.name() : producer.get().inputs().get(0);
        return Optional.of(new ClassifierLayout(in.name(), (int) in.shape().get(1).value(), dim(in, 2), dim(in, 3),
                out.name(), logits, (int) out.shape().get(1).value(), scores));
    }

    /** A normalisation over the class axis (the last of the rank-2 output). */
    private static boolean isLastAxis(Node softmax) {
        long axis = softmax.intAttr("axis", -1);
        return axis == -1 || axis == 1;
    }

    private static int dim(ValueInfo value, int axis) {
        ValueInfo.Dim d = value.shape().get(axis);
        return d.isFixed() ? (int) d.value() : -1;
    }
}
