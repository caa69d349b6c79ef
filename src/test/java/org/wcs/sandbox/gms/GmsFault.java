package org.wcs.sandbox.gms;

/**
 * A fault the emulator plays on the next {@code times} matching calls ({@code op} as in the URL, e.g. "refresh";
 * null for any call). Kinds: chat server unavailable (statusCode 1), an HTTP status with no body, a delay, a dropped
 * connection, a body that is not JSON, the last events repeated, the events in reverse order, or an answer lost in
 * transit after the call took effect.
 */
public record GmsFault(String op, Kind kind, int times, int value, int retryAfter)
        implements Faults.Counted<GmsFault> {
    public enum Kind { STATUS_ONE, HTTP_STATUS, DELAY, DROP, MALFORMED, DUPLICATE, REORDER, LOST }

    public GmsFault(String op, Kind kind, int times, int value) {
        this(op, kind, times, value, 0);
    }

    /** This HTTP status with {@code Retry-After: seconds}. */
    public GmsFault retryAfter(int seconds) {
        return new GmsFault(op, kind, times, value, seconds);
    }

    public static GmsFault statusOne(int times) {
        return new GmsFault("refresh", Kind.STATUS_ONE, times, 0);
    }

    public static GmsFault http(String op, int status, int times) {
        return new GmsFault(op, Kind.HTTP_STATUS, times, status);
    }

    public static GmsFault delay(String op, int ms, int times) {
        return new GmsFault(op, Kind.DELAY, times, ms);
    }

    public static GmsFault drop(String op, int times) {
        return new GmsFault(op, Kind.DROP, times, 0);
    }

    /** The next {@code op} call takes effect, but its answer is lost in transit. */
    public static GmsFault lost(String op) {
        return new GmsFault(op, Kind.LOST, 1, 0);
    }

    public static GmsFault malformed(String op, int times) {
        return new GmsFault(op, Kind.MALFORMED, times, 0);
    }

    /** The next refresh answers its events and then {@code count} of them again. */
    public static GmsFault duplicate(int count) {
        return new GmsFault("refresh", Kind.DUPLICATE, 1, count);
    }

    public static GmsFault reorder() {
        return new GmsFault("refresh", Kind.REORDER, 1, 0);
    }

    @Override
    public GmsFault used() {
        return new GmsFault(op, kind, times - 1, value, retryAfter);
    }
}
