package dev.hprune.compat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.graph.Graph;

/** Graph has no value equality of its own; tests compare what a graph is made of. */
final class GraphAssertions {
    private GraphAssertions() {}

    static void assertSameGraph(Graph actual, Graph expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.opset()).isEqualTo(expected.opset());
        assertThat(actual.nodes()).containsExactlyElementsOf(expected.nodes());
        assertThat(actual.initializers()).containsExactlyEntriesOf(expected.initializers());
        assertThat(actual.inputs()).containsExactlyElementsOf(expected.inputs());
        assertThat(actual.outputs()).containsExactlyElementsOf(expected.outputs());
        assertThat(actual.metadata()).containsExactlyEntriesOf(expected.metadata());
    }
}
