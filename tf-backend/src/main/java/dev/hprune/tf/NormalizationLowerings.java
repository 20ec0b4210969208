package dev.hprune.tf;

import static dev.hprune.tf.ForwardPass.normalizeAxis;
import static dev.hprune.tf.ForwardPass.range;
import static dev.hprune.tf.ForwardPass.unsupported;

import dev.hprune.compat.graph.Node;
import dev.hprune.tf.TfValue.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;

/**
 * Normalisation and the reductions it is built from: BatchNormalization (folded into the preceding convolution in
 * inference, fused in training), Softmax and ReduceMean.
 */
final class NormalizationLowerings {
    private NormalizationLowerings() {}

    static void register(Lowerings.Registrar r) {
        r.single("BatchNormalization", NormalizationLowerings::batchNorm);
        r.single("Softmax", (p, node) -> TfValue.onnx(softmax(p, node, "Softmax")));
        r.single("LogSoftmax", (p, node) -> TfValue.onnx(softmax(p, node, "LogSoftmax")));
        r.add("LayerNormalization", NormalizationLowerings::layerNorm);
        r.single("ReduceMean", NormalizationLowerings::reduceMean);
    }

    private static TfValue batchNorm(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        int rank = x.rank();
        if (rank < 2) {
            throw unsupported(node, "the input needs a known rank of at least 2");
        }
        boolean channelsLast = x.layout() == Layout.NHWC;
        // ONNX-layout inputs of rank > 2 broadcast per-channel vectors as [C,1,...,1]
        UnaryOperator<Output<?>> perChannel = v -> {
            if (channelsLast || rank == 2) {
                return v;
            }
            long[] shape = new long[rank - 1];
            Arrays.fill(shape, 1);
            shape[0] = -1;
            return w.reshape(v, shape);
        };
        Output<?> scale = p.onnxIn(node, 1);
        Output<?> bias = p.onnxIn(node, 2);
        Output<?> epsilon = w.scalar(node.floatAttr("epsilon", 1e-5f));
        if (p.batchNormTraining() && channelsLast && rank == 4 && x.output().dataType() == DataType.DT_FLOAT) {
            return fusedTrainingBatchNorm(p, node, x.output(), scale, bias);
        }
        if (p.batchNormTraining()) {
            int channelAxis = channelsLast ? rank - 1 : 1;
            int[] axes = new int[rank - 1];
            for (int a = 0, i = 0; a < rank; a++) {
                if (a != channelAxis) {
                    axes[i++] = a;
                }
            }
            Output<?> mean = w.mean(x.output(), false, axes);
            Output<?> centered = w.binary("Sub", x.output(), perChannel.apply(mean));
            Output<?> var = w.mean(w.unary("Square", centered), false, axes);
            Output<?> factor = w.binary("Mul", scale, w.unary("Rsqrt", w.binary("AddV2", var, epsilon)));
            Output<?> y = w.binary("AddV2", w.binary("Mul", centered, perChannel.apply(factor)),
                    perChannel.apply(bias));
            p.addBatchStats(new ForwardPass.BatchStats(node.input(3).orElseThrow(), node.input(4).orElseThrow(),
                    mean, var));
            return new TfValue(y, x.layout());
        }
        Output<?> factor = w.binary("Mul", scale, w.unary("Rsqrt", w.binary("AddV2", p.onnxIn(node, 4), epsilon)));
        Output<?> shift = w.binary("Sub", bias, w.binary("Mul", p.onnxIn(node, 3), factor));
        Optional<Node> conv = foldableConv(p, node);
        if (conv.isPresent()) {
            // folded into the convolution's weights (computed from the current weights on each run): no per-pixel
            // BatchNormalization work forward or backward. The unfolded convolution stays in the graph for fetches
            // of its own output; TensorFlow prunes it from runs that do not need it.
            Node c = conv.get();
            long outChannels = p.ir().initializer(c.input(1).orElseThrow()).orElseThrow().dim(0);
            Output<?> filter = p.filter(c.input(1).orElseThrow());
            // the factor scales output channels: the last axis of a TensorFlow filter, the first of an ONNX weight
            Output<?> weight = filter != null ? w.binary("Mul", filter, factor)
                    : w.binary("Mul", p.onnxIn(c, 1), w.reshape(factor, outChannels, 1, 1, 1));
            Output<?> folded = c.input(2).isPresent()
                    ? w.binary("AddV2", w.binary("Mul", p.onnxIn(c, 2), factor), shift) : shift;
            boolean fixed = p.initializers(node, 1, 2, 3, 4) && p.initializers(c, 1, 2);
            return TfValue.nhwc(ConvolutionLowerings.conv(p, c, weight, filter != null,
                    fixed ? p.derived(folded) : folded, fixed));
        }
        if (p.initializers(node, 1, 2, 3, 4)) {
            factor = p.derived(factor);
            shift = p.derived(shift);
        }
        Output<?> y = w.binary("AddV2", w.binary("Mul", x.output(), perChannel.apply(factor)),
                perChannel.apply(shift));
        return new TfValue(y, x.layout());
    }

