package dev.hprune.compat.prune;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * hprune's read-only extensions of get_dl_model_param, named {@code hprune_*}: a classification model's size as
 * {@link ModelCost} counts it (the layers with weights: Conv, Gemm, MatMul), one value per layer in graph order, plus
 * whether pruning may remove a convolution's kernels ({@link PrunabilityAnalysis}). HALCON has no such parameters;
 * tools such as the CLI read them instead of reaching into the model's graph.
 *
 * <ul>
 *   <li>'hprune_layer_names', 'hprune_layer_ops' (strings), 'hprune_layer_kernels' (output channels or features),
 *       'hprune_layer_prunable' (1 for a prunable Conv, else 0), 'hprune_layer_parameters', 'hprune_layer_macs'
 *       (multiply-accumulates per image);</li>
 *   <li>'hprune_parameters' (all floating-point weight elements), 'hprune_macs' (per image).</li>
 * </ul>
 *
 * <p>They live here and not in the model's parameter table because counting needs the pruning package's walks, and the
 * model package must not depend on it. Errors: another 'hprune_' name is 7911; a model that is no classifier or leaves
 * its image size open answers as {@link DlModel#prunableGraph()} and {@link ModelCost#of(Graph)} do.
 */
public final class ModelCostParams {
    private ModelCostParams() {}

    private static final String PREFIX = "hprune_";

    public static final List<String> NAMES = List.of("hprune_layer_names", "hprune_layer_ops",
            "hprune_layer_kernels", "hprune_layer_prunable", "hprune_layer_parameters", "hprune_layer_macs",
            "hprune_parameters", "hprune_macs");

    /** Whether get_dl_model_param's name is one of hprune's ('hprune_' prefix). */
    public static boolean handles(List<Object> genParamName) {
        return genParamName != null && genParamName.size() == 1 && genParamName.get(0) instanceof String s
                && s.startsWith(PREFIX);
    }

    /**
     * set_dl_model_param(DLModelHandle, 'hprune_…', …): these are counted on the graph and can only be read. As for
     * the model table's get-only names ('type', 'image_num_channels'), that is 7911 (unsupported generic parameter),
     * after the handle's own checks (2453/2454/2404); an 'hprune_' name hprune does not have is 7911 as unknown.
     */
    public static void refuseSet(List<Object> model, List<Object> genParamName) {
        DlModelOperators.model(model);
        String name = ControlArgs.string(genParamName, 2);
        if (!NAMES.contains(name)) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "unknown parameter '" + name + "'; hprune's: "
                    + String.join(", ", NAMES));
        }
        throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "'" + name + "' can only be read (hprune's size "
                + "parameter, counted on the graph)");
    }

    /** get_dl_model_param(DLModelHandle, 'hprune_…'). */
    public static List<Object> get(List<Object> model, List<Object> genParamName) {
        String name = ControlArgs.string(genParamName, 2);
        if (!NAMES.contains(name)) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "unknown parameter '" + name + "'; hprune's: "
                    + String.join(", ", NAMES));
        }
        DlModel dlModel = DlModelOperators.model(model);
        Graph graph = dlModel.prunableGraph();
        ModelCost cost = ModelCost.of(graph);
        return switch (name) {
            case "hprune_parameters" -> List.of(cost.parameters());
            case "hprune_macs" -> List.of(cost.macs());
            case "hprune_layer_names" -> column(cost, ModelCost.Layer::name);
            case "hprune_layer_ops" -> column(cost, ModelCost.Layer::op);
            case "hprune_layer_kernels" -> column(cost, l -> (long) l.kernels());
            case "hprune_layer_parameters" -> column(cost, ModelCost.Layer::parameters);
            case "hprune_layer_macs" -> column(cost, ModelCost.Layer::macs);
            default -> {
                Set<String> prunable = Set.copyOf(PrunabilityAnalysis.of(graph).prunableConvs());
                yield column(cost, l -> l.op().equals("Conv") && prunable.contains(l.name()) ? 1L : 0L);
            }
        };
    }

    private static List<Object> column(ModelCost cost, Function<ModelCost.Layer, Object> value) {
        List<Object> values = new ArrayList<>(cost.layers().size());
        cost.layers().forEach(l -> values.add(value.apply(l)));
        return values;
    }
}
