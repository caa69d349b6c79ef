package org.wcs.transport;

/** Where a batch of transcript items comes from; the service publishes each kind with its own flags. */
public enum BatchKind {
    /** News of the running chat. */
    LIVE,
    /** The transcript of a restored chat ({@code restoring: true}). */
    RESTORED,
    /** An older page asked for with {@code fetchHistory} ({@code oldMessages: true}). */
    HISTORY
}
