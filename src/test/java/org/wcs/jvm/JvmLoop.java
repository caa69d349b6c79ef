package org.wcs.jvm;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;

/**
 * The JVM's stand-in for the browser's event loop: one thread (the test's), a virtual clock, and a queue where I/O
 * threads post their completions.
 *
 * <p>Time only moves when the test says so ({@link #advance}) or, in {@link #runUntil}, when nothing is runnable: with
 * no I/O in flight the clock jumps to the next timer, so long waits cost nothing; with I/O in flight it waits for the
 * I/O in real time, and lets the virtual clock follow the real one, so a request timeout still fires on a server that
 * never answers. Timers due at the same millisecond run in the order they were scheduled.
 */
public final class JvmLoop implements Scheduler {
    /** 2024-06-10T06:13:20Z: a fixed, recognisable start for the virtual clock. */
    public static final long EPOCH = 1_718_000_000_000L;

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final LinkedBlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private double now = EPOCH;
    private long sequence;

    @Override
    public double now() {
        return now;
    }

    @Override
    public Cancellable schedule(int delayMs, Runnable task) {
        Timer t = new Timer(now + Math.max(0, delayMs), sequence++, task);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    /** For I/O edges: one more operation whose completion will be {@link #complete}d from another thread. */
    public void beginIo() {
        inFlight.incrementAndGet();
    }

    /** Posts an I/O completion (any thread); it runs on the loop thread, in posting order. */
    public void complete(Runnable completion) {
        posted.add(() -> {
            inFlight.decrementAndGet();
            completion.run();
        });
    }

    /** Posts work from another thread that is not tied to an I/O count (e.g. a server push). */
    public void post(Runnable task) {
        posted.add(task);
    }

    /** Runs posted work and every timer due now, until none is left. */
    public void runDue() {
        while (true) {
            Runnable p = posted.poll();
            if (p != null) {
                p.run();
                continue;
            }
            Timer t = timers.peek();
            if (t == null || t.due > now) {
                return;
            }
            timers.poll();
            if (!t.cancelled) {
                t.task.run();
            }
        }
    }

    /** Moves the clock forward by {@code ms}, running each timer at its own due time. */
    public void advance(double ms) {
        double end = now + ms;
        runDue();
        while (true) {
            Timer t = nextLive();
            if (t == null || t.due > end) {
                break;
            }
            now = Math.max(now, t.due);
            runDue();
        }
        now = end;
        runDue();
    }

    /** Advances to the next timer only; returns false when none is pending. */
    public boolean step() {
        runDue();
        Timer t = nextLive();
        if (t == null) {
            return false;
        }
        now = Math.max(now, t.due);
        runDue();
        return true;
    }

    /**
     * Runs until {@code done} holds, jumping over idle time as described above; fails after {@code maxVirtualMs} of
     * virtual time or 20 s of real time.
     */
    public void runUntil(BooleanSupplier done, long maxVirtualMs) {
        double deadline = now + maxVirtualMs;
        long realDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        runDue();
        while (!done.getAsBoolean()) {
            if (now > deadline || System.nanoTime() > realDeadline) {
                throw new AssertionError("condition not met within " + maxVirtualMs + " virtual ms");
            }
            Timer t = nextLive();
            if (inFlight.get() > 0 || (t == null && !posted.isEmpty())) {
                long wait = t == null ? 50 : (long) Math.max(0, Math.min(50, t.due - now));
                long started = System.nanoTime();
                Runnable p = poll(wait);
                double followed = now + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                // A busy machine can wake this thread late: the clock still stops at the next timer, so that it runs
                // at its own time (a request's time limit fires at exactly its limit).
                now = t == null ? followed : Math.min(followed, t.due);
                if (p != null) {
                    p.run();
                }
            } else if (t != null) {
                now = Math.max(now, t.due);
            } else {
                Runnable p = poll(50);
                if (p != null) {
                    p.run();
                } else if (inFlight.get() == 0 && nextLive() == null) {
                    throw new AssertionError("event loop idle: nothing can make the condition true");
                }
            }
            runDue();
        }
    }

    /** Runs until no timer and no I/O is left (bounded like {@link #runUntil}). */
    public void runUntilIdle(long maxVirtualMs) {
        runUntil(() -> inFlight.get() == 0 && posted.isEmpty() && nextLive() == null, maxVirtualMs);
    }

    public int pendingTimers() {
        int n = 0;
        for (Timer t : timers) {
            n += t.cancelled ? 0 : 1;
        }
        return n;
    }

    private Runnable poll(long ms) {
        try {
            return posted.poll(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Timer nextLive() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.peek();
    }

    private static final class Timer implements Comparable<Timer> {
        final double due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timer(double due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Double.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }
}
