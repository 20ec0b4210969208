package dev.hprune.compat.dl;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HALCON's deep-learning model operators on plain values. The file format is ONNX (see {@link ModelFiles}); parameter
 * positions in errors count the operator's control parameters from 1.
 */
public final class DlModelOperators {
    private DlModelOperators() {}

    public static final String RESULT_CLASS_IDS = "classification_class_ids";
    public static final String RESULT_CLASS_NAMES = "classification_class_names";
    public static final String RESULT_CONFIDENCES = "classification_confidences";
    private static final List<String> RESULT_KEYS = List.of(RESULT_CLASS_IDS, RESULT_CLASS_NAMES, RESULT_CONFIDENCES);
    /** What Outputs = [] asks for; one set for every call. */
    private static final Set<String> ALL_RESULT_KEYS = Set.copyOf(RESULT_KEYS);

    /**
     * read_dl_model( : : FileName : DLModelHandle). A file whose shapes contradict each other at the model's image
     * size (a Conv weight that does not fit its input, dense layers whose inner dimensions differ) is refused here
     * with 7801 naming the node, not at the first apply_dl_model.
     */
    public static Handle readDlModel(List<Object> fileName) {
        Graph graph = ModelFiles.read(ControlArgs.string(fileName, 1));
        DlModel model = DlModel.of(graph);
        model.checkShapes();
        return register(model);
    }

    /** write_dl_model( : : DLModelHandle, FileName : ): ONNX with the HALCON parameters in metadata_props, atomically. */
    public static void writeDlModel(List<Object> model, List<Object> fileName) {
        DlModel m = model(model);
        String path = ControlArgs.string(fileName, 2);
        ModelFiles.write(m.graph(), path);
    }

    /** A handle for a model (e.g. a pruned copy). */
    public static Handle register(DlModel model) {
        return HandleRegistry.global().register(HandleType.DL_MODEL, model);
    }

    /**
     * apply_dl_model( : : DLModelHandle, DLSampleBatch, Outputs : DLResultBatch): one DLResult dict per sample with
     * 'classification_class_ids', 'classification_class_names' and 'classification_confidences' by descending
     * confidence. Outputs [] gives all three; otherwise the named ones.
     */
    public static List<Handle> applyDlModel(List<Object> model, List<Object> sampleBatch, List<Object> outputs) {
        DlModel m = model(model);
        List<Dict> samples = samples(sampleBatch);
        Set<String> wanted = outputs(outputs);
        List<Handle> results = new ArrayList<>(samples.size());
        for (ClassificationResult r : m.apply(samples)) {
            Dict dict = new Dict();
            if (wanted.contains(RESULT_CLASS_IDS)) {
                dict.put(RESULT_CLASS_IDS, new DictValue.Tuple(List.<Object>copyOf(r.classIds())));
            }
            if (wanted.contains(RESULT_CLASS_NAMES)) {
                dict.put(RESULT_CLASS_NAMES, new DictValue.Tuple(List.<Object>copyOf(r.classNames())));
            }
            if (wanted.contains(RESULT_CONFIDENCES)) {
                dict.put(RESULT_CONFIDENCES, new DictValue.Tuple(List.<Object>copyOf(r.confidences())));
            }
            results.add(HandleRegistry.global().register(HandleType.DICT, dict));
        }
        return results;
    }

    /** train_dl_model_batch( : : DLModelHandle, DLSampleBatch : DLTrainResult): a dict with 'total_loss'. */
    public static Handle trainDlModelBatch(List<Object> model, List<Object> sampleBatch) {
        DlModel m = model(model);
        double loss = m.train(samples(sampleBatch));
        Dict result = new Dict();
        result.put("total_loss", new DictValue.Tuple(List.of(loss)));
        return HandleRegistry.global().register(HandleType.DICT, result);
    }

    /** get_dl_model_param( : : DLModelHandle, GenParamName : GenParamValue). */
    public static List<Object> getDlModelParam(List<Object> model, List<Object> genParamName) {
        DlModel m = model(model);
        return m.getParam(ControlArgs.string(genParamName, 2));
    }

    /** set_dl_model_param( : : DLModelHandle, GenParamName, GenParamValue : ). */
    public static void setDlModelParam(List<Object> model, List<Object> genParamName, List<Object> genParamValue) {
        DlModel m = model(model);
        String name = ControlArgs.string(genParamName, 2);
        if (genParamValue == null) {
            throw HalconError.of(ErrorCodes.wrongCount(3), "no value given");
        }
        m.setParam(name, genParamValue);
    }

    /**
     * load_dl_model_weights( : : DLModelHandleSource, DLModelHandleTarget : ChangesByLayer) (documented since 21.05):
     * the target's layers take the source's weights where a layer of the same name has weights of the same shapes;
     * ChangesByLayer gives, per target layer in graph order, how many weight values changed (see
     * {@link DlModel#loadWeights}). The same handle as source and target is 1302, as HALCON forbids it.
     */
    public static List<Object> loadDlModelWeights(List<Object> source, List<Object> target) {
        DlModel from = model(source);
        DlModel to = ControlArgs.handle(target, 2, HandleType.DL_MODEL, DlModel.class);
        if (from == to) {
            throw HalconError.of(ErrorCodes.wrongValue(2), "the source and the target must be different models");
        }
        return new ArrayList<>(to.loadWeights(from));
    }

    /** The model behind a handle argument at position 1. */
    public static DlModel model(List<Object> model) {
        return ControlArgs.handle(model, 1, HandleType.DL_MODEL, DlModel.class);
    }

    /** The DLSample dicts of a sample batch at position 2; at least one. */
    public static List<Dict> samples(List<Object> sampleBatch) {
        List<Dict> samples = ControlArgs.handles(sampleBatch, 2, HandleType.DICT, Dict.class);
        if (samples.isEmpty()) {
            throw HalconError.of(ErrorCodes.DL_INVALID_NUM_SAMPLES, "the sample batch is empty");
        }
        return samples;
    }

    private static Set<String> outputs(List<Object> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return ALL_RESULT_KEYS;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (Object output : outputs) {
            if (!(output instanceof String s)) {
                throw ControlArgs.wrongType(3, "output names", output);
            }
            if (!RESULT_KEYS.contains(s)) {
                throw ControlArgs.wrongValue(3, "outputs must be [] or among " + RESULT_KEYS + ", got '" + s + "'");
            }
            wanted.add(s);
        }
        return wanted;
    }
}
