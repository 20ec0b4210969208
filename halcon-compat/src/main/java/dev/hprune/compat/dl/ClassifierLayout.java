package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import java.util.Optional;

/**
 * Where a classification graph takes its images and gives its class scores: the one image input [N, C, H, W], the one
 * output [N, classes], and the logits (the output itself, or the input of a final Softmax, which training needs).
 *
 * <p>A graph with one output of rank 2 and a known class count reads as {@code 'classification'}; anything else is of
 * another type, which the classification operators refuse.
 *
 * @param height {@code -1} when the graph leaves it open (set 'image_height' before use); likewise width
 */
record ClassifierLayout(String input, int channels, int height, int width, String output, String logits,
        int classes, boolean outputIsSoftmax) {

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
        boolean softmax = producer.filter(n -> n.opType().equals("Softmax") && isLastAxis(n)).isPresent();
        String logits = softmax ? producer.get().inputs().get(0) : out.name();
        return Optional.of(new ClassifierLayout(in.name(), (int) in.shape().get(1).value(), dim(in, 2), dim(in, 3),
                out.name(), logits, (int) out.shape().get(1).value(), softmax));
    }

    private static boolean isLastAxis(Node softmax) {
        long axis = softmax.intAttr("axis", -1);
        return axis == -1 || axis == 1;
    }

    private static int dim(ValueInfo value, int axis) {
        ValueInfo.Dim d = value.shape().get(axis);
        return d.isFixed() ? (int) d.value() : -1;
    }
}
