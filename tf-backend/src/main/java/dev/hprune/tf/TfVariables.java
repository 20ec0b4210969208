package dev.hprune.tf;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * The session's mutable state: one TensorFlow resource variable per floating initializer that operators use as data
 * (weights, biases, BatchNormalization parameters and statistics), and the momentum velocity of every variable that was
 * ever trained. Initializers used only as shapes, axes, pads or bounds stay constants.
 *
 * <p>A 4-D weight that only convolutions read is held in TensorFlow's filter layout [kH, kW, I, O] instead of ONNX's
 * [O, I, kH, kW], so that no run transposes it, and training steps no transposes its gradient back (ResNet-18 training
 * at batch 1 spent 35 of 214 ms of operator time in those transposes). Reads give that layout; {@link #onnxView} and
 * {@link #toOnnx} give ONNX's.
 */
final class TfVariables {
    /** Inputs that are read as static values at graph construction, by operator type. */
    private static final Map<String, Set<Integer>> STATIC_INPUTS = Map.of(
            "Clip", Set.of(1, 2), "Pad", Set.of(1, 2, 3), "Slice", Set.of(1, 2, 3, 4), "Reshape", Set.of(1),
            "Squeeze", Set.of(1), "Unsqueeze", Set.of(1), "ReduceMean", Set.of(1), "Gather", Set.of(1));

    /**
     * One variable: its resource handle, the initializer it came from, and whether it holds that initializer in
     * TensorFlow's filter layout.
     */
    record Variable(String name, Output<?> handle, Tensor initial, boolean filter) {
        /** The shape of the variable itself. */
        long[] shape() {
            return shapeOf(initial, filter);
        }
    }

    /** [O, I, kH, kW] -> [kH, kW, I, O]. */
    private static final int[] TO_FILTER = {2, 3, 1, 0};
    /** [kH, kW, I, O] -> [O, I, kH, kW]. */
    private static final int[] TO_ONNX = {3, 2, 0, 1};

    private static long[] shapeOf(Tensor initial, boolean filter) {
        long[] s = initial.shape();
        return filter ? new long[] {s[2], s[3], s[1], s[0]} : s;
    }

    private final TfGraphWriter w;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, Variable> velocities = new HashMap<>();

    /** Creates the variables of {@code ir} and assigns their initial values in {@code session}. */
    TfVariables(Graph ir, TfGraphWriter w, Session session) {
        this.w = w;
        Map<String, Boolean> usedAsData = new HashMap<>();
        Map<String, Boolean> onlyFilter = new HashMap<>();
        for (Node node : ir.nodes()) {
            for (int i = 0; i < node.inputs().size(); i++) {
                String input = node.inputs().get(i);
                if (ir.initializers().containsKey(input)) {
                    boolean data = !STATIC_INPUTS.getOrDefault(node.opType(), Set.of()).contains(i);
                    usedAsData.merge(input, data, Boolean::logicalOr);
                    onlyFilter.merge(input, node.opType().equals("Conv") && i == 1, Boolean::logicalAnd);
                }
            }
        }
        List<Output<?>> placeholders = new ArrayList<>();
        List<GraphOperation> assigns = new ArrayList<>();
        ir.initializers().forEach((name, tensor) -> {
            if (tensor.isFloating() && usedAsData.getOrDefault(name, false)) {
                boolean filter = tensor.rank() == 4 && onlyFilter.getOrDefault(name, false);
                Variable v = create(name, tensor, filter);
                Output<?> value = w.placeholder(DataType.DT_FLOAT, Shape.of(v.shape()));
                placeholders.add(value);
                assigns.add(assign(v, value));
                variables.put(name, v);
            }
        });
        List<org.tensorflow.Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            int i = 0;
            for (Variable v : variables.values()) {
                org.tensorflow.Tensor t = TensorTransfer.toTf(v.filter() ? v.initial().permute(TO_FILTER) : v.initial());
                fed.add(t);
                runner.feed(placeholders.get(i++), t);
            }
            assigns.forEach(runner::addTarget);
            if (!assigns.isEmpty()) {
                runner.run().close();
            }
        } finally {
            fed.forEach(org.tensorflow.Tensor::close);
        }
    }

    private Variable create(String name, Tensor initial, boolean filter) {
        Output<?> handle = w.op("VarHandleOp").attr("dtype", DataType.DT_FLOAT)
                .attr("shape", Shape.of(shapeOf(initial, filter))).attr("shared_name", w.uniqueName("var")).out();
        return new Variable(name, handle, initial, filter);
    }

    GraphOperation assign(Variable v, Output<?> value) {
        return w.op("AssignVariableOp").in(v.handle(), value).attr("dtype", DataType.DT_FLOAT).build();
    }

    /** A new read of the variable; each forward pass reads through its own operations. */
    Output<?> read(Variable v) {
        return w.op("ReadVariableOp").in(v.handle()).attr("dtype", DataType.DT_FLOAT).out();
    }

    /** {@code read} of {@code v} in ONNX's layout: a transpose for a filter, else the read itself. */
    Output<?> onnxView(Variable v, Output<?> read) {
        return v.filter() ? w.transpose(read, TO_ONNX) : read;
    }

    /** The values of {@code v} read from the session, in ONNX's layout. */
    static Tensor toOnnx(Variable v, Tensor read) {
        return v.filter() ? read.permute(TO_ONNX) : read;
    }

    Map<String, Variable> all() {
        return Collections.unmodifiableMap(variables);
    }

    /** New reads of every variable, by initializer name. */
    Map<String, Output<?>> readAll() {
        Map<String, Output<?>> reads = new LinkedHashMap<>();
        variables.forEach((name, v) -> reads.put(name, read(v)));
        return reads;
    }

    /**
     * The momentum velocity of {@code v}, created (and set to zero in {@code session}) on first request; it keeps its
     * value across training steps and training settings.
     */
    Variable velocity(Variable v, Session session) {
        Variable velocity = velocities.get(v.name());
        if (velocity == null) {
            velocity = create(v.name() + "/velocity", v.initial(), v.filter());
            GraphOperation init = assign(velocity, w.unary("ZerosLike", read(v)));
            session.runner().addTarget(init).run().close();
            velocities.put(v.name(), velocity);
        }
        return velocity;
    }
}
