package dev.hprune.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HTuple;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped model file is the one BuiltinCnn builds with seed 42: same layers and sizes, same outputs on random
 * images (the file's bytes cannot be compared: attribute order in the written protobuf follows a per-JVM hash order).
 */
class BuiltinModelTest {
    @Test
    void shippedFileComputesWhatBuiltinCnnBuildsWithSeed42() {
        try (BuiltinModel builtin = BuiltinModel.create()) {
            HDlModel shipped = builtin.model();
            HDlModel built = TestModels.fromGraph(BuiltinCnn.build(8, 10, 42));
            assertThat(ModelStats.of(shipped)).isEqualTo(ModelStats.of(built));
            Random random = new Random(3);
            HDict[] samples = new HDict[3];
            for (int i = 0; i < samples.length; i++) {
                float[] pixels = new float[64];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextFloat();
                }
                samples[i] = new HDict();
                samples[i].SetDictObject(HImage.fromPlanar(8, 8, 1, pixels), "image");
            }
            HDict[] fromShipped = shipped.ApplyDlModel(samples, new HTuple(new String[] {"classification_class_ids",
                    "classification_confidences"}));
            HDict[] fromBuilt = built.ApplyDlModel(samples, new HTuple(new String[] {"classification_class_ids",
                    "classification_confidences"}));
            // equal up to float rounding: the two handles run separate TensorFlow sessions (other weights would
            // differ in the first digits)
            for (int i = 0; i < samples.length; i++) {
                assertThat(fromShipped[i].GetDictTuple("classification_class_ids").asList())
                        .isEqualTo(fromBuilt[i].GetDictTuple("classification_class_ids").asList());
                double[] shippedConfidences = reals(fromShipped[i].GetDictTuple("classification_confidences"));
                double[] builtConfidences = reals(fromBuilt[i].GetDictTuple("classification_confidences"));
                assertThat(shippedConfidences).containsExactly(builtConfidences, within(1e-6));
            }
            built.ClearDlModel();
        }
    }

    @Test
    void builtinModelIsTheTenClassDigitClassifier() {
        try (BuiltinModel builtin = BuiltinModel.create()) {
            assertThat(builtin.model().GetDlModelParam("image_dimensions").asList()).containsExactly(8L, 8L, 1L);
            assertThat(builtin.model().GetDlModelParam("class_ids").length()).isEqualTo(10);
            assertThat(builtin.description()).isEqualTo("3 convolutions, 80 kernels, 15,338 parameters");
        }
    }

    private static double[] reals(HTuple tuple) {
        return tuple.asList().stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
