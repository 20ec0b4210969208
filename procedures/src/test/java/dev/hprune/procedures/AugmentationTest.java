package dev.hprune.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import org.junit.jupiter.api.Test;

/** The augmentation train_dl_model applies, on a 3×2 image whose pixels are their own index. */
class AugmentationTest {
    private static final float[] PIXELS = {0, 1, 2, 3, 4, 5};

    private static HTuple batch(int width, int height) {
        HDict sample = new HDict();
        sample.SetDictObject(HImage.fromPlanar(width, height, 1, PIXELS), "image");
        return new HTuple(sample);
    }

    private static HImage image(HTuple batch) {
        return new HImage(new HDict(batch.getH()).GetDictObject("image"));
    }

    private static Augmentation augmentation(String key, HTuple value) {
        HDict dict = new HDict();
        dict.SetDictTuple("augmentation_percentage", new HTuple(100L));
        dict.SetDictTuple(key, value);
        return Augmentation.of("create_dl_train_param", new HTuple(dict), 7);
    }

    @Test
    void mirrorRowsTurnsTheImageUpsideDown() {
        HTuple batch = batch(3, 2);
        augmentation("mirror", new HTuple("r")).apply(batch);
        assertThat(image(batch).toPlanar()).containsExactly(3, 4, 5, 0, 1, 2);
    }

    @Test
    void mirrorColumnsSwapsLeftAndRight() {
        HTuple batch = batch(3, 2);
        augmentation("mirror", new HTuple("c")).apply(batch);
        assertThat(image(batch).toPlanar()).containsExactly(2, 1, 0, 5, 4, 3);
    }

    @Test
    void rotate180TurnsTheImageHalfWay() {
        HTuple batch = batch(3, 2);
        augmentation("rotate", new HTuple(180L)).apply(batch);
        assertThat(image(batch).toPlanar()).containsExactly(5, 4, 3, 2, 1, 0);
    }

    @Test
    void aQuarterTurnIsClockwise() {
        // 3 wide, 2 high:  0 1 2 / 3 4 5  ->  2 wide, 3 high:  3 0 / 4 1 / 5 2
        assertThat(Augmentation.quarterTurn(PIXELS, 3, 2, 1)).containsExactly(3, 0, 4, 1, 5, 2);
    }

    @Test
    void brightnessShiftsEveryPixelByOneDrawWithinTheRange() {
        HTuple batch = batch(3, 2);
        augmentation("brightness_variation", new HTuple(10L)).apply(batch);
        float[] out = image(batch).toPlanar();
        float shift = out[0] - PIXELS[0];
        assertThat(Math.abs(shift)).isLessThanOrEqualTo(10f).isGreaterThan(0f);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i] - PIXELS[i]).isCloseTo(shift, org.assertj.core.api.Assertions.within(1e-5f));
        }
    }

    @Test
    void cropKeepsTheImageSize() {
        HTuple batch = batch(3, 2);
        augmentation("crop_pixel", new HTuple(1L)).apply(batch);
        HImage out = image(batch);
        assertThat(out.getWidth()).isEqualTo(3);
        assertThat(out.getHeight()).isEqualTo(2);
    }

    @Test
    void percentageZeroLeavesTheSamplesAlone() {
        HDict dict = new HDict();
        dict.SetDictTuple("augmentation_percentage", new HTuple(0L));
        dict.SetDictTuple("mirror", new HTuple("r"));
        HTuple batch = batch(3, 2);
        Augmentation.of("create_dl_train_param", new HTuple(dict), 7).apply(batch);
        assertThat(image(batch).toPlanar()).containsExactly(PIXELS);
    }

    @Test
    void theSameSeedGivesTheSameAugmentation() {
        Augmentation a = augmentation("brightness_variation", new HTuple(50L));
        HTuple first = batch(3, 2);
        HTuple second = batch(3, 2);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(5));
        a.apply(first);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(5));
        a.apply(second);
        assertThat(image(first).toPlanar()).containsExactly(image(second).toPlanar());
    }
}
