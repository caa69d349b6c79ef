package org.wcs.transport.nexus;

/**
 * Texts of Multicloud CX v3 ({@code pureengage-v3-rest}, spec pureengage-v3.md sections 9-12).
 */
public final class NexusTexts {
    private NexusTexts() {
    }

    // Multicloud CX v3 (pureengage-v3-rest), spec pureengage-v3.md sections 9-12
    public static final String NO_POLL_EXCEPTIONS = org.wcs.transport.TransportTexts.NO_POLL_EXCEPTIONS;
    public static final String POLL_PENDING = "previous poll has not finished.";
    public static final String CANNOT_START_ASYNC = "Cannot start async chat:";
    public static final String CANNOT_RESTORE_ASYNC = "Cannot restore async chat";
    /** Bus error codes are this prefix plus the server's {@code status.code}. */
    public static final String ERROR_PREFIX = "pureengage-v3-rest-";
    /** Ours: the original accepted these configurations and failed on every request. */
    public static final String NEEDS_CALLBACKS = "Invalid transport configuration: async chat needs the"
            + " transport.async.getSessionData and transport.async.setSessionData functions.";
    /** Ours: a success status whose body is not the JSON the API defines. */
    public static final String BAD_REPLY = "The chat server sent a reply that could not be read.";
}
