package dev.hprune.cli.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.cli.data.LabelledImage;
import dev.hprune.halcon.HImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preprocessing as HALCON's preprocess_dl_model_images: zoom, channels, value range. */
class SamplesTest {
    private static final ModelInput GREY_4X4_UNIT = new ModelInput(4, 4, 1, 0, 1, List.of(0L, 1L), List.of("a", "b"));

    @Test
    void valuesAreMappedFromTheSourceRangeOntoTheModelRange() {
        float[] pixels = new float[16];
        pixels[0] = 255;
        pixels[1] = 51;
        HImage image = Samples.preprocess(new LabelledImage(pixels, 4, 4, 1, 0), 255, GREY_4X4_UNIT);
        assertThat(image.toPlanar()[0]).isEqualTo(1f);
        assertThat(image.toPlanar()[1]).isCloseTo(0.2f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(image.toPlanar()[2]).isZero();
    }

    @Test
    void largerImagesAreZoomedToTheModelSize() {
        float[] pixels = new float[64];
        java.util.Arrays.fill(pixels, 128);
        HImage image = Samples.preprocess(new LabelledImage(pixels, 8, 8, 1, 0), 256, GREY_4X4_UNIT);
        assertThat(image.getWidth()).isEqualTo(4);
        assertThat(image.getHeight()).isEqualTo(4);
        assertThat(image.toPlanar()).containsOnly(0.5f);
    }

    @Test
    void greyImagesAreReplicatedForColourModels() {
        ModelInput colour = new ModelInput(2, 1, 3, -1, 1, List.of(0L), List.of("a"));
        HImage image = Samples.preprocess(new LabelledImage(new float[] {0, 255}, 2, 1, 1, 0), 255, colour);
        assertThat(image.countChannels()).isEqualTo(3);
        assertThat(image.toPlanar()).containsExactly(-1f, 1f, -1f, 1f, -1f, 1f);
    }
}
