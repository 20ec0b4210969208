package dev.hprune.compat.handle;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;

/** Turns the state of a handle argument into HALCON's handle errors, in HALCON's order of checks. */
public final class HandleState {
    private HandleState() {}

    /**
     * The payload of a live handle of the expected type.
     *
     * @throws HalconError 2453 for the NULL handle, 2450 for an unknown id, 2454 for a cleared handle, 2404 for a handle
     *     of another type
     */
    public static <T> T check(Handle handle, HandleType expected, Class<T> payloadClass) {
        Object payload = checkLive(handle);
        if (handle.type() != expected || !payloadClass.isInstance(payload)) {
            throw HalconError.of(ErrorCodes.WRONG_HANDLE_TYPE,
                    "expected a " + expected.semType() + " handle, got " + handle);
        }
        return payloadClass.cast(payload);
    }

    /** The payload of a live handle of any type (for operators such as clear_handle). */
    public static Object checkLive(Handle handle) {
        if (handle.isNull()) {
            throw HalconError.of(ErrorCodes.HANDLE_NULL);
        }
        if (!handle.isKnown()) {
            throw HalconError.of(ErrorCodes.UNKNOWN_HANDLE, "no handle has id " + handle.id());
        }
        Object payload = handle.payload();
        if (handle.isCleared() || payload == null) {
            throw HalconError.of(ErrorCodes.HANDLE_CLEARED, handle.toString());
        }
        return payload;
    }
}
