package org.wcs.sandbox.nexus;

/**
 * One injected failure for the next request to a route: an HTTP error with a Nexus error body (and a
 * {@code Retry-After} header when {@code retryAfter} is positive), a dropped connection (the client sees status 0), a
 * malformed JSON body, a delay before the normal answer, an answer lost after the request took effect, or a read whose
 * messages come twice ({@code repeated}). (No reversed read: v3 live reads keep the server's order, see the matrix.)
 */
public record Fault(int status, String code, String message, boolean dropped, boolean garbled, long delayMs,
        boolean lost, int retryAfter, boolean repeated) {
    public Fault(int status, String code, String message, boolean dropped, boolean garbled, long delayMs,
            boolean lost) {
        this(status, code, message, dropped, garbled, delayMs, lost, 0, false);
    }

    /** An HTTP error whose answer carries {@code Retry-After: <seconds>} (e.g. 429 or 503). */
    public static Fault http(int status, String code, String message, int retryAfterSeconds) {
        return http(status, code, message).retryAfter(retryAfterSeconds);
    }

    public static Fault http(int status, String code, String message) {
        return new Fault(status, code, message, false, false, 0, false);
    }

    /** This error with {@code Retry-After: seconds}. */
    public Fault retryAfter(int seconds) {
        return new Fault(status, code, message, dropped, garbled, delayMs, lost, seconds, repeated);
    }

    /** A read answered normally, but with each of its messages twice. */
    public static Fault repeatedRead() {
        return new Fault(0, null, null, false, false, 0, false, 0, true);
    }

    /** Whether the request is still answered, only reshaped. */
    boolean shapesOnly() {
        return repeated;
    }

    public static Fault dropConnection() {
        return new Fault(0, null, null, true, false, 0, false);
    }

    public static Fault malformedJson() {
        return new Fault(200, null, null, false, true, 0, false);
    }

    public static Fault delay(long ms) {
        return new Fault(0, null, null, false, false, ms, false);
    }

    /** The request is carried out (a read moves the cursor, a message is stored), but the answer never arrives. */
    public static Fault answerLost() {
        return new Fault(0, null, null, false, false, 0, true);
    }
}
