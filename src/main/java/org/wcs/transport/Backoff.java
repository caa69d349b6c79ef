package org.wcs.transport;

import org.wcs.platform.HttpResponse;
import org.wcs.platform.RandomSource;

/**
 * How long to wait before the next try after failures, the same on every back end: exponential from {@code baseMs}
 * (×2 per failure), capped at {@code capMs}, with full jitter (a uniform draw between 0 and that ceiling) so that many
 * pages hit by one outage do not come back in step. A server's {@code Retry-After} (on 429 and 503) is a floor.
 */
public final class Backoff {
    /** The default cap, and the option that overrides it: {@code webchat.backoffMax} (ms). */
    public static final int DEFAULT_CAP_MS = 30000;
    public static final String CAP_OPTION = "backoffMax";

    private final RandomSource random;
    private final int baseMs;
    private final int capMs;
    private int failures;

    public Backoff(RandomSource random, int baseMs, int capMs) {
        this.random = random;
        this.baseMs = Math.max(1, baseMs);
        this.capMs = Math.max(this.baseMs, capMs);
    }

    /** The configured cap: {@code webchat.backoffMax} when it is a positive number, else {@link #DEFAULT_CAP_MS}. */
    public static int cap(TransportContext context) {
        int cap = context.number(context.config, CAP_OPTION, DEFAULT_CAP_MS);
        return cap > 0 ? cap : DEFAULT_CAP_MS;
    }

    /** Failures in a row so far. */
    public int failures() {
        return failures;
    }

    /** Counts a failure and returns the wait before the next try, at least {@code floorMs}. */
    public int fail(int floorMs) {
        failures++;
        return Math.max(floorMs, (int) Math.floor(random.next() * ceiling()));
    }

    /** The current ceiling of the draw: {@code baseMs × 2^(failures-1)}, capped. */
    int ceiling() {
        double c = baseMs; // doubling up to capMs could pass the largest int
        for (int i = 1; i < failures && c < capMs; i++) {
            c *= 2;
        }
        return (int) Math.min(c, capMs);
    }

    /** A success: the next failure starts from {@code baseMs} again. */
    public void reset() {
        failures = 0;
    }

    /**
     * The server's {@code Retry-After} in ms on a 429 or 503 (only delta-seconds; a date or garbage counts as none),
     * capped at {@code capMs}; 0 when there is none.
     */
    public int retryAfterMs(HttpResponse r) {
        return retryAfterMs(r.status, r.retryAfter);
    }

    /** {@link #retryAfterMs(HttpResponse)} from an answer's status and {@code Retry-After} header (or null). */
    public int retryAfterMs(int status, String retryAfter) {
        if ((status != 429 && status != 503) || retryAfter == null) {
            return 0;
        }
        String v = retryAfter.trim();
        if (v.isEmpty() || v.length() > 6) {
            return 0;
        }
        int seconds = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
            seconds = seconds * 10 + (ch - '0');
        }
        return Math.min(seconds * 1000, capMs); // six digits at most: within an int
    }
}
