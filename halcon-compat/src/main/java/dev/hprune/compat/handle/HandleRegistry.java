package dev.hprune.compat.handle;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide table of live handles, so that a handle can be found again from its number (the C interface passes
 * handles as numbers). The table holds handles weakly: a handle nobody refers to any more is released, as in HALCON.
 * A handle enters the table when its number is first asked for ({@link Handle#id}).
 */
public final class HandleRegistry {
    private static final HandleRegistry GLOBAL = new HandleRegistry();

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
    private final ReferenceQueue<Handle> released = new ReferenceQueue<>();

    public static HandleRegistry global() {
        return GLOBAL;
    }

    /** A new live handle of {@code type} carrying {@code payload}, findable by number once its id is asked for. */
    public Handle register(HandleType type, Object payload) {
        return Handle.live(nextId.getAndIncrement(), type, payload, this);
    }

    /** Enters {@code handle} under its id; called by {@link Handle#id} on first use. */
    void publish(long id, Handle handle) {
        dropReleased();
        byId.putIfAbsent(id, new Entry(id, handle, released));
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

    /** Number of ids currently in the table: handed out, and live or not yet collected. */
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
