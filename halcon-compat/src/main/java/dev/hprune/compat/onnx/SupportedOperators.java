package dev.hprune.compat.onnx;

import dev.hprune.compat.op.OpKinds;
import java.util.Set;

/**
 * The ONNX operators (default domain) that hprune imports: what classification CNNs exported from PyTorch, Keras and
 * Paddle use, plus the shape arithmetic their heads need. They are the key set of the operator registry
 * ({@link OpKinds}); anything else is refused at import with error 7801.
 */
public final class SupportedOperators {
    private SupportedOperators() {}

    public static boolean contains(String opType) {
        return OpKinds.contains(opType);
    }

    public static Set<String> all() {
        return OpKinds.names();
    }
}
