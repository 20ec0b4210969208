package dev.hprune.cli.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes of the built-in CNN, counted by hand from its layers. */
class ModelStatsTest {
    private final ModelStats stats = ModelStats.of(BuiltinCnn.build(8, 10, 1));

    @Test
    void kernelsAreTheOutputChannelsOfEveryConvolution() {
        assertThat(stats.kernelsPerConv()).containsExactly(java.util.Map.entry("conv1", 16),
                java.util.Map.entry("conv2", 32), java.util.Map.entry("conv3", 32));
        assertThat(stats.kernels()).isEqualTo(80);
    }

    @Test
    void parametersAreAllWeightAndBiasElements() {
        // conv1 16*1*9+16, conv2 32*16*9+32, conv3 32*32*9+32, fc 10*128+10
        assertThat(stats.parameters()).isEqualTo(160 + 4640 + 9248 + 1290);
    }

    @Test
    void macsFollowTheSpatialSizeThroughPooling() {
        // conv1 and conv2 at 8x8, conv3 at 4x4 after the first pool, fc on 32*2*2 features
        assertThat(stats.macs()).isEqualTo(16L * 9 * 64 + 32L * 16 * 9 * 64 + 32L * 32 * 9 * 16 + 10L * 128);
    }

    @Test
    void everyConvolutionOfThisChainIsPrunable() {
        assertThat(stats.layers()).filteredOn(l -> l.op().equals("Conv")).allMatch(ModelStats.Layer::prunable);
    }
}
