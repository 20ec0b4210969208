package dev.hprune.compat.dl;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.graph.ValueInfo;
import dev.hprune.compat.system.RandomSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layer that makes a classifier's class scores, and its replacement for another class count, as HALCON's
 * set_dl_model_param 'class_ids'/'class_names' adapt a pretrained classifier to new classes.
 *
 * <p>The head is found by walking back from the logits over layers that keep the class axis as it is (activations,
 * global pooling, Flatten, Squeeze, a Reshape whose target does not spell out the class count, Dropout, Identity) to the
 * first layer with weights: a dense layer (Gemm, MatMul, MatMul followed by Add of a bias) or a convolution whose output
 * channels are the classes (SqueezeNet's conv - relu - global pool - flatten). Anything else on that path (a layer with
 * other weights, a branch) means the graph has no such layer, and the change is refused with 7914 naming the layer.
 *
 * <p>The new layer keeps the names of the old one and of its weights; its weights are drawn afresh as PyTorch
 * initialises {@code nn.Linear} and {@code nn.Conv2d} (Kaiming-uniform with a = sqrt(5)): every weight and bias
 * uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)], fan_in being the inputs per output (times the kernel area of a
 * convolution), drawn from {@link RandomSource} (weights row-major, then the bias), so that set_system('seed_rand')
 * repeats them. Every other tensor of the graph stays as it was.
 */
final class ClassifierHead {
    private ClassifierHead() {}

    /** Layers that pass the class axis through unchanged (their other inputs, if any, are integer constants). */
    private static final Set<String> PASS_THROUGH = Set.of("Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip",
            "GlobalAveragePool", "GlobalMaxPool", "ReduceMean", "ReduceMax", "Flatten", "Squeeze", "Reshape",
            "Dropout", "Identity");

    /** The weights of a head: a weight tensor, its optional bias, and where the classes lie in each. */
    private record Layer(Node node, String weight, int classAxis, int fanIn, String bias) {}

    /**
     * The graph with its head replaced by one of {@code classes} outputs, and the graph output's class dimension set to
     * match.
     *
     * @throws HalconError 7914 where the graph has no layer that makes the class scores alone
     */
    static Graph withClasses(Graph graph, ClassifierLayout layout, int classes, RandomSource random) {
        Layer head = find(graph, layout);
        Map<String, Tensor> weights = new LinkedHashMap<>(graph.initializers());
        Tensor w = graph.initializers().get(head.weight());
        double bound = 1.0 / Math.sqrt(head.fanIn());
        weights.put(head.weight(), drawn(w, head.classAxis(), classes, bound, random));
        if (head.bias() != null) {
            Tensor b = graph.initializers().get(head.bias());
            weights.put(head.bias(), drawn(b, b.rank() - 1, classes, bound, random));
        }
        List<ValueInfo> outputs = new ArrayList<>();
        for (ValueInfo out : graph.outputs()) {
            List<ValueInfo.Dim> dims = new ArrayList<>(out.shape());
            if (out.name().equals(layout.output())) {
                dims.set(1, ValueInfo.Dim.fixed(classes));
            }
            outputs.add(new ValueInfo(out.name(), out.type(), dims));
        }
        return graph.withInitializers(weights).withOutputs(outputs);
    }

    /** The name of the layer {@link #withClasses} would replace (for messages and the CLI's report). */
    static String layerName(Graph graph, ClassifierLayout layout) {
        return find(graph, layout).node().label();
    }

    private static Layer find(Graph graph, ClassifierLayout layout) {
        String value = layout.logits();
        while (true) {
            Optional<Node> producer = graph.producer(value);
            if (producer.isEmpty()) {
                throw refused("the class scores '" + value + "' come from no layer");
            }
            Node node = producer.get();
            switch (node.opType()) {
                case "Gemm" -> {
                    return gemm(graph, node, layout.classes());
                }
                case "MatMul" -> {
                    return matMul(graph, node, null, layout.classes());
                }
                case "Add" -> {
                    return biasAdd(graph, node, layout.classes());
                }
                case "Conv" -> {
                    return conv(graph, node, layout.classes());
                }
                default -> {
                    if (!PASS_THROUGH.contains(node.opType())) {
                        throw refused("layer " + node.label() + " (" + node.opType() + ") lies between the class "
                                + "scores and the last layer with weights");
                    }
                    checkPassThrough(graph, node, layout.classes());
                    value = node.inputs().get(0);
                    requireSingleUse(graph, value, node);
                }
            }
        }
    }

    private static void checkPassThrough(Graph graph, Node node, int classes) {
        for (int i = 1; i < node.inputs().size(); i++) {
            String input = node.inputs().get(i);
            if (input.isEmpty()) {
                continue;
            }
            Optional<Tensor> constant = graph.initializer(input);
            if (constant.isEmpty() || (constant.get().isFloating() && !node.opType().equals("Clip")
                    && !node.opType().equals("Dropout"))) {
                throw refused("layer " + node.label() + " (" + node.opType() + ") takes a computed input '" + input
                        + "' on the way to the class scores");
            }
            if (node.opType().equals("Reshape")) {
                for (long d : constant.get().toLongs()) {
                    if (d == classes) {
                        throw refused("layer " + node.label() + " (Reshape) spells out the class count " + classes
                                + " in its target shape");
                    }
                }
            }
        }
    }

