package org.wcs.sandbox.nexus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat session of the emulator: its participants, its ordered messages (each with a string {@code index}), a read
 * cursor per participant, user data, uploaded images, and whether it is closed. Methods are synchronized: Jetty serves
 * requests on several threads while a test scripts the agent.
 */
public final class NexusSession {
    public final String id;
    public final String transportId;
    public final String customerId;
    public final String customerNickname;
    final NexusEmulator emulator;
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final Map<String, Integer> cursors = new HashMap<>();
    public final Map<String, Object> userData = new LinkedHashMap<>();
    /** The create request's {@code data}, as parsed. */
    public final Map<String, Object> created;
    final Map<String, Image> images = new LinkedHashMap<>();
    private boolean closed;
    /** Customer typing as agents would see it: on or off, with the last preview text. */
    private boolean customerTyping;
    private String typingPreview = "";
    private final Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
    private long lastMillis;
    private int decimal;

    record Image(String mime, byte[] bytes) {
    }

    NexusSession(NexusEmulator emulator, String id, String transportId, String customerId, String nickname,
            Map<String, Object> created) {
        this.emulator = emulator;
        this.id = id;
        this.transportId = transportId;
        this.customerId = customerId;
        this.customerNickname = nickname;
        this.created = created;
    }

    Map<String, Object> customer() {
        return from(customerNickname, "Customer", customerId);
    }

    static Map<String, Object> from(String nickname, String type, String participantId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nickname", nickname);
        f.put("type", type);
        f.put("participantId", participantId);
        return f;
    }

    /** Appends a message with the next index and the emulator's time, plus {@code extra} key/value pairs. */
    synchronized Map<String, Object> append(String type, Map<String, Object> from, String text, Object... extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        long now = emulator.clock.getAsLong();
        lastMillis = Math.max(now, lastMillis + 1);
        m.put("index", emulator.decimalIndexes ? Integer.toString(++decimal) : lastMillis + "-0");
        m.put("type", type);
        m.put("utcTime", lastMillis);
        if (text != null) {
            m.put("text", text);
        }
        m.put("from", from);
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        messages.add(m);
        notifyAll();
        return m;
    }

    // ---- reads (spec 4.4) -----------------------------------------------------------------------------------------

    /** Variant 4a: what this participant has not been given yet; moves its cursor. */
    synchronized List<Map<String, Object>> undelivered(String participantId) {
        int from = cursors.getOrDefault(participantId, 0);
        cursors.put(participantId, messages.size());
        return new ArrayList<>(messages.subList(from, messages.size()));
    }

    /**
     * Variant 4b: every message whose index comes after {@code index}, in index order (spec 3.6: the first {@code -}
     * removed, then numeric), whether or not that index names a message (a client may name one it saw of a page it
     * only partly read, or {@code 0}); moves the cursor to the end. It does not depend on the cursor, so tabs sharing
     * the participant each get every message.
     */
    synchronized List<Map<String, Object>> after(String participantId, String index) {
        cursors.put(participantId, messages.size());
        return new ArrayList<>(messages.subList(firstAfter(index), messages.size()));
    }

    /** Position of the first message whose index sorts after {@code index} (messages are in index order). */
    private int firstAfter(String index) {
        int at = messages.size();
        while (at > 0 && compare((String) messages.get(at - 1).get("index"), index) > 0) {
            at--;
        }
        return at;
    }

    /** Orders raw indexes as spec 3.6 says a client does: first {@code -} removed, then by length, then as text. */
    static int compare(String a, String b) {
        String x = a.replaceFirst("-", "");
        String y = b.replaceFirst("-", "");
        return x.length() != y.length() ? x.length() - y.length() : x.compareTo(y);
    }

    /** Variant 4c: the newest {@code count}, ascending; moves the cursor to the end. */
    synchronized List<Map<String, Object>> latest(String participantId, int count) {
        cursors.put(participantId, messages.size());
        return new ArrayList<>(messages.subList(Math.max(0, messages.size() - count), messages.size()));
    }

