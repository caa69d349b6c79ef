package org.wcs.tabs;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;
import org.wcs.util.Arr;

/**
 * The leader's clock for its back end: each timer runs when the browser fires it, or earlier when another tab's tick
 * finds it due ({@link #pump}). A hidden tab's timers are held back by the browser (Chrome: to once a second, and
 * after five minutes hidden to once a minute), but the messages it gets from a visible tab are not: a visible tab
 * ticks while the leader is hidden, so polling keeps its pace. A timer does not run while the tab's hub is not
 * {@link TabHub#awake awake}: a leader whose page resumes after another took over sends nothing first.
 */
final class PumpedClock implements Scheduler {
    private final Scheduler inner;
    /** The hub of this clock's tab. */
    TabHub hub;
    private final Arr<Timer> timers = new Arr<>();

    PumpedClock(Scheduler inner) {
        this.inner = inner;
    }

    @Override
    public double now() {
        return inner.now();
    }

    @Override
    public Cancellable schedule(int delayMs, Runnable task) {
        Timer t = new Timer(inner.now() + delayMs, task);
        if (delayMs > 0) {
            timers.add(t);
        }
        t.pending = inner.schedule(delayMs, t);
        return t;
    }

    /** Runs every timer that is due now, in the order they fall due. */
    void pump() {
        double now = inner.now();
        while (true) {
            Timer next = null;
            for (int i = 0; i < timers.size(); i++) {
                Timer t = timers.get(i);
                if (t.due <= now && (next == null || t.due < next.due)) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    private final class Timer implements Runnable, Cancellable {
        final double due;
        final Runnable task;
        Cancellable pending;
        boolean done;

        Timer(double due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void run() {
            if (!done) {
                cancel();
                if (hub == null || hub.awake()) {
                    task.run();
                }
            }
        }

        @Override
        public void cancel() {
            done = true;
            int at = timers.indexOf(this);
            if (at >= 0) {
                timers.remove(at);
            }
            pending = Cancellable.cancel(pending);
        }
    }
}
