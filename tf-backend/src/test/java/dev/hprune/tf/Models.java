package dev.hprune.tf;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.graph.Attribute;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-built test graphs: a small fluent builder over the IR classes, random tensors and one-call execution. */
final class Models {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> initializers = new LinkedHashMap<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private long opset = 13;

    static Models graph() {
        return new Models();
    }

    Models input(String name, long... dims) {
        inputs.add(ValueInfo.of(name, DataType.FLOAT, dims));
        return this;
    }

    Models init(String name, Tensor value) {
        initializers.put(name, value);
        return this;
    }

    Models node(String op, String[] in, String out, Object... attributes) {
        return node(op, in, new String[] {out}, attributes);
    }

    /** A node with several outputs (Split). */
    Models node(String op, String[] in, String[] out, Object... attributes) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            attrs.put((String) attributes[i], attr(attributes[i + 1]));
        }
        nodes.add(new Node(out[0] + "_node", op, List.of(in), List.of(out), attrs));
        return this;
    }

    /** The opset the graph declares (13 unless set): operators whose meaning changed read it. */
    Models opset(long version) {
        this.opset = version;
        return this;
    }

    Models output(String name) {
        outputs.add(ValueInfo.of(name, DataType.FLOAT));
        return this;
    }

    Graph build() {
        if (outputs.isEmpty() && !nodes.isEmpty()) {
            output(nodes.get(nodes.size() - 1).output());
        }
        return new Graph("test", nodes, initializers, inputs, outputs, opset, Map.of());
    }

    private static Attribute attr(Object value) {
        if (value instanceof long[] ints) {
            return new Attribute.Ints(Arrays.stream(ints).boxed().toList());
        }
        if (value instanceof Integer i) {
            return new Attribute.IntValue(i);
        }
        if (value instanceof Long l) {
            return new Attribute.IntValue(l);
        }
        if (value instanceof Float f) {
            return new Attribute.FloatValue(f);
        }
        if (value instanceof String s) {
            return new Attribute.StringValue(s);
        }
        if (value instanceof Tensor t) {
            return new Attribute.TensorValue(t);
        }
        throw new IllegalArgumentException(String.valueOf(value));
    }

    static String[] in(String... names) {
        return names;
    }

    static long[] ints(long... values) {
        return values;
    }

    static Tensor random(Random random, long... shape) {
        float[] v = new float[(int) Tensor.elementCount(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Tensor.ofFloats(shape, v);
    }

    static Tensor longs(long... values) {
        return Tensor.ofLongs(new long[] {values.length}, values);
    }

    static ModelSession open(Graph g) {
        return new TfBackend().open(g, SessionOptions.cpu());
    }

    /** Same shape, and every value within {@code tolerance} of the expected one. */
    static void assertClose(Tensor actual, Tensor expected, double tolerance) {
        org.assertj.core.api.Assertions.assertThat(actual.shape()).containsExactly(expected.shape());
        org.assertj.core.api.Assertions.assertThat(actual.toFloats())
                .containsExactly(expected.toFloats(), org.assertj.core.api.Assertions.within((float) tolerance));
    }

    /** Runs {@code g} once on {@code x} fed to "x" and returns {@code fetch}. */
    static Tensor run(Graph g, Tensor x, String fetch) {
        try (ModelSession s = open(g)) {
            return s.run(Map.of("x", x), List.of(fetch)).get(fetch);
        }
    }
}
