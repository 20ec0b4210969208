package dev.hprune.compat.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operator application, as ONNX's NodeProto. An empty input name marks an optional input that is left out.
 * Attribute lookups with defaults keep the ONNX defaults next to the code that needs them.
 */
public record Node(String name, String opType, List<String> inputs, List<String> outputs,
        Map<String, Attribute> attributes) {

    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Node(String name, String opType, List<String> inputs, List<String> outputs) {
        this(name, opType, inputs, outputs, Map.of());
    }

    /** Input {@code i}, or empty when the node has fewer inputs or the input is left out. */
    public Optional<String> input(int i) {
        return i < inputs.size() && !inputs.get(i).isEmpty() ? Optional.of(inputs.get(i)) : Optional.empty();
    }

    public String output() {
        return outputs.get(0);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public long intAttr(String attribute, long defaultValue) {
        Attribute a = attributes.get(attribute);
        return a instanceof Attribute.IntValue i ? i.value() : defaultValue;
    }

    public float floatAttr(String attribute, float defaultValue) {
        Attribute a = attributes.get(attribute);
        if (a instanceof Attribute.FloatValue f) {
            return f.value();
        }
        return a instanceof Attribute.IntValue i ? i.value() : defaultValue;
    }

    public String stringAttr(String attribute, String defaultValue) {
        Attribute a = attributes.get(attribute);
        return a instanceof Attribute.StringValue s ? s.value() : defaultValue;
    }

    /** An INTS attribute as long[], or {@code defaultValue} (may be null) when absent. */
    public long[] intsAttr(String attribute, long[] defaultValue) {
        Attribute a = attributes.get(attribute);
        if (a instanceof Attribute.Ints ints) {
            return ints.values().stream().mapToLong(Long::longValue).toArray();
        }
        return defaultValue;
    }

    public float[] floatsAttr(String attribute, float[] defaultValue) {
        Attribute a = attributes.get(attribute);
        if (a instanceof Attribute.Floats floats) {
            float[] values = new float[floats.values().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.values().get(i);
            }
            return values;
        }
        return defaultValue;
    }

    public Optional<Tensor> tensorAttr(String attribute) {
        Attribute a = attributes.get(attribute);
        return a instanceof Attribute.TensorValue t ? Optional.of(t.value()) : Optional.empty();
    }

    /** The same node with other inputs (used by graph surgery). */
    public Node withInputs(List<String> newInputs) {
        return new Node(name, opType, newInputs, outputs, attributes);
    }

    /** The same node with one attribute replaced or added. */
    public Node withAttribute(String attribute, Attribute value) {
        Map<String, Attribute> copy = new LinkedHashMap<>(attributes);
        copy.put(attribute, value);
        return new Node(name, opType, inputs, outputs, copy);
    }

    /** A readable label for error messages: the node's name, or its op type and first output when it has none. */
    public String label() {
        return name.isEmpty() ? opType + "->" + (outputs.isEmpty() ? "?" : outputs.get(0)) : name;
    }
}
