package dev.hprune.halcon;

import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleState;
import dev.hprune.compat.handle.HandleType;
import java.util.Objects;

/**
 * A HALCON handle: an opaque reference to a dict, a deep-learning model, a pruning state and so on.
 *
 * <p>{@code new HHandle()} is HALCON's NULL handle. {@link #close()} (or {@code HOperatorSet.ClearHandle}) clears it: the
 * resource is released at once and any later use raises 2454. Handles nobody refers to any more are released by the
 * garbage collector, as HALCON releases handles whose last reference is overwritten.
 */
public class HHandle implements AutoCloseable {
    private volatile Handle handle;

    /** HALCON's NULL handle; operators refuse it with 2453. */
    public HHandle() {
        this(Handle.NULL);
    }

    /** The handle with this number (as the C interface passes it); an unknown number gives 2450 when used. */
    public HHandle(long handleId) {
        this(HandleRegistry.global().lookup(handleId));
    }

    /** A typed view of {@code other}, which must be a live handle of {@code type} (else 2453/2450/2454/2404). */
    HHandle(HHandle other, HandleType type, String operator) {
        this(Objects.requireNonNull(other, "handle").handle);
        Operator.run(operator, () -> HandleState.check(handle, type, Object.class));
    }

    HHandle(Handle handle) {
        this.handle = handle;
    }

    Handle handle() {
        return handle;
    }

    /** Points this object at another handle (HALCON's class methods that create a new resource in place). */
    void rebind(Handle replacement) {
        handle = replacement;
    }

    /** The handle's number, unique in this process; 0 for the NULL handle. */
    public long getHandleId() {
        return handle.id();
    }

    /** True for a live handle: neither NULL, nor unknown, nor cleared. */
    public boolean isInitialized() {
        return handle.isKnown() && !handle.isCleared();
    }

    /** HALCON's semantic type ({@code 'dict'}, {@code 'dl_model'}, {@code 'dl_pruning'}), or empty for NULL and unknown. */
    public String getSemType() {
        return handle.type() == null ? "" : handle.type().semType();
    }

    /** Clears the handle (HALCON's {@code clear_handle}); closing twice is harmless. */
    public void clearHandle() {
        handle.clear();
    }

    @Override
    public void close() {
        clearHandle();
    }

    /** Handles are equal when they refer to the same resource. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HHandle h && h.handle.id() == handle.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(handle.id());
    }

    @Override
    public String toString() {
        return handle.toString();
    }
}
