package dev.hprune.compat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class ModelCostTest {

    @Test
    void countsConvAndDenseMultiplyAccumulatesByHand() {
        // conv a: 1->4, 3x3, pad 1 on 8x8: 4*8*8 outputs x 9; maxpool; gemm 64->3: 3 outputs x 64.
        ModelCost cost = ModelCost.of(TestGraphs.flattenHead(), 1, 8, 8);
        assertThat(cost.macs()).isEqualTo(4L * 8 * 8 * 9 + 3L * 64);
        assertThat(cost.parameters()).isEqualTo(4 * 9 + 4 + 3 * 64 + 3);
    }

    @Test
    void pruningAKernelLowersTheCost() {
        PrunabilityAnalysis a = PrunabilityAnalysis.of(TestGraphs.flattenHead());
        ModelCost pruned = ModelCost.of(Surgery.remove(a, java.util.Set.of(a.groups().get(0))), 1, 8, 8);
        assertThat(pruned.macs()).isEqualTo(3L * 8 * 8 * 9 + 3L * 48);
    }
}
