package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.dl.DlDeviceOperators;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.prune.DlPruning;
import dev.hprune.compat.prune.PrunabilityAnalysis;
import dev.hprune.compat.testing.TestGraphs;
import dev.hprune.cshim.CSide.H;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model and pruning operators through C on a hand-built classifier graph, each checked against the Java API on the same
 * handle. This module has no deep-learning backend (c-shim must not know TensorFlow): apply, train and
 * add_dl_pruning_batch are checked to fail exactly as the Java API does here; the tests module runs them for real.
 */
class ModelOperatorsTest {
    private static final List<String> PRUNING_PARAMS = List.of("mode", "percentage", "prunable_conv_num",
            "prunable_conv_layer_name", "prunable_kernel_num", "pruned_kernel_num", "pruned_percentage");

    private final CSide c = new CSide();
    private Handle javaModel; // strong reference until C's tuple holds the handle
    private Pointer model;

    @BeforeEach
    void model() {
        javaModel = DlModelOperators.register(DlModel.of(TestGraphs.plainChain()));
        model = c.tuple(new H(javaModel.id()));
    }

    @AfterEach
    void release() {
        c.close();
    }

    private static HTuple java(Pointer handleTuple) {
        return new HTuple(new HHandle(CSide.handle(handleTuple)));
    }

    /** H_MSG_TRUE, or the error number the Java API raises. */
    private static int javaOutcome(Runnable call) {
        try {
            call.run();
            return 2;
        } catch (HalconException e) {
            return e.getErrorCode();
        }
    }

    private List<Object> get(int rc, PointerByReference out) {
        assertThat(rc).as(C.hprune_last_error_text()).isEqualTo(2);
        return CSide.read(c.out(out));
    }

    @Test
    void modelParametersMatchJavaAndCanBeSet() {
        PointerByReference out = new PointerByReference();
        for (String name : List.of("image_width", "image_height", "batch_size", "type", "class_ids")) {
            HTuple expected = new HTuple();
            HOperatorSet.GetDlModelParam(java(model), new HTuple(name), expected);
            assertThat(get(C.T_get_dl_model_param(model, c.tuple(name), out), out)).as(name)
                    .isEqualTo(CSide.javaValues(expected));
        }
        assertThat(C.T_set_dl_model_param(model, c.tuple("batch_size"), c.tuple(3L))).isEqualTo(2);
        assertThat(get(C.T_get_dl_model_param(model, c.tuple("batch_size"), out), out)).containsExactly(3L);
        assertThat(C.T_get_dl_model_param(model, c.tuple("no_such_param"), out)).isEqualTo(
                javaOutcome(() -> HOperatorSet.GetDlModelParam(java(model), new HTuple("no_such_param"),
                        new HTuple()))).isNotEqualTo(2);
    }

    @Test
    void everyPruningParameterMatchesJava() {
        PointerByReference out = new PointerByReference();
        PointerByReference genParam = new PointerByReference();
        C.T_create_dict(genParam);
        assertThat(C.T_create_dl_pruning(model, c.tuple("oracle"), c.out(genParam), out)).isEqualTo(2);
        Pointer pruning = c.out(out);
        assertThat(C.T_set_dl_pruning_param(pruning, c.tuple("percentage"), c.tuple(30L))).isEqualTo(2);
        for (String name : PRUNING_PARAMS) {
            HTuple expected = new HTuple();
            HOperatorSet.GetDlPruningParam(java(pruning), new HTuple(name), expected);
            assertThat(get(C.T_get_dl_pruning_param(pruning, c.tuple(name), out), out)).as(name)
                    .isEqualTo(CSide.javaValues(expected));
        }
        assertThat(get(C.T_get_dl_pruning_param(pruning, c.tuple("prunable_conv_layer_name"), out), out))
                .containsExactly("a", "b");
        assertThat(C.T_get_dl_pruning_param(pruning, c.tuple("unknown"), out)).isEqualTo(1302);
        assertThat(C.T_set_dl_pruning_param(pruning, c.tuple("percentage"), c.tuple(101L))).isEqualTo(
                javaOutcome(() -> HOperatorSet.SetDlPruningParam(java(pruning), new HTuple("percentage"),
                        new HTuple(101)))).isEqualTo(1303);
        assertThat(C.T_create_dl_pruning(model, c.tuple("greedy"), c.out(genParam), out)).isEqualTo(1302);
    }

