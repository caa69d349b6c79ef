package org.wcs.contract;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Sandbox;
import org.wcs.value.Value;

/**
 * One back end as the contract suite sees it: the page's configuration for the sandbox's emulator, the agent's desk,
 * the emulator's transcript of a chat (the oracle the page's transcript must equal), what the emulator received (to
 * bound requests), what the back end can do, and the faults its emulator can inject. Adding a back end to the suite is
 * one more subclass in {@link BackEnds#all}.
 */
abstract class BackEnd {
    /** What a back end may lack; scenarios that need one run only where it is present. */
    enum Feature {
        /** {@code sendFile}. */
        FILE_UPLOAD,
        /** The customer's typing (with its preview text) reaches the agent's desk. */
        CUSTOMER_TYPING,
        /** The agent's typing reaches the page as {@code agentTypingStarted}. */
        AGENT_TYPING,
        /**
         * A tab that takes the connection over reads only what came after the newest item it shows (a back end that
         * can read its transcript from a point); the others read the transcript again.
         */
        TAKE_OVER_FROM_NEWEST,
        /**
         * Every reader of a chat gets each of its messages: two independent tabs of it both show a new message. Not
         * so on PureConnect web chat, whose poll hands out the participant's queued messages once, to whichever tab
         * asks first (spec pureconnect-v4 §4.4).
         */
        EVERY_READER_GETS_EACH_MESSAGE
    }

    /** The name in test names and the matrix, e.g. "GMS REST". */
    final String name;
    /** {@link AgentDesk#backend()} of its desk. */
    final String deskName;

    BackEnd(String name, String deskName) {
        this.name = name;
        this.deskName = deskName;
    }

    /** {@code _genesys.widgets.webchat} for the emulator on {@code sandbox}. */
    abstract Value config(Sandbox sandbox);

    /** Forgets faults and sessions of earlier tests and sets the emulator's timings for the suite. */
    abstract void reset(Sandbox sandbox);

    Set<Feature> features() {
        return EnumSet.of(Feature.AGENT_TYPING, Feature.CUSTOMER_TYPING);
    }

    final boolean has(Feature f) {
        return features().contains(f);
    }

    final AgentDesk desk(Sandbox sandbox) {
        for (AgentDesk d : sandbox.desks()) {
            if (d.backend().equals(deskName)) {
                return d;
            }
        }
        throw new IllegalStateException("no desk " + deskName);
    }

    /** The id of the newest chat on this back end's desk, or null. */
    final String latestChat(Sandbox sandbox) {
        List<AgentDesk.DeskChat> chats = desk(sandbox).chats();
        return chats.isEmpty() ? null : chats.get(chats.size() - 1).id();
    }

    final AgentDesk.DeskChat deskChat(Sandbox sandbox, String chatId) {
        for (AgentDesk.DeskChat c : desk(sandbox).chats()) {
            if (c.id().equals(chatId)) {
                return c;
            }
        }
        throw new IllegalStateException("no chat " + chatId + " on " + deskName);
    }

    /**
     * The emulator's transcript of a chat as the page must show it, one key per item (ids or indexes with type and
     * text); {@code restored}: as a page that restored the chat shows it.
     */
    abstract List<String> serverItems(Sandbox sandbox, String chatId, boolean restored);

    /** The page's {@code getTranscript} answer in the keys of {@link #serverItems}. */
    abstract List<String> pageItems(Value transcript);

    /** Requests (HTTP requests, Bayeux messages, socket upgrades) the emulator has received so far. */
    abstract int requests(Sandbox sandbox);

    /** Faults injected and not yet played. */
    abstract int pendingFaults(Sandbox sandbox);

    /** Whether the agent sees the customer typing {@code text}. */
    boolean customerTypingSeen(Sandbox sandbox, String chatId, String text) {
        return deskChat(sandbox, chatId).customerTyping().contains(text);
    }

    /** The next message the page sends is stored by the emulator, but the answer to its request is lost in transit. */
    abstract void loseNextSendAnswer(Sandbox sandbox);

    /** Every fault of the matrix, in matrix order: the injection, or why it does not apply here. */
    abstract Map<FaultKind, FaultCase> faults();

    /** Helper for {@link #faults}: a map that keeps the order of {@link FaultKind}. */
    static Map<FaultKind, FaultCase> cases(FaultCase... cases) {
        Map<FaultKind, FaultCase> out = new LinkedHashMap<>();
        for (FaultKind k : FaultKind.values()) {
            for (FaultCase c : cases) {
                if (c.kind() == k) {
                    out.put(k, c);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
