package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.ints;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TensorFlow's weight gradients against central finite differences of the loss.
 *
 * <p>The TensorFlow gradient is read from one {@code trainStep} with learning rate 1, momentum 0 and prior 0: then
 * {@code w_after = w_before - grad} exactly up to float rounding (a tiny rate would lose digits to cancellation). The
 * finite differences take the mean cross-entropy of fresh sessions on the graph with the weight moved by +-eps along a
 * direction (in double in Java from the logits that {@code run} returns; for BatchNormalization in training mode, the
 * loss {@code trainStep} reports with learning rate 0). Directions: three random unit vectors and two single elements
 * per weight. Tolerance: |fd - g.d| <= 5e-3 * max(1, |g.d|) with eps = 1e-3; the float32 forward passes put about
 * 1e-6 of noise on each loss, and the largest error measured was 1.2e-3 (grouped conv). A wrong gradient, such as
 * TensorFlow's own for dilated Conv2D, is off by order 1.
 */
class GradientTest {
    private static final double EPS = 1e-3;
    private static final double TOLERANCE = 5e-3;

    /** A head: NCHW value -> Flatten -> Gemm to 3 logits. */
    private static Models head(Models m, String from, long features, Random random) {
        return m.init("head_w", random(random, 3, features)).init("head_b", random(random, 3))
                .node("Flatten", in(from), "flat")
                .node("Gemm", in("flat", "head_w", "head_b"), "logits", "transB", 1);
    }

    private static Models convCase(Random r, int cin, int cout, int group, long[] strides, long[] dilations,
            long[] pads) {
        Models m = Models.graph().input("x", -1, cin, 7, 7).init("w", random(r, cout, cin / group, 3, 3))
                .init("b", random(r, cout))
                .node("Conv", in("x", "w", "b"), "c", "group", group, "strides", strides, "dilations", dilations,
                        "pads", pads)
                .node("Tanh", in("c"), "t");
        long size = (7 + pads[0] + pads[2] - dilations[0] * 2 - 1) / strides[0] + 1;
        long width = (7 + pads[1] + pads[3] - dilations[1] * 2 - 1) / strides[1] + 1;
        return head(m, "t", cout * size * width, r);
    }

    static List<Arguments> cases() {
        Random r = new Random(42);
        Map<String, UnaryOperator<Models>> none = Map.of();
        return List.of(
                Arguments.of("conv", convCase(r, 2, 3, 1, ints(1, 1), ints(1, 1), ints(1, 1, 1, 1)), 2, Set.of("w", "b", "head_w", "head_b"), false),
                Arguments.of("conv strided asymmetric", convCase(r, 2, 3, 1, ints(2, 2), ints(1, 1), ints(0, 1, 2, 0)), 2, Set.of("w", "b"), false),
                Arguments.of("conv dilated", convCase(r, 2, 2, 1, ints(1, 1), ints(2, 2), ints(2, 2, 2, 2)), 2, Set.of("w", "b"), false),
                Arguments.of("conv dilated strided", convCase(r, 2, 2, 1, ints(2, 2), ints(2, 1), ints(1, 0, 1, 1)), 2, Set.of("w"), false),
                Arguments.of("conv grouped", convCase(r, 4, 6, 2, ints(1, 1), ints(1, 1), ints(1, 1, 1, 1)), 4, Set.of("w", "b"), false),
                Arguments.of("conv depthwise", convCase(r, 3, 3, 3, ints(2, 2), ints(1, 1), ints(1, 1, 1, 1)), 3, Set.of("w", "b"), false),
                Arguments.of("conv depthwise dilated", convCase(r, 3, 3, 3, ints(1, 1), ints(2, 2), ints(1, 1, 1, 1)), 3, Set.of("w"), false),
                Arguments.of("batch norm inference", batchNorm(r), 2, Set.of("w", "scale", "bias", "mean", "var"), false),
                Arguments.of("batch norm training", batchNorm(r), 2, Set.of("w", "scale", "bias", "head_w"), true),
                Arguments.of("pools", pools(r), 2, Set.of("w", "head_w"), false),
                Arguments.of("squeeze-excite and activations", squeezeExcite(r), 2, Set.of("w", "se_w", "se_b", "head_w"), false),
                Arguments.of("matmul head", matMul(r), 2, Set.of("m", "bias"), false),
                Arguments.of("shape-computed reshape head", shapeHead(r), 2, Set.of("w", "head_w"), false),
                Arguments.of("layer norm decomposition, GELU and linear on NHWC", convNextBlock(r), 2,
                        Set.of("w", "gamma", "beta", "lin_w"), false),
                Arguments.of("layer norm, split, single concat, global max pool, log softmax", splitHead(r), 2,
                        Set.of("w", "ln_scale", "ln_bias"), false));
    }

