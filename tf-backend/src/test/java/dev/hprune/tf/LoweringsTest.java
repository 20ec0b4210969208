package dev.hprune.tf;

import static dev.hprune.tf.Models.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.op.OpKinds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No operator is half supported: every kind the importer accepts has a TensorFlow lowering, and no lowering is dead. */
class LoweringsTest {
    @Test
    void backendLowersExactlyTheKindsTheImporterAccepts() {
        assertThat(Lowerings.kinds()).containsExactlyInAnyOrderElementsOf(OpKinds.names());
    }

    @Test
    void kindsAreSortedAndEachHasOneLowering() {
        List<String> kinds = new ArrayList<>(Lowerings.kinds());
        assertThat(kinds).isSorted().doesNotHaveDuplicates().contains("Conv", "BatchNormalization", "Gemm", "Reshape",
                "LogSoftmax", "Erf", "Pow", "Sqrt", "LayerNormalization", "Split", "GlobalMaxPool");
        for (String kind : kinds) {
            assertThat(Lowerings.of(kind)).as(kind).isPresent();
        }
        assertThat(Lowerings.of("NonMaxSuppression")).isEmpty();
    }

    @Test
    void anUnusedSecondOutputIsAllowedAndAUsedOneWithoutLoweringIsRefused() {
        // Dropout's mask (output 1) has no lowering: fine while nothing reads it
        Graph unused = Models.graph().input("x", 1, 2, 2, 2)
                .node("Dropout", in("x"), new String[] {"y", "mask"}).output("y").build();
        Models.open(unused).close();
        Graph read = Models.graph().input("x", 1, 2, 2, 2)
                .node("Dropout", in("x"), new String[] {"y", "mask"}).node("Cast", in("mask"), "z", "to", 1)
                .output("z").build();
        assertThatThrownBy(() -> Models.open(read).close()).isInstanceOfSatisfying(HalconError.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.DL_MODEL_NOT_SUPPORTED));
    }
}
