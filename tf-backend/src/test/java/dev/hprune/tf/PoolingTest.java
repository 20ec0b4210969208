package dev.hprune.tf;

import static dev.hprune.tf.ConvolutionTest.parse;
import static dev.hprune.tf.Models.assertClose;
import static dev.hprune.tf.Models.in;
import static dev.hprune.tf.Models.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolingTest {

    @ParameterizedTest(name = "{0} k{1} s{2} pads {3} ceil {4} include {5}")
    @CsvSource(delimiter = ';', value = {
        "MaxPool;     2 2; 2 2; 0 0 0 0; 0; 0",
        "MaxPool;     3 3; 2 2; 0 0 0 0; 1; 0",
        "MaxPool;     3 3; 2 2; 1 1 1 1; 1; 0",
        "MaxPool;     3 2; 2 3; 1 0 0 1; 0; 0",
        "MaxPool;     2 2; 2 2; 1 1 1 1; 1; 0",
        "AveragePool; 2 2; 2 2; 0 0 0 0; 0; 0",
        "AveragePool; 3 3; 2 2; 1 1 1 1; 0; 0",
        "AveragePool; 3 3; 2 2; 1 1 1 1; 0; 1",
        "AveragePool; 3 3; 2 2; 0 0 0 0; 1; 0",
        "AveragePool; 3 3; 2 2; 1 1 1 1; 1; 1",
        "AveragePool; 3 3; 2 2; 1 1 1 1; 1; 0",
        "AveragePool; 2 3; 1 2; 0 1 1 0; 1; 1",
    })
    void poolMatchesReference(String op, String kernel, String strides, String pads, int ceil, int include) {
        Random random = new Random(op.hashCode() + kernel.hashCode() + pads.hashCode() + ceil * 7 + include);
        Tensor x = random(random, 2, 3, 9, 8);
        long[] k = parse(kernel);
        long[] s = parse(strides);
        long[] p = parse(pads);
        Graph g = Models.graph().input("x", -1, 3, 9, 8)
                .node(op, in("x"), "y", "kernel_shape", k, "strides", s, "pads", p, "ceil_mode", ceil,
                        "count_include_pad", include)
                .build();
        Tensor expected = Reference.pool(x, op.equals("MaxPool"), k, s, p, ceil == 1, include == 1);
        assertClose(Models.run(g, x, "y"), expected, 1e-5);
    }

    @Test
    void ceilModeDropsAWindowThatWouldStartInTheEndPadding() {
        // 5 wide, kernel 2, stride 2, pad 1 at the end: ceil gives 3 windows, the third would start at 6 >= 5 + 0
        Tensor x = Tensor.ofFloats(new long[] {1, 1, 1, 5}, new float[] {1, 2, 3, 4, 5});
        Graph g = Models.graph().input("x", 1, 1, 1, 5)
                .node("MaxPool", in("x"), "y", "kernel_shape", Models.ints(1, 2), "strides", Models.ints(1, 2),
                        "pads", Models.ints(0, 0, 0, 1), "ceil_mode", 1)
                .build();
        assertThat(Models.run(g, x, "y").toFloats()).containsExactly(2, 4, 5);
    }

    @Test
    void sameUpperPoolingWorksWithUnknownImageSize() {
        Tensor x = random(new Random(5), 2, 2, 7, 6);
        long[] k = {3, 3};
        long[] s = {2, 2};
        for (String op : new String[] {"MaxPool", "AveragePool"}) {
            Graph g = Models.graph().input("x", -1, 2, -1, -1)
                    .node(op, in("x"), "y", "kernel_shape", k, "strides", s, "auto_pad", "SAME_UPPER").build();
            // 7 -> 4 outputs, 2 padding cells split 1/1; 6 -> 3 outputs, 1 padding cell at the end
            Tensor expected = Reference.pool(x, op.equals("MaxPool"), k, s, Models.ints(1, 0, 1, 1), false, false);
            assertClose(Models.run(g, x, "y"), expected, 1e-5);
        }
    }

    @Test
    void globalAveragePoolAveragesEachChannel() {
        Tensor x = random(new Random(3), 2, 3, 4, 5);
        Graph g = Models.graph().input("x", -1, 3, -1, -1).node("GlobalAveragePool", in("x"), "y").build();
        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) {
            double sum = 0;
            for (int j = 0; j < 20; j++) {
                sum += x.floatAt(i * 20 + j);
            }
            expected[i] = (float) (sum / 20);
        }
        assertClose(Models.run(g, x, "y"), Tensor.ofFloats(new long[] {2, 3, 1, 1}, expected), 1e-5);
    }
}
