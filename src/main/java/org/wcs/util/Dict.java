package org.wcs.util;

/** A map from strings, in insertion order, for the few dozen entries the core keeps (plugins, commands, events). */
public final class Dict<T> {
    private final Arr<String> keys = new Arr<>();
    private final Arr<T> values = new Arr<>();

    public int size() {
        return keys.size();
    }

    public String key(int i) {
        return keys.get(i);
    }

    public T value(int i) {
        return values.get(i);
    }

    public boolean has(String key) {
        return keys.indexOf(key) >= 0;
    }

    /** The value, or null. */
    public T get(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : values.get(i);
    }

    public void put(String key, T value) {
        int i = keys.indexOf(key);
        if (i < 0) {
            keys.add(key);
            values.add(value);
        } else {
            values.set(i, value);
        }
    }

    public void remove(String key) {
        int i = keys.indexOf(key);
        if (i >= 0) {
            keys.remove(i);
            values.remove(i);
        }
    }

    public Arr<String> keys() {
        return keys.copy();
    }
}
