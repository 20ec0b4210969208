package dev.hprune.tf;

import static dev.hprune.tf.Models.assertClose;
import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.ints;
import static dev.hprune.tf.Models.random;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {

    /** One Conv against the reference loops; pads are ONNX's [top, left, bottom, right]. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "plain 3x3;          4; 6; 1; 3; 1 1; 1 1; 1 1 1 1",
        "no padding;         3; 2; 1; 3; 1 1; 1 1; 0 0 0 0",
        "strided asymmetric; 3; 4; 1; 3; 2 2; 1 1; 0 1 2 1",
        "stride 2 by 1;      2; 3; 1; 2; 2 1; 1 1; 1 0 0 1",
        "dilated;            2; 3; 1; 3; 1 1; 2 2; 2 2 2 2",
        "dilated unpadded;   2; 3; 1; 3; 1 1; 2 3; 0 0 0 0",
        "dilated strided;    3; 2; 1; 3; 2 2; 2 2; 1 2 1 0",
        "grouped;            4; 6; 2; 3; 1 1; 1 1; 1 1 1 1",
        "grouped strided;    6; 3; 3; 1; 2 2; 1 1; 0 0 0 0",
        "grouped dilated;    4; 4; 2; 3; 1 1; 2 2; 2 1 0 2",
        "depthwise;          4; 4; 4; 3; 1 1; 1 1; 1 1 1 1",
        "depthwise strided;  3; 3; 3; 3; 2 2; 1 1; 1 1 1 1",
        "depthwise x2;       2; 4; 2; 3; 1 1; 1 1; 1 1 1 1",
        "depthwise dilated;  3; 3; 3; 3; 1 1; 2 2; 2 2 2 2",
        "depthwise 2 by 1;   2; 2; 2; 3; 2 1; 1 1; 1 1 1 1",
    })
    void convMatchesReference(String name, int cin, int cout, int group, int k, String strides, String dilations,
            String pads) {
        Random random = new Random(name.hashCode());
        long[] s = parse(strides);
        long[] d = parse(dilations);
        long[] p = parse(pads);
        Tensor x = random(random, 2, cin, 9, 8);
        Tensor w = random(random, cout, cin / group, k, k);
        Tensor b = random(random, cout);
        Graph g = Models.graph().input("x", -1, cin, 9, 8).init("w", w).init("b", b)
                .node("Conv", in("x", "w", "b"), "y", "group", group, "strides", s, "dilations", d, "pads", p)
                .build();
        assertClose(Models.run(g, x, "y"), Reference.conv(x, w, b, group, s, d, p), 1e-4);
    }

    @ParameterizedTest(name = "split {0}")
    @CsvSource(delimiter = ';', value = {
        "grouped;            4; 6; 2; 3; 1 1; 1 1; 1 1 1 1",
        "grouped strided;    6; 3; 3; 1; 2 2; 1 1; 0 0 0 0",
        "grouped dilated;    4; 4; 2; 3; 1 1; 2 2; 2 1 0 2",
    })
    void groupedConvThroughSplitMatchesReference(String name, int cin, int cout, int group, int k, String strides,
            String dilations, String pads) {
        System.setProperty(SpatialOps.SPLIT_GROUPS_PROPERTY, "true");
        try {
            convMatchesReference(name, cin, cout, group, k, strides, dilations, pads);
        } finally {
            System.clearProperty(SpatialOps.SPLIT_GROUPS_PROPERTY);
        }
    }

    @ParameterizedTest(name = "{0} stride {1}")
    @CsvSource({"SAME_UPPER, 1, 1", "SAME_UPPER, 2, 1", "SAME_LOWER, 2, 1", "SAME_LOWER, 1, 2", "SAME_UPPER, 1, 2",
        "VALID, 2, 1"})
    void autoPadMatchesExplicitPads(String autoPad, int stride, int dilation) {
        Random random = new Random(autoPad.hashCode() + stride);
        Tensor x = random(random, 1, 2, 7, 6);
        Tensor w = random(random, 3, 2, 4, 3);
        long[] size = {7, 6};
        long[] k = {4, 3};
        long[] pads = new long[4];
        for (int i = 0; i < 2 && !autoPad.equals("VALID"); i++) {
            long out = (size[i] + stride - 1) / stride;
            long total = Math.max(0, (out - 1) * stride + (k[i] - 1) * dilation + 1 - size[i]);
            long small = total / 2;
            pads[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
            pads[i + 2] = total - pads[i];
        }
        Graph g = Models.graph().input("x", 1, 2, 7, 6).init("w", w)
                .node("Conv", in("x", "w"), "y", "auto_pad", autoPad, "strides", ints(stride, stride),
                        "dilations", ints(dilation, dilation))
                .build();
        long[] s = {stride, stride};
        assertClose(Models.run(g, x, "y"), Reference.conv(x, w, null, 1, s, ints(dilation, dilation), pads), 1e-4);
    }

    @ParameterizedTest(name = "stride {0}")
    @CsvSource({"1", "2"})
    void sameUpperWorksWithUnknownImageSize(int stride) {
        Random random = new Random(stride);
        Tensor x = random(random, 2, 2, 7, 6);
        Tensor w = random(random, 3, 2, 3, 3);
        Graph g = Models.graph().input("x", -1, 2, -1, -1).init("w", w)
                .node("Conv", in("x", "w"), "y", "auto_pad", "SAME_UPPER", "strides", ints(stride, stride)).build();
        long[] pads = stride == 1 ? ints(1, 1, 1, 1) : ints(1, 0, 1, 1);
        assertClose(Models.run(g, x, "y"), Reference.conv(x, w, null, 1, ints(stride, stride), ints(1, 1), pads),
                1e-4);
    }

    static long[] parse(String values) {
        return java.util.Arrays.stream(values.trim().split(" +")).mapToLong(Long::parseLong).toArray();
    }
}
