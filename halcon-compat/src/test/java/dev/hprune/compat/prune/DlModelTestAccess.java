package dev.hprune.compat.prune;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.graph.Graph;

/** Opens DlModel's package-private backend injection to the pruning tests. */
final class DlModelTestAccess {
    private DlModelTestAccess() {}

    static DlModel of(Graph graph, Backend backend) {
        return dev.hprune.compat.dl.DlModelTesting.withBackend(graph, backend);
    }
}
