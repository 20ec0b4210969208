package dev.hprune.compat.handle;

import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * One HALCON handle: an id, a semantic type and the resource it carries.
 *
 * <p>States follow https://www.mvtec.com/doc/halcon/2405/en/clear_handle.html: a live handle can be cleared, after which
 * every use raises 2454 "Handle was cleared". Besides live handles there are two placeholder kinds an operator can be
 * given: the NULL handle (2453) and an id that no registry knows (2450). {@link HandleState#check} turns these states into
 * HALCON's errors in one place.
 *
 * <p>A registered handle enters its registry's table when its id is first asked for ({@link #id}), not when it is
 * created: only a handle whose number went out (to C, to a printout, to a file) can be looked up by number, and the
 * many handles a Java program never numbers (apply_dl_model returns one result dict per image) cost no table entry.
 *
 * <p>A payload that is {@link AutoCloseable} is closed exactly once: on {@link #clear()}, or when the handle becomes
 * unreachable (a {@link Cleaner}, since HALCON releases handles whose last reference is gone).
 */
public final class Handle {
    private static final Cleaner CLEANER = Cleaner.create();

    /** HALCON's NULL handle (an {@code HHandle} that was never initialized). */
    public static final Handle NULL = new Handle(0, null, null, false, null);

    private final long id;
    private final HandleType type;
    private final boolean known;
    private final Cleaner.Cleanable release;
    /** Where the id is entered on first use; null for placeholders, which no table holds. */
    private final HandleRegistry registry;
    private volatile boolean published;
    private volatile Object payload;
    private volatile boolean cleared;

    private Handle(long id, HandleType type, Object payload, boolean known, HandleRegistry registry) {
        this.id = id;
        this.type = type;
        this.payload = payload;
        this.known = known;
        this.registry = registry;
        this.release = payload instanceof AutoCloseable closeable ? CLEANER.register(this, new Release(closeable)) : null;
    }

    static Handle live(long id, HandleType type, Object payload, HandleRegistry registry) {
        return new Handle(id, Objects.requireNonNull(type), Objects.requireNonNull(payload), true,
                Objects.requireNonNull(registry));
    }

    /** A handle for an id that no registry knows; every operator refuses it with 2450. */
    public static Handle unknown(long id) {
        return id == 0 ? NULL : new Handle(id, null, null, false, null);
    }

    /** The handle's number; from now on its registry finds the handle by it (see the class comment). */
    public long id() {
        if (!published && registry != null) {
            registry.publish(id, this);
            published = true;
        }
        return id;
    }

    /** The semantic type, or {@code null} for the NULL handle and unknown ids. */
    public HandleType type() {
        return type;
    }

    public boolean isNull() {
        return this == NULL;
    }

    public boolean isKnown() {
        return known;
    }

    public boolean isCleared() {
        return cleared;
    }

    /** The resource, or {@code null} once cleared or for placeholder handles. Prefer {@link HandleState#check}. */
    public Object payload() {
        return payload;
    }

    /** Clears the handle: the resource is released now and later uses raise 2454. Clearing twice is harmless. */
    public void clear() {
        if (!known || cleared) {
            return;
        }
        cleared = true;
        payload = null;
        if (release != null) {
            release.clean();
        }
    }

    @Override
    public String toString() {
        if (isNull()) {
            return "<handle NULL>";
        }
        if (!known) {
            return "<handle unknown #" + id + ">";
        }
        return "<handle " + type.semType() + " #" + id + (cleared ? " cleared" : "") + ">";
    }

    /** Closes the payload; holds no reference to the handle so that the handle can become unreachable. */
    private record Release(AutoCloseable resource) implements Runnable {
        @Override
        public void run() {
            try {
                resource.close();
            } catch (Exception e) {
                // Releasing a resource must not fail the caller that cleared the handle; nothing else can be done here.
            }
        }
    }
}
