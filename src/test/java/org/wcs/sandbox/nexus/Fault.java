package org.wcs.sandbox.nexus;

/**
 * One injected failure for the next request to a route: an HTTP error with a Nexus error body (optionally with a
 * {@code Retry-After} header), a dropped connection (the client sees status 0), a malformed JSON body, a delay before
 * the normal answer (a slow or, past the client's time limit, hung server), or an answer lost after the request took
 * effect.
 */
public record Fault(int status, String code, String message, boolean dropped, boolean garbled, long delayMs,
        boolean lost, String retryAfter) {
    public static Fault http(int status, String code, String message) {
        return new Fault(status, code, message, false, false, 0, false, null);
    }

    /** An HTTP error whose answer carries {@code Retry-After: <seconds>} (e.g. 429 or 503). */
    public static Fault http(int status, String code, String message, int retryAfterSeconds) {
        return new Fault(status, code, message, false, false, 0, false, Integer.toString(retryAfterSeconds));
    }

    public static Fault dropConnection() {
        return new Fault(0, null, null, true, false, 0, false, null);
    }

    public static Fault malformedJson() {
        return new Fault(200, null, null, false, true, 0, false, null);
    }

    public static Fault delay(long ms) {
        return new Fault(0, null, null, false, false, ms, false, null);
    }

    /** The request is carried out (a read moves the cursor, a message is stored), but the answer never arrives. */
    public static Fault answerLost() {
        return new Fault(0, null, null, false, false, 0, true, null);
    }
}
