package org.wcs.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The newest entries of what an emulator received, for tests to read back: at most {@link #CAPACITY}, the oldest
 * going first, so a demo left running for days holds as much as one just started. It still counts every entry, so
 * "how many requests since" stays right past the cap. Thread-safe.
 */
public final class RecentLog<T> {
    /** Far more than any test reads back (a whole chat is a few dozen requests), small enough to never matter. */
    public static final int CAPACITY = 1000;

    private final int capacity;
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private long added;

    public RecentLog() {
        this(CAPACITY);
    }

    RecentLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(T entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        added++;
    }

    /** The entries kept, oldest first, as an unmodifiable copy. */
    public synchronized List<T> list() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** How many entries are kept now (at most {@link #CAPACITY}). */
    public synchronized int size() {
        return entries.size();
    }

    /** How many entries were added since the log was made or last cleared, kept or not. */
    public synchronized long added() {
        return added;
    }

    public synchronized void clear() {
        entries.clear();
        added = 0;
    }
}
