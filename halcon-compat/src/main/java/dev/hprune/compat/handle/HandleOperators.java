package dev.hprune.compat.handle;

import dev.hprune.compat.control.ControlArgs;
import java.util.ArrayList;
import java.util.List;

/** Operators that work on handles of every type (https://www.mvtec.com/doc/halcon/2405/en/clear_handle.html). */
public final class HandleOperators {
    private HandleOperators() {}

    /**
     * clear_handle( : : Handle : ): clears every handle of the tuple. All handles are checked before any is cleared, so a
     * bad element (2453, 2450, 2454, or 1201 for a non-handle) leaves every handle as it was.
     */
    public static void clearHandle(List<Object> handles) {
        if (handles == null) {
            throw ControlArgs.wrongType(1, "handles", null);
        }
        List<Handle> checked = new ArrayList<>(handles.size());
        for (Object value : handles) {
            if (!(value instanceof Handle handle)) {
                throw ControlArgs.wrongType(1, "a handle", value);
            }
            HandleState.checkLive(handle);
            checked.add(handle);
        }
        checked.forEach(Handle::clear);
    }
}
