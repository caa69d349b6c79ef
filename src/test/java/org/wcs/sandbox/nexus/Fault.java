package org.wcs.sandbox.nexus;

/**
 * One injected failure for the next request to a route: an HTTP error with a Nexus error body, a dropped connection
 * (the client sees status 0), a malformed JSON body, a delay before the normal answer, or an answer lost after the
 * request took effect.
 */
public record Fault(int status, String code, String message, boolean dropped, boolean garbled, long delayMs,
        boolean lost) {
    public static Fault http(int status, String code, String message) {
        return new Fault(status, code, message, false, false, 0, false);
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
