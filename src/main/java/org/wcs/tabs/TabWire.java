package org.wcs.tabs;

import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.RestoreOutcome;

/**
 * The words of the tabs' channel, in one place. A message is a plain object: {@code k} says what it is; calls go from
 * a tab to the leader, replies back to the caller, reports and notices from the leader to every tab. Field names are
 * short: a chat's whole transcript crosses the channel when a tab joins.
 */
final class TabWire {
    private TabWire() {
    }

    /** The channel and the lock, per site and back end type: {@code PREFIX + type + VERSION}. */
    static final String PREFIX = "genesys-webchat-tabs:";
    /**
     * The version of these messages, in the channel's and the lock's names: tabs that loaded different versions of
     * the plugin (the site updated it while some of its tabs were open) would read each other's calls wrongly, so
     * they do not share; each version's tabs run the chat, as independent tabs do. Raise it with every change of a
     * message's meaning. The outbox's key has none: what a tab kept goes out whichever version sends it.
     */
    static final String VERSION = ":3";

    // Fields.
    static final String KIND = "k", TAB = "tab", ID = "id", OP = "op", ARGS = "a", OK = "ok", DATA = "d", MORE = "m",
        EXTRAS = "x", TYPED = "t", CHAT = "c", BY = "by", SESSION = "sd", ANSWER = "sda", SNAPSHOT = "s",
        REPORT = "r", CAPABILITIES = "cap", RESTORED = "rd", CONNECTION = "cn", ORIGINALS = "o", RETRY = "re",
        SAID = "cs", TEXT = "tx", TYPE = "ty", PARENT = "p", ON = "on", OLDEST = "lo",
        OLDER = "ol";

    /**
     * The outbox in localStorage ({@link Outbox}), after the channel's name: {@code PREFIX + type + OUTBOX} holds an
     * array of entries {@code {call, st, seen, at}} (the SEND call as it came, its state, see {@link Outbox}).
     */
    static final String OUTBOX = ":outbox", ENTRY_CALL = "call", ENTRY_STATE = "st", ENTRY_SEEN = "seen",
        ENTRY_AT = "at";

    // Kinds of message (the values of KIND). REST: a tab is visible ({@code on}) or hidden; BYE: a tab goes away;
    // WINDOW: a tab's WebChat window was minimised ({@code on}) or restored (webchat.syncTabs).
    static final int CALL = 0, REPLY = 1, NEWS = 2, BEGIN = 3, LEADER = 4, BYE = 5, REST = 6, WINDOW = 7, PACE = 8, TICK = 9;

    // Calls (the values of OP).
    static final int START = 0, SEND = 1, TYPING = 2, END = 3, RESTORE = 4, ASYNC_RESTORE = 5, HISTORY = 6,
        NOTICE = 7, USER_DATA = 8, INTERACTION_DATA = 9, FILE_LIMITS = 10, SEND_FILE = 11,
        START_POLL = 13, STOP_POLL = 14, PAUSE_POLL = 15, POLL = 16, RESET_POLL = 17, RESET_IDLE = 18, SNAPSHOT_CALL = 19;

    // Reports (the values of REPORT): what a transport told the leader.
    static final int STARTED = 0, RESTORE_OUTCOME = 1, BATCH = 2, AGENT_TYPING = 3, CONNECTION_REPORT = 4, ERROR = 5,
        EXCHANGED = 6, POLLING = 7, ENDED = 8, ENDED_SILENTLY = 9, CAPABILITIES_REPORT = 10, SESSION_DATA = 11;

    /** The typed constants of the transport SPI, numbered by their place here. */
    private static final Object[] CONSTANTS = {BatchKind.LIVE, BatchKind.RESTORED, BatchKind.HISTORY,
        RestoreOutcome.RESTORED, RestoreOutcome.RESTORED_OFFLINE, RestoreOutcome.FAILED, RestoreOutcome.TIMED_OUT,
        RestoreOutcome.SESSION_LOST, ConnectionStatus.ONLINE, ConnectionStatus.PENDING, ConnectionStatus.OFFLINE,
        ConnectionStatus.DISCONNECTED, ConnectionStatus.TIMED_OUT, AgentTyping.STARTED, AgentTyping.STOPPED,
        Boolean.TRUE, Boolean.FALSE};

    static int code(Object constant) {
        for (int i = 0; i < CONSTANTS.length; i++) {
            if (CONSTANTS[i] == constant) {
                return i;
            }
        }
        return -1;
    }

    static Object constant(int code) {
        return code >= 0 && code < CONSTANTS.length ? CONSTANTS[code] : null;
    }
}
