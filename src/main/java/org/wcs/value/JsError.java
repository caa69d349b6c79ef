package org.wcs.value;

/** A JS exception (thrown by page code we called, or by JSON.parse) seen from Java. */
public final class JsError extends RuntimeException {
    public JsError(String message) {
        super(message, null, false, false);
    }
}
