package org.wcs.service;

import org.wcs.transport.ChatItems;

/** Names of the WebChatService events (published as {@code WebChatService.<name>}), in one place. */
public final class Events {
    private Events() {
    }

    public static final String READY = "ready";
    public static final String STARTED = "started";
    public static final String ENDED = "ended";
    public static final String MESSAGE_RECEIVED = "messageReceived";
    public static final String RESTORED = "restored";
    public static final String RESTORE_FAILED = "restoreFailed";
    public static final String RESTORE_TIMEOUT = "restoreTimeout";
    public static final String RESTORED_OFFLINE = "restoredOffline";
    public static final String ERROR = "error";
    public static final String AGENT_TYPING_STARTED = "agentTypingStarted";
    public static final String AGENT_TYPING_STOPPED = "agentTypingStopped";
    public static final String AGENT_TYPING_TIMEOUT = "agentTypingTimeout";
    public static final String CLIENT_TYPING_STARTED = "clientTypingStarted";
    public static final String CLIENT_TYPING_STOPPED = "clientTypingStopped";
    public static final String POLLING_STARTED = "pollingStarted";
    public static final String POLLING_STOPPED = "pollingStopped";
    public static final String DISCONNECTED = "disconnected";
    public static final String RECONNECTED = "reconnected";
    public static final String SERVER_OFFLINE = "chatServerWentOffline";
    public static final String SERVER_ONLINE = "chatServerBackOnline";
    public static final String CONNECTION_PENDING = "connectionPending";
    public static final String CONNECTION_RESTORED = "connectionRestored";
    public static final String CHAT_SERVER_TIMEOUT = "chatServerTimeout";
    public static final String CAPABILITIES_CHANGED = "capabilitiesChanged";
    public static final String SESSION_LOST = "sessionLost";
    public static final String SLEEPING = "sleeping";
    public static final String WAKING = "waking";
    public static final String AJAX_RESPONSE = "ajaxResponse";
    public static final String CLIENT_CONNECTED = "clientConnected";
    public static final String CLIENT_DISCONNECTED = "clientDisconnected";
    public static final String AGENT_CONNECTED = "agentConnected";
    public static final String AGENT_DISCONNECTED = "agentDisconnected";
    public static final String SUPERVISOR_CONNECTED = "supervisorConnected";
    public static final String SUPERVISOR_DISCONNECTED = "supervisorDisconnected";
    public static final String BOT_CONNECTED = "botConnected";
    public static final String BOT_DISCONNECTED = "botDisconnected";

    /**
     * The participant event a join or leave of {@code role} publishes ({@code agentConnected},
     * {@code clientDisconnected}, ...), or null for a role without one.
     */
    static String participant(String role, boolean joined) {
        return role.equals(ChatItems.CLIENT) ? (joined ? CLIENT_CONNECTED : CLIENT_DISCONNECTED)
                : role.equals(ChatItems.AGENT) ? (joined ? AGENT_CONNECTED : AGENT_DISCONNECTED)
                : role.equals(ChatItems.SUPERVISOR) ? (joined ? SUPERVISOR_CONNECTED : SUPERVISOR_DISCONNECTED)
                : role.equals(ChatItems.BOT) ? (joined ? BOT_CONNECTED : BOT_DISCONNECTED) : null;
    }

    /** The events the plugin declares, for {@code registerEvents} (informational on the bus). */
    public static final String[] ALL = {READY, RESTORED, RESTORE_TIMEOUT, RESTORE_FAILED, RESTORED_OFFLINE,
        MESSAGE_RECEIVED, ERROR, STARTED, ENDED, AGENT_TYPING_STARTED, AGENT_TYPING_STOPPED, AGENT_TYPING_TIMEOUT,
        POLLING_STARTED, POLLING_STOPPED, CLIENT_CONNECTED, CLIENT_DISCONNECTED, AGENT_CONNECTED, AGENT_DISCONNECTED,
        SUPERVISOR_CONNECTED, SUPERVISOR_DISCONNECTED, BOT_CONNECTED, BOT_DISCONNECTED,
        CLIENT_TYPING_STARTED, CLIENT_TYPING_STOPPED, AJAX_RESPONSE, DISCONNECTED, RECONNECTED, SERVER_OFFLINE,
        SERVER_ONLINE, CONNECTION_PENDING, CONNECTION_RESTORED, CHAT_SERVER_TIMEOUT, CAPABILITIES_CHANGED,
        SESSION_LOST, SLEEPING, WAKING};
}
