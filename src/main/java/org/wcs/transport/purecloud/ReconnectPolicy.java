package org.wcs.transport.purecloud;

import org.wcs.platform.RandomSource;

/**
 * When to try the event stream again: exponential back-off from a base delay, capped, with "equal jitter" (each
 * delay is drawn from the upper half of its step, so clients that lost the server together come back spread out but
 * never in a tight loop), within a retry budget. Pure: no timers; the caller schedules what {@link #delay} says and
 * calls {@link #reset} once a connection has proved stable.
 */
public final class ReconnectPolicy {
    /** Attempts allowed between two stable connections; with the defaults about two and a half minutes in all. */
    public static final int RETRY_BUDGET = 8;
    /** No wait is longer than this. */
    public static final int MAX_DELAY_MS = 30_000;
    /** A connection that stayed open this long resets the budget when it drops. */
    public static final int STABLE_MS = 30_000;

    private final int baseMs;
    private final RandomSource random;
    private int attempt;

    public ReconnectPolicy(int baseMs, RandomSource random) {
        this.baseMs = Math.max(1, baseMs);
        this.random = random;
    }

    /**
     * The wait before the next attempt, in ms, and counts it: step {@code n} (from 0) is
     * {@code min(MAX_DELAY_MS, base * 2^n)}, drawn from {@code [step/2, step]}. -1 once the budget is spent.
     */
    public int delay() {
        if (attempt >= RETRY_BUDGET) {
            return -1;
        }
        double step = Math.min(MAX_DELAY_MS, baseMs * (double) (1 << Math.min(attempt++, 20)));
        return (int) (step / 2 + random.next() * step / 2);
    }

    /** Attempts made since the last reset. */
    public int attempts() {
        return attempt;
    }

    public void reset() {
        attempt = 0;
    }
}
