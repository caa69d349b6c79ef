package org.wcs.transport;

/**
 * Where a batch of transcript items comes from; the service publishes each kind with its own flags.
 *
 * <p>A closed set of typed constants compared by identity; not a Java enum, which would bring java.lang.Enum and
 * every constant's name into the bundle.
 */
public final class BatchKind {
    /** News of the running chat. */
    public static final BatchKind LIVE = new BatchKind();
    /** The transcript of a restored chat ({@code restoring: true}). */
    public static final BatchKind RESTORED = new BatchKind();
    /** An older page asked for with {@code fetchHistory} ({@code oldMessages: true}). */
    public static final BatchKind HISTORY = new BatchKind();

    private BatchKind() {
    }
}