    /** Variant 4d: the newest {@code count} at or before {@code index}, ascending; null when the index is unknown. */
    synchronized List<Map<String, Object>> before(String index, int count) {
        int at = position(index);
        if (at < 0) {
            return null;
        }
        return new ArrayList<>(messages.subList(Math.max(0, at + 1 - count), at + 1));
    }

    private int position(String index) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).get("index").equals(index)) {
                return i;
            }
        }
        return -1;
    }

    /** Waits up to {@code ms} for a message after {@code index} (long poll of variant 4b). */
    synchronized void awaitAfter(String index, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (firstAfter(index) >= messages.size() && !closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Waits up to {@code ms} for a message this participant has not seen (long poll). */
    synchronized void awaitNews(String participantId, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (cursors.getOrDefault(participantId, 0) >= messages.size() && !closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    public synchronized boolean closed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized void customerTyping(boolean on, String preview) {
        customerTyping = on;
        typingPreview = preview == null ? "" : preview;
    }

    public synchronized boolean customerTyping() {
        return customerTyping;
    }

    public synchronized String typingPreview() {
        return typingPreview;
    }

    /** A copy of the transcript as the server holds it. */
    public synchronized List<Map<String, Object>> messages() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            out.add(new LinkedHashMap<>(m));
        }
        return out;
    }

    /** The texts of {@code Text} messages, in order. */
    public synchronized List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            if ("Text".equals(m.get("type")) && m.get("text") != null) {
                out.add((String) m.get("text"));
            }
        }
        return out;
    }

    synchronized String addImage(String mime, byte[] bytes) {
        String imageId = "img" + (images.size() + 1);
        images.put(imageId, new Image(mime, bytes));
        return imageId;
    }

    /** Stores an image and describes it as a {@code content} element: {@code {type, mime, url}}. */
    synchronized Map<String, Object> imagePart(String mime, byte[] bytes) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("type", "image");
        part.put("mime", mime);
        part.put("url", "/sessions/" + id + "/images/" + addImage(mime, bytes));
        return part;
    }

    synchronized Image image(String imageId) {
        return images.get(imageId);
    }

    synchronized int imageCount() {
        return images.size();
    }

    // ---- the scripted agent side -----------------------------------------------------------------------------------

    /** An agent (or supervisor, bot) of this session, by nickname; created on first use with a fresh id. */
    public synchronized Agent agent(String nickname, String type) {
        Map<String, Object> f = agents.computeIfAbsent(nickname, n -> from(n, type, emulator.uuid()));
        return new Agent(this, f);
    }

    public Agent agent(String nickname) {
        return agent(nickname, "Agent");
    }

    /** Marks the session done: it is closed and every later read says {@code chatEnded}. */
    public void done() {
        close();
    }

    /** What an agent does in a session; each call appends one message. */
    public static final class Agent {
        private final NexusSession session;
        private final Map<String, Object> from;

        Agent(NexusSession session, Map<String, Object> from) {
            this.session = session;
            this.from = from;
        }

        public String participantId() {
            return (String) from.get("participantId");
        }

        public Agent joins() {
            session.append("ParticipantJoined", from, null);
            return this;
        }

        public Agent says(String text) {
            session.append("Text", from, text);
            return this;
        }

        public Agent typing(boolean on) {
            session.append(on ? "TypingStarted" : "TypingStopped", from, null);
            return this;
        }

        public Agent notice(String text) {
            session.append("Notice", from, text);
            return this;
        }

        public Agent pushUrl(String url) {
            session.append("PushUrl", from, null, "url", url);
            return this;
        }

        /** Sends an image: stored, and a message whose {@code content} points at it. */
        public Agent image(String mime, byte[] bytes) {
            session.append("Text", from, "", "content", List.of(session.imagePart(mime, bytes)));
            return this;
        }

        /** Leaves; with Nexus's async semantics the session stays open. */
        public Agent leaves() {
            session.append("ParticipantLeft", from, null);
            return this;
        }
    }
}
