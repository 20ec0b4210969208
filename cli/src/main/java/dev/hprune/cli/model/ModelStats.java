package dev.hprune.cli.model;

import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of a model as the tool prints it, read with get_dl_model_param's 'hprune_*' parameters: the convolutions
 * and dense layers (kernels, parameters, multiply-accumulates per image on the shapes halcon-compat infers) with whether
 * pruning may remove a convolution's kernels. The counting is the library's (ModelCost), so the tool and the library
 * report the same numbers.
 */
public record ModelStats(List<Layer> layers, long parameters, long macs) {

    /** One Conv (kernels = output channels) or fully connected layer (kernels = output features). */
    public record Layer(String name, String op, int kernels, boolean prunable, long parameters, long macs) {}

    public long kernels() {
        return layers.stream().filter(l -> l.op().equals("Conv")).mapToLong(Layer::kernels).sum();
    }

    public Map<String, Integer> kernelsPerConv() {
        Map<String, Integer> kernels = new LinkedHashMap<>();
        layers.stream().filter(l -> l.op().equals("Conv")).forEach(l -> kernels.put(l.name(), l.kernels()));
        return kernels;
    }

    /** The statistics of a model that fixes its image size. */
    public static ModelStats of(HDlModel model) {
        HTuple names = model.GetDlModelParam("hprune_layer_names");
        HTuple ops = model.GetDlModelParam("hprune_layer_ops");
        HTuple kernels = model.GetDlModelParam("hprune_layer_kernels");
        HTuple prunable = model.GetDlModelParam("hprune_layer_prunable");
        HTuple parameters = model.GetDlModelParam("hprune_layer_parameters");
        HTuple macs = model.GetDlModelParam("hprune_layer_macs");
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < names.length(); i++) {
            layers.add(new Layer(names.getS(i), ops.getS(i), kernels.getI(i), prunable.getL(i) == 1,
                    parameters.getL(i), macs.getL(i)));
        }
        return new ModelStats(layers, model.GetDlModelParam("hprune_parameters").getL(),
                model.GetDlModelParam("hprune_macs").getL());
    }
}
