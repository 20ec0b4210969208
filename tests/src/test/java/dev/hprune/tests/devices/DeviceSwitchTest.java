package dev.hprune.tests.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HDlDevice;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorException;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.support.Samples;
import dev.hprune.tests.support.SmallCnn;
import dev.hprune.tests.support.TestMaterial;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices end to end: TensorFlow's CPU and ONNX Runtime's CPU (the inference-only AI² device) found by
 * query_available_dl_devices, the same model on both giving the same confidences, and weights trained on TensorFlow
 * reaching ONNX Runtime. The two engines share no code below the ONNX graph, so their agreement checks both.
 */
class DeviceSwitchTest {
    @TempDir
    Path folder;

    private static HDlDevice only(String[] names, Object[] values) {
        HDlDevice[] devices = HDlDevice.QueryAvailableDlDevices(HTuple.of(names), HTuple.of(values));
        assertThat(devices).hasSize(1);
        return devices[0];
    }

    private static HDlDevice tensorFlowCpu() {
        return only(new String[] {"runtime", "ai_accelerator_interface"}, new Object[] {"cpu", "none"});
    }

    private static HDlDevice onnxRuntimeCpu() {
        return only(new String[] {"ai2", "execution_provider"}, new Object[] {"onnxruntime", "CPU"});
    }

    /** Confidence per class id, one map per sample. */
    private static Map<Long, Double>[] confidences(HDlModel model, HDict[] samples) {
        HDict[] results = model.ApplyDlModel(samples, new HTuple());
        @SuppressWarnings("unchecked")
        Map<Long, Double>[] byId = new Map[results.length];
        for (int i = 0; i < results.length; i++) {
            HTuple ids = results[i].GetDictTuple("classification_class_ids");
            HTuple values = results[i].GetDictTuple("classification_confidences");
            byId[i] = new HashMap<>();
            for (int k = 0; k < ids.length(); k++) {
                byId[i].put(ids.getL(k), values.getD(k));
            }
        }
        return byId;
    }

