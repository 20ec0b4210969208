package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.ValueInfo;
import java.util.HashSet;
import java.util.Set;

/** Hands out value and node names that the graph does not use yet, for nodes and constants that rewrites add. */
final class NameScope {
    private final Set<String> used = new HashSet<>();

    NameScope(Graph graph) {
        used.addAll(graph.initializers().keySet());
        graph.inputs().stream().map(ValueInfo::name).forEach(used::add);
        graph.outputs().stream().map(ValueInfo::name).forEach(used::add);
        for (Node node : graph.nodes()) {
            used.add(node.name());
            used.addAll(node.inputs());
            used.addAll(node.outputs());
        }
    }

    /** {@code base}, or {@code base_2}, {@code base_3}, ... whichever is free; the name is then taken. */
    String fresh(String base) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
