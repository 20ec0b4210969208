package dev.hprune.cli.model;

import dev.hprune.cli.data.Digits;
import dev.hprune.compat.graph.Graph;
import dev.hprune.halcon.HDlModel;
import dev.hprune.halcon.HTuple;

/** The built-in default's model: {@link BuiltinCnn} for the digits, opened as a HALCON model handle, untrained. */
public final class BuiltinModel implements AutoCloseable {
    private final HDlModel model;
    private final Graph graph;

    private BuiltinModel(Graph graph, HDlModel model) {
        this.graph = graph;
        this.model = model;
    }

    public static BuiltinModel create() {
        Graph graph = BuiltinCnn.build(Digits.SIDE, Digits.CLASSES, 42);
        HDlModel model = ModelFiles.fromGraph(graph);
        model.SetDlModelParam("batch_size", new HTuple(32));
        model.SetDlModelParam("learning_rate", 0.05);
        model.SetDlModelParam("momentum", 0.9);
        return new BuiltinModel(graph, model);
    }

    public HDlModel model() {
        return model;
    }

    public String description() {
        ModelStats stats = ModelStats.of(graph);
        return String.format("%d convolutions, %d kernels, %,d parameters", stats.kernelsPerConv().size(),
                stats.kernels(), stats.parameters());
    }

    @Override
    public void close() {
        model.ClearDlModel();
    }
}
