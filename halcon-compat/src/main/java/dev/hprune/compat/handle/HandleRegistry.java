package dev.hprune.compat.handle;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide table of live handles, so that a handle can be found again from its number (the C interface passes
 * handles as numbers). The table holds handles weakly: a handle nobody refers to any more is released, as in HALCON.
 */
public final class HandleRegistry {
    private static final HandleRegistry GLOBAL = new HandleRegistry();

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
    private final ReferenceQueue<Handle> released = new ReferenceQueue<>();

    public static HandleRegistry global() {
        return GLOBAL;
    }

    /** A new live handle of {@code type} carrying {@code payload}. */
    public Handle register(HandleType type, Object payload) {
        dropReleased();
        long id = nextId.getAndIncrement();
        Handle handle = Handle.live(id, type, payload);
        byId.put(id, new Entry(id, handle, released));
        return handle;
    }

    /**
     * The live or cleared handle with this id, the NULL handle for 0, or an unknown-handle placeholder. A cleared handle
     * stays findable while anything refers to it, so that its use raises 2454 rather than 2450.
     */
    public Handle lookup(long id) {
        if (id == 0) {
            return Handle.NULL;
        }
        Entry entry = byId.get(id);
        Handle handle = entry == null ? null : entry.get();
        return handle == null ? Handle.unknown(id) : handle;
    }

    /** Number of ids currently known (live or not yet collected). */
    public int size() {
        dropReleased();
        return byId.size();
    }

    private void dropReleased() {
        for (Object ref; (ref = released.poll()) != null; ) {
            Entry entry = (Entry) ref;
            byId.remove(entry.id, entry);
        }
    }

    private static final class Entry extends WeakReference<Handle> {
        final long id;

        Entry(long id, Handle handle, ReferenceQueue<Handle> queue) {
            super(handle, queue);
            this.id = id;
        }
    }
}