    /**
     * Training-mode BatchNormalization of an NHWC value as one FusedBatchNormV3 (oneDNN runs it, and its gradient, in
     * one pass each instead of the seven element-wise operations and two reductions of the general form). Normalises
     * with the biased batch variance like the general form; the op reports the unbiased one, so the running
     * statistics get it rescaled by (n-1)/n.
     */
    private static TfValue fusedTrainingBatchNorm(ForwardPass p, Node node, Output<?> x, Output<?> scale,
            Output<?> bias) {
        TfGraphWriter w = p.writer();
        Output<?> empty = w.floats(new long[] {0}, new float[0]);
        var op = w.op("FusedBatchNormV3").in(x, scale, bias, empty, empty)
                .attr("epsilon", node.floatAttr("epsilon", 1e-5f)).attr("data_format", "NHWC")
                .attr("is_training", true).build();
        Output<?> elements = w.op("Cast").in(w.op("Size").in(x).attr("out_type", DataType.DT_INT32).out())
                .attr("DstT", DataType.DT_FLOAT).out();
        Output<?> channels = w.op("Cast").in(w.op("Size").in(scale).attr("out_type", DataType.DT_INT32).out())
                .attr("DstT", DataType.DT_FLOAT).out();
        Output<?> n = w.binary("Div", elements, channels);
        Output<?> biased = w.binary("Mul", op.output(2), w.binary("Div", w.binary("Sub", n, w.scalar(1f)), n));
        p.addBatchStats(new ForwardPass.BatchStats(node.input(3).orElseThrow(), node.input(4).orElseThrow(),
                op.output(1), biased));
        return TfValue.nhwc(op.output(0));
    }

    /** The 2-D Conv whose output only this inference-mode BatchNormalization reads, with static weights and 5 inputs. */
    private static Optional<Node> foldableConv(ForwardPass p, Node batchNorm) {
        String x = batchNorm.input(0).orElseThrow();
        if (p.batchNormTraining() || batchNorm.inputs().size() < 5 || p.ir().consumers(x).size() != 1
                || p.ir().outputs().stream().anyMatch(o -> o.name().equals(x))) {
            return Optional.empty();
        }
        return p.ir().producer(x).filter(n -> n.opType().equals("Conv") && n.outputs().size() == 1)
                .filter(n -> n.input(1).flatMap(p.ir()::initializer).map(t -> t.rank() == 4).orElse(false))
                .filter(n -> p.value(x).layout() == Layout.NHWC);
    }

