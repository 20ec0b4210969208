package dev.hprune.compat.dl;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import java.util.List;

/** A model graph as it is executed: the image size fixed, the batch left open. */
final class ExecutionGraph {
    private ExecutionGraph() {}

    static Graph of(Graph graph, int channels, int height, int width) {
        ValueInfo input = graph.inputs().get(0);
        ValueInfo fixed = new ValueInfo(input.name(), input.type(), List.of(input.shape().get(0),
                ValueInfo.Dim.fixed(channels), ValueInfo.Dim.fixed(height), ValueInfo.Dim.fixed(width)));
        return graph.withInputs(List.of(fixed));
    }
}
