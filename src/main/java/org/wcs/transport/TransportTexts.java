package org.wcs.transport;

/**
 * Texts of the transport SPI, exactly as the specs name them: what a back end that lacks a feature answers (the
 * defaults of {@link Transport}), and the session texts the service and every transport give alike.
 */
public final class TransportTexts {
    private TransportTexts() {
    }

    public static final String INVALID_TRANSPORT = "Invalid transport configuration";
    public static final String NO_ACTIVE_SESSION = "There is no active chat session";
    /** The same with a period: what the original's Genesys Cloud and v3 services say to a send without a chat. */
    public static final String NO_ACTIVE_SESSION_DOT = "There is no active chat session.";
    public static final String NOT_POLLING = "Not currently polling. Ignoring command.";
    public static final String NOTHING_TO_RESTORE = "No chat session found to restore.";
    public static final String HISTORY_NEEDS_ASYNC = "Fetching messages history applies to only Asynchronous chat.";
    public static final String NO_MORE_MESSAGES = "No more messages to fetch";
    public static final String NO_POLLING = "This transport doesn't support polling.";
    public static final String NO_RESET_POLL_EXCEPTIONS = "This transport doesn't support resetPollExceptions command.";
    /** {@code resetPollExceptions} of the nextgen transports (v3, PureConnect). */
    public static final String NO_POLL_EXCEPTIONS = "This transport doesn't support any poll Exceptions.";
    public static final String NO_FILE_LIMITS = "This transport doesn't support getFileLimits command.";
    public static final String NO_CUSTOM_NOTICE = "This transport doesn't support sendCustomNotice command.";
    public static final String NO_FILE_DOWNLOAD = "This transport doesn't support file download.";
    public static final String NO_FILE_UPLOAD = "This transport doesn't support file uploads.";
    public static final String NO_USER_DATA_UPDATE =
            "This transport doesn't support updating userData during an active chat session.";
    public static final String NO_INTERACTION_DATA_UPDATE =
            "This transport doesn't support updating interactionData during an active chat session.";
    public static final String NO_HISTORY = "This transport doesn't support fetching history.";
    /** Ours: GMS's {@code downloadFile} without a file id (the original posted a download of file "undefined"). */
    public static final String NO_FILE_ID = "No fileId provided";
}
