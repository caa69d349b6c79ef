package org.wcs.value;

/** A JS exception (thrown by page code we called, or by JSON.parse) seen from Java. */
public final class JsError extends RuntimeException {
    /** What the page threw, as it threw it (with its own stack), or null for errors that arose in our JS. */
    private final Value thrown;

    public JsError(String message) {
        this(message, null);
    }

    public JsError(String message, Value thrown) {
        super(message, null, false, false);
        this.thrown = thrown;
    }

    /**
     * Hands the page's own error back to the page: thrown again on a later task, so it shows in the console and in
     * {@code window.onerror} as an uncaught error, while what we were doing goes on unchanged.
     */
    public void surface() {
        Values.raise(thrown());
    }

    /** What the page threw (its message as a string when the thrown value is unknown). */
    public Value thrown() {
        return thrown != null ? thrown : Values.of(getMessage());
    }

    /** Surfaces {@code e} when it is the page's error; true if it was (false: a fault of ours, for the caller). */
    public static boolean surfaced(RuntimeException e) {
        if (e instanceof JsError) {
            ((JsError) e).surface();
            return true;
        }
        return false;
    }
}
