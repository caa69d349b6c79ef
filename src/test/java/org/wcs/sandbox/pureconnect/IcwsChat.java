package org.wcs.sandbox.pureconnect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One emulated PureConnect web chat (spec pureconnect-v4 §15.2): the append-only message log with strictly increasing
 * sequence numbers, the participants, each participant's read cursor, and (for chatbots) the sockets that get every
 * new message as a frame. Thread-safe: Jetty threads, the scripted agent and tests call it.
 */
public final class IcwsChat {
    public static final String URN = "urn:inin.com:webChat:";

    public final String chatId;
    public final String customerId;
    public final String customerName;
    /** The connector session of a chatbots chat, or null. */
    public final String botSession;
    public final Map<String, Object> start;
    private final List<Map<String, Object>> log = new ArrayList<>();
    private final Map<String, String[]> participants = new LinkedHashMap<>();
    private final Map<String, Integer> cursors = new HashMap<>();
    private final List<BotsSocket> sockets = new ArrayList<>();
    private int seq;
    private boolean ended;
    private boolean customerTyping;
    /** The next poll carries {@code chatEnded: true}. */
    volatile boolean flagEnded;
    private String agentId;
    private boolean startSent;

    IcwsChat(String chatId, String customerId, String customerName, String botSession, Map<String, Object> start) {
        this.chatId = chatId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.botSession = botSession;
        this.start = start;
        state(customerId, "WebUser", customerName, 2);
    }

    // ---- the log ----------------------------------------------------------------------------------------------

    /** Appends a message of that kind from {@code pid} with the next sequence number, and pushes it to sockets. */
    public synchronized Map<String, Object> append(String pid, String kind, Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__type", URN + kind);
        m.put("participantId", pid);
        m.put("sequenceNumber", ++seq);
        m.put("timestamp", Instant.ofEpochMilli(System.currentTimeMillis()).toString());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        deliver(m);
        return m;
    }

    /** Appends a raw message as given (fault injection: unknown types, unannounced senders, odd timestamps). */
    public synchronized void appendRaw(Map<String, Object> m) {
        if (m.get("sequenceNumber") instanceof Integer n && n > seq) {
            seq = n; // later messages still number upwards
        }
        deliver(new LinkedHashMap<>(m));
    }

    /** Logs a message and pushes it to the sockets, which keep the customer's cursor at the end. */
    private void deliver(Map<String, Object> m) {
        log.add(m);
        boolean sent = false;
        for (BotsSocket s : new ArrayList<>(sockets)) {
            if (s.send(m)) {
                sent = true;
            } else {
                sockets.remove(s); // gone: what it missed waits for the next socket
            }
        }
        if (sent) {
            cursors.put(customerId, log.size());
        }
    }

    private void state(String pid, String type, String name, int state) {
        participants.put(pid, new String[] {type, name, Integer.toString(state)});
        append(pid, "chatParticipantStateChangedMessage", "state", state, "displayName", name, "participantType",
                type);
    }

    /** The whole log, oldest first. */
    public synchronized List<Map<String, Object>> messages() {
        return new ArrayList<>(log);
    }

    /** What {@code pid} has not read yet; its cursor moves to the end. Null for an unknown participant. */
    synchronized List<Map<String, Object>> read(String pid) {
        if (!participants.containsKey(pid)) {
            return null;
        }
        int from = cursors.getOrDefault(pid, 0);
        cursors.put(pid, log.size());
        return new ArrayList<>(log.subList(from, log.size()));
    }

    /** A reconnect: the participant's reads restart after the history it is about to fetch. */
    synchronized boolean reconnect(String pid) {
        String[] p = participants.get(pid);
        if (p == null || p[2].equals("4")) {
            return false;
        }
        cursors.put(pid, log.size());
        return true;
    }

    synchronized boolean knows(String pid) {
        return participants.containsKey(pid);
    }

    /** A chatbots socket opens: it gets what the customer has not been sent yet, then every new message. */
    synchronized List<Map<String, Object>> attach(BotsSocket socket) {
        List<Map<String, Object>> missed = read(customerId);
        sockets.add(socket);
        return missed;
    }

    /** Whether the start frame still has to go out (the first socket of the session sends it). */
    synchronized boolean takeStartFrame() {
        boolean first = !startSent;
        startSent = true;
        return first;
    }

    /** The open chatbots sockets of this chat. */
    public synchronized List<BotsSocket> sockets() {
        return new ArrayList<>(sockets);
    }

    synchronized void removeSocket(BotsSocket socket) {
        sockets.remove(socket);
    }

    // ---- the customer -----------------------------------------------------------------------------------------

    synchronized void customerSays(String text, String contentType) {
        append(customerId, "chatTextMessage", "contentType", contentType, "value", text);
    }

    synchronized void customerTyping(boolean on) {
        customerTyping = on;
    }

    public synchronized boolean customerTyping() {
        return customerTyping;
    }

    /** The customer leaves (exit, or the server disconnects them); the chat ends when no customer remains. */
    synchronized void customerLeaves() {
        String[] p = participants.get(customerId);
        if (!p[2].equals("4")) {
            state(customerId, "WebUser", customerName, 4);
        }
        ended = true;
    }

    public synchronized boolean ended() {
        return ended;
    }

    // ---- the agent side ---------------------------------------------------------------------------------------

    /** A participant of that type joins ({@code state: 2}); returns its id. */
    public synchronized String join(String type, String name) {
        String pid = UUID.randomUUID().toString();
        state(pid, type, name, 2);
        if (type.equals("Agent")) {
            agentId = pid;
        }
        return pid;
    }

    /** The current agent's id, or null. */
    public synchronized String agent() {
        return agentId;
    }

    public synchronized void say(String pid, String text) {
        append(pid, "chatTextMessage", "contentType", "text/plain", "value", text);
    }

    public synchronized void typing(String pid, boolean on) {
        append(pid, "chatTypingIndicatorMessage", "value", on);
    }

    public synchronized void file(String pid, String fileName, int size) {
        append(pid, "chatFileMessage", "fileGuid", UUID.randomUUID().toString(), "fileName", fileName, "fileSize",
                size);
    }

    public synchronized void leave(String pid) {
        String[] p = participants.get(pid);
        if (p != null && !p[2].equals("4")) {
            state(pid, p[0], p[1], 4);
        }
        if (pid.equals(agentId)) {
            agentId = null;
        }
    }

    /** The server ends the chat: the agent leaves, then the customer is disconnected (spec §15.5). */
    public synchronized void disconnectCustomer() {
        if (agentId != null) {
            leave(agentId);
        }
        customerLeaves();
    }

    /** The next poll carries {@code chatEnded: true} (an undocumented flag the widget reads, spec §4.4). */
    public void flagChatEnded() {
        flagEnded = true;
    }

    /** Participant type and name of {@code pid}, or null. */
    public synchronized String[] participant(String pid) {
        return participants.get(pid);
    }
}
