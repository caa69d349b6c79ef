package org.wcs.jsapi;

import org.wcs.bus.Deferred;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;
import org.wcs.util.Arr;
import org.wcs.value.Value;

/**
 * What the API tells the page, in order, on a later task: promise settlements and callbacks. Nothing reaches page
 * code from inside the core or inside the page's own call (spec §3: no promise settles synchronously), and one FIFO
 * keeps the ordering rules (a command's promise before the callbacks it causes) whatever the browser does with
 * nested timers. An entry may also be a {@link Runnable} that decides what to tell when its turn comes.
 */
final class Outbox implements Runnable {
    private final Scheduler scheduler;
    private final Arr<Object[]> entries = new Arr<>();
    private Cancellable drain;
    /** Who runs the callbacks of {@link #fire}; null for an outbox that only settles. */
    private final Listeners listeners;

    Outbox(Scheduler scheduler, Listeners listeners) {
        this.scheduler = scheduler;
        this.listeners = listeners;
    }

    void settle(Deferred d, boolean resolved, Value value) {
        add(new Object[] {d, resolved ? Boolean.TRUE : Boolean.FALSE, value});
    }

    void fire(String callback, Value event) {
        add(new Object[] {callback, event});
    }

    void run(Runnable task) {
        add(new Object[] {task});
    }

    private void add(Object[] entry) {
        entries.add(entry);
        if (drain == null) {
            drain = scheduler.schedule(0, this);
        }
    }

    @Override
    public void run() {
        drain = null;
        while (entries.size() > 0) {
            Object[] e = entries.remove(0);
            if (e.length == 1) {
                ((Runnable) e[0]).run();
            } else if (e.length == 3) {
                Deferred d = (Deferred) e[0];
                if (e[1] == Boolean.TRUE) {
                    d.resolve((Value) e[2]);
                } else {
                    d.reject((Value) e[2]);
                }
            } else {
                listeners.fire((String) e[0], (Value) e[1]);
            }
        }
    }
}
