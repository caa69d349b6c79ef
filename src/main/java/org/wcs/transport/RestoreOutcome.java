package org.wcs.transport;

/** How a restore ended, as the transport learnt it; the service changes state and publishes the matching event. */
public enum RestoreOutcome {
    /** The chat goes on; the restored transcript follows as a {@link BatchKind#RESTORED} batch. */
    RESTORED,
    /**
     * After {@link #RESTORED} and its transcript: the chat server is unavailable for now (GMS {@code statusCode: 1}),
     * {@code restoredOffline}; the chat goes on.
     */
    RESTORED_OFFLINE,
    /** There was a session, but the server no longer has it or refused it. */
    FAILED,
    /** The stored session is older than the restore timeout, or the server says the chat ended. */
    TIMED_OUT,
    /** The server lost the session (v3: 401/404 while restoring). */
    SESSION_LOST
}
