package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;
import org.wcs.util.Arr;

/**
 * {@code Date.now()} and {@code setTimeout}. Zero-delay tasks (the bus's asynchronous deliveries) share one
 * {@code setTimeout(0)} and run in FIFO order: browsers clamp nested zero timeouts to 4 ms, which made every hop of a
 * command/event chain cost 4 ms; the order and the "never inside the call" guarantee are unchanged.
 */
final class BrowserScheduler implements Scheduler {
    private final Arr<Queued> queue = new Arr<>();
    private boolean draining;

    @Override
    public double now() {
        return dateNow();
    }

    @JSBody(script = "return Date.now();")
    private static native double dateNow();

    @Override
    public Cancellable schedule(int delayMs, Runnable task) {
        Queued q = new Queued(task);
        if (delayMs > 0) {
            q.timer = setTimeout(q, delayMs);
            return q;
        }
        queue.add(q);
        if (queue.size() == 1 && !draining) {
            setTimeout(this::drain, 0);
        }
        return q;
    }

    private void drain() {
        draining = true;
        try {
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
        } finally {
            draining = false;
        }
    }

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    /** A task that can be called off; one object serves as timer callback and handle. */
    private static final class Queued implements Cancellable, Task {
        private final Runnable task;
        private boolean cancelled;
        int timer = -1;

        Queued(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (!cancelled) {
                cancelled = true;
                try {
                    task.run();
                } catch (Throwable e) {
                    Guard.fault(e);
                }
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (timer >= 0) {
                clearTimeout(timer);
            }
        }
    }

    @JSBody(params = {"f", "ms"}, script = "return setTimeout(f,ms);")
    private static native int setTimeout(Task f, int ms);

    @JSBody(params = "id", script = "clearTimeout(id);")
    private static native void clearTimeout(int id);
}
