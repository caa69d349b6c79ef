package org.wcs.transport.pureconnect;

/**
 * Texts and wire names of the PureConnect transports ({@code pureconnect-v4-rest}, {@code pureconnect-v4-chatbots};
 * spec pureconnect-v4.md sections 3-12), exactly as the spec gives them.
 */
public final class PureConnectTexts {
    private PureConnectTexts() {
    }

    public static final String REST = "pureconnect-v4-rest";
    public static final String BOTS = "pureconnect-v4-chatbots";

    /** The ICWS web-chat routes (spec 4.1). */
    public static final String ICWS = "/icws/web-chat/";

    /** Message types are this prefix plus a name (spec 5). */
    static final String URN = "urn:inin.com:webChat:";
    static final String TEXT = "chatTextMessage";
    static final String TYPING = "chatTypingIndicatorMessage";
    static final String FILE = "chatFileMessage";
    static final String STATE = "chatParticipantStateChangedMessage";
    static final String CHAT_STARTED = "startChatMessage";

    /** The pre-registered System participant (spec 3.3). */
    static final String SYSTEM_ID = "00000000-0000-0000-0000-000000000000";

    // Item types as the original spells them (spec 6.3); the WebChat UI lower-cases them.
    static final String JOINED = "participantjoined";
    static final String LEFT = "participantleft";
    static final String AGENT_TEXT = "message";
    static final String OTHER_TEXT = "Message";
    static final String TYPING_STARTED = "typingstarted";
    static final String TYPING_STOPPED = "typingstopped";
    static final String FILE_ITEM = "File";
    static final String STATE_ITEM = "ParticipantStateChanged";
    static final String STARTED_ITEM = "ChatStarted";

    // Rejections (spec 8).
    public static final String NO_SENDING_FILES = "This transport doesn't support sending files.";
    /** {@code sendTyping} while inactive: the same words as the service's text, with a full stop. */
    public static final String NO_ACTIVE_SESSION_STOP = "There is no active chat session.";
    public static final String SOCKET_FAILED = "websocket failed to open";
}
