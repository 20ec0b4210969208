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

    private static double[] draws(long seed, int n) {
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seed));
        HTuple r = new HTuple();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            HOperatorSet.TupleRand(new HTuple(1), r);
            out[i] = r.getD();
        }
        return out;
    }

    /** A 5×5 black image with one pixel of 7 at (row, column). */
    private static float[] dot(int row, int column) {
        float[] pixels = new float[25];
        pixels[row * 5 + column] = 7;
        return pixels;
    }

    @Test
    void rotationByPlus90IsCounterclockwiseAboutTheCentre() {
        // right of the centre (row 2, column 4) goes to the top (row 0, column 2); -90 sends it to the bottom
        assertThat(Augmentation.rotate(dot(2, 4), 5, 5, 1, 90)).containsExactly(dot(0, 2));
        assertThat(Augmentation.rotate(dot(2, 4), 5, 5, 1, -90)).containsExactly(dot(4, 2));
        // the centre maps onto itself at any angle
        assertThat(Augmentation.rotate(dot(2, 2), 5, 5, 1, 37)[12]).isEqualTo(7f);
    }

    @Test
    void rotationBy45InterpolatesBilinearlyAndFillsOutsideWithZero() {
        // pixel value = column + 3·row, a linear function, so bilinear sampling at the source point (sx, sy) gives
        // exactly sx + 3·sy. Output (row 0, column 1) comes from sx = 1 + √2/2, sy = 1 - √2/2: 4 - √2.
        float[] index = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        float[] out = Augmentation.rotate(index, 3, 3, 1, 45);
        double h = Math.sqrt(2) / 2;
        assertThat((double) out[1]).isCloseTo(4 - Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-5));
        // output (row 1, column 0) comes from sx = 1 - √2/2, sy = 1 - √2/2
        assertThat((double) out[3]).isCloseTo((1 - h) + 3 * (1 - h), org.assertj.core.api.Assertions.within(1e-5));
        assertThat(out[4]).isEqualTo(4f);
        // the corners' sources lie √2 - 1 outside the image
        assertThat(new float[] {out[0], out[2], out[6], out[8]}).containsOnly(0f);
    }

    @Test
    void rotateRangeTurnsByTheAngleItsDrawGives() {
        java.util.Set<Integer> angles = new java.util.HashSet<>();
        float[] index = new float[35];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        for (long seed = 1; seed <= 6; seed++) {
            HDict sample = new HDict();
            sample.SetDictObject(HImage.fromPlanar(7, 5, 1, index), "image");
            HTuple batch = new HTuple(sample);
            double[] r = draws(seed, 3);
            // draws: percentage, method, angle = floor(draw·61) - 30
            int angle = (int) Math.floor(r[2] * 61) - 30;
            HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(seed));
            augmentation("rotate_range", new HTuple(30L)).apply(batch);
            assertThat(image(batch).toPlanar()).containsExactly(Augmentation.rotate(index, 7, 5, 1, angle));
            assertThat(angle).isBetween(-30, 30);
            angles.add(angle);
        }
        assertThat(angles).hasSizeGreaterThan(1);
    }

    @Test
    void aSpotChangesPixelsWithinItsRadiusAsAGaussianAndLeavesTheRest() {
        float[] pixels = new float[2 * 81];
        java.util.Arrays.fill(pixels, 10f);
        Augmentation.addSpot(pixels, 9, 9, 2, 4, 4, 3, 30);
        for (int c = 0; c < 2; c++) {
            int base = c * 81;
            assertThat(pixels[base + 4 * 9 + 4]).isEqualTo(40f);
            // distance 2, σ = 1: 30·e^-2
            assertThat((double) pixels[base + 4 * 9 + 6])
                    .isCloseTo(10 + 30 * Math.exp(-2), org.assertj.core.api.Assertions.within(1e-5));
            // distance √2: 30·e^-1
            assertThat((double) pixels[base + 3 * 9 + 3])
                    .isCloseTo(10 + 30 * Math.exp(-1), org.assertj.core.api.Assertions.within(1e-5));
            // distance 3 and beyond: untouched
            assertThat(pixels[base + 4 * 9 + 7]).isEqualTo(10f);
            assertThat(pixels[base + 1 * 9 + 4]).isEqualTo(10f);
            assertThat(pixels[base]).isEqualTo(10f);
        }
    }

    @Test
    void brightnessSpotDrawsPlaceSizeAndAmplitudeFromTheSeed() {
        float[] flat = new float[12 * 10];
        java.util.Arrays.fill(flat, 5f);
        HDict sample = new HDict();
        sample.SetDictObject(HImage.fromPlanar(12, 10, 1, flat), "image");
        HTuple batch = new HTuple(sample);
        double[] r = draws(3, 6);
        // draws: percentage, method, centre row, centre column, radius, amplitude
        double row = r[2] * 9;
        double column = r[3] * 11;
        double radius = 10 * (0.25 + 0.5 * r[4]);
        double amplitude = (r[5] * 2 - 1) * 40;
        float[] expected = flat.clone();
        Augmentation.addSpot(expected, 12, 10, 1, row, column, radius, amplitude);
        HOperatorSet.SetSystem(new HTuple("seed_rand"), new HTuple(3));
        augmentation("brightness_variation_spot", new HTuple(40L)).apply(batch);
        float[] out = image(batch).toPlanar();
        assertThat(out).containsExactly(expected);
        int changed = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 5f) {
                changed++;
            }
        }
        // some pixels inside the spot changed, some outside it did not
        assertThat(changed).isBetween(1, out.length - 1);
    }
}