    @Test
    void scoringPruningApplyAndTrainFailAsTheJavaApiDoes() {
        PointerByReference out = new PointerByReference();
        PointerByReference genParam = new PointerByReference();
        C.T_create_dict(genParam);
        C.T_create_dl_pruning(model, c.tuple("oracle"), c.out(genParam), out);
        Pointer pruning = c.out(out);
        PointerByReference sampleRef = new PointerByReference();
        C.T_create_dict(sampleRef);
        Pointer sample = c.out(sampleRef);
        PointerByReference image = new PointerByReference();
        C.T_gen_image_const(image, c.tuple("real"), c.tuple(8L), c.tuple(8L));
        C.T_compose3(image.getValue(), image.getValue(), image.getValue(), out);
        c.outObject(image);
        C.T_set_dict_object(c.outObject(out), sample, c.tuple("image"));
        C.T_set_dict_tuple(sample, c.tuple("image_label_id"), c.tuple(1L));

        assertThat(C.T_gen_dl_pruned_model(model, pruning, out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.GenDlPrunedModel(java(model), java(pruning), new HTuple()))).isNotEqualTo(2);
        assertThat(C.T_add_dl_pruning_batch(model, pruning, sample)).isEqualTo(javaOutcome(
                () -> HOperatorSet.AddDlPruningBatch(java(model), java(pruning), java(sample))));
        assertThat(C.T_apply_dl_model(model, sample, c.tuple(), out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.ApplyDlModel(java(model), java(sample), new HTuple(), new HTuple())));
        assertThat(C.T_train_dl_model_batch(model, sample, out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.TrainDlModelBatch(java(model), java(sample), new HTuple())));
        assertThat(C.T_add_dl_pruning_batch(model, pruning, c.tuple())).isEqualTo(javaOutcome(
                () -> HOperatorSet.AddDlPruningBatch(java(model), java(pruning), new HTuple()))).isNotEqualTo(2);
    }

    /**
     * load_dl_model_weights through C and Java on two equal targets: the source is plainChain with conv a's kernel
     * shifted by one, so layer a changes in all its 108 values and the others in none, on both sides; the same handle
     * twice is 1302 on both sides.
     */
    @Test
    void loadDlModelWeightsCountsChangesAsTheJavaApiDoes() {
        var graph = TestGraphs.plainChain();
        float[] w = graph.initializers().get("a.w").toFloats();
        for (int i = 0; i < w.length; i++) {
            w[i] += 1;
        }
        Handle javaSource = DlModelOperators.register(DlModel.of(graph.withUpdatedInitializers(
                java.util.Map.of("a.w", dev.hprune.compat.graph.Tensor.ofFloats(new long[] {4, 3, 3, 3}, w)))));
        Pointer source = c.tuple(new H(javaSource.id()));
        Handle javaTarget = DlModelOperators.register(DlModel.of(TestGraphs.plainChain()));
        PointerByReference out = new PointerByReference();
        List<Object> changes = get(C.T_load_dl_model_weights(source, model, out), out);
        HTuple javaChanges = new HTuple();
        HOperatorSet.LoadDlModelWeights(java(source), new HTuple(new HHandle(javaTarget.id())), javaChanges);
        assertThat(changes).containsExactly(108L, 0L, 0L, 0L, 0L, 0L, 0L);
        for (int i = 0; i < changes.size(); i++) {
            assertThat(javaChanges.getL(i)).isEqualTo(changes.get(i));
        }
        assertThat(C.T_load_dl_model_weights(model, model, out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.LoadDlModelWeights(java(model), java(model), new HTuple()))).isEqualTo(1302);
        assertThat(C.T_load_dl_model_weights(model, c.tuple(3L), out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.LoadDlModelWeights(java(model), new HTuple(3L), new HTuple()))).isNotEqualTo(2);
    }

    private Pointer pruning(Pointer forModel) {
        PointerByReference genParam = new PointerByReference();
        C.T_create_dict(genParam);
        PointerByReference out = new PointerByReference();
        assertThat(C.T_create_dl_pruning(forModel, c.tuple("oracle"), c.out(genParam), out)).isEqualTo(2);
        return c.out(out);
    }