    /**
     * Softmax or LogSoftmax ({@code tfOp}, which TensorFlow computes over the last axis). From opset 13 on ONNX
     * normalises over the one axis {@code axis} (default -1); before, over the input coerced to 2-D at {@code axis}
     * (default 1), that is over all axes from {@code axis} on together. The importer rewrites old Softmax nodes to
     * the new form; this covers graphs that reach the backend with their old opset.
     */
    private static Output<?> softmax(ForwardPass p, Node node, String tfOp) {
        TfGraphWriter w = p.writer();
        Output<?> x = p.onnxIn(node, 0);
        int rank = x.shape().numDimensions();
        boolean coerced = p.ir().opset() < 13;
        int axis = normalizeAxis(node.intAttr("axis", coerced ? 1 : -1), rank);
        if (axis == rank - 1) {
            return w.unary(tfOp, x);
        }
        if (coerced) {
            Output<?> shape = w.shape(x);
            Output<?> head = w.op("Prod").in(w.stridedSlice(shape, new long[] {0}, new long[] {axis},
                    new long[] {1}, 0, 0), w.intScalar(0)).attr("keep_dims", true).out();
            Output<?> flat = w.reshape(x, w.concat(List.of(head, w.longs(-1)), 0));
            return w.reshape(w.unary(tfOp, flat), shape);
        }
        int[] swap = new int[rank];
        for (int i = 0; i < rank; i++) {
            swap[i] = i;
        }
        swap[axis] = rank - 1;
        swap[rank - 1] = axis;
        return w.transpose(w.unary(tfOp, w.transpose(x, swap)), swap);
    }

    /**
     * LayerNormalization (opset 17): over the axes from {@code axis} (default -1) to the last, (x - mean) /
     * sqrt(variance + epsilon) with the biased variance, times Scale plus the optional B, which broadcast against
     * those trailing axes. Computed in ONNX layout, where Scale and B broadcast as given. The optional outputs Mean and
     * InvStdDev keep the normalised axes as 1s, as the operator defines them.
     */
    private static List<TfValue> layerNorm(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue in = p.in(node, 0);
        int rank = in.rank();
        int axis = normalizeAxis(node.intAttr("axis", -1), rank);
        int[] axes = new int[rank - axis];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axis + i;
        }
        Output<?> x = p.onnx(in);
        Output<?> epsilon = w.scalar(node.floatAttr("epsilon", 1e-5f), x.dataType());
        Output<?> mean = w.mean(x, true, axes);
        Output<?> centered = w.binary("Sub", x, mean);
        Output<?> variance = w.mean(w.unary("Square", centered), true, axes);
        Output<?> invStdDev = w.unary("Rsqrt", w.binary("AddV2", variance, epsilon));
        Output<?> y = w.binary("Mul", w.binary("Mul", centered, invStdDev), p.onnxIn(node, 1));
        if (node.input(2).isPresent()) {
            y = w.binary("AddV2", y, p.onnxIn(node, 2));
        }
        List<TfValue> outputs = new ArrayList<>(List.of(TfValue.onnx(y), TfValue.onnx(mean), TfValue.onnx(invStdDev)));
        return outputs.subList(0, Math.min(3, node.outputs().size()));
    }

    private static TfValue reduceMean(ForwardPass p, Node node) {
        TfGraphWriter w = p.writer();
        TfValue x = p.in(node, 0);
        int rank = x.rank();
        long[] axes = p.axesOf(node, 1);
        if (axes == null || axes.length == 0) {
            axes = range(rank);
        }
        boolean keep = node.intAttr("keepdims", 1) != 0;
        long[] normalized = Arrays.stream(axes).map(a -> normalizeAxis(a, rank)).toArray();
        boolean reducesChannel = Arrays.stream(normalized).anyMatch(a -> a == 1);
        boolean reducesSpace = Arrays.stream(normalized).anyMatch(a -> a == 2)
                && Arrays.stream(normalized).anyMatch(a -> a == 3);
        // without kept dimensions NHWC's leftover axes come out in ONNX order only if C or both H and W go
        boolean stayInLayout = x.layout() == Layout.NHWC && (keep || reducesChannel || reducesSpace);
        if (stayInLayout) {
            int[] tfAxes = Arrays.stream(normalized).mapToInt(a -> Layout.NHWC.tfAxis((int) a)).toArray();
            Output<?> y = w.mean(x.output(), keep, tfAxes);
            return keep ? TfValue.nhwc(y) : TfValue.onnx(y);
        }
        return TfValue.onnx(w.mean(p.onnx(x), keep, Arrays.stream(normalized).mapToInt(a -> (int) a).toArray()));
    }
}
