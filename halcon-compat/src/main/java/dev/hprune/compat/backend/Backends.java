package dev.hprune.compat.backend;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link Backend}s on the class path. */
public final class Backends {
    private Backends() {}

    private static volatile List<Backend> cached;

    /**
     * The first backend of {@link #all()}: one that trains where there is one.
     *
     * @throws HalconError 7779 when none is on the class path (add the tf-backend module)
     */
    public static Backend get() {
        return all().get(0);
    }

    /**
     * Every backend {@link ServiceLoader} finds, those that train first and otherwise by name, so that the device list
     * and the default device do not depend on the class path's order.
     *
     * @throws HalconError 7779 when none is on the class path (add the tf-backend module)
     */
    public static List<Backend> all() {
        List<Backend> backends = cached;
        if (backends == null) {
            synchronized (Backends.class) {
                if (cached == null) {
                    List<Backend> found = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                            .sorted(Comparator.comparing((Backend b) -> !b.trains()).thenComparing(Backend::name))
                            .toList();
                    if (found.isEmpty()) {
                        throw HalconError.of(ErrorCodes.DL_INTERNAL,
                                "no deep-learning backend on the class path (add hprune's tf-backend)");
                    }
                    cached = found;
                }
                backends = cached;
            }
        }
        return backends;
    }
}