    private static DlPruning payload(Pointer pruning) {
        return (DlPruning) HandleRegistry.global().lookup(CSide.handle(pruning)).payload();
    }

    /**
     * hprune's scores operators through C against Java. No backend scores here, so the handle's scores are added in
     * Java (floats over many magnitudes); C's file is byte for byte Java's, reading it through C gives the same bits,
     * merging through C what merging through Java gives, and the refusals carry Java's numbers.
     */
    @Test
    void scoresTravelThroughCAsThroughJava(@TempDir Path dir) throws IOException {
        Pointer scored = pruning(model);
        PrunabilityAnalysis analysis = payload(scored).analysis();
        Random random = new Random(3);
        for (int batch = 0; batch < 3; batch++) {
            Map<String, float[]> scores = new LinkedHashMap<>();
            for (String point : analysis.scoringPoints()) {
                float[] values = new float[analysis.scoringPointChannels(point)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) Math.scalb(1 + random.nextDouble(), random.nextInt(50) - 30);
                }
                scores.put(point, values);
            }
            payload(scored).scores().add(scores, 4);
        }
        String cFile = dir.resolve("c.hdict").toString();
        String javaFile = dir.resolve("java.hdict").toString();
        assertThat(C.T_write_dl_pruning_scores(scored, c.tuple(cFile))).as(C.hprune_last_error_text()).isEqualTo(2);
        HOperatorSet.WriteDlPruningScores(java(scored), new HTuple(javaFile));
        assertThat(Files.readAllBytes(Path.of(cFile))).isEqualTo(Files.readAllBytes(Path.of(javaFile)));

        Pointer read = pruning(model);
        assertThat(C.T_read_dl_pruning_scores(read, c.tuple(cFile))).isEqualTo(2);
        assertThat(payload(read).scores().samples()).isEqualTo(12);
        payload(scored).scores().sums().forEach((point, values) ->
                assertThat(payload(read).scores().sums().get(point)).as(point).containsExactly(values));

        Pointer javaMerged = pruning(model);
        HOperatorSet.ReadDlPruningScores(java(javaMerged), new HTuple(javaFile));
        HOperatorSet.AddDlPruningScores(java(javaMerged), java(scored));
        assertThat(C.T_add_dl_pruning_scores(read, scored)).isEqualTo(2);
        assertThat(payload(read).scores().samples()).isEqualTo(24);
        payload(javaMerged).scores().sums().forEach((point, values) ->
                assertThat(payload(read).scores().sums().get(point)).as(point).containsExactly(values));

