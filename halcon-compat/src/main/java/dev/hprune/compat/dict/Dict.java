package dev.hprune.compat.dict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HALCON dictionary: keys are strings or integers (a string key and an integer key never match each other), values are
 * tuples or objects. Keys keep their insertion order. Safe for concurrent use.
 */
public final class Dict {
    private final Map<Object, DictValue> entries = new LinkedHashMap<>();

    public synchronized void put(Object key, DictValue value) {
        entries.put(key, value);
    }

    public synchronized Optional<DictValue> get(Object key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    public synchronized List<Object> keys() {
        return new ArrayList<>(entries.keySet());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A shallow copy: values are immutable, handles inside tuples are shared, as in HALCON's copy_dict. */
    public synchronized Dict copy() {
        Dict copy = new Dict();
        copy.entries.putAll(entries);
        return copy;
    }
}
