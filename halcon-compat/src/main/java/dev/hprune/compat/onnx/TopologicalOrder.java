package dev.hprune.compat.onnx;

import dev.hprune.compat.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Puts nodes in an order where every value is produced before it is used, keeping the file's order where it already
 * is one (ONNX requires topological order, but hand-edited and some exported files break it). Refuses values that
 * nothing provides, values produced twice, and cycles, all with error 7801 naming the node.
 */
final class TopologicalOrder {
    private TopologicalOrder() {}

    /** {@code available}: the names of the graph inputs and initializers. */
    static List<Node> sort(List<Node> nodes, Set<String> available) {
        Map<String, Integer> producerIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            for (String output : node.outputs()) {
                if (output.isEmpty()) {
                    continue;
                }
                if (available.contains(output) || producerIndex.putIfAbsent(output, i) != null) {
                    throw OnnxErrors.read("value '" + output + "' of node " + node.label() + " ("
                            + node.opType() + ") is defined twice");
                }
            }
        }
        int[] missing = new int[nodes.size()];
        Map<String, List<Integer>> waiting = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            for (String input : new LinkedHashSet<>(node.inputs())) {
                if (input.isEmpty() || available.contains(input)) {
                    continue;
                }
                if (!producerIndex.containsKey(input)) {
                    throw OnnxErrors.read("node " + node.label() + " (" + node.opType() + ") uses value '" + input
                            + "', which no node, graph input or initializer provides");
                }
                missing[i]++;
                waiting.computeIfAbsent(input, k -> new ArrayList<>()).add(i);
            }
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        List<Node> sorted = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            Node node = nodes.get(ready.poll());
            sorted.add(node);
            for (String output : node.outputs()) {
                for (int consumer : waiting.getOrDefault(output, List.of())) {
                    if (--missing[consumer] == 0) {
                        ready.add(consumer);
                    }
                }
            }
        }
        if (sorted.size() < nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (missing[i] > 0) {
                    Node node = nodes.get(i);
                    throw OnnxErrors.read("node " + node.label() + " (" + node.opType()
                            + ") is part of or depends on a cycle: the graph is not acyclic");
                }
            }
        }
        return sorted;
    }
}
