package dev.hprune.tf;

import static dev.hprune.tf.Models.assertClose;
import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.ints;
import static dev.hprune.tf.Models.longs;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.graph.DataType;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class OperatorTest {
    private static final Tensor X = Tensor.ofFloats(new long[] {1, 2, 2, 2}, new float[] {-3, -1, 0, 0.5f, 1, 2, 4, -0.2f});

    private static float[] map(Tensor t, DoubleUnaryOperator f) {
        float[] v = t.toFloats();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.applyAsDouble(v[i]);
        }
        return v;
    }

    private static Tensor unary(String op, Object... attrs) {
        return Models.run(Models.graph().input("x", 1, 2, 2, 2).node(op, in("x"), "y", attrs).build(), X, "y");
    }

    @Test
    void activationsFollowTheirOnnxFormulas() {
        assertThat(unary("Relu").toFloats()).containsExactly(map(X, v -> Math.max(0, v)), within(1e-6f));
        assertThat(unary("LeakyRelu", "alpha", 0.1f).toFloats())
                .containsExactly(map(X, v -> v < 0 ? 0.1 * v : v), within(1e-6f));
        assertThat(unary("LeakyRelu").toFloats()).containsExactly(map(X, v -> v < 0 ? 0.01 * v : v), within(1e-6f));
        assertThat(unary("Sigmoid").toFloats()).containsExactly(map(X, v -> 1 / (1 + Math.exp(-v))), within(1e-6f));
        assertThat(unary("Tanh").toFloats()).containsExactly(map(X, Math::tanh), within(1e-6f));
        assertThat(unary("HardSigmoid").toFloats())
                .containsExactly(map(X, v -> Math.max(0, Math.min(1, 0.2 * v + 0.5))), within(1e-6f));
        assertThat(unary("HardSigmoid", "alpha", 0.5f, "beta", 0.25f).toFloats())
                .containsExactly(map(X, v -> Math.max(0, Math.min(1, 0.5 * v + 0.25))), within(1e-6f));
        assertThat(unary("HardSwish").toFloats())
                .containsExactly(map(X, v -> v * Math.max(0, Math.min(1, v / 6 + 0.5))), within(1e-6f));
        assertThat(unary("Identity").toFloats()).containsExactly(X.toFloats());
        assertThat(unary("Dropout").toFloats()).containsExactly(X.toFloats());
    }

    @Test
    void clipTakesItsBoundsFromInputsAndMayOmitOne() {
        Graph both = Models.graph().input("x", 1, 2, 2, 2).init("lo", Tensor.scalar(-0.5f)).init("hi", Tensor.scalar(1f))
                .node("Clip", in("x", "lo", "hi"), "y").build();
        assertThat(Models.run(both, X, "y").toFloats()).containsExactly(map(X, v -> Math.max(-0.5, Math.min(1, v))),
                within(1e-6f));
        Graph upper = Models.graph().input("x", 1, 2, 2, 2).init("hi", Tensor.scalar(1f))
                .node("Clip", in("x", "", "hi"), "y").build();
        assertThat(Models.run(upper, X, "y").toFloats()).containsExactly(map(X, v -> Math.min(1, v)), within(1e-6f));
    }

    @Test
    void batchNormalizationInInferenceUsesRunningStatistics() {
        Tensor scale = Tensor.ofFloats(new long[] {2}, new float[] {2, 0.5f});
        Tensor bias = Tensor.ofFloats(new long[] {2}, new float[] {1, -1});
        Tensor mean = Tensor.ofFloats(new long[] {2}, new float[] {0.5f, 2});
        Tensor var = Tensor.ofFloats(new long[] {2}, new float[] {4, 0.25f});
        for (boolean afterConv : new boolean[] {false, true}) {
            Models m = Models.graph().input("x", 1, 2, 2, 2).init("s", scale).init("b", bias).init("m", mean)
                    .init("v", var);
            String bnInput = "x";
            if (afterConv) {
                // an identity 1x1 conv puts the value into NHWC first
                m.init("w", Tensor.ofFloats(new long[] {2, 2, 1, 1}, new float[] {1, 0, 0, 1}))
                        .node("Conv", in("x", "w"), "c");
                bnInput = "c";
            }
            Graph g = m.node("BatchNormalization", in(bnInput, "s", "b", "m", "v"), "y", "epsilon", 0.01f).build();
            float[] expected = new float[8];
            for (int i = 0; i < 8; i++) {
                int c = i / 4;
                expected[i] = (float) (scale.floatAt(c) * (X.floatAt(i) - mean.floatAt(c))
                        / Math.sqrt(var.floatAt(c) + 0.01) + bias.floatAt(c));
            }
            assertThat(Models.run(g, X, "y").toFloats()).containsExactly(expected, within(1e-5f));
        }
    }

    @Test
    void elementwiseBroadcastsPerChannelConstantsAgainstNhwcValues() {
        Tensor perChannel = Tensor.ofFloats(new long[] {2, 1, 1}, new float[] {10, 20});
        Tensor perColumn = Tensor.ofFloats(new long[] {2}, new float[] {100, 200});
        Graph g = Models.graph().input("x", 1, 2, 2, 2)
                .init("w", Tensor.ofFloats(new long[] {2, 2, 1, 1}, new float[] {1, 0, 0, 1}))
                .init("pc", perChannel).init("col", perColumn).init("two", Tensor.scalar(2f))
                .node("Conv", in("x", "w"), "c")
                .node("Add", in("c", "pc"), "a")
                .node("Mul", in("a", "two"), "m")
                .node("Sub", in("col", "m"), "s")
                .node("Div", in("s", "x"), "d")
                .build();
        float[] expected = new float[8];
        for (int i = 0; i < 8; i++) {
            float a = X.floatAt(i) + perChannel.floatAt(i / 4);
            float s = perColumn.floatAt(i % 2) - 2 * a;
            expected[i] = s / X.floatAt(i);
        }
        Tensor x = Tensor.ofFloats(X.shape(), map(X, v -> v == 0 ? 0.7 : v));
        for (int i = 0; i < 8; i++) {
            float a = x.floatAt(i) + perChannel.floatAt(i / 4);
            expected[i] = (perColumn.floatAt(i % 2) - 2 * a) / x.floatAt(i);
        }
        assertThat(Models.run(g, x, "d").toFloats()).containsExactly(expected, within(1e-4f));
    }

    @Test
    void gemmHonoursTransposesAlphaAndBeta() {
        Random random = new Random(5);
        Tensor a = random(random, 3, 2); // transA: A' is [2,3]
        Tensor b = random(random, 4, 3); // transB: B' is [3,4]
        Tensor c = random(random, 4);
        Graph g = Models.graph().input("x", 3, 2).init("b", b).init("c", c)
                .node("Gemm", in("x", "b", "c"), "y", "transA", 1, "transB", 1, "alpha", 0.5f, "beta", 2f).build();
        float[] expected = new float[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += a.floatAt(k * 2 + i) * b.floatAt(j * 3 + k);
                }
                expected[i * 4 + j] = (float) (0.5 * sum + 2 * c.floatAt(j));
            }
        }
        assertClose(Models.run(g, a, "y"), Tensor.ofFloats(new long[] {2, 4}, expected), 1e-5);
        Graph plain = Models.graph().input("x", 2, 3).init("b", Tensor.ofFloats(new long[] {3, 4}, b.toFloats()))
                .node("Gemm", in("x", "b"), "y").node("MatMul", in("x", "b"), "z").output("y").output("z").build();
        Tensor x = random(random, 2, 3);
        float[] product = new float[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    product[i * 4 + j] += x.floatAt(i * 3 + k) * b.floatAt(k * 4 + j);
                }
            }
        }
        try (ModelSession s = Models.open(plain)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("y", "z"));
            assertThat(out.get("y").toFloats()).containsExactly(product, within(1e-5f));
            assertThat(out.get("z").toFloats()).containsExactly(product, within(1e-5f));
        }
    }

    @Test
    void flattenAndReshapeKeepOnnxOrderOfNhwcValues() {
        Tensor x = random(new Random(8), 2, 3, 2, 2);
        Graph g = Models.graph().input("x", -1, 3, 2, 2)
                .init("w", identityConv(3))
                .init("shape", longs(0, -1, 2))
                .node("Conv", in("x", "w"), "c")
                .node("Flatten", in("c"), "f")
                .node("Reshape", in("c", "shape"), "r")
                .node("Flatten", in("c"), "f2", "axis", 3)
                .output("f").output("r").output("f2").build();
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("f", "r", "f2", "c"));
            assertThat(out.get("c").toFloats()).containsExactly(x.toFloats(), within(1e-6f));
            assertThat(out.get("f").shape()).containsExactly(2, 12);
            assertThat(out.get("f").toFloats()).containsExactly(x.toFloats(), within(1e-6f));
            assertThat(out.get("r").shape()).containsExactly(2, 6, 2);
            assertThat(out.get("r").toFloats()).containsExactly(x.toFloats(), within(1e-6f));
            assertThat(out.get("f2").shape()).containsExactly(12, 2);
        }
    }

    static Tensor identityConv(int channels) {
        float[] w = new float[channels * channels];
        for (int i = 0; i < channels; i++) {
            w[i * channels + i] = 1;
        }
        return Tensor.ofFloats(new long[] {channels, channels, 1, 1}, w);
    }

    @Test
    void shapeGatherUnsqueezeConcatReshapeChainWorksOnDynamicBatch() {
        // the exported-classifier head: Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1]))
        Graph g = Models.graph().input("x", -1, 3, 2, 2)
                .init("w", identityConv(3)).init("zero", Tensor.scalar(0L)).init("axes", longs(0))
                .init("minus1", longs(-1))
                .node("Conv", in("x", "w"), "c")
                .node("Shape", in("c"), "shape")
                .node("Gather", in("shape", "zero"), "n")
                .node("Unsqueeze", in("n", "axes"), "n1")
                .node("Concat", in("n1", "minus1"), "target", "axis", 0)
                .node("Reshape", in("c", "target"), "y").build();
        Tensor x = random(new Random(9), 5, 3, 2, 2);
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("y", "shape"));
            assertThat(out.get("shape").toLongs()).containsExactly(5, 3, 2, 2);
            assertThat(out.get("y").shape()).containsExactly(5, 12);
            assertThat(out.get("y").toFloats()).containsExactly(x.toFloats(), within(1e-6f));
        }
    }

    @Test
    void sliceFollowsOnnxClampingNegativeIndicesAndSteps() {
        Tensor x = Tensor.ofFloats(new long[] {2, 5}, new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Graph g = Models.graph().input("x", 2, 5)
                .init("s", longs(1, -1)).init("e", longs(Long.MAX_VALUE, Long.MIN_VALUE)).init("a", longs(1, 0))
                .init("st", longs(2, -1))
                .node("Slice", in("x", "s", "e", "a", "st"), "y").build();
        // axis 1 from 1 by 2 to the end: 1, 3; axis 0 from the last row backwards to the first
        assertThat(Models.run(g, x, "y").toFloats()).containsExactly(6, 8, 1, 3);
    }

    @Test
    void sliceAndConcatOnChannelsStayCorrectInNhwc() {
        Tensor x = random(new Random(10), 2, 3, 2, 2);
        Graph g = Models.graph().input("x", -1, 3, 2, 2).init("w", identityConv(3))
                .init("s", longs(1)).init("e", longs(3)).init("a", longs(1))
                .node("Conv", in("x", "w"), "c")
                .node("Slice", in("c", "s", "e", "a"), "tail")
                .node("Concat", in("tail", "c"), "y", "axis", 1).build();
        float[] expected = new float[2 * 5 * 4];
        for (int n = 0; n < 2; n++) {
            for (int ch = 0; ch < 5; ch++) {
                int src = ch < 2 ? ch + 1 : ch - 2;
                for (int p = 0; p < 4; p++) {
                    expected[(n * 5 + ch) * 4 + p] = x.floatAt((n * 3 + src) * 4 + p);
                }
            }
        }
        assertClose(Models.run(g, x, "y"), Tensor.ofFloats(new long[] {2, 5, 2, 2}, expected), 1e-6);
    }

    @Test
    void transposeOfAnNhwcValueUsesOnnxAxes() {
        Tensor x = random(new Random(11), 1, 2, 3, 4);
        Graph g = Models.graph().input("x", 1, 2, 3, 4).init("w", identityConv(2))
                .node("Conv", in("x", "w"), "c")
                .node("Transpose", in("c"), "y", "perm", ints(0, 3, 1, 2)).build();
        float[] expected = new float[24];
        for (int c = 0; c < 2; c++) {
            for (int h = 0; h < 3; h++) {
                for (int w = 0; w < 4; w++) {
                    expected[(w * 2 + c) * 3 + h] = x.floatAt((c * 3 + h) * 4 + w);
                }
            }
        }
        assertClose(Models.run(g, x, "y"), Tensor.ofFloats(new long[] {1, 4, 2, 3}, expected), 1e-6);
    }

    @Test
    void softmaxNormalisesAlongItsAxisOnly() {
        Tensor x = random(new Random(12), 2, 3, 2);
        for (int axis : new int[] {1, -1}) {
            Graph g = Models.graph().input("x", 2, 3, 2).node("Softmax", in("x"), "y", "axis", axis).build();
            float[] y = Models.run(g, x, "y").toFloats();
            int a = axis < 0 ? 2 : axis;
            int stride = a == 1 ? 2 : 1;
            int len = a == 1 ? 3 : 2;
            for (int n = 0; n < 2; n++) {
                for (int other = 0; other < (a == 1 ? 2 : 3); other++) {
                    int base = a == 1 ? n * 6 + other : n * 6 + other * 2;
                    double sum = 0;
                    for (int k = 0; k < len; k++) {
                        sum += Math.exp(x.floatAt(base + k * stride));
                    }
                    for (int k = 0; k < len; k++) {
                        assertThat(y[base + k * stride]).isCloseTo((float) (Math.exp(x.floatAt(base + k * stride)) / sum),
                                within(1e-6f));
                    }
                }
            }
        }
    }

    @Test
    void castSqueezeAndUnsqueezeChangeTypeAndRank() {
        Tensor x = Tensor.ofFloats(new long[] {1, 3, 1}, new float[] {1.7f, -2.2f, 3});
        Graph g = Models.graph().input("x", 1, 3, 1).init("sq", longs(0, 2)).init("un", longs(0, -1))
                .node("Squeeze", in("x", "sq"), "s")
                .node("Unsqueeze", in("s", "un"), "u")
                .node("Cast", in("u"), "i", "to", 7).build();
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("s", "u", "i"));
            assertThat(out.get("s").shape()).containsExactly(3);
            assertThat(out.get("u").shape()).containsExactly(1, 3, 1);
            assertThat(out.get("i").type()).isEqualTo(DataType.INT64);
            assertThat(out.get("i").toLongs()).containsExactly(1, -2, 3);
        }
    }

    @Test
    void padSupportsConstantReflectAndEdge() {
        Tensor x = Tensor.ofFloats(new long[] {1, 1, 2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        Map<String, float[]> expected = Map.of(
                "constant", new float[] {9, 9, 9, 9, 9, 9, 9, 1, 2, 3, 9, 9, 9, 4, 5, 6, 9, 9},
                "reflect", new float[] {5, 4, 5, 6, 5, 4, 2, 1, 2, 3, 2, 1, 5, 4, 5, 6, 5, 4},
                "edge", new float[] {1, 1, 2, 3, 3, 3, 1, 1, 2, 3, 3, 3, 4, 4, 5, 6, 6, 6});
        for (String mode : expected.keySet()) {
            Graph g = Models.graph().input("x", 1, 1, 2, 3).init("w", identityConv(1))
                    .init("pads", longs(0, 0, 1, 1, 0, 0, 0, 2)).init("v", Tensor.scalar(9f))
                    .node("Conv", in("x", "w"), "c")
                    .node("Pad", in("c", "pads", "v"), "y", "mode", mode).build();
            Tensor y = Models.run(g, x, "y");
            assertThat(y.shape()).as(mode).containsExactly(1, 1, 3, 6);
            assertThat(y.toFloats()).as(mode).containsExactly(expected.get(mode));
        }
    }

    @Test
    void reduceMeanWithAndWithoutKeptDimensions() {
        Tensor x = random(new Random(13), 2, 3, 2, 2);
        Graph g = Models.graph().input("x", 2, 3, 2, 2).init("w", identityConv(3))
                .node("Conv", in("x", "w"), "c")
                .node("ReduceMean", in("c"), "keep", "axes", ints(2, 3))
                .node("ReduceMean", in("c"), "drop", "axes", ints(-1, 2), "keepdims", 0)
                .node("ReduceMean", in("c"), "rows", "axes", ints(3), "keepdims", 0)
                .output("keep").output("drop").output("rows").build();
        float[] means = new float[6];
        float[] rows = new float[12];
        for (int i = 0; i < 6; i++) {
            means[i] = (x.floatAt(4 * i) + x.floatAt(4 * i + 1) + x.floatAt(4 * i + 2) + x.floatAt(4 * i + 3)) / 4;
            rows[2 * i] = (x.floatAt(4 * i) + x.floatAt(4 * i + 1)) / 2;
            rows[2 * i + 1] = (x.floatAt(4 * i + 2) + x.floatAt(4 * i + 3)) / 2;
        }
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("keep", "drop", "rows"));
            assertClose(out.get("keep"), Tensor.ofFloats(new long[] {2, 3, 1, 1}, means), 1e-6);
            assertClose(out.get("drop"), Tensor.ofFloats(new long[] {2, 3}, means), 1e-6);
            assertClose(out.get("rows"), Tensor.ofFloats(new long[] {2, 3, 2}, rows), 1e-6);
        }
    }

    @Test
    void gatherCountsNegativeIndicesFromTheEnd() {
        Tensor x = Tensor.ofFloats(new long[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5});
        Graph g = Models.graph().input("x", 2, 3).init("i", longs(-1, 0))
                .node("Gather", in("x", "i"), "y", "axis", 1).build();
        assertThat(Models.run(g, x, "y").toFloats()).containsExactly(2, 0, 5, 3);
    }

    // ---- kinds of transformer-style and newer CNN exports (LayerNorm, GELU, ConvNeXt, DenseNet, ShuffleNet)

    /** The mean of {@code x} (row-major, ONNX layout) over {@code axes}, with the reduced axes kept as size 1. */
    private static float[] meanOver(Tensor x, int... axes) {
        long[] shape = x.shape();
        long[] outShape = shape.clone();
        long count = 1;
        for (int a : axes) {
            outShape[a] = 1;
            count *= shape[a];
        }
        double[] sums = new double[(int) Tensor.elementCount(outShape)];
        long[] index = new long[shape.length];
        for (int i = 0; i < x.size(); i++) {
            long rest = i;
            for (int a = shape.length - 1; a >= 0; a--) {
                index[a] = rest % shape[a];
                rest /= shape[a];
            }
            int o = 0;
            for (int a = 0; a < shape.length; a++) {
                o = (int) (o * outShape[a] + (outShape[a] == 1 ? 0 : index[a]));
            }
            sums[o] += x.floatAt(i);
        }
        float[] means = new float[sums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (sums[i] / count);
        }
        return means;
    }

    @Test
    void reduceMeanOverChannelsAndTheLastAxisOfNhwcValuesUsesOnnxAxes() {
        Tensor x = random(new Random(21), 2, 3, 2, 4);
        Graph g = Models.graph().input("x", 2, 3, 2, 4).init("w", identityConv(3))
                .node("Conv", in("x", "w"), "c")
                .node("ReduceMean", in("c"), "channels", "axes", ints(1))
                .node("ReduceMean", in("c"), "channelsDropped", "axes", ints(1), "keepdims", 0)
                .node("ReduceMean", in("c"), "last", "axes", ints(-1))
                .node("ReduceMean", in("c"), "lastDropped", "axes", ints(-1), "keepdims", 0)
                .node("ReduceMean", in("c"), "height", "axes", ints(2), "keepdims", 0)
                .node("ReduceMean", in("c"), "all")
                .output("channels").output("channelsDropped").output("last").output("lastDropped").output("height")
                .output("all").build();
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x),
                    List.of("channels", "channelsDropped", "last", "lastDropped", "height", "all"));
            assertClose(out.get("channels"), Tensor.ofFloats(new long[] {2, 1, 2, 4}, meanOver(x, 1)), 1e-6);
            assertClose(out.get("channelsDropped"), Tensor.ofFloats(new long[] {2, 2, 4}, meanOver(x, 1)), 1e-6);
            assertClose(out.get("last"), Tensor.ofFloats(new long[] {2, 3, 2, 1}, meanOver(x, 3)), 1e-6);
            assertClose(out.get("lastDropped"), Tensor.ofFloats(new long[] {2, 3, 2}, meanOver(x, 3)), 1e-6);
            assertClose(out.get("height"), Tensor.ofFloats(new long[] {2, 3, 4}, meanOver(x, 2)), 1e-6);
            assertClose(out.get("all"), Tensor.ofFloats(new long[] {1, 1, 1, 1}, meanOver(x, 0, 1, 2, 3)), 1e-6);
        }
    }

    /** erf by its Maclaurin series 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)), exact in double for |x| <= 4. */
    private static double erf(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 120; n++) {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void expNegAndSoftplusFollowTheirFormulas() {
        assertThat(unary("Exp").toFloats()).containsExactly(map(X, Math::exp), within(1e-5f));
        assertThat(unary("Neg").toFloats()).containsExactly(map(X, v -> -v), within(0f));
        assertThat(unary("Softplus").toFloats()).containsExactly(map(X, v -> Math.log(1 + Math.exp(v))),
                within(1e-6f));
    }

    @Test
    void constantOfShapeFillsTheShapeOfItsInputWithTheValue() {
        Graph g = Models.graph().input("x", 1, 2, 2, 2)
                .node("Shape", in("x"), "shape")
                .node("ConstantOfShape", in("shape"), "filled", "value",
                        Tensor.ofFloats(new long[] {1}, new float[] {1.5f}))
                .node("Add", in("x", "filled"), "y").build();
        assertThat(Models.run(g, X, "y").toFloats()).containsExactly(map(X, v -> v + 1.5), within(1e-6f));
    }

    @Test
    void erfSqrtAndPowFollowTheirFormulas() {
        assertThat(erf(1)).isCloseTo(0.8427007929497149, within(1e-12));
        assertThat(unary("Erf").toFloats()).containsExactly(map(X, OperatorTest::erf), within(1e-6f));
        Tensor positive = Tensor.ofFloats(X.shape(), map(X, v -> Math.abs(v) + 0.25));
        Graph g = Models.graph().input("x", 1, 2, 2, 2).init("w", identityConv(2))
                .init("two", Tensor.scalar(2f)).init("half", Tensor.ofFloats(new long[] {1}, new float[] {0.5f}))
                .init("three", Tensor.scalar(3L)).init("odd", Tensor.scalar(1.5f))
                .init("perChannel", Tensor.ofFloats(new long[] {2, 1, 1}, new float[] {2, -1}))
                .node("Conv", in("x", "w"), "c")
                .node("Sqrt", in("c"), "sqrt")
                .node("Pow", in("c", "two"), "square")
                .node("Pow", in("c", "half"), "root")
                .node("Pow", in("c", "three"), "cube")
                .node("Pow", in("c", "odd"), "power")
                .node("Pow", in("c", "perChannel"), "channelwise")
                .node("Pow", in("two", "c"), "exponential")
                .output("sqrt").output("square").output("root").output("cube").output("power").output("channelwise")
                .output("exponential").build();
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", positive),
                    List.of("sqrt", "square", "root", "cube", "power", "channelwise", "exponential"));
            assertThat(out.get("sqrt").toFloats()).containsExactly(map(positive, Math::sqrt), within(1e-6f));
            assertThat(out.get("square").toFloats()).containsExactly(map(positive, v -> v * v), within(1e-5f));
            assertThat(out.get("root").toFloats()).containsExactly(map(positive, Math::sqrt), within(1e-6f));
            assertThat(out.get("cube").toFloats()).containsExactly(map(positive, v -> v * v * v), within(1e-4f));
            assertThat(out.get("power").toFloats()).containsExactly(map(positive, v -> Math.pow(v, 1.5)),
                    within(1e-5f));
            float[] channelwise = new float[8];
            for (int i = 0; i < 8; i++) {
                double v = positive.floatAt(i);
                channelwise[i] = (float) (i < 4 ? v * v : 1 / v);
            }
            assertThat(out.get("channelwise").toFloats()).containsExactly(channelwise, within(1e-5f));
            assertThat(out.get("exponential").shape()).containsExactly(1, 2, 2, 2);
            assertThat(out.get("exponential").toFloats()).containsExactly(map(positive, v -> Math.pow(2, v)),
                    within(1e-5f));
        }
    }

    @Test
    void logSoftmaxNormalisesOneAxisFromOpset13AndTheCoercedTailBefore() {
        Tensor x = random(new Random(22), 2, 3, 2, 2);
        for (long opset : new long[] {11, 13}) {
            Graph g = Models.graph().opset(opset).input("x", 2, 3, 2, 2).init("w", identityConv(3))
                    .node("Conv", in("x", "w"), "c")
                    .node("LogSoftmax", in("c"), "axisDefault")
                    .node("LogSoftmax", in("c"), "channels", "axis", 1)
                    .node("Softmax", in("c"), "softChannels", "axis", 1)
                    .output("axisDefault").output("channels").output("softChannels").build();
            // opset 13: the default is the last axis alone; opset 11: all axes from 1 (C, H and W) together
            float[] byDefault = opset >= 13 ? logSoftmax(x, 2, 1) : logSoftmax(x, 12, 1);
            // axis 1 is C alone from 13 on (stride 4 within each image), C, H and W together before
            float[] channels = opset >= 13 ? logSoftmax(x, 3, 4) : logSoftmax(x, 12, 1);
            try (ModelSession s = Models.open(g)) {
                Map<String, Tensor> out = s.run(Map.of("x", x), List.of("axisDefault", "channels", "softChannels"));
                assertThat(out.get("axisDefault").shape()).containsExactly(2, 3, 2, 2);
                assertThat(out.get("axisDefault").toFloats()).as("opset %d", opset).containsExactly(byDefault,
                        within(1e-5f));
                assertThat(out.get("channels").toFloats()).as("opset %d", opset).containsExactly(channels,
                        within(1e-5f));
                assertThat(out.get("softChannels").toFloats()).as("opset %d", opset)
                        .containsExactly(map(Tensor.ofFloats(x.shape(), channels), Math::exp), within(1e-6f));
            }
        }
    }

    /**
     * log softmax of {@code x} over groups of {@code length} elements {@code stride} apart; the groups start at every
     * index whose position within its block of {@code length * stride} is below {@code stride}.
     */
    private static float[] logSoftmax(Tensor x, int length, int stride) {
        float[] y = new float[x.size()];
        int block = length * stride;
        for (int start = 0; start < x.size(); start++) {
            if (start % block >= stride) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < length; k++) {
                sum += Math.exp(x.floatAt(start + k * stride));
            }
            for (int k = 0; k < length; k++) {
                y[start + k * stride] = (float) (x.floatAt(start + k * stride) - Math.log(sum));
            }
        }
        return y;
    }

    @Test
    void layerNormalizationNormalisesTheTrailingAxes() {
        Tensor x = random(new Random(23), 2, 2, 2, 3);
        Tensor scale = Tensor.ofFloats(new long[] {3}, new float[] {1.5f, -0.5f, 2});
        Tensor bias = Tensor.ofFloats(new long[] {3}, new float[] {0.1f, 0.2f, -0.3f});
        Tensor wide = random(new Random(24), 2, 2, 3);
        Graph g = Models.graph().input("x", 2, 2, 2, 3).init("w", identityConv(2)).init("scale", scale)
                .init("bias", bias).init("wide", wide)
                .node("Conv", in("x", "w"), "c")
                .node("LayerNormalization", in("c", "scale", "bias"), "last", "epsilon", 1e-3f)
                .node("LayerNormalization", in("c", "wide"), "tail", "axis", 1)
                .output("last").output("tail").build();
        float[] last = new float[x.size()];
        for (int row = 0; row < x.size() / 3; row++) {
            double mean = 0;
            double square = 0;
            for (int k = 0; k < 3; k++) {
                mean += x.floatAt(row * 3 + k) / 3.0;
            }
            for (int k = 0; k < 3; k++) {
                square += Math.pow(x.floatAt(row * 3 + k) - mean, 2) / 3;
            }
            for (int k = 0; k < 3; k++) {
                last[row * 3 + k] = (float) ((x.floatAt(row * 3 + k) - mean) / Math.sqrt(square + 1e-3)
                        * scale.floatAt(k) + bias.floatAt(k));
            }
        }
        float[] tail = new float[x.size()];
        for (int n = 0; n < 2; n++) {
            double mean = 0;
            double square = 0;
            for (int k = 0; k < 12; k++) {
                mean += x.floatAt(n * 12 + k) / 12.0;
            }
            for (int k = 0; k < 12; k++) {
                square += Math.pow(x.floatAt(n * 12 + k) - mean, 2) / 12;
            }
            for (int k = 0; k < 12; k++) {
                tail[n * 12 + k] = (float) ((x.floatAt(n * 12 + k) - mean) / Math.sqrt(square + 1e-5) * wide.floatAt(k));
            }
        }
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("last", "tail"));
            assertClose(out.get("last"), Tensor.ofFloats(x.shape(), last), 1e-5);
            assertClose(out.get("tail"), Tensor.ofFloats(x.shape(), tail), 1e-5);
        }
    }

    @Test
    void splitGivesEveryOutputInTheInputsLayout() {
        Tensor x = random(new Random(25), 1, 4, 2, 3);
        float[] v = x.toFloats();
        for (long opset : new long[] {11, 13}) {
            Models m = Models.graph().opset(opset).input("x", 1, 4, 2, 3).init("w", identityConv(4))
                    .node("Conv", in("x", "w"), "c");
            if (opset >= 13) {
                m.init("sizes", longs(1, 3)).node("Split", in("c", "sizes"), new String[] {"first", "rest"},
                        "axis", 1);
            } else {
                m.node("Split", in("c"), new String[] {"first", "rest"}, "axis", 1, "split", ints(1, 3));
            }
            Graph g = m.node("Split", in("c"), new String[] {"left", "right"}, "axis", -1)
                    .node("Split", in("c"), new String[] {"top", "bottom"}, "axis", 2)
                    .node("Relu", in("rest"), "restRelu")
                    .output("first").output("restRelu").output("left").output("right").output("bottom").build();
            float[] first = new float[6];
            float[] rest = new float[18];
            float[] left = new float[16];
            float[] right = new float[8];
            float[] bottom = new float[12];
            for (int i = 0; i < 24; i++) {
                int c = i / 6;
                int h = i / 3 % 2;
                int col = i % 3;
                if (c == 0) {
                    first[i] = v[i];
                } else {
                    rest[i - 6] = Math.max(0, v[i]);
                }
                // 3 columns in 2 equal parts: sizes 2 and 1 (opset 18's rule for an uneven split)
                if (col < 2) {
                    left[(c * 2 + h) * 2 + col] = v[i];
                } else {
                    right[c * 2 + h] = v[i];
                }
                if (h == 1) {
                    bottom[c * 3 + col] = v[i];
                }
            }
            try (ModelSession s = Models.open(g)) {
                Map<String, Tensor> out = s.run(Map.of("x", x), List.of("first", "restRelu", "left", "right",
                        "bottom"));
                assertClose(out.get("first"), Tensor.ofFloats(new long[] {1, 1, 2, 3}, first), 1e-6);
                assertClose(out.get("restRelu"), Tensor.ofFloats(new long[] {1, 3, 2, 3}, rest), 1e-6);
                assertClose(out.get("left"), Tensor.ofFloats(new long[] {1, 4, 2, 2}, left), 1e-6);
                assertClose(out.get("right"), Tensor.ofFloats(new long[] {1, 4, 2, 1}, right), 1e-6);
                assertClose(out.get("bottom"), Tensor.ofFloats(new long[] {1, 4, 1, 3}, bottom), 1e-6);
            }
        }
    }

    @Test
    void globalMaxPoolAndSingleInputConcat() {
        Tensor x = random(new Random(26), 2, 3, 2, 2);
        Graph g = Models.graph().input("x", -1, 3, 2, 2).init("w", identityConv(3))
                .node("Conv", in("x", "w"), "c")
                .node("Concat", in("c"), "copy", "axis", 1)
                .node("GlobalMaxPool", in("copy"), "max")
                .node("Concat", in("x"), "inputCopy", "axis", 0)
                .output("copy").output("max").output("inputCopy").build();
        float[] max = new float[6];
        for (int i = 0; i < 6; i++) {
            max[i] = Math.max(Math.max(x.floatAt(4 * i), x.floatAt(4 * i + 1)),
                    Math.max(x.floatAt(4 * i + 2), x.floatAt(4 * i + 3)));
        }
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("copy", "max", "inputCopy"));
            assertClose(out.get("copy"), x, 1e-6);
            assertClose(out.get("max"), Tensor.ofFloats(new long[] {2, 3, 1, 1}, max), 1e-6);
            assertClose(out.get("inputCopy"), x, 0);
        }
    }

    @Test
    void nhwcFlattenAndLinearOverTheLastAxisOfRank4Values() {
        // Keras/TF-style exports: x.permute(0, 2, 3, 1) then flatten; ConvNeXt: Linear on [N, H, W, C]
        Tensor x = random(new Random(27), 2, 3, 2, 2);
        Tensor m = random(new Random(28), 3, 4);
        Graph g = Models.graph().input("x", -1, 3, 2, 2).init("w", identityConv(3)).init("m", m)
                .init("flatShape", longs(0, -1))
                .node("Conv", in("x", "w"), "c")
                .node("Transpose", in("c"), "hwc", "perm", ints(0, 2, 3, 1))
                .node("Flatten", in("hwc"), "flat")
                .node("Reshape", in("hwc", "flatShape"), "reshaped")
                .node("MatMul", in("hwc", "m"), "linear")
                .node("Softmax", in("c"), "soft", "axis", 1)
                .output("flat").output("reshaped").output("linear").output("soft").build();
        float[] flat = new float[24];
        float[] linear = new float[32];
        float[] soft = new float[24];
        for (int n = 0; n < 2; n++) {
            for (int h = 0; h < 2; h++) {
                for (int col = 0; col < 2; col++) {
                    double sum = 0;
                    for (int c = 0; c < 3; c++) {
                        float v = x.floatAt(((n * 3 + c) * 2 + h) * 2 + col);
                        flat[n * 12 + (h * 2 + col) * 3 + c] = v;
                        sum += Math.exp(v);
                        for (int k = 0; k < 4; k++) {
                            linear[((n * 2 + h) * 2 + col) * 4 + k] += v * m.floatAt(c * 4 + k);
                        }
                    }
                    for (int c = 0; c < 3; c++) {
                        int i = ((n * 3 + c) * 2 + h) * 2 + col;
                        soft[i] = (float) (Math.exp(x.floatAt(i)) / sum);
                    }
                }
            }
        }
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("flat", "reshaped", "linear", "soft"));
            assertClose(out.get("flat"), Tensor.ofFloats(new long[] {2, 12}, flat), 1e-6);
            assertClose(out.get("reshaped"), Tensor.ofFloats(new long[] {2, 12}, flat), 1e-6);
            assertClose(out.get("linear"), Tensor.ofFloats(new long[] {2, 2, 2, 4}, linear), 1e-5);
            assertClose(out.get("soft"), Tensor.ofFloats(new long[] {2, 3, 2, 2}, soft), 1e-6);
        }
    }

    @Test
    void sliceTakesBoundsComputedInTheGraph() {
        // torch's x.chunk(2, dim=1) with a traced channel count: Slice(x, 0 | C/2, C/2 | C) along axis 1
        Tensor x = random(new Random(29), 2, 4, 2, 2);
        Graph g = Models.graph().input("x", -1, 4, 2, 2).init("w", identityConv(4))
                .init("one", Tensor.scalar(1L)).init("two", Tensor.scalar(2L)).init("axes0", longs(0))
                .init("big", longs(Long.MAX_VALUE)).init("axis1", longs(1))
                .node("Conv", in("x", "w"), "c")
                .node("Shape", in("c"), "shape")
                .node("Gather", in("shape", "one"), "channels")
                .node("Div", in("channels", "two"), "halfScalar")
                .node("Unsqueeze", in("halfScalar", "axes0"), "half")
                .node("Slice", in("c", "half", "big", "axis1"), "second")
                .node("Sub", in("half", "big"), "negative")
                .node("Slice", in("c", "negative", "half", "axis1"), "first")
                .output("first").output("second").build();
        float[] v = x.toFloats();
        float[] first = new float[16];
        float[] second = new float[16];
        for (int i = 0; i < 32; i++) {
            int n = i / 16;
            int c = i / 4 % 4;
            (c < 2 ? first : second)[n * 8 + (c % 2) * 4 + i % 4] = v[i];
        }
        try (ModelSession s = Models.open(g)) {
            Map<String, Tensor> out = s.run(Map.of("x", x), List.of("first", "second"));
            assertClose(out.get("first"), Tensor.ofFloats(new long[] {2, 2, 2, 2}, first), 0);
            assertClose(out.get("second"), Tensor.ofFloats(new long[] {2, 2, 2, 2}, second), 0);
        }
    }
}
