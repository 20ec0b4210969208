package dev.hprune.compat.dl;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.graph.Graph;

/** Test access to a DlModel on a given backend. */
public final class DlModelTesting {
    private DlModelTesting() {}

    public static DlModel withBackend(Graph graph, Backend backend) {
        return DlModel.of(graph, () -> backend);
    }
}