    private static void assertClose(Map<Long, Double>[] actual, Map<Long, Double>[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i].keySet()).isEqualTo(expected[i].keySet());
            for (Map.Entry<Long, Double> e : expected[i].entrySet()) {
                assertThat(actual[i].get(e.getKey())).as("sample %d class %d", i, e.getKey())
                        .isCloseTo(e.getValue(), within(1e-4));
            }
        }
    }

    private static double largestDifference(Map<Long, Double>[] a, Map<Long, Double>[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            for (Map.Entry<Long, Double> e : a[i].entrySet()) {
                largest = Math.max(largest, Math.abs(e.getValue() - b[i].get(e.getKey())));
            }
        }
        return largest;
    }

    private HDlModel smallCnn() {
        Path file = folder.resolve("cnn.onnx");
        OnnxWriter.write(SmallCnn.build(28, 1, 8, 16, 10, 7), file);
        return new HDlModel(file.toString());
    }

    @Test
    void bothCpuDevicesAreListedWithHalconsParameters() {
        HDlDevice tf = tensorFlowCpu();
        HDlDevice ort = onnxRuntimeCpu();
        assertThat(tf.GetDlDeviceParam("type").getS()).isEqualTo("cpu");
        assertThat(tf.GetDlDeviceParam("inference_only").getS()).isEqualTo("false");
        assertThat(ort.GetDlDeviceParam("name").getS()).isEqualTo("ONNX Runtime CPU");
        assertThat(ort.GetDlDeviceParam("inference_only").getS()).isEqualTo("true");
        assertThat(ort.GetDlDeviceParam("id").getL()).isZero();
    }

    @Test
    void theUsualGpuThenCpuQueryStartsWithTheTensorFlowCpuWhereNoGpuExists() {
        HTuple devices = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(HTuple.of("runtime", "runtime"), HTuple.of("gpu", "cpu"), devices);
        HTuple gpus = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(HTuple.of("runtime"), HTuple.of("gpu"), gpus);
        HTuple first = new HTuple();
        HOperatorSet.GetDlDeviceParam(new HTuple(devices.getH(0)), HTuple.of("type"), first);
        assertThat(first.getS()).isEqualTo(gpus.length() > 0 ? "gpu" : "cpu");
        assertThat(devices.length()).isEqualTo(gpus.length() + 2);
    }

    @Test
    void switchingDeviceKeepsResultsOnTheSmallCnn() {
        HDlModel model = smallCnn();
        model.SetDlModelParam("batch_size", 4);
        HDict[] samples = Samples.random(6, 1, 28, 28, 0, new Random(11));
        Map<Long, Double>[] onTf = confidences(model, samples);
        model.SetDlModelParam("device", onnxRuntimeCpu());
        Map<Long, Double>[] onOrt = confidences(model, samples);
        assertClose(onOrt, onTf);
        model.SetDlModelParam("device", tensorFlowCpu());
        assertClose(confidences(model, samples), onTf);
        model.ClearDlModel();
    }

    @Test
    void switchingDeviceKeepsResultsOnThePpOcrClassifier() {
        HDlModel model = new HDlModel(TestMaterial.ppocrClassifier().toString());
        model.SetDlModelParam("image_width", 192);
        model.SetDlModelParam("image_height", 48);
        model.SetDlModelParam("batch_size", 2);
        HDict[] samples = Samples.random(3, 3, 48, 192, 0, new Random(5));
        Map<Long, Double>[] onTf = confidences(model, samples);
        model.SetDlModelParam("device", onnxRuntimeCpu());
        assertClose(confidences(model, samples), onTf);
        model.ClearDlModel();
    }

    @Test
    void trainingOnTensorFlowThenSwitchingToOnnxRuntimeGivesTheTrainedModelsResults() {
        HDlModel model = smallCnn();
        model.SetDlModelParam("batch_size", 8);
        model.SetDlModelParam("learning_rate", 0.05);
        HDict[] probe = Samples.random(5, 1, 28, 28, 0, new Random(1));
        Map<Long, Double>[] untrained = confidences(model, probe);
        Random random = new Random(2);
        for (int step = 0; step < 5; step++) {
            model.TrainDlModelBatch(Samples.random(8, 1, 28, 28, 3, random));
        }
        Map<Long, Double>[] trained = confidences(model, probe);
        assertThat(largestDifference(trained, untrained)).as("training changed the model").isGreaterThan(1e-3);
        model.SetDlModelParam("device", onnxRuntimeCpu());
        assertClose(confidences(model, probe), trained);
        // and back: TensorFlow reopens on the same weights
        model.SetDlModelParam("device", tensorFlowCpu());
        assertClose(confidences(model, probe), trained);
        model.ClearDlModel();
    }

    @Test
    void trainingOnTheOnnxRuntimeDeviceIs7917AndTheRuntimeStaysCpu() {
        HDlModel model = smallCnn();
        HDlDevice ort = onnxRuntimeCpu();
        model.SetDlModelParam("device", ort);
        HOperatorException e = catchThrowableOfType(HOperatorException.class,
                () -> model.TrainDlModelBatch(Samples.random(1, 1, 28, 28, 3, new Random(3))));
        assertThat(e.getErrorCode()).isEqualTo(7917);
        assertThat(model.GetDlModelParam("runtime").getS()).isEqualTo("cpu");
        HHandle device = model.GetDlModelParam("device").getH();
        assertThat(new HDlDevice(device).GetDlDeviceParam("ai_accelerator_interface").getS())
                .isEqualTo("onnxruntime");
        // 'runtime' 'cpu' maps back to the first CPU device, TensorFlow's, which trains
        model.SetDlModelParam("runtime", "cpu");
        assertThat(new HDlDevice(model.GetDlModelParam("device").getH()).GetDlDeviceParam("name").getS())
                .isEqualTo("TensorFlow CPU");
        model.TrainDlModelBatch(Samples.random(1, 1, 28, 28, 3, new Random(3)));
        model.ClearDlModel();
        assertThat(ort.GetDlDeviceParam("precisions").getS()).isEqualTo("float32");
    }
}
