package dev.hprune.tf;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Node;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.tf.TfValue.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;

/**
 * One forward pass of a model graph in TensorFlow over given sources (placeholders for the inputs, variable reads or
 * constants for the initializers): walks the nodes in order, has each lowered by its kind's {@link Lowering} (see
 * {@link Lowerings}) and keeps every value with its layout.
 *
 * <p>Layout: convolution, pooling and BatchNormalization produce NHWC values; element-wise operations, activations,
 * Pad, Slice, Split, ReduceMean with kept dimensions and Concat keep NHWC by remapping their axes; every other operator
 * gets its input back in ONNX layout through one cached Transpose per value.
 */
final class ForwardPass {
    /** Batch statistics of one BatchNormalization in training mode, for the running-statistics update. */
    record BatchStats(String meanName, String varName, Output<?> mean, Output<?> var) {}

    private final Graph ir;
    private final TfGraphWriter w;
    private final SpatialOps spatial;
    private final UnaryOperator<Output<?>> derived;
    private final boolean batchNormTraining;
    private final Map<String, TfValue> values = new HashMap<>();
    private final Map<String, Output<?>> filters;
    private final Map<Output<?>, Output<?>> toNhwcCache = new HashMap<>();
    private final Map<Output<?>, Output<?>> toOnnxCache = new HashMap<>();
    private final List<BatchStats> batchStats = new ArrayList<>();

    /**
     * @param sources graph inputs and initializers by name, in ONNX layout
     * @param filters convolution weights also held in TensorFlow's filter layout [kH, kW, I, O], by name; a
     *     convolution reads these instead of transposing its ONNX-layout source
     * @param batchNormTraining whether BatchNormalization normalises with batch statistics (training) instead of its
     *     running statistics
     * @param derived where values computed from weights alone are cached, or null to compute them in every run (needed
     *     where gradients flow to the weights)
     */
    ForwardPass(Graph ir, TfGraphWriter w, Map<String, Output<?>> sources, Map<String, Output<?>> filters,
            boolean batchNormTraining, DerivedWeights derived) {
        this.ir = ir;
        this.w = w;
        this.filters = filters;
        this.derived = derived == null ? UnaryOperator.identity() : derived::cache;
        this.spatial = new SpatialOps(w);
        this.batchNormTraining = batchNormTraining;
        sources.forEach((name, output) -> values.put(name, TfValue.onnx(output)));
        for (Node node : ir.nodes()) {
            try {
                translate(node);
            } catch (HalconError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new HalconError(ErrorCodes.DL_INTERNAL, "", "cannot build node '" + node.label() + "' ("
                        + node.opType() + ") in TensorFlow: " + e.getMessage(), e);
            }
        }
    }

    private void translate(Node node) {
        Lowering lowering = Lowerings.of(node.opType()).orElseThrow(() -> unsupported(node,
                "operator " + node.opType() + " is not supported by the TensorFlow backend"));
        put(node, lowering.lower(this, node));
    }

    /** Every value of the graph by ONNX name, as held inside TensorFlow. */
    Map<String, TfValue> values() {
        return values;
    }

    List<BatchStats> batchStats() {
        return batchStats;
    }

    // ---- what lowerings read: the graph, the writer and the pass's settings

    Graph ir() {
        return ir;
    }

    TfGraphWriter writer() {
        return w;
    }

    SpatialOps spatial() {
        return spatial;
    }

    /** Caches a value computed from static weights alone (the identity where gradients must reach the weights). */
    Output<?> derived(Output<?> weightsOnly) {
        return derived.apply(weightsOnly);
    }

    UnaryOperator<Output<?>> derived() {
        return derived;
    }

    /** The weight {@code name} in TensorFlow's filter layout, or null where only its ONNX layout exists. */
    Output<?> filter(String name) {
        return filters.get(name);
    }

    boolean batchNormTraining() {
        return batchNormTraining;
    }

    void addBatchStats(BatchStats stats) {
        batchStats.add(stats);
    }

    // ---- values and their layouts

    TfValue value(String name) {
        TfValue v = values.get(name);
        if (v == null) {
            throw HalconError.of(ErrorCodes.DL_INTERNAL, "the graph has no value named '" + name + "'");
        }
        return v;
    }

    /** The value in ONNX layout (adds one Transpose per NHWC value, on first request). */
    Output<?> onnx(TfValue v) {
        if (v.layout() == Layout.ONNX) {
            return v.output();
        }
        return toOnnxCache.computeIfAbsent(v.output(), o -> w.transpose(o, TfValue.TO_NCHW));
    }

    /** The rank-4 value in NHWC layout (adds one Transpose per ONNX-layout value, on first request). */
    Output<?> nhwc(TfValue v) {
        if (v.layout() == Layout.NHWC) {
            return v.output();
        }
        if (v.rank() != 4) {
            throw new IllegalArgumentException("expected a rank-4 [N,C,H,W] input, got shape " + v.output().shape());
        }
        return toNhwcCache.computeIfAbsent(v.output(), o -> w.transpose(o, TfValue.TO_NHWC));
    }

    TfValue in(Node node, int i) {
        return value(node.input(i).orElseThrow(
                () -> new IllegalArgumentException("input " + i + " is missing")));
    }

    Output<?> onnxIn(Node node, int i) {
        return onnx(in(node, i));
    }

    /** A statically known input (an initializer), as required for shapes, axes, pads and bounds. */
    Optional<Tensor> constant(Node node, int i) {
        return node.input(i).flatMap(ir::initializer);
    }

    long[] constantLongs(Node node, int i) {
        return constant(node, i).map(Tensor::toLongs).orElseThrow(() -> unsupported(node,
                "input " + i + " (" + node.input(i).orElse("") + ") must be an initializer"));
    }

    /** Axes given by input {@code inputIndex} (opset 13 on) or else by the {@code axes} attribute; null for none. */
    long[] axesOf(Node node, int inputIndex) {
        if (node.input(inputIndex).isPresent()) {
            return constantLongs(node, inputIndex);
        }
        return node.intsAttr("axes", null);
    }

    /** Whether each of the given inputs of {@code node} is absent or an initializer (not fed, not computed). */
    boolean initializers(Node node, int... inputs) {
        for (int i : inputs) {
            if (node.input(i).isPresent() && ir.initializer(node.input(i).get()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a consumer or a graph output reads value {@code name}. */
    boolean used(String name) {
        return !name.isEmpty() && (!ir.consumers(name).isEmpty()
                || ir.outputs().stream().anyMatch(o -> o.name().equals(name)));
    }

    static HalconError unsupported(Node node, String why) {
        return HalconError.of(ErrorCodes.DL_MODEL_NOT_SUPPORTED,
                "node '" + node.label() + "' (" + node.opType() + "): " + why);
    }

    private void put(Node node, List<TfValue> outputs) {
        for (int i = 0; i < node.outputs().size(); i++) {
            String name = node.outputs().get(i);
            if (i < outputs.size()) {
                if (!name.isEmpty()) {
                    values.put(name, outputs.get(i));
                }
            } else if (used(name)) {
                throw unsupported(node, "output " + i + " ('" + name + "') is not supported");
            }
        }
    }

    // ---- axis arithmetic shared by the families

    static int normalizeAxis(long axis, int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("the input's rank is not known");
        }
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static long[] ones(int n) {
        long[] r = new long[n];
        Arrays.fill(r, 1);
        return r;
    }
}
