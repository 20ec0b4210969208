package dev.hprune.compat.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorPermuteTest {
    /** [[0, 1, 2], [3, 4, 5]]. */
    private static final Tensor TWO_BY_THREE = Tensor.ofFloats(new long[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5});

    @Test
    void swappingTwoAxesTransposesAMatrix() {
        Tensor t = TWO_BY_THREE.permute(1, 0);
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.toFloats()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void filterLayoutRoundTripsAndPutsEachElementWhereTheIndexSays() {
        long[] oihw = {4, 3, 2, 5};
        float[] values = new float[4 * 3 * 2 * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Tensor w = Tensor.ofFloats(oihw, values);
        Tensor hwio = w.permute(2, 3, 1, 0);
        assertThat(hwio.shape()).containsExactly(2, 5, 3, 4);
        // element [o=3, i=1, h=1, w=4] of the ONNX weight sits at [h=1, w=4, i=1, o=3] of the filter
        int onnxAt = ((3 * 3 + 1) * 2 + 1) * 5 + 4;
        int filterAt = ((1 * 5 + 4) * 3 + 1) * 4 + 3;
        assertThat(hwio.floatAt(filterAt)).isEqualTo(w.floatAt(onnxAt));
        assertThat(hwio.permute(3, 2, 0, 1)).isEqualTo(w);
    }

    @Test
    void integerTensorsKeepTheirType() {
        Tensor t = Tensor.ofLongs(DataType.INT32, new long[] {1, 2}, new long[] {7, 8}).permute(1, 0);
        assertThat(t.type()).isEqualTo(DataType.INT32);
        assertThat(t.toLongs()).containsExactly(7, 8);
        assertThat(t.shape()).containsExactly(2, 1);
    }

    @Test
    void aPermutationMustNameEveryAxisOnce() {
        assertThatThrownBy(() -> TWO_BY_THREE.permute(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TWO_BY_THREE.permute(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TWO_BY_THREE.permute()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TWO_BY_THREE.permute(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
