package dev.hprune.compat.dl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.backend.ModelSession;
import dev.hprune.compat.backend.SessionOptions;
import dev.hprune.compat.backend.TrainingSpec;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Tensor;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * query_available_dl_devices, get_dl_device_param and a model's 'device', on two backends that compute the same
 * function from the graph they are opened on ({@code logits = flatten(x) . W}): "trainer" (CPU and GPU, trains: a step
 * sets W[k][c] = 0.25 (c+1)) and "runtime" (one inference-only CPU device, like ONNX Runtime).
 */
class DlDevicesTest {

    /** Computes flatten(x) . W with the W of the graph it was opened on, or of its last training step. */
    static final class GemmBackend implements Backend {
        final String name;
        final boolean trains;
        final List<Graph> openedOn = new ArrayList<>();
        final List<ModelSession> closed = new ArrayList<>();

        GemmBackend(String name, boolean trains) {
            this.name = name;
            this.trains = trains;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean supportsRuntime(String runtime) {
            return trains || runtime.equals("cpu");
        }

        @Override
        public boolean trains() {
            return trains;
        }

        @Override
        public List<Device> devices() {
            return trains ? Backend.super.devices()
                    : List.of(new Device(name, "cpu", 0, "Runtime CPU", "onnxruntime", "CPU", true));
        }

        @Override
        public ModelSession open(dev.hprune.compat.graph.Graph graph, SessionOptions options) {
            openedOn.add(new Graph(graph, options));
            float[][] w = {graph.initializers().get("W").toFloats()};
            return new ModelSession() {
                @Override
                public Map<String, Tensor> run(Map<String, Tensor> feeds, List<String> fetches) {
                    Tensor x = feeds.values().iterator().next();
                    int n = (int) x.dim(0);
                    float[] logits = new float[n * 3];
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < 3; c++) {
                            for (int k = 0; k < 4; k++) {
                                logits[i * 3 + c] += x.floatAt(i * 4 + k) * w[0][k * 3 + c];
                            }
                        }
                    }
                    return Map.of(fetches.get(0), Tensor.wrapFloats(new long[] {n, 3}, logits));
                }

                @Override
                public double trainStep(TrainingSpec spec, Tensor images, long[] labels) {
                    float[] trained = new float[12];
                    for (int k = 0; k < 12; k++) {
                        trained[k] = 0.25f * (k % 3 + 1);
                    }
                    w[0] = trained;
                    return 1.0;
                }

                @Override
                public Map<String, float[]> taylorScores(String input, String logits, Tensor images, long[] labels,
                        List<String> activations) {
                    return Map.of();
                }

                @Override
                public Map<String, Tensor> weights() {
                    return Map.of("W", Tensor.ofFloats(new long[] {4, 3}, w[0]));
                }

                @Override
                public void close() {
                    closed.add(this);
                }
            };
        }

