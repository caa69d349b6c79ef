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
            Object[] bigger = new Object[size * 2];
            System.arraycopy(items, 0, bigger, 0, size);
            items = bigger;
        }
        System.arraycopy(items, at, items, at + 1, size - at);
        items[at] = value;
        size++;
    }

    public T remove(int i) {
        T old = get(i);
        System.arraycopy(items, i + 1, items, i, size - i - 1);
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
        c.items = new Object[Math.max(4, size)];
        System.arraycopy(items, 0, c.items, 0, size);
        c.size = size;
        return c;
    }

    public String[] strings() {
        String[] out = new String[size];
        System.arraycopy(items, 0, out, 0, size);
        return out;
    }
}
