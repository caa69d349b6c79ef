package org.wcs.transport;

/**
 * Every text the service and its transports give page code, exactly as the specs name them. Tests compare against
 * these constants.
 */
public final class Texts {
    private Texts() {
    }

    public static final String INVALID_CONFIGURATION = "Invalid configuration";
    public static final String INVALID_TRANSPORT = "Invalid transport configuration";
    public static final String ASYNC_NEEDS_COMETD =
            "Invalid configuration. WebChatService supports Async chat only in CometD mode.";
    public static final String ALREADY_ACTIVE = "There is already an active chat session";
    public static final String NO_ACTIVE_SESSION = "There is no active chat session";
    public static final String NO_ACTIVE_SESSION_DOT = "No active chat session.";
    public static final String MALFORMED_USER_DATA = "malformed JSON provided in userData property";
    /** Ours (the original merged anything): for data that is no object or cannot be sent as JSON. */
    public static final String INVALID_USER_DATA = "userData must be an object that can be sent as JSON";
    public static final String INVALID_INTERACTION_DATA = "interactionData must be an object that can be sent as JSON";
    public static final String INVALID_FORM = "form must be an object that can be sent as JSON";
    public static final String NO_MESSAGE_TEXT = "No message text provided";
    public static final String MESSAGE_TOO_LONG_PREFIX = "Message length exceeds configured threshold of (";
    public static final String MESSAGE_TOO_LONG_SUFFIX = ") characters";
    public static final String BAD_FILTERS = "Missing or invalid filters provided. Please provide a regular expression"
            + " or an array of regular expressions";
    public static final String NO_PREPROCESSOR_PREFIX = "No preprocessor function provided. Type provided was '";
    public static final String NO_PREPROCESSOR_SUFFIX = "'.";
    public static final String BAD_PREVIEW_INPUT = "Invalid value provided for the 'input' property. An HTML element"
            + " reference to a textarea or text input is required.";
    public static final String ACCESS_DENIED =
            "Access Denied to private command. Only WebChatService is allowed to invoke this command";
    public static final String POLL_PENDING = "previous poll has not finished";
    public static final String NOT_POLLING = "Not currently polling. Ignoring command.";
    public static final String POLLING_WITH_COMETD = "Polling is not supported when using CometD";
    public static final String ALREADY_RESTORING = "Already restoring. Ignoring request.";
    public static final String RESTORE_WHILE_ACTIVE = "Chat session is already active, ignoring restore command.";
    public static final String NOTHING_TO_RESTORE = "No chat session found to restore.";
    public static final String HISTORY_NEEDS_ASYNC = "Fetching messages history applies to only Asynchronous chat.";
    public static final String HISTORY_NOT_ENABLED = "Fetching chat history on scroll is not enabled.";
    public static final String NO_MORE_MESSAGES = "No more messages to fetch";
    public static final String DOWNLOAD_MISCONFIGURED =
            "Could not download file. Please ensure WebChat is configured properly.";
    public static final String COMETD_FAILED = "CometD is not configured or there is a connection issue";
    public static final String NO_TRANSPORT_SUPPORT = "Transport not supported";
    /** Ours: the originals threw (and left the command pending) on these. */
    public static final String NO_FILE = "No file provided";
    public static final String NO_FILE_ID = "No fileId provided";

    public static final String NO_POLLING = "This transport doesn't support polling.";
    public static final String NO_RESET_POLL_EXCEPTIONS = "This transport doesn't support resetPollExceptions command.";
    public static final String NO_FILE_LIMITS = "This transport doesn't support getFileLimits command.";
    public static final String NO_CUSTOM_NOTICE = "This transport doesn't support sendCustomNotice command.";
    public static final String NO_FILE_DOWNLOAD = "This transport doesn't support file download.";
    public static final String NO_FILE_UPLOAD = "This transport doesn't support file uploads.";
    public static final String NO_USER_DATA_UPDATE =
            "This transport doesn't support updating userData during an active chat session.";
    public static final String NO_INTERACTION_DATA_UPDATE =
            "This transport doesn't support updating interactionData during an active chat session.";
    public static final String NO_HISTORY = "This transport doesn't support fetching history.";
    public static final String NO_ASYNC_RESTORE = "This transport doesn't support asyncRestore command.";

    // purecloud-v2-sockets (spec purecloud-v2-sockets.md 4.1, 4.3, 8.6, 8.8)
    public static final String CUSTOMER_DISCONNECTED = "customer disconnected, conversation ended";
    public static final String NO_CONVERSATION_STATE = "failed to retrieve conversation state";
    public static final String SOCKET_FAILED = "websocket failed to open";
    public static final String NO_START_DATA = "no response data in the api post request";
    public static final String NO_TYPING_DATA = "send typing indicator request returned no data";
    /** Ours: the configuration lacks what the create request needs. */
    public static final String PURECLOUD_CONFIG =
            "transport.dataURL, transport.deploymentKey and transport.orgGuid must be strings";
    /** Ours: the reconnect budget is spent; the session stays stored so a reload can restore it. */
    public static final String CONNECTION_LOST = "Lost the connection to the chat server";
    /** Ours: a history page is already on its way. */
    public static final String HISTORY_BUSY = "Already fetching chat history.";
    // Multicloud CX v3 (pureengage-v3-rest), spec pureengage-v3.md sections 9-12
    public static final String NEXUS_NO_POLL_EXCEPTIONS = "This transport doesn't support any poll Exceptions.";
    public static final String NEXUS_POLL_PENDING = "previous poll has not finished.";
    public static final String NEXUS_CANNOT_START_ASYNC = "Cannot start async chat:";
    public static final String NEXUS_CANNOT_RESTORE_ASYNC = "Cannot restore async chat";
    /** Bus error codes are this prefix plus the server's {@code status.code}. */
    public static final String NEXUS_ERROR_PREFIX = "pureengage-v3-rest-";
    /** Ours: the original accepted these configurations and failed on every request. */
    public static final String NEXUS_NEEDS_CALLBACKS = "Invalid transport configuration: async chat needs the"
            + " transport.async.getSessionData and transport.async.setSessionData functions.";
    /** Ours: a success status whose body is not the JSON the API defines. */
    public static final String NEXUS_BAD_REPLY = "The chat server sent a reply that could not be read.";
}