        Handle javaOther = DlModelOperators.register(DlModel.of(TestGraphs.residual()));
        Pointer other = pruning(c.tuple(new H(javaOther.id())));
        String otherFile = dir.resolve("other.hdict").toString();
        assertThat(C.T_write_dl_pruning_scores(other, c.tuple(otherFile))).isEqualTo(2);
        String missing = dir.resolve("missing.hdict").toString();
        assertThat(C.T_add_dl_pruning_scores(scored, other)).isEqualTo(javaOutcome(
                () -> HOperatorSet.AddDlPruningScores(java(scored), java(other)))).isEqualTo(7980);
        assertThat(C.T_read_dl_pruning_scores(scored, c.tuple(otherFile))).isEqualTo(javaOutcome(
                () -> HOperatorSet.ReadDlPruningScores(java(scored), new HTuple(otherFile)))).isEqualTo(7980);
        assertThat(C.T_read_dl_pruning_scores(scored, c.tuple(missing))).isEqualTo(javaOutcome(
                () -> HOperatorSet.ReadDlPruningScores(java(scored), new HTuple(missing)))).isEqualTo(5200);
        String dictFile = dir.resolve("dict.hdict").toString();
        PointerByReference dict = new PointerByReference();
        C.T_create_dict(dict);
        C.T_write_dict(c.out(dict), c.tuple(dictFile), c.tuple(), c.tuple());
        assertThat(C.T_read_dl_pruning_scores(scored, c.tuple(dictFile))).isEqualTo(javaOutcome(
                () -> HOperatorSet.ReadDlPruningScores(java(scored), new HTuple(dictFile)))).isEqualTo(5238);
        assertThat(C.T_write_dl_pruning_scores(model, c.tuple(cFile))).isEqualTo(javaOutcome(
                () -> HOperatorSet.WriteDlPruningScores(java(model), new HTuple(cFile)))).isEqualTo(2404);
        assertThat(C.T_add_dl_pruning_scores(scored, c.tuple(3L))).isEqualTo(javaOutcome(
                () -> HOperatorSet.AddDlPruningScores(java(scored), new HTuple(3L)))).isEqualTo(1202);
        assertThat(payload(scored).scores().samples()).as("refusals change nothing").isEqualTo(12);
    }

    @Test
    void readAndWriteReportWhatTheJavaApiReports(@TempDir Path dir) {
        String missing = dir.resolve("missing.onnx").toString();
        PointerByReference out = new PointerByReference();
        assertThat(C.T_read_dl_model(c.tuple(missing), out)).isEqualTo(javaOutcome(
                () -> HOperatorSet.ReadDlModel(new HTuple(missing), new HTuple()))).isNotEqualTo(2);
        assertThat(out.getValue()).isNull();
        String target = dir.resolve("written.onnx").toString();
        assertThat(C.T_write_dl_model(model, c.tuple(target))).isEqualTo(javaOutcome(
                () -> HOperatorSet.WriteDlModel(java(model), new HTuple(target))));
        assertThat(C.T_write_dl_model(model, c.tuple(3L))).isEqualTo(1202);
    }

    @Test
    void wrongHandleKindsAndClearedModels() {
        PointerByReference out = new PointerByReference();
        PointerByReference dict = new PointerByReference();
        C.T_create_dict(dict);
        assertThat(C.T_get_dl_model_param(c.out(dict), c.tuple("batch_size"), out)).isEqualTo(2404);
        assertThat(C.T_get_dl_pruning_param(model, c.tuple("mode"), out)).isEqualTo(2404);
        assertThat(C.T_create_dl_pruning(c.tuple(new H(0)), c.tuple("oracle"), c.out(dict), out)).isEqualTo(2453);

        assertThat(C.T_clear_dl_model(model)).isEqualTo(2);
        assertThat(C.T_get_dl_model_param(model, c.tuple("batch_size"), out)).isEqualTo(2454);
        assertThat(C.T_set_dl_model_param(model, c.tuple("batch_size"), c.tuple(2L))).isEqualTo(2454);
        assertThat(C.T_create_dl_pruning(model, c.tuple("oracle"), c.out(dict), out)).isEqualTo(2454);
        assertThat(C.hprune_last_error_text()).contains("2454", "create_dl_pruning");
    }

    @Test
    void deviceParametersMatchJava() {
        // no backend here, so the device is made in Java as a backend would list it; the tests module queries real ones
        Handle javaDevice = DlDeviceOperators.handle(new Device("onnxruntime", "cpu", 0, "ONNX Runtime CPU",
                "onnxruntime", "CPU", true));
        Pointer device = c.tuple(new H(javaDevice.id()));
        PointerByReference out = new PointerByReference();
        for (String name : List.of("type", "runtime", "id", "name", "ai_accelerator_interface", "execution_provider",
                "inference_only", "precisions")) {
            HTuple expected = new HTuple();
            HOperatorSet.GetDlDeviceParam(java(device), new HTuple(name), expected);
            assertThat(get(C.T_get_dl_device_param(device, c.tuple(name), out), out)).as(name)
                    .isEqualTo(CSide.javaValues(expected));
        }
        assertThat(get(C.T_get_dl_device_param(device, c.tuple("name"), out), out)).containsExactly("ONNX Runtime CPU");
        assertThat(C.T_get_dl_device_param(device, c.tuple("memory"), out)).isEqualTo(7911);
        assertThat(C.T_get_dl_device_param(model, c.tuple("type"), out)).isEqualTo(2404);
    }

    @Test
    void deviceQueriesFailAsInJava() {
        PointerByReference out = new PointerByReference();
        assertThat(C.T_query_available_dl_devices(c.tuple("runtime", "runtime"), c.tuple("cpu"), out)).isEqualTo(1402);
        assertThat(C.T_query_available_dl_devices(c.tuple("colour"), c.tuple("red"), out)).isEqualTo(7911);
        int java = javaOutcome(() -> HOperatorSet.QueryAvailableDlDevices(new HTuple(), new HTuple(), new HTuple()));
        assertThat(C.T_query_available_dl_devices(c.tuple(), c.tuple(), out)).isEqualTo(java);
    }
}