    private static Models batchNorm(Random r) {
        Models m = Models.graph().input("x", -1, 2, 5, 5).init("w", random(r, 3, 2, 3, 3))
                .init("scale", random(r, 3)).init("bias", random(r, 3)).init("mean", random(r, 3))
                .init("var", Tensor.ofFloats(new long[] {3}, new float[] {0.5f, 1.5f, 2f}))
                .node("Conv", in("x", "w"), "c", "pads", ints(1, 1, 1, 1))
                .node("BatchNormalization", in("c", "scale", "bias", "mean", "var"), "bn")
                .node("Tanh", in("bn"), "t");
        return head(m, "t", 3 * 25, r);
    }

    private static Models pools(Random r) {
        Models m = Models.graph().input("x", -1, 2, 8, 8).init("w", random(r, 3, 2, 3, 3))
                .node("Conv", in("x", "w"), "c", "pads", ints(1, 1, 1, 1))
                .node("MaxPool", in("c"), "p", "kernel_shape", ints(3, 3), "strides", ints(2, 2), "pads",
                        ints(1, 1, 0, 0), "ceil_mode", 1)
                .node("AveragePool", in("p"), "a", "kernel_shape", ints(2, 2), "strides", ints(2, 2), "pads",
                        ints(0, 0, 1, 1), "ceil_mode", 1);
        // 8 -> maxpool ceil((8+1-3)/2)+1 = 4 -> avgpool ceil((4+1-2)/2)+1 = 3, but (3-1)*2 = 4 >= 4+0: 2
        return head(m, "a", 3 * 2 * 2, r);
    }

    private static Models squeezeExcite(Random r) {
        Models m = Models.graph().input("x", -1, 2, 4, 4).init("w", random(r, 4, 2, 1, 1))
                .init("se_w", random(r, 4, 4, 1, 1)).init("se_b", random(r, 4))
                .init("lo", Tensor.scalar(-0.8f)).init("hi", Tensor.scalar(0.9f))
                .node("Conv", in("x", "w"), "c")
                .node("HardSwish", in("c"), "hs")
                .node("GlobalAveragePool", in("hs"), "g")
                .node("Conv", in("g", "se_w", "se_b"), "s")
                .node("Sigmoid", in("s"), "gate")
                .node("Mul", in("hs", "gate"), "scaled")
                .node("LeakyRelu", in("scaled"), "lr", "alpha", 0.2f)
                .node("Clip", in("lr", "lo", "hi"), "clipped");
        return head(m, "clipped", 4 * 16, r);
    }

