package dev.hprune.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.proto.DataType;

/**
 * Values computed from the weights alone (filters transposed to TensorFlow's layout, BatchNormalization folded into
 * convolutions), held in variables of their own and recomputed only after the weights changed. Without this every
 * inference or scoring run transposes every filter again: measured 14 of 24 ms per MobileNetV2 image at batch 1.
 *
 * <p>Only passes that never differentiate with respect to the weights use it (inference and oracle scoring); a
 * cached value has no gradient path back to its weights.
 */
final class DerivedWeights {
    private final TfGraphWriter w;
    private final List<GraphOperation> refreshes = new ArrayList<>();
    private int fresh;

    DerivedWeights(TfGraphWriter w) {
        this.w = w;
    }

    /** A read of a variable that holds {@code value}, computed when {@link #refresh} finds it stale. */
    Output<?> cache(Output<?> value) {
        if (value.dataType() != DataType.DT_FLOAT) {
            return value;
        }
        Output<?> handle = w.op("VarHandleOp").attr("dtype", DataType.DT_FLOAT).attr("shape", value.shape())
                .attr("shared_name", w.uniqueName("derived")).out();
        refreshes.add(w.op("AssignVariableOp").in(handle, value).attr("dtype", DataType.DT_FLOAT).build());
        return w.op("ReadVariableOp").in(handle).attr("dtype", DataType.DT_FLOAT).out();
    }

    /** The weights changed: every derived value is recomputed before its next use. */
    void markStale() {
        fresh = 0;
    }

    /** Recomputes the values that are stale or new since the last refresh; the caller holds the session's lock. */
    void refresh(Session session) {
        if (fresh == refreshes.size()) {
            return;
        }
        Session.Runner runner = session.runner();
        refreshes.subList(fresh, refreshes.size()).forEach(runner::addTarget);
        runner.run().close();
        fresh = refreshes.size();
    }
}