    private static Layer gemm(Graph graph, Node node, int classes) {
        Tensor w = weight(graph, node, 1);
        if (w.rank() != 2) {
            throw refused("layer " + node.label() + " (Gemm) has a weight of rank " + w.rank());
        }
        boolean transposed = node.intAttr("transB", 0) != 0;
        int classAxis = transposed ? 0 : 1;
        checkClasses(node, w, classAxis, classes);
        String bias = perClassBias(graph, node, 2, classes);
        return new Layer(node, node.inputs().get(1), classAxis, (int) w.dim(1 - classAxis), bias);
    }

    private static Layer matMul(Graph graph, Node node, String bias, int classes) {
        Tensor w = weight(graph, node, 1);
        if (w.rank() != 2) {
            throw refused("layer " + node.label() + " (MatMul) has a weight of rank " + w.rank());
        }
        checkClasses(node, w, 1, classes);
        return new Layer(node, node.inputs().get(1), 1, (int) w.dim(0), bias);
    }

    /** Add(MatMul(x, W), b) in either order: a dense layer written as two nodes. */
    private static Layer biasAdd(Graph graph, Node add, int classes) {
        for (int side = 0; side < 2; side++) {
            String biasName = add.inputs().get(side);
            String other = add.inputs().get(1 - side);
            Optional<Node> matMul = graph.producer(other).filter(n -> n.opType().equals("MatMul"));
            if (graph.initializer(biasName).isPresent() && matMul.isPresent()) {
                Tensor b = graph.initializers().get(biasName);
                if (b.rank() < 1 || b.dim(b.rank() - 1) != classes || b.size() != classes) {
                    throw refused("layer " + add.label() + " (Add) adds a bias of shape "
                            + java.util.Arrays.toString(b.shape()) + " to " + classes + " class scores");
                }
                requireSingleUse(graph, other, add);
                requireOwnWeight(graph, biasName, add);
                return matMul(graph, matMul.get(), biasName, classes);
            }
        }
        throw refused("layer " + add.label() + " (Add) is no bias of a dense layer");
    }

    private static Layer conv(Graph graph, Node node, int classes) {
        Tensor w = weight(graph, node, 1);
        if (node.intAttr("group", 1) != 1 || w.rank() < 3) {
            throw refused("layer " + node.label() + " (Conv) is grouped or has a weight of rank " + w.rank());
        }
        checkClasses(node, w, 0, classes);
        long fanIn = w.size() / w.dim(0);
        String bias = perClassBias(graph, node, 2, classes);
        return new Layer(node, node.inputs().get(1), 0, (int) fanIn, bias);
    }

    private static Tensor weight(Graph graph, Node node, int input) {
        String name = node.input(input).orElseThrow(() -> refused("layer " + node.label() + " has no weight input"));
        Tensor w = graph.initializer(name).orElseThrow(() -> refused("layer " + node.label() + " (" + node.opType()
                + ") takes its weights '" + name + "' computed, not stored"));
        if (!w.isFloating()) {
            throw refused("layer " + node.label() + " has weights of type " + w.type());
        }
        requireOwnWeight(graph, name, node);
        return w;
    }

    /** A bias with one value per class, or null where there is none; a broadcast scalar bias is left alone. */
    private static String perClassBias(Graph graph, Node node, int input, int classes) {
        Optional<String> name = node.input(input);
        if (name.isEmpty()) {
            return null;
        }
        Tensor b = graph.initializer(name.get()).orElseThrow(() -> refused("layer " + node.label()
                + " takes its bias '" + name.get() + "' computed, not stored"));
        requireOwnWeight(graph, name.get(), node);
        boolean perClass = b.rank() >= 1 && b.dim(b.rank() - 1) == classes && b.size() == classes;
        if (!perClass && b.size() != 1) {
            throw refused("layer " + node.label() + " has a bias of shape " + java.util.Arrays.toString(b.shape()));
        }
        return perClass ? name.get() : null;
    }

    private static void checkClasses(Node node, Tensor w, int axis, int classes) {
        if (w.dim(axis) != classes) {
            throw refused("layer " + node.label() + " (" + node.opType() + ") has " + w.dim(axis)
                    + " outputs, the model " + classes + " classes");
        }
    }

    /** A weight shared with another layer cannot be replaced without changing that layer too. */
    private static void requireOwnWeight(Graph graph, String weight, Node node) {
        if (graph.consumers(weight).size() != 1) {
            throw refused("layer " + node.label() + " shares its weights '" + weight + "' with other layers");
        }
    }

    /** A value on the path to the scores that also feeds elsewhere would change shape there too. */
    private static void requireSingleUse(Graph graph, String value, Node node) {
        if (graph.consumers(value).size() != 1 || graph.outputs().stream().anyMatch(o -> o.name().equals(value))) {
            throw refused("the input '" + value + "' of layer " + node.label() + " feeds other layers as well");
        }
    }

    /** A tensor like {@code old} with {@code axis} resized to {@code classes}, every value uniform in ±bound. */
    private static Tensor drawn(Tensor old, int axis, int classes, double bound, RandomSource random) {
        long[] shape = old.shape();
        shape[axis] = classes;
        float[] values = new float[Math.toIntExact(Tensor.elementCount(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return Tensor.ofFloats(old.type(), shape, values);
    }

    private static HalconError refused(String why) {
        return HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENVALUE,
                "the class count cannot be changed: " + why);
    }
}
