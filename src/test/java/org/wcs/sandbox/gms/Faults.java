package org.wcs.sandbox.gms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Injected faults waiting to be played, each on its next {@code times} matching occasions. Not thread-safe. */
final class Faults<F extends Faults.Counted<F>> {
    /** A fault that knows how many uses it has left and what it is after one more. */
    interface Counted<F> {
        int times();

        F used();
    }

    private final List<F> waiting = new ArrayList<>();

    void add(F fault) {
        waiting.add(fault);
    }

    int size() {
        return waiting.size();
    }

    void clear() {
        waiting.clear();
    }

    /** Whether a fault that {@code matches} is waiting (nothing is used up). */
    boolean has(Predicate<F> matches) {
        for (F f : waiting) {
            if (matches.test(f)) {
                return true;
            }
        }
        return false;
    }

    /** Takes one use of the first fault that {@code matches}, or returns null. */
    F take(Predicate<F> matches) {
        for (int i = 0; i < waiting.size(); i++) {
            F f = waiting.get(i);
            if (matches.test(f)) {
                if (f.times() <= 1) {
                    waiting.remove(i);
                } else {
                    waiting.set(i, f.used());
                }
                return f;
            }
        }
        return null;
    }
}