    /** Reshape(t, Concat(Unsqueeze(Gather(Shape(t), 0)), [-1])): integer ops between weights and loss. */
    private static Models shapeHead(Random r) {
        return Models.graph().input("x", -1, 2, 3, 3).init("w", random(r, 2, 2, 3, 3))
                .init("zero", Tensor.scalar(0L)).init("axes", Models.longs(0)).init("minus1", Models.longs(-1))
                .init("head_w", random(r, 18, 3))
                .node("Conv", in("x", "w"), "c", "pads", ints(1, 1, 1, 1))
                .node("Tanh", in("c"), "t")
                .node("Shape", in("t"), "shape")
                .node("Gather", in("shape", "zero"), "n")
                .node("Unsqueeze", in("n", "axes"), "n1")
                .node("Concat", in("n1", "minus1"), "target", "axis", 0)
                .node("Reshape", in("t", "target"), "flat")
                .node("MatMul", in("flat", "head_w"), "logits");
    }

    /**
     * A ConvNeXt-style block as exported at opset 13: Transpose to NHWC, LayerNorm decomposed into
     * ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add over the last axis, GELU through Erf, a Linear (MatMul on the
     * rank-4 value), Transpose back.
     */
    private static Models convNextBlock(Random r) {
        Models m = Models.graph().input("x", -1, 2, 3, 3).init("w", random(r, 3, 2, 3, 3))
                .init("gamma", random(r, 3)).init("beta", random(r, 3)).init("lin_w", random(r, 3, 4))
                .init("two", Tensor.scalar(2f)).init("eps", Tensor.scalar(1e-5f))
                .init("sqrt2", Tensor.scalar((float) Math.sqrt(2))).init("one", Tensor.scalar(1f))
                .init("half", Tensor.scalar(0.5f)).init("last", Models.longs(-1))
                .node("Conv", in("x", "w"), "c", "pads", ints(1, 1, 1, 1))
                .node("Transpose", in("c"), "hwc", "perm", ints(0, 2, 3, 1))
                .node("ReduceMean", in("hwc"), "mu", "axes", ints(-1))
                .node("Sub", in("hwc", "mu"), "d")
                .node("Pow", in("d", "two"), "d2")
                .node("ReduceMean", in("d2"), "var", "axes", ints(-1))
                .node("Add", in("var", "eps"), "ve")
                .node("Sqrt", in("ve"), "std")
                .node("Div", in("d", "std"), "normed")
                .node("Mul", in("normed", "gamma"), "scaled")
                .node("Add", in("scaled", "beta"), "ln")
                .node("Div", in("ln", "sqrt2"), "ls")
                .node("Erf", in("ls"), "erf")
                .node("Add", in("erf", "one"), "e1")
                .node("Mul", in("ln", "e1"), "xe")
                .node("Mul", in("xe", "half"), "gelu")
                .node("MatMul", in("gelu", "lin_w"), "lin")
                .node("Transpose", in("lin"), "chw", "perm", ints(0, 3, 1, 2));
        return head(m, "chw", 4 * 9, r);
    }

    /** LayerNormalization over W, a channel Split whose two parts both go on, DenseNet's single-input Concat. */
    private static Models splitHead(Random r) {
        return Models.graph().input("x", -1, 2, 4, 4).init("w", random(r, 3, 2, 3, 3))
                .init("ln_scale", random(r, 4)).init("ln_bias", random(r, 4)).init("sizes", Models.longs(1, 2))
                .init("head_w", random(r, 3, 2)).init("head_b", random(r, 3))
                .node("Conv", in("x", "w"), "c", "pads", ints(1, 1, 1, 1))
                .node("LayerNormalization", in("c", "ln_scale", "ln_bias"), "ln")
                .node("Split", in("ln", "sizes"), new String[] {"gate", "features"}, "axis", 1)
                .node("Sigmoid", in("gate"), "g")
                .node("Mul", in("features", "g"), "gated")
                .node("Concat", in("gated"), "cat", "axis", 1)
                .node("GlobalMaxPool", in("cat"), "pool")
                .node("Flatten", in("pool"), "flat")
                .node("Gemm", in("flat", "head_w", "head_b"), "pre", "transB", 1)
                .node("LogSoftmax", in("pre"), "logits", "axis", 1);
    }

