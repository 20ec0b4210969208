package dev.hprune.cshim;

import dev.hprune.halcon.HObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The iconic objects C holds as {@code Hobject} numbers, kept alive until {@code clear_obj}. */
final class ObjectRegistry {
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, HObject> objects = new ConcurrentHashMap<>();

    long register(HObject object) {
        long id = nextId.getAndIncrement();
        objects.put(id, object);
        return id;
    }

    /** The object, or {@code null} for 0 and numbers never issued or already cleared. */
    HObject get(long id) {
        return objects.get(id);
    }

    void remove(long id) {
        objects.remove(id);
    }

    int size() {
        return objects.size();
    }
}