        record Graph(dev.hprune.compat.graph.Graph graph, SessionOptions options) {}
    }

    private final GemmBackend trainer = new GemmBackend("trainer", true);
    private final GemmBackend runtime = new GemmBackend("runtime", false);
    private final Supplier<List<Backend>> backends = () -> List.of(trainer, runtime);

    private List<Device> query(List<Object> names, List<Object> values) {
        return DlDeviceOperators.queryAvailableDlDevices(names, values, backends).stream()
                .map(h -> (Device) h.payload()).toList();
    }

    private static int code(Runnable call) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).as("a HalconError").isNotNull();
        return error.code();
    }

    private DlModel model() {
        return DlModel.withBackends(DlModelTest.graph(false, Map.of()), backends);
    }

    private static Dict sample(float value, long label) {
        Dict dict = new Dict();
        dict.put("image", new DictValue.Objects(List.of(Image.constant(PixelType.REAL, 2, 2, 1, value))));
        dict.put("image_label_id", new DictValue.Tuple(List.of(label)));
        return dict;
    }

    private static Device device(Handle h) {
        return (Device) h.payload();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(List.of(), List.of(), List.of("trainer CPU", "trainer GPU 0", "Runtime CPU")),
                Arguments.of(List.of("runtime"), List.of("cpu"), List.of("trainer CPU", "Runtime CPU")),
                Arguments.of(List.of("runtime", "runtime"), List.of("gpu", "cpu"),
                        List.of("trainer GPU 0", "trainer CPU", "Runtime CPU")),
                Arguments.of(List.of("runtime", "runtime"), List.of("cpu", "gpu"),
                        List.of("trainer CPU", "Runtime CPU", "trainer GPU 0")),
                Arguments.of(List.of("ai2", "execution_provider"), List.of("onnxruntime", "CPU"),
                        List.of("Runtime CPU")),
                Arguments.of(List.of("ai_accelerator_interface"), List.of("none"),
                        List.of("trainer CPU", "trainer GPU 0")),
                Arguments.of(List.of("type", "id"), List.of("gpu", 0L), List.of("trainer GPU 0")),
                Arguments.of(List.of("id"), List.of("0"), List.of()),
                Arguments.of(List.of("inference_only"), List.of("true"), List.of("Runtime CPU")));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void queryKeepsDevicesMatchingEveryNameInTheOrderOfTheirValues(List<Object> names, List<Object> values,
            List<String> expected) {
        assertThat(query(names, values)).extracting(Device::name).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of(List.of("runtime"), List.of(), ErrorCodes.wrongCount(2)),
                Arguments.of(List.of("runtime", "runtime"), List.of("cpu"), ErrorCodes.wrongCount(2)),
                Arguments.of(List.of(1L), List.of("cpu"), ErrorCodes.wrongType(1)),
                Arguments.of(List.of("colour"), List.of("red"), ErrorCodes.DL_UNSUPPORTED_GENPARAM),
                Arguments.of(List.of("info"), List.of("x"), ErrorCodes.DL_UNSUPPORTED_GENPARAM));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void badQueriesRaiseHalconErrors(List<Object> names, List<Object> values, int expected) {
        assertThat(code(() -> query(names, values))).isEqualTo(expected);
    }

    static Stream<Arguments> params() {
        return Stream.of(
                Arguments.of(0, "type", List.of("cpu")), Arguments.of(1, "type", List.of("gpu")),
                Arguments.of(2, "runtime", List.of("cpu")), Arguments.of(1, "id", List.of(0L)),
                Arguments.of(2, "name", List.of("Runtime CPU")),
                Arguments.of(0, "ai_accelerator_interface", List.of("none")),
                Arguments.of(2, "ai_accelerator_interface", List.of("onnxruntime")),
                Arguments.of(2, "execution_provider", List.of("CPU")),
                Arguments.of(0, "inference_only", List.of("false")),
                Arguments.of(2, "inference_only", List.of("true")),
                Arguments.of(2, "precisions", List.of("float32")));
    }

    @ParameterizedTest
    @MethodSource("params")
    void getDlDeviceParamReadsTheDevice(int index, String name, List<Object> expected) {
        Handle h = DlDeviceOperators.queryAvailableDlDevices(List.of(), List.of(), backends).get(index);
        assertThat(DlDeviceOperators.getDlDeviceParam(List.of(h), List.of(name))).isEqualTo(expected);
    }

    @Test
    void infoIsADictNamingTheEngine() {
        Handle h = DlDeviceOperators.queryAvailableDlDevices(List.of(), List.of(), backends).get(2);
        Handle info = (Handle) DlDeviceOperators.getDlDeviceParam(List.of(h), List.of("info")).get(0);
        assertThat(((Dict) info.payload()).get("engine")).contains(new DictValue.Tuple(List.of("runtime")));
    }

    @Test
    void getDlDeviceParamRefusesBadInput() {
        Handle h = DlDeviceOperators.queryAvailableDlDevices(List.of(), List.of(), backends).get(0);
        Handle dict = HandleRegistry.global().register(HandleType.DICT, new Dict());
        assertThat(code(() -> DlDeviceOperators.getDlDeviceParam(List.of(h), List.of("colour"))))
                .isEqualTo(ErrorCodes.DL_UNSUPPORTED_GENPARAM);
        assertThat(code(() -> DlDeviceOperators.getDlDeviceParam(List.of(h), List.of(1L))))
                .isEqualTo(ErrorCodes.wrongType(2));
        assertThat(code(() -> DlDeviceOperators.getDlDeviceParam(List.of(dict), List.of("type"))))
                .isEqualTo(ErrorCodes.WRONG_HANDLE_TYPE);
        assertThat(code(() -> DlDeviceOperators.getDlDeviceParam(List.of(Handle.NULL), List.of("type"))))
                .isEqualTo(ErrorCodes.HANDLE_NULL);
    }

    @Test
    void theDefaultDeviceIsTheFirstCpuAndRuntimeMapsToTheFirstDeviceOfThatType() {
        DlModel m = model();
        assertThat(m.getParam("runtime")).containsExactly("cpu");
        assertThat(device((Handle) m.getParam("device").get(0)).name()).isEqualTo("trainer CPU");
        m.setParam("runtime", List.of("gpu"));
        assertThat(device((Handle) m.getParam("device").get(0)).name()).isEqualTo("trainer GPU 0");
        m.setParam("runtime", List.of("cpu"));
        assertThat(device((Handle) m.getParam("device").get(0)).name()).isEqualTo("trainer CPU");
    }

    @Test
    void aDeviceRunsTheModelOnItsBackendAndItsRuntimeIsItsType() {
        DlModel m = model();
        Handle ai2 = DlDeviceOperators.queryAvailableDlDevices(List.of("ai2"), List.of("onnxruntime"), backends).get(0);
        m.setParam("device", List.of(ai2));
        m.apply(List.of(sample(1, 0)));
        assertThat(runtime.openedOn).hasSize(1);
        assertThat(trainer.openedOn).isEmpty();
        assertThat(m.getParam("runtime")).containsExactly("cpu");
        assertThat(device((Handle) m.getParam("device").get(0))).isEqualTo(device(ai2));
    }

    @Test
    void switchingDeviceClosesTheOldSessionAndKeepsResults() {
        DlModel m = model();
        m.setParam("runtime", List.of("gpu"));
        List<Dict> samples = List.of(sample(1, 0), sample(-2, 1));
        m.train(List.of(sample(1, 0)));
        List<ClassificationResult> onTrainer = m.apply(samples);
        Handle ai2 = DlDeviceOperators.queryAvailableDlDevices(List.of("ai2"), List.of("onnxruntime"), backends).get(0);
        m.setParam("device", List.of(ai2));
        List<ClassificationResult> onRuntime = m.apply(samples);
        assertThat(trainer.closed).hasSize(1);
        assertThat(onRuntime).isEqualTo(onTrainer);
        // the trained weights, not the initial zeros: logits v(c+1), softmax by hand for v = 1
        double[] e = {Math.exp(1), Math.exp(2), Math.exp(3)};
        double sum = e[0] + e[1] + e[2];
        assertThat(onRuntime.get(0).classIds()).containsExactly(2L, 1L, 0L);
        assertThat(onRuntime.get(0).confidences().get(0)).isCloseTo(e[2] / sum, within(1e-6));
        assertThat(runtime.openedOn.get(0).graph().initializers().get("W").floatAt(2)).isEqualTo(0.75f);
        m.close();
        assertThat(runtime.closed).hasSize(1);
    }

    @Test
    void trainingOrScoringOnAnInferenceOnlyDeviceIs7917AndChangesNothing() {
        DlModel m = model();
        Handle ai2 = DlDeviceOperators.queryAvailableDlDevices(List.of("ai2"), List.of("onnxruntime"), backends).get(0);
        m.setParam("device", List.of(ai2));
        assertThat(code(() -> m.train(List.of(sample(1, 0))))).isEqualTo(ErrorCodes.DL_CONVERTED_UNSUPPORTED);
        assertThat(code(() -> m.withSession((s, in, logits, batches) -> 0)))
                .isEqualTo(ErrorCodes.DL_CONVERTED_UNSUPPORTED);
        assertThat(runtime.openedOn).isEmpty();
    }

    @Test
    void badDeviceValuesRaiseHalconErrorsAndLeaveTheDevice() {
        DlModel m = model();
        Handle dict = HandleRegistry.global().register(HandleType.DICT, new Dict());
        Handle elsewhere = DlDeviceOperators.handle(new Device("other", "gpu", 3, "Other GPU 3", "none", "none", false));
        assertThat(code(() -> m.setParam("device", List.of(dict)))).isEqualTo(ErrorCodes.WRONG_HANDLE_TYPE);
        assertThat(code(() -> m.setParam("device", List.of("cpu")))).isEqualTo(ErrorCodes.wrongType(3));
        assertThat(code(() -> m.setParam("device", List.of()))).isEqualTo(ErrorCodes.wrongCount(3));
        assertThat(code(() -> m.setParam("device", List.of(elsewhere)))).isEqualTo(ErrorCodes.DL_RUNTIME);
        assertThat(code(() -> m.setParam("runtime", List.of("tpu")))).isEqualTo(ErrorCodes.DL_UNSUPPORTED_GENVALUE);
        assertThat(device((Handle) m.getParam("device").get(0)).name()).isEqualTo("trainer CPU");
        DlModel cpuOnly = DlModel.withBackends(DlModelTest.graph(false, Map.of()), () -> List.of(runtime));
        assertThat(code(() -> cpuOnly.setParam("runtime", List.of("gpu")))).isEqualTo(ErrorCodes.DL_RUNTIME);
        assertThat(Arrays.asList(ErrorCodes.text(ErrorCodes.DL_CONVERTED_UNSUPPORTED)))
                .containsExactly("Unsupported operation on converted model");
    }
}
