package dev.hprune.compat.graph;

import java.util.List;

/** One node attribute, as ONNX's AttributeProto: a float, int, string, tensor, or a list of floats, ints or strings. */
public sealed interface Attribute {
    record FloatValue(float value) implements Attribute {}

    record IntValue(long value) implements Attribute {}

    record StringValue(String value) implements Attribute {}

    record TensorValue(Tensor value) implements Attribute {}

    record Floats(List<Float> values) implements Attribute {
        public Floats {
            values = List.copyOf(values);
        }
    }

    record Ints(List<Long> values) implements Attribute {
        public Ints {
            values = List.copyOf(values);
        }
    }

    record Strings(List<String> values) implements Attribute {
        public Strings {
            values = List.copyOf(values);
        }
    }
}
