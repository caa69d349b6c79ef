package org.wcs.transport;

/** How a restore ended, as the transport learnt it; the service changes state and publishes the matching event. *
 * <p>A closed set of typed constants compared by identity; not a Java enum, which would bring java.lang.Enum and
 * every constant's name into the bundle.
 */
public final class RestoreOutcome {
    /** The chat goes on; the restored transcript follows as a {@link BatchKind#RESTORED} batch. */
    public static final RestoreOutcome RESTORED = new RestoreOutcome();
    /**
     * After {@link #RESTORED} and its transcript: the chat server is unavailable for now (GMS {@code statusCode: 1}),
     * {@code restoredOffline}; the chat goes on.
     */
    public static final RestoreOutcome RESTORED_OFFLINE = new RestoreOutcome();
    /** There was a session, but the server no longer has it or refused it. */
    public static final RestoreOutcome FAILED = new RestoreOutcome();
    /** The stored session is older than the restore timeout, or the server says the chat ended. */
    public static final RestoreOutcome TIMED_OUT = new RestoreOutcome();
    /** The server lost the session (v3: 401/404 while restoring). */
    public static final RestoreOutcome SESSION_LOST = new RestoreOutcome();

    private RestoreOutcome() {
    }
}
