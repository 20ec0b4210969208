package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.GraphSimplifier;
import java.util.Map;

/**
 * A model graph as it is executed and pruned: the image size fixed, the batch left open, and what the fixed size makes
 * constant folded away (e.g. a Shape-Slice-Concat chain that computes a Reshape target).
 */
final class ExecutionGraph {
    private ExecutionGraph() {}

    static Graph of(Graph graph, int channels, int height, int width) {
        String input = graph.inputs().get(0).name();
        return GraphSimplifier.fold(graph, Map.of(input, new long[] {-1, channels, height, width}));
    }
}
