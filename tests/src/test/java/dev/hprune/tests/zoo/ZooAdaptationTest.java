package dev.hprune.tests.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * torchvision classifiers of the zoo (10 outputs, exported at 32x32) given 3 classes and a 48x40 image: SqueezeNet's
 * conv head, ResNet-18's residual body, MobileNetV3's squeeze-excitation body and hidden dense layer. The adapted
 * graph keeps every tensor but the head's, trains, and ONNX Runtime on the written file gives hprune's confidences.
 */
class ZooAdaptationTest {
    private static final int WIDTH = 48;
    private static final int HEIGHT = 40;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"squeezenet1_1", "resnet18", "mobilenet_v3_small"})
    void threeClassesAtAnotherSizeAgreeWithOnnxRuntime(String name, @TempDir Path dir) throws Exception {
        Optional<ModelZoo.Entry> found = ModelZoo.entries().stream().filter(e -> e.name().equals(name)).findFirst();
        assumeTrue(found.isPresent(), () -> ModelZoo.unavailable() != null ? ModelZoo.unavailable()
                : name + " is not in the zoo (or -Dhprune.zooOnly leaves it out)");
        ModelZoo.Entry entry = found.get();
        assertThat(entry.classes()).isEqualTo(10);

        HDlModel model = new HDlModel(entry.file().toString());
        model.SetDlModelParam("class_names", new HTuple(new String[] {"ok", "scratch", "dent"}));
        model.SetDlModelParam("image_dimensions", new HTuple(new long[] {WIDTH, HEIGHT, 3}));
        Path adapted = dir.resolve("adapted.onnx");
        model.WriteDlModel(adapted.toString());

        Graph before = OnnxReader.read(entry.file());
        Graph after = OnnxReader.read(adapted);
        long changed = before.initializers().keySet().stream()
                .filter(k -> !before.initializers().get(k).equals(after.initializers().get(k))).count();
        assertThat(changed).as("tensors that differ: the head's weight and bias").isBetween(1L, 2L);

        Random random = new Random(5);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] planar = new float[3 * HEIGHT * WIDTH];
            for (int k = 0; k < planar.length; k++) {
                planar[k] = (float) (entry.rangeMin() + random.nextFloat() * (entry.rangeMax() - entry.rangeMin()));
            }
            images.add(planar);
        }
        HDict[] samples = images.stream().map(p -> Samples.of(WIDTH, HEIGHT, 3, p, -1)).toArray(HDict[]::new);
        HDict[] results = model.ApplyDlModel(samples, new HTuple());
        float[][] logits = OnnxRuntimeRunner.run(adapted, images, 3, HEIGHT, WIDTH);
        assertThat(logits[0]).hasSize(3);
        for (int i = 0; i < results.length; i++) {
            double[] expected = softmax(logits[i]);
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            for (int k = 0; k < ids.length(); k++) {
                assertThat(values.getD(k)).as("sample %d class %d", i, ids.getL(k))
                        .isCloseTo(expected[(int) ids.getL(k)], within(1e-4));
            }
        }

        model.SetDlModelParam("batch_size", 2);
        HDict[] train = Samples.random(2, 3, HEIGHT, WIDTH, 3, random);
        double loss = model.TrainDlModelBatch(train).GetDictTuple("total_loss").getD();
        assertThat(loss).isFinite().isPositive();
        model.ClearDlModel();
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
