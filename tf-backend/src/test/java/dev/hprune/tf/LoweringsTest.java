package dev.hprune.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.compat.op.OpKinds;
import org.junit.jupiter.api.Test;

/** No operator is half supported: every kind the importer accepts has a TensorFlow lowering, and no lowering is dead. */
class LoweringsTest {

    @Test
    void backendLowersExactlyTheKindsTheImporterAccepts() {
        assertThat(Lowerings.kinds()).containsExactlyInAnyOrderElementsOf(OpKinds.names());
    }
}
