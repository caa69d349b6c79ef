package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * One chat on the emulated GMS: identity, participants and the transcript, where every event (joins, messages,
 * typing, notices, files, idle alerts) takes the next index. All methods lock the chat; Jetty threads and the test
 * thread both use it.
 */
public final class GmsChat {
    static final ObjectMapper JSON = new ObjectMapper();

    public final String chatId;
    public final String secureKey;
    public final String userId;
    public final String alias;
    public final String service;
    private final LongSupplier clock;
    private final List<ObjectNode> transcript = new ArrayList<>();
    private final Map<Integer, String> participants = new LinkedHashMap<>();
    private final Map<Integer, String> participantTypes = new LinkedHashMap<>();
    final Map<String, String> userData = new LinkedHashMap<>();
    final Map<String, GmsEmulator.StoredFile> files = new LinkedHashMap<>();
    /**
     * Parties are numbered in the order they join, the customer first (Chat Server, see the README's "GMS participant
     * numbering"); {@link #system} takes its number when it first speaks.
     */
    private int nextParticipant = 1;
    /** The party the server's and a routing workflow's notices come from ("system", External), once it spoke. */
    private Integer system;
    private String customer = "Customer";
    private boolean ended;
    /** The customer's current typing-preview text, from refresh/startTyping {@code message}. */
    public volatile String preview = "";
    /** Epoch ms of the customer's last activity, for idle handling by scripts. */
    volatile long lastCustomerActivity;
    /** How the customer reached it: "gms" (REST) or "cometd"; each desk lists its own. */
    volatile String origin = "gms";
    /** Told after every new event and at the end (called with the chat's lock held: they must only hand off). */
    final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    GmsChat(String chatId, String secureKey, String userId, String alias, String service, LongSupplier clock) {
        this.chatId = chatId;
        this.secureKey = secureKey;
        this.userId = userId;
        this.alias = alias;
        this.service = service;
        this.clock = clock;
    }

    /** The customer's display name. */
    public synchronized String customerName() {
        return customer;
    }

    public synchronized Map<String, String> userDataCopy() {
        return new LinkedHashMap<>(userData);
    }

    /** Attached data as the server holds it (from the start form and later updates). */
    public synchronized String userDataValue(String key) {
        return userData.get(key);
    }

    public synchronized boolean ended() {
        return ended;
    }

    synchronized int join(String type, String nickname, ObjectNode eventAttributes) {
        int id = nextParticipant++;
        if (id == 1) {
            customer = nickname;
        }
        participants.put(id, nickname);
        participantTypes.put(id, type);
        add(id, "ParticipantJoined", null, eventAttributes);
        return id;
    }

    /**
     * The system party's number: the next one the first time it speaks (it has no join event, as a workflow's
     * "Please wait" in spec gms-v2 §14 has none).
     */
    synchronized int system() {
        if (system == null) {
            system = nextParticipant++;
            participants.put(system, "system");
            participantTypes.put(system, "External");
        }
        return system;
    }

    /** Appends an event from participant {@code id}; returns it. */
    synchronized ObjectNode add(int id, String type, String text, ObjectNode eventAttributes) {
        return add(id, type, text, eventAttributes, null);
    }

    /**
     * Appends an event that {@code more} completes first (userData, messageType...): watchers may copy it as soon as
     * it is in the transcript, so it must not change after that.
     */
    synchronized ObjectNode add(int id, String type, String text, ObjectNode eventAttributes,
            java.util.function.Consumer<ObjectNode> more) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode from = e.putObject("from");
        from.put("nickname", participants.getOrDefault(id, "system"));
        from.put("participantId", id);
        from.put("type", participantTypes.getOrDefault(id, "External"));
        e.put("index", transcript.size() + 1);
        e.put("type", type);
        if (text != null) {
            e.put("text", text);
        }
        e.put("utcTime", clock.getAsLong());
        if (eventAttributes != null) {
            e.set("eventAttributes", eventAttributes);
        }
        if (more != null) {
            more.accept(e);
        }
        transcript.add(e);
        watchers.forEach(Runnable::run);
        return e;
    }

    synchronized void leave(int id) {
        if (participants.containsKey(id)) {
            add(id, "ParticipantLeft", null, null);
            participants.remove(id);
        }
    }

    synchronized void end() {
        ended = true;
        watchers.forEach(Runnable::run);
    }

    /** Events with index at or above {@code position} (0: none), ascending, as deep copies. */
    synchronized ArrayNode from(int position) {
        ArrayNode out = JSON.createArrayNode();
        if (position == 0) {
            return out;
        }
        for (ObjectNode e : transcript) {
            if (e.get("index").asInt() >= position) {
                out.add(e.deepCopy());
            }
        }
        return out;
    }

    /** The transcript as (index, type, from type, text) lines, for comparing with what a page shows. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ObjectNode e : transcript) {
            out.add(e.get("index").asInt() + " " + e.get("type").asText() + " " + e.get("from").get("type").asText()
                    + " " + (e.has("text") ? e.get("text").asText() : ""));
        }
        return out;
    }

    public synchronized int size() {
        return transcript.size();
    }

    synchronized Integer participant(String type) {
        for (Map.Entry<Integer, String> p : participantTypes.entrySet()) {
            if (p.getValue().equals(type) && participants.containsKey(p.getKey()) && !p.getKey().equals(system)) {
                return p.getKey();
            }
        }
        return null;
    }

    /** The envelope every answer carries: status, identity, {@code chatEnded} (never omitted), next position. */
    synchronized ObjectNode envelope(int statusCode) {
        ObjectNode o = JSON.createObjectNode();
        o.put("statusCode", statusCode);
        o.put("chatId", chatId);
        o.put("userId", userId);
        o.put("secureKey", secureKey);
        o.put("alias", alias);
        o.put("chatEnded", ended);
        o.put("nextPosition", transcript.size() + 1);
        return o;
    }
}
