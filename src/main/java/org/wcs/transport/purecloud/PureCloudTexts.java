package org.wcs.transport.purecloud;

/**
 * Texts of Genesys Cloud guest chat ({@code purecloud-v2-sockets}, spec purecloud-v2-sockets.md 4.1, 4.3, 8.6, 8.8).
 */
public final class PureCloudTexts {
    private PureCloudTexts() {
    }

    public static final String HISTORY_NOT_ENABLED = "Fetching chat history on scroll is not enabled.";
    // purecloud-v2-sockets (spec purecloud-v2-sockets.md 4.1, 4.3, 8.6, 8.8)
    public static final String CUSTOMER_DISCONNECTED = "customer disconnected, conversation ended";
    public static final String NO_CONVERSATION_STATE = "failed to retrieve conversation state";
    public static final String SOCKET_FAILED = "websocket failed to open";
    public static final String NO_START_DATA = "no response data in the api post request";
    public static final String NO_TYPING_DATA = "send typing indicator request returned no data";
    public static final String TYPING_WITHOUT_CHAT = "trying to send typing indicator when session is not active";
    /** Ours: the configuration lacks what the create request needs. */
    public static final String PURECLOUD_CONFIG =
            "transport.dataURL, transport.deploymentKey and transport.orgGuid must be strings";
    /** Ours: the reconnect budget is spent; the session stays stored so a reload can restore it. */
    public static final String CONNECTION_LOST = "Lost the connection to the chat server";
    /** Ours: a history page is already on its way. */
    public static final String HISTORY_BUSY = "Already fetching chat history.";
}
