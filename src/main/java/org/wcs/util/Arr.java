package org.wcs.util;

/**
 * A growable list, all the core needs of one. The JDK's collections cost the bundle several kilobytes (hash maps,
 * iterators, their exceptions) for lists that here hold a handful of items; this is a few hundred bytes.
 */
public final class Arr<T> {
    private Object[] items = new Object[4];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    public T get(int i) {
        return (T) items[i];
    }

    public void set(int i, T value) {
        items[i] = value;
    }

    public void add(T value) {
        add(size, value);
    }

    /** Inserts at {@code at}, shifting what follows. */
    public void add(int at, T value) {
        if (size == items.length) {
            items = copyOf(items, size * 2, size);
        }
        for (int i = size; i > at; i--) {
            items[i] = items[i - 1];
        }
        items[at] = value;
        size++;
    }

    public T remove(int i) {
        T old = get(i);
        for (int j = i; j < size - 1; j++) {
            items[j] = items[j + 1];
        }
        items[--size] = null;
        return old;
    }

    public void clear() {
        items = new Object[4];
        size = 0;
    }

    /** Index of the first item equal to {@code value}, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < size; i++) {
            if (value == null ? items[i] == null : value.equals(items[i])) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(Object value) {
        return indexOf(value) >= 0;
    }

    /** A snapshot, for loops whose body may change this list. */
    public Arr<T> copy() {
        Arr<T> c = new Arr<>();
        c.items = copyOf(items, Math.max(4, size), size);
        c.size = size;
        return c;
    }

    public String[] strings() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = (String) items[i];
        }
        return out;
    }

    /** Plain loops: TeaVM's System.arraycopy is a large, type-checking routine. */
    private static Object[] copyOf(Object[] from, int length, int count) {
        Object[] to = new Object[length];
        for (int i = 0; i < count; i++) {
            to[i] = from[i];
        }
        return to;
    }
}
