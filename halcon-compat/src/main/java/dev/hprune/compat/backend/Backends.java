package dev.hprune.compat.backend;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.ServiceLoader;

/** Finds the {@link Backend} on the class path. */
public final class Backends {
    private Backends() {}

    private static volatile Backend cached;

    /**
     * The first backend {@link ServiceLoader} finds.
     *
     * @throws HalconError 7779 when none is on the class path (add the tf-backend module)
     */
    public static Backend get() {
        Backend backend = cached;
        if (backend == null) {
            synchronized (Backends.class) {
                if (cached == null) {
                    cached = ServiceLoader.load(Backend.class).findFirst().orElseThrow(() -> HalconError.of(
                            ErrorCodes.DL_INTERNAL, "no deep-learning backend on the class path (add hprune's tf-backend)"));
                }
                backend = cached;
            }
        }
        return backend;
    }
}
