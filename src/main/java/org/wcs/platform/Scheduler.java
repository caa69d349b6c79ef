package org.wcs.platform;

/** The host's clock and timers. Everything time-based in the core goes through here, so tests run on a virtual clock. */
public interface Scheduler {
    /**
     * Epoch milliseconds, a whole number. A double, as JavaScript keeps time: epoch ms fit one exactly, and a Java
     * {@code long} would compile to BigInt arithmetic.
     */
    double now();

    /** Runs {@code task} once after {@code delayMs} (0 = next turn of the event loop, like {@code setTimeout(f, 0)}). */
    Cancellable schedule(int delayMs, Runnable task);
}
