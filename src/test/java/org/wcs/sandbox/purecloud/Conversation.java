package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.platform.Cancellable;

/**
 * One guest chat: its members, its message history and the sockets attached to its event stream. Every change goes
 * the way the widget needs it (spec 6.3.1, 12.6): a member's state and dates first, then {@code member-change} on the
 * {@code .members} topic, then the {@code member-join}/{@code member-leave} message on {@code .messages}, which is
 * also kept in the history. Each event goes to every attached socket. All methods run under the server's lock.
 */
public final class Conversation {
    /** An attached socket. */
    static final class Socket {
        final GuestChatServer.Peer peer;
        boolean stalled;
        Cancellable heartbeat;

        Socket(GuestChatServer.Peer peer) {
            this.peer = peer;
        }
    }

    final GuestChatServer server;
    public final String id;
    public final String jwt;
    public final String channel;
    /** The create request as received. */
    public final JsonNode createBody;
    final Member guest;
    final Map<String, Member> members = new LinkedHashMap<>();
    final List<ObjectNode> messages = new ArrayList<>();
    final List<Socket> sockets = new ArrayList<>();
    final MediaRequests mediaRequests;
    /** Attachments so far; routing (the guest's join) starts with the first. */
    int attachments;
    boolean ended;
    /** A message event held back by the reorder fault. */
    private String heldFrame;

    Conversation(GuestChatServer server, JsonNode createBody, Member guest) {
        this.server = server;
        this.id = Wire.uuid();
        this.jwt = "eyJhbGciOiJub25lIn0." + Wire.uuid().replace("-", "") + "." + Wire.uuid().replace("-", "");
        this.channel = "streaming-" + Wire.uuid().replace("-", "");
        this.createBody = createBody;
        this.guest = guest;
        this.mediaRequests = new MediaRequests(id);
        members.put(guest.id, guest);
    }

    // ---- the protocol ----

    ObjectNode messageJson(Member sender, String body, String bodyType, long at) {
        ObjectNode m = Wire.MAPPER.createObjectNode();
        String mid = Wire.uuid();
        m.put("id", mid);
        m.putObject("conversation").put("id", id);
        m.putObject("sender").put("id", sender.id);
        if (body != null) {
            m.put("body", body);
        }
        m.put("bodyType", bodyType).put("timestamp", Wire.iso(at))
                .put("selfUri", Wire.BASE + "/" + id + "/messages/" + mid);
        return m;
    }

    /** Stores a message and sends it to every socket; returns it. */
    ObjectNode post(Member sender, String body, String bodyType) {
        ObjectNode m = messageJson(sender, body, bodyType, server.stamp());
        messages.add(m);
        broadcastMessage(Wire.event(id, "messages", "message", m));
        return m;
    }

    void changed(Member m) {
        ObjectNode body = Wire.MAPPER.createObjectNode();
        body.putObject("conversation").put("id", id);
        body.putObject("member").put("id", m.id).put("state", m.state);
        body.put("timestamp", Wire.iso(server.stamp()));
        broadcast(Wire.event(id, "members", "member-change", body));
    }

    void join(Member m) {
        members.put(m.id, m);
        m.state = "CONNECTED";
        m.joinDate = Wire.iso(server.stamp());
        m.leaveDate = null;
        changed(m);
        post(m, null, "member-join");
    }

    void leave(Member m, boolean withMessage) {
        m.state = "DISCONNECTED";
        m.leaveDate = Wire.iso(server.stamp());
        changed(m);
        if (withMessage) {
            post(m, null, "member-leave");
        }
    }

    ObjectNode typing(Member m) {
        ObjectNode t = Wire.MAPPER.createObjectNode();
        t.put("id", Wire.uuid());
        t.putObject("conversation").put("id", id);
        t.putObject("sender").put("id", m.id);
        t.put("timestamp", Wire.iso(server.stamp()));
        broadcast(Wire.event(id, "messages", "typing-indicator", t));
        return t;
    }

    /** A message event, as the duplicate and reorder faults shape it. */
    private void broadcastMessage(String frame) {
        Faults f = server.faults;
        if (f.reorderMessages > 0) {
            f.reorderMessages--;
            if (heldFrame == null) {
                heldFrame = frame;
                return;
            }
            broadcast(frame);
            frame = heldFrame;
            heldFrame = null;
        }
        broadcast(frame);
        if (f.duplicateMessages > 0) {
            f.duplicateMessages--;
            broadcast(frame);
        }
    }

    void broadcast(String frame) {
        for (Socket s : sockets) {
            if (!s.stalled) {
                s.peer.send(frame);
            }
        }
    }