    private static Models matMul(Random r) {
        return Models.graph().input("x", -1, 2, 2, 2).init("m", random(r, 8, 3)).init("bias", random(r, 3))
                .node("Flatten", in("x"), "f")
                .node("MatMul", in("f", "m"), "mm")
                .node("Add", in("mm", "bias"), "logits");
    }

    @Test
    void groupedConvolutionThroughSplitAlsoHasCorrectGradients() {
        // with oneDNN on (as under Surefire) grouped convolutions run natively; this checks the Split + Concat path
        System.setProperty(SpatialOps.SPLIT_GROUPS_PROPERTY, "true");
        try {
            gradientsMatchFiniteDifferences("conv grouped by split",
                    convCase(new Random(43), 4, 6, 2, ints(1, 1), ints(1, 1), ints(1, 1, 1, 1)), 4, Set.of("w", "b"),
                    false);
        } finally {
            System.clearProperty(SpatialOps.SPLIT_GROUPS_PROPERTY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(String name, Models model, int channels, Set<String> trainable,
            boolean batchNormTraining) {
        Graph g = model.build();
        Random random = new Random(name.hashCode());
        long[] xShape = g.inputs().get(0).shape().stream().mapToLong(d -> d.isFixed() ? d.value() : 4).toArray();
        Tensor x = random(random, xShape);
        long[] labels = {0, 2, 1, 2};
        double bnMomentum = batchNormTraining ? 0.9 : -1;
        Map<String, float[]> gradients = new HashMap<>();
        try (ModelSession s = Models.open(g)) {
            s.trainStep(new TrainingSpec("x", "logits", trainable, 1, 0, 0, bnMomentum), x, labels);
            Map<String, Tensor> after = s.weights();
            for (String w : trainable) {
                float[] before = g.initializers().get(w).toFloats();
                float[] now = after.get(w).toFloats();
                float[] grad = new float[before.length];
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = before[i] - now[i];
                }
                gradients.put(w, grad);
            }
        }
        for (String w : trainable) {
            Tensor w0 = g.initializers().get(w);
            float[] grad = gradients.get(w);
            for (int k = 0; k < 5; k++) {
                double[] d = new double[w0.size()];
                if (k < 3) {
                    double norm = 0;
                    for (int i = 0; i < d.length; i++) {
                        d[i] = random.nextGaussian();
                        norm += d[i] * d[i];
                    }
                    for (int i = 0; i < d.length; i++) {
                        d[i] /= Math.sqrt(norm);
                    }
                } else {
                    d[random.nextInt(d.length)] = 1;
                }
                double analytic = 0;
                for (int i = 0; i < d.length; i++) {
                    analytic += grad[i] * d[i];
                }
                double plus = loss(g, w, w0, d, EPS, x, labels, bnMomentum);
                double minus = loss(g, w, w0, d, -EPS, x, labels, bnMomentum);
                double numeric = (plus - minus) / (2 * EPS);
                assertThat(Math.abs(numeric - analytic))
                        .as("%s: weight %s direction %d: numeric %g analytic %g", name, w, k, numeric, analytic)
                        .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(analytic)));
            }
        }
    }

    private static double loss(Graph g, String name, Tensor w0, double[] d, double eps, Tensor x, long[] labels,
            double bnMomentum) {
        float[] moved = w0.toFloats();
        for (int i = 0; i < moved.length; i++) {
            moved[i] = (float) (moved[i] + eps * d[i]);
        }
        Graph perturbed = g.withUpdatedInitializers(Map.of(name, Tensor.ofFloats(w0.shape(), moved)));
        try (ModelSession s = Models.open(perturbed)) {
            if (bnMomentum >= 0) {
                return s.trainStep(new TrainingSpec("x", "logits", Set.of(name), 0, 0, 0, bnMomentum), x, labels);
            }
            return Reference.meanCrossEntropy(s.run(Map.of("x", x), List.of("logits")).get("logits"), labels);
        }
    }
}
