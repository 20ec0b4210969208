package dev.hprune.compat.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable model graph: nodes in topological order, weights (ONNX initializers and the outputs of {@code Constant}
 * nodes, all held as {@link #initializers()}), the real inputs and the outputs, the ONNX opset and the model's metadata.
 * Changes build new graphs ({@link #withInitializers}, {@link #withNodes}, {@link #withMetadata}).
 */
public final class Graph {
    private final String name;
    private final List<Node> nodes;
    private final Map<String, Tensor> initializers;
    private final List<ValueInfo> inputs;
    private final List<ValueInfo> outputs;
    private final long opset;
    private final Map<String, String> metadata;
    private final Map<String, Node> producers;
    private final Map<String, List<Node>> consumers;

    public Graph(String name, List<Node> nodes, Map<String, Tensor> initializers, List<ValueInfo> inputs,
            List<ValueInfo> outputs, long opset, Map<String, String> metadata) {
        this.name = name == null ? "" : name;
        this.nodes = List.copyOf(nodes);
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.opset = opset;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Map<String, Node> producedBy = new HashMap<>();
        Map<String, List<Node>> consumedBy = new HashMap<>();
        for (Node node : this.nodes) {
            for (String output : node.outputs()) {
                producedBy.put(output, node);
            }
            for (String input : node.inputs()) {
                if (!input.isEmpty()) {
                    consumedBy.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
                }
            }
        }
        consumedBy.replaceAll((k, v) -> List.copyOf(v));
        this.producers = Collections.unmodifiableMap(producedBy);
        this.consumers = Collections.unmodifiableMap(consumedBy);
    }

    public String name() {
        return name;
    }

    /** Nodes in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Weights and constants by value name. */
    public Map<String, Tensor> initializers() {
        return initializers;
    }

    /** The real inputs (values that are fed), without weights. */
    public List<ValueInfo> inputs() {
        return inputs;
    }

    public List<ValueInfo> outputs() {
        return outputs;
    }

    /** The default-domain ONNX opset version the model was written for. */
    public long opset() {
        return opset;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public Optional<Node> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    public List<Node> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    public Optional<Tensor> initializer(String value) {
        return Optional.ofNullable(initializers.get(value));
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** Names of the values that a graph output or node consumes, but that no node, input or initializer provides. */
    public Set<String> undefinedValues() {
        Set<String> defined = new HashSet<>(initializers.keySet());
        inputs.forEach(i -> defined.add(i.name()));
        Set<String> missing = new HashSet<>();
        for (Node node : nodes) {
            for (String input : node.inputs()) {
                if (!input.isEmpty() && !defined.contains(input)) {
                    missing.add(input);
                }
            }
            defined.addAll(node.outputs());
        }
        outputs.stream().map(ValueInfo::name).filter(o -> !defined.contains(o)).forEach(missing::add);
        return missing;
    }

    public Graph withInitializers(Map<String, Tensor> replacement) {
        return new Graph(name, nodes, replacement, inputs, outputs, opset, metadata);
    }

    /** The same graph with some initializers replaced or added, the others kept. */
    public Graph withUpdatedInitializers(Map<String, Tensor> updates) {
        Map<String, Tensor> merged = new LinkedHashMap<>(initializers);
        merged.putAll(updates);
        return withInitializers(merged);
    }

    public Graph withNodes(List<Node> replacement) {
        return new Graph(name, replacement, initializers, inputs, outputs, opset, metadata);
    }

    public Graph withInputs(List<ValueInfo> replacement) {
        return new Graph(name, nodes, initializers, replacement, outputs, opset, metadata);
    }

    public Graph withOutputs(List<ValueInfo> replacement) {
        return new Graph(name, nodes, initializers, inputs, replacement, opset, metadata);
    }

    public Graph withMetadata(Map<String, String> replacement) {
        return new Graph(name, nodes, initializers, inputs, outputs, opset, replacement);
    }
}
