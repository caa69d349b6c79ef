package org.wcs.jsapi;

/**
 * Every exact string of the Chat Service JS API in one place: error codes and their descriptions (spec
 * chat-service-js-api §4.2, used verbatim), names the page sees (globals, members, state fields, event values) and
 * console lines.
 */
public final class ChatServiceTexts {
    private ChatServiceTexts() {
    }


    // ------------------------------------------------------------------ error codes (§4.2) and descriptions
    public static final int MISSING_PARAMETER = 2;
    public static final int BAD_PARAMETER = 3;
    public static final int UNKNOWN_SESSION = 50;
    public static final int EXECUTION_ERROR = 52;
    public static final int SERVER_UNAVAILABLE = 100;
    public static final int LOGIN_FAILED = 101;
    public static final int NETWORK = 150;
    public static final int RUNNING_ON_THIS_PAGE = 200;
    public static final int RUNNING_ON_ANOTHER_PAGE = 201;

    /** The description of {@code code}, verbatim from the GWE error-code table. */
    public static String description(int code) {
        switch (code) {
            case 1:
                return "Unknown chat command";
            case MISSING_PARAMETER:
                return "One or more mandatory parameters are missed in chat command";
            case BAD_PARAMETER:
                return "Value of chat command parameter is incorrect";
            case UNKNOWN_SESSION:
                return "Chat session ID is unknown";
            case 51:
                return "Chat command is stopped by decorator";
            case EXECUTION_ERROR:
                return "Error during chat command execution";
            case SERVER_UNAVAILABLE:
                return "Chat Server is not available";
            case LOGIN_FAILED:
                return "Login to Chat Server was failed";
            case NETWORK:
                return "Network connection interrupted";
            case RUNNING_ON_THIS_PAGE:
                return "Chat is already running on this page.";
            default:
                return "Chat is already running on another page.";
        }
    }

    // ------------------------------------------------------------------ where it lives (§2)
    public static final String GLOBAL = "chatService";
    public static final String CONFIG = "chatServiceConfig";
    public static final String STATE_COOKIE = "_genesys.chatService.state";

    // ------------------------------------------------------------------ state object (§7.2)
    public static final String REST = "rest";
    public static final String COMETD = "cometd";
    public static final String DEFAULT_SERVICE = "customer-support";
    public static final String CHANNEL_PREFIX = "/service/chatV2/";
    public static final String DEFAULT_USERNAME = "User";

    // ------------------------------------------------------------------ GMS event types of notices (§9.1)
    public static final String CUSTOM_NOTICE = "CustomNotice";
    public static final String IDLE_ALERT = "IdleAlert";
    public static final String IDLE_CLOSE = "IdleClose";
    /** The {@code messageType} of the customer's messages. */
    public static final String TEXT = "text";

    // ------------------------------------------------------------------ event values (§9.2, §10)
    public static final String CAUSE_NETWORK = "network";
    public static final String CAUSE_SERVER = "server";
    public static final String REASON_CLIENT = "client";
    public static final String REASON_SERVER = "server";
    public static final String REASON_ERROR = "error";

    // ------------------------------------------------------------------ console
    public static final String ALREADY_INSTALLED = "Chat Service JS API: already installed; the first copy is kept";
    public static final String NOT_A_FUNCTION = "Chat Service JS API: a listener must be a function, ignored: ";
    public static final String STATE_TOO_LARGE = "Chat Service JS API: the state is too large for its cookie; "
            + "the user data mirror is left out";
    public static final String STATE_WRITE_FAILED = "Chat Service JS API: stateStorage.write failed: ";

    // ------------------------------------------------------------------ members (§2.4, §8.1, §9.1)
    public static final String[] API = {"startSession", "restoreSession", "startChat"};
    /** The session's commands, in the order of {@link SessionApi}'s ops. */
    public static final String[] COMMANDS = {"sendMessage", "sendTyping", "leave", "end", "getTranscript",
        "getSessionId", "setUserData", "getUserData", "deleteUserData", "sendCustomNotice", "sendNotification"};
    /** The session's callbacks; a listener list of each name. */
    public static final String ON_AGENT_CONNECTED = "onAgentConnected";
    public static final String ON_AGENT_DISCONNECTED = "onAgentDisconnected";
    public static final String ON_MESSAGE_RECEIVED = "onMessageReceived";
    public static final String ON_NOTICE_RECEIVED = "onNoticeReceived";
    public static final String ON_AGENT_TYPING_STARTED = "onAgentTypingStarted";
    public static final String ON_AGENT_TYPING_STOPPED = "onAgentTypingStopped";
    public static final String ON_INTERRUPTED = "onInterrupted";
    public static final String ON_CONTINUED = "onContinued";
    public static final String ON_SESSION_ENDED = "onSessionEnded";
    public static final String ON_ERROR = "onError";
    public static final String[] CALLBACKS = {ON_AGENT_CONNECTED, ON_AGENT_DISCONNECTED, ON_MESSAGE_RECEIVED,
        ON_NOTICE_RECEIVED, ON_AGENT_TYPING_STARTED, ON_AGENT_TYPING_STOPPED, ON_INTERRUPTED, ON_CONTINUED,
        ON_SESSION_ENDED, ON_ERROR};
}