    /** The guest left (DELETE) or the agent ended the chat: members leave in order, sockets close after a grace. */
    void end(boolean byGuest) {
        if (byGuest) {
            leave(guest, true);
        }
        for (Member m : new ArrayList<>(members.values())) {
            if (m != guest && m.state.equals("CONNECTED")) {
                leave(m, !byGuest);
            }
        }
        if (!byGuest) {
            leave(guest, true);
        }
        ended = true;
        server.clock.schedule(server.closeGraceMs, () -> {
            synchronized (server) {
                for (Socket s : new ArrayList<>(sockets)) {
                    s.peer.close(1000, "conversation ended");
                    detach(s);
                }
            }
        });
    }

    void detach(Socket s) {
        if (sockets.remove(s) && s.heartbeat != null) {
            s.heartbeat.cancel();
        }
    }

    /** {@code GET .../messages}: exclusive cursors, ascending by default, {@code next} as a path (spec 4.4). */
    ObjectNode page(String after, String before, String sortOrder, int max) {
        int from = 0;
        int to = messages.size();
        if (after != null) {
            from = indexOf(after) + 1;
        }
        if (before != null) {
            to = indexOf(before);
        }
        boolean descending = "descending".equalsIgnoreCase(sortOrder);
        List<ObjectNode> page = new ArrayList<>();
        String next = null;
        String path = Wire.BASE + "/" + id + "/messages?";
        if (descending) {
            int start = Math.max(from, to - max);
            for (int i = to - 1; i >= start; i--) {
                page.add(messages.get(i));
            }
            if (start > from && !page.isEmpty()) {
                next = path + "before=" + page.get(page.size() - 1).get("id").asText() + "&sortOrder=descending"
                        + "&maxResults=" + max + (after == null ? "" : "&after=" + after);
            }
        } else {
            int end = Math.min(to, from + max);
            for (int i = from; i < end; i++) {
                page.add(messages.get(i));
            }
            if (end < to && !page.isEmpty()) {
                next = path + "after=" + page.get(page.size() - 1).get("id").asText() + "&maxResults=" + max
                        + (before == null ? "" : "&before=" + before);
            }
        }
        ObjectNode out = Wire.MAPPER.createObjectNode();
        out.put("pageSize", max);
        ArrayNode entities = out.putArray("entities");
        page.forEach(entities::add);
        if (next != null) {
            out.put("next", next);
        }
        out.put("selfUri", Wire.BASE + "/" + id + "/messages");
        return out;
    }

    private int indexOf(String messageId) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).get("id").asText().equals(messageId)) {
                return i;
            }
        }
        throw new GuestChatServer.Refusal(404, "message " + messageId + " not found");
    }

    // ---- test controls ----

    /** A new agent, not yet joined; its actions go through the server like real traffic. */
    public Participant agent(String name) {
        return participant("AGENT", name);
    }

    /** A bot (an Architect flow: role WORKFLOW). */
    public Participant bot(String name) {
        return participant("WORKFLOW", name);
    }

    /** The routing pseudo-member (role ACD). */
    public Participant acd() {
        return participant("ACD", "ACD");
    }

    private Participant participant(String role, String name) {
        synchronized (server) {
            return new Participant(this, new Member(Wire.uuid(), role, name, "ALERTING", null));
        }
    }

    /** The agent side ends the chat: every other member leaves, then the guest. */
    public void endByAgent() {
        synchronized (server) {
            end(false);
        }
    }

    /** The history, oldest first, as the server holds it. */
    public List<JsonNode> transcript() {
        synchronized (server) {
            return new ArrayList<>(messages);
        }
    }

    public Member guest() {
        return guest;
    }

    /**
     * The test oracle: the history as a page should show it, by message id, oldest first. Every message except the
     * joins and leaves of bots (unless {@code bots}) and of the ACD, and, unless the page restored, the guest's own
     * join (a page that started the chat shows its synthetic "chat started" item instead).
     */
    public List<String> shownIds(boolean restored, boolean bots) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : transcript()) {
            String type = m.path("bodyType").asText();
            String role = roleOf(m.path("sender").path("id").asText());
            boolean change = type.equals("member-join") || type.equals("member-leave");
            if (change && (role.equals("ACD") || role.equals("WORKFLOW") && !bots
                    || role.equals("CUSTOMER") && type.equals("member-join") && !restored)) {
                continue;
            }
            out.add(m.path("id").asText());
        }
        return out;
    }

    /** The role of a member that ever joined or was offered, or "" for an unknown id. */
    public String roleOf(String memberId) {
        synchronized (server) {
            Member m = members.get(memberId);
            return m == null ? "" : m.role;
        }
    }

    public boolean ended() {
        synchronized (server) {
            return ended;
        }
    }

    /** Sockets attached now. */
    public int sockets() {
        synchronized (server) {
            return sockets.size();
        }
    }

    /** Attachments since the conversation was created. */
    public int attachments() {
        synchronized (server) {
            return attachments;
        }
    }
}
