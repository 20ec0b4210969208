package dev.hprune.tests.support;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** DLSample dicts ('image', 'image_label_id') for tests and benchmarks. */
public final class Samples {
    private Samples() {}

    /** One sample: a 'real' image from planar data and, when {@code label >= 0}, its label. */
    public static HDict of(int width, int height, int channels, float[] planar, long label) {
        HDict sample = new HDict();
        sample.SetDictObject(HImage.fromPlanar(width, height, channels, planar), "image");
        if (label >= 0) {
            sample.SetDictTuple("image_label_id", new HTuple(label));
        }
        return sample;
    }

    /** Every image of an MNIST set with its label. */
    public static List<HDict> mnist(Mnist data) {
        List<HDict> samples = new ArrayList<>(data.count());
        for (int i = 0; i < data.count(); i++) {
            samples.add(of(data.columns(), data.rows(), 1, data.image(i), data.label(i)));
        }
        return samples;
    }

    /** {@code n} images of uniform noise in [0, 1), labelled at random with one of {@code classes} (0 for none). */
    public static HDict[] random(int n, int channels, int height, int width, int classes, Random random) {
        HDict[] samples = new HDict[n];
        for (int i = 0; i < n; i++) {
            float[] planar = new float[channels * height * width];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = random.nextFloat();
            }
            samples[i] = of(width, height, channels, planar, classes > 0 ? random.nextInt(classes) : -1);
        }
        return samples;
    }
}
