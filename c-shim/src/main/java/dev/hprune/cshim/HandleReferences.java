package dev.hprune.cshim;

import dev.hprune.halcon.HHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles that C tuples refer to. Java's handle registry holds handles weakly (a handle nobody refers to is released, as
 * in HALCON); a number in C memory is invisible to the garbage collector, so every HANDLE_PAR element in a C tuple
 * counts as one strong reference here. When the count drops to 0 the handle is left to Java's usual release.
 */
final class HandleReferences {
    private final Map<Long, Held> held = new ConcurrentHashMap<>();

    private static final class Held {
        final HHandle handle;
        long count;

        Held(HHandle handle, long count) {
            this.handle = handle;
            this.count = count;
        }
    }

    /** Java put {@code handle} into a C tuple. */
    void take(HHandle handle) {
        long id = handle.getHandleId();
        if (id != 0) {
            held.compute(id, (key, entry) -> {
                if (entry == null) {
                    return new Held(handle, 1);
                }
                entry.count++;
                return entry;
            });
        }
    }

    /** C copied ({@code delta > 0}) or dropped ({@code delta < 0}) tuple elements holding handle {@code id}. */
    void change(long id, int delta) {
        if (id == 0) {
            return;
        }
        held.compute(id, (key, entry) -> {
            if (entry == null) {
                if (delta <= 0) {
                    return null;
                }
                HHandle handle = new HHandle(id);
                // An id Java never issued (or already forgot) stays a number; operators refuse it with 2450.
                return handle.getSemType().isEmpty() ? null : new Held(handle, delta);
            }
            entry.count += delta;
            return entry.count > 0 ? entry : null;
        });
    }

    /** How many C tuple elements hold {@code id} (0 when none). */
    long count(long id) {
        Held entry = held.get(id);
        return entry == null ? 0 : entry.count;
    }

    /** The number of distinct handles C tuples hold. */
    int size() {
        return held.size();
    }
}
