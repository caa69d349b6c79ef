package org.wcs.sandbox.nexus;

/**
 * One injected failure for the next request to a route: an HTTP error with a Nexus error body, a dropped connection
 * (the client sees status 0), a malformed JSON body, or a delay before the normal answer.
 */
public record Fault(int status, String code, String message, boolean dropped, boolean garbled, long delayMs) {
    public static Fault http(int status, String code, String message) {
        return new Fault(status, code, message, false, false, 0);
    }

    public static Fault dropConnection() {
        return new Fault(0, null, null, true, false, 0);
    }

    public static Fault malformedJson() {
        return new Fault(200, null, null, false, true, 0);
    }

    public static Fault delay(long ms) {
        return new Fault(0, null, null, false, false, ms);
    }
}
