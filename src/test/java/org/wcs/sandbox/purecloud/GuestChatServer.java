package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.platform.Scheduler;
import org.wcs.sandbox.RecentLog;

/**
 * The Genesys Cloud guest chat API as an in-memory server (spec purecloud-v2-sockets.md, Emulator checklist 12), kept
 * apart from any network: {@link PureCloudEmulator} serves it over Jetty on loopback, {@link LoopbackNet} serves it
 * in-process on a test's virtual clock. Time comes from the injected {@link Scheduler} (heartbeats, grace periods,
 * timestamps). Everything runs under this object's lock, so Jetty threads, the timer and the test can all drive it.
 *
 * <p>Choices where the real server is unknown [I]: 200 for create; 400 for writes after the chat ended; unknown
 * cursor ids 404; {@code maxResults} over 100 clamped (or 400 with {@link #clampMaxResults} off); the guest's own
 * {@code member-join} is posted when its stream first attaches; on a guest DELETE the agents get a
 * {@code member-change} only; sockets close 5 s after the end.
 */
public final class GuestChatServer {
    /** One side of an attached WebSocket, as the adapter gives it. */
    public interface Peer {
        void send(String text);

        /** A clean close (close frame with {@code code}). */
        void close(int code, String reason);

        /** An abrupt end: the client sees an abnormal close (1006). */
        void drop();
    }

    /** A REST request as received. */
    public record Request(String method, String path, String query, String authorization, String contentType,
            String body) {
        /** The first value of a query parameter; an empty value counts as absent (the SDK sends {@code ?after=}). */
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (k.equals(name)) {
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    return v.isEmpty() ? null : v;
                }
            }
            return null;
        }
    }

    /** The answer to a REST request. {@code body} null means no body (204). */
    public static final class Answer {
        public int status;
        public String body;
        public final Map<String, String> headers = new LinkedHashMap<>();
        public int delayMs;
        public boolean drop;
        /** The request took effect, but its answer is lost in transit. */
        public boolean lost;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
            headers.put("inin-correlation-id", Wire.uuid());
        }
    }

    /** A refused request: becomes an {@code ErrorBody} answer. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    public final Scheduler clock;
    private final String wsBase;
    public final Faults faults = new Faults();
    private final Map<String, Conversation> byId = new LinkedHashMap<>();
    private final RecentLog<Request> received = new RecentLog<>();
    private final RecentLog<String> frames = new RecentLog<>();
    private long lastStamp;
    /** Heartbeat period on each socket; must stay below the client's 14 s watchdog. */
    public volatile int heartbeatMs = 10_000;
    /** Delay between the guest's final {@code member-leave} and closing the sockets. */
    public volatile int closeGraceMs = 5_000;
    /** {@code maxResults} over 100: clamp (true) or 400. */
    public volatile boolean clampMaxResults = true;
    /** The page size when the request names none (100 on the real server; smaller to test walking pages). */
    public volatile int defaultMaxResults = 100;

    /** {@code wsBase}: e.g. {@code ws://127.0.0.1:8080}, the start of every {@code eventStreamUri}. */
    public GuestChatServer(Scheduler clock, String wsBase) {
        this.clock = clock;
        this.wsBase = wsBase;
    }

    /** A timestamp later than every earlier one (ISO-8601 has ms: two events never share one). */
    synchronized long stamp() {
        lastStamp = Math.max((long) clock.now(), lastStamp + 1);
        return lastStamp;
    }

    // ---- REST ----

    public synchronized Answer handle(Request r) {
        received.add(r);
        Faults.Rule fault = faults.take(r.method(), r.path());
        Answer a;
        if (fault != null && fault.kind == Faults.Kind.STATUS) {
            a = new Answer(fault.status, fault.body != null ? fault.body : Wire.error(fault.status, "injected fault"));
            if (fault.retryAfter != null) {
                a.headers.put("Retry-After", fault.retryAfter);
            }
        } else if (fault != null && fault.kind == Faults.Kind.DROP) {
            a = new Answer(0, null);
            a.drop = true;
        } else {
            try {
                a = route(r);
            } catch (Refusal e) {
                a = new Answer(e.status, Wire.error(e.status, e.getMessage()));
            }
            a.lost = fault != null && fault.kind == Faults.Kind.LOST;
            if (fault != null && fault.kind == Faults.Kind.MALFORMED) {
                a.status = 200;
                a.body = "{\"id\": \"truncated";
            } else if (fault != null && fault.kind == Faults.Kind.EMPTY) {
                a.status = 200;
                a.body = "";
            }
        }
        a.delayMs = faults.latencyMs + (fault != null && fault.kind == Faults.Kind.DELAY ? fault.delayMs : 0);
        return a;
    }

    private Answer route(Request r) {
        String path = r.path();
        if (!path.startsWith(Wire.BASE)) {
            throw new Refusal(404, "no such endpoint");
        }
        String[] p = path.substring(Wire.BASE.length()).split("/");
        // p[0] is "" (the path after BASE starts with "/"); p[1] conversation; p[2] members|messages; ...
        if (p.length <= 1) {
            if (!r.method().equals("POST")) {
                throw new Refusal(404, "no such endpoint");
            }
            return create(r);
        }
        Conversation c = authorize(r, p[1]);
        String what = p.length > 2 ? p[2] : "";
        String method = r.method();
        if (what.equals("members") && p.length == 3 && method.equals("GET")) {
            return ok(members(c, r));
        }
        if (what.equals("members") && p.length >= 4) {
            Member m = c.members.get(p[3]);
            if (m == null) {
                throw new Refusal(404, "member " + p[3] + " not found");
            }
            String action = p.length > 4 ? p[4] : "";
            if (action.isEmpty() && method.equals("GET")) {
                return ok(m.json());
            }
            if (m != c.guest) {
                throw new Refusal(403, "a guest may only act as itself");
            }
            if (c.ended) {
                throw new Refusal(400, "the conversation has ended");
            }
            if (action.isEmpty() && method.equals("DELETE")) {
                c.end(true);
                return new Answer(204, null);
            }
            if (action.equals("messages") && method.equals("POST")) {
                return ok(send(c, r));
            }
            if (action.equals("typing") && method.equals("POST")) {
                return ok(c.typing(c.guest));
            }
        }
        if (what.equals("messages") && method.equals("GET")) {
            if (p.length == 4) {
                for (ObjectNode m : c.messages) {
                    if (m.get("id").asText().equals(p[3])) {
                        return ok(m);
                    }
                }
                throw new Refusal(404, "message " + p[3] + " not found");
            }
            return ok(c.page(r.param("after"), r.param("before"), r.param("sortOrder"), maxResults(r)));
        }
        if (what.equals("mediarequests")) {
            return mediaRequest(c, p.length > 3 ? p[3] : null, method, r);
        }
        throw new Refusal(404, "no such endpoint");
    }

    /** Spec 4.9 (checklist 12.14): list, read one, and the guest's PATCH of its state while the chat lasts. */
    private static Answer mediaRequest(Conversation c, String id, String method, Request r) {
        if (id == null && method.equals("GET")) {
            return ok(c.mediaRequests.list());
        }
        if (id != null && method.equals("GET")) {
            return ok(c.mediaRequests.get(id));
        }
        if (id != null && method.equals("PATCH")) {
            if (c.ended) {
                throw new Refusal(400, "the conversation has ended");
            }
            return ok(c.mediaRequests.answer(id, Wire.parse(r.body())));
        }
        throw new Refusal(404, "no such endpoint");
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, Wire.text(body));
    }

    /** Checklist 12.1: validates, creates the conversation and its CONNECTED guest. */
    private Answer create(Request r) {
        JsonNode b = Wire.parse(r.body());
        if (b == null || !b.isObject()) {
            throw new Refusal(400, "the body must be a JSON object");
        }
        for (String f : new String[] {"organizationId", "deploymentId"}) {
            if (!b.path(f).isTextual() || b.path(f).asText().isEmpty()) {
                throw new Refusal(400, f + " is required");
            }
        }
        JsonNode target = b.path("routingTarget");
        if (!target.path("targetAddress").isTextual() || target.path("targetAddress").asText().isEmpty()) {
            throw new Refusal(400, "routingTarget.targetAddress is required");
        }
        if (target.has("targetType") && !target.path("targetType").asText().equalsIgnoreCase("QUEUE")) {
            throw new Refusal(400, "routingTarget.targetType must be QUEUE");
        }
        JsonNode info = b.path("memberInfo");
        if (!info.path("displayName").isTextual() || info.path("displayName").asText().isEmpty()) {
            throw new Refusal(400, "memberInfo.displayName is required");
        }
        if (info.has("customFields") && !info.path("customFields").isObject()) {
            throw new Refusal(400, "memberInfo.customFields must be an object");
        }
        // an authenticated guest (checklist 12.14) brings a signed-data JWT; the emulator checks only its shape
        JsonNode token = b.path("memberAuthToken");
        if (b.has("memberAuthToken") && (!token.isTextual() || token.asText().split("\\.", -1).length != 3)) {
            throw new Refusal(400, "memberAuthToken must be a JWT");
        }
        Member guest = new Member(Wire.uuid(), "CUSTOMER", info.path("displayName").asText(), "CONNECTED",
                info.path("customFields").isObject() ? info.path("customFields") : null);
        guest.authenticatedGuest = b.has("memberAuthToken");
        guest.joinDate = Wire.iso(stamp());
        guest.avatarImageUrl = info.path("avatarImageUrl").isTextual() ? info.path("avatarImageUrl").asText() : null;
        Conversation c = new Conversation(this, b, guest);
        byId.put(c.id, c);
        ObjectNode out = Wire.MAPPER.createObjectNode();
        out.put("id", c.id).put("jwt", c.jwt).put("eventStreamUri", wsBase + Wire.CHANNELS + c.channel);
        out.set("member", guest.json());
        return ok(out);
    }

    /** Checklist 12.4: 401 without a known token, 404 for an unknown conversation, 403 for another's. */
    private Conversation authorize(Request r, String conversationId) {
        String auth = r.authorization();
        String token = auth != null && auth.length() > 7 && auth.substring(0, 7).equalsIgnoreCase("bearer ")
                ? auth.substring(7).trim() : null;
        Conversation owner = null;
        for (Conversation c : byId.values()) {
            if (c.jwt.equals(token)) {
                owner = c;
            }
        }
        if (owner == null) {
            throw new Refusal(401, "a valid guest JWT is required");
        }
        Conversation c = byId.get(conversationId);
        if (c == null) {
            throw new Refusal(404, "conversation " + conversationId + " not found");
        }
        if (c != owner) {
            throw new Refusal(403, "the JWT belongs to another conversation");
        }
        return c;
    }

    private ObjectNode members(Conversation c, Request r) {
        int size = intParam(r, "pageSize", 25);
        int number = intParam(r, "pageNumber", 1);
        boolean exclude = "true".equals(r.param("excludeDisconnectedMembers"));
        List<Member> all = new ArrayList<>();
        for (Member m : c.members.values()) {
            if (!exclude || !m.state.equals("DISCONNECTED")) {
                all.add(m);
            }
        }
        int pages = Math.max(1, (all.size() + size - 1) / size);
        ObjectNode out = Wire.MAPPER.createObjectNode();
        var entities = out.putArray("entities");
        for (int i = (number - 1) * size; i < Math.min(all.size(), number * size); i++) {
            entities.add(all.get(i).json());
        }
        String uri = Wire.BASE + "/" + c.id + "/members?pageSize=" + size + "&pageNumber=";
        out.put("pageSize", size).put("pageNumber", number).put("total", all.size()).put("pageCount", pages)
                .put("firstUri", uri + 1).put("lastUri", uri + pages).put("selfUri", uri + number);
        if (number < pages) {
            out.put("nextUri", uri + (number + 1));
        }
        if (number > 1) {
            out.put("previousUri", uri + (number - 1));
        }
        return out;
    }

    private ObjectNode send(Conversation c, Request r) {
        JsonNode b = Wire.parse(r.body());
        String body = b == null ? null : b.path("body").isTextual() ? b.path("body").asText() : null;
        if (body == null || body.isEmpty()) {
            throw new Refusal(400, "body is required");
        }
        if (body.length() > 4000) {
            throw new Refusal(400, "body is longer than 4000 characters");
        }
        String type = b.path("bodyType").isTextual() ? b.path("bodyType").asText() : "standard";
        if (!type.equals("standard") && !type.equals("notice")) {
            throw new Refusal(400, "bodyType must be standard or notice");
        }
        return c.post(c.guest, body, type);
    }

    private int maxResults(Request r) {
        int max = intParam(r, "maxResults", defaultMaxResults);
        if (max > 100 && !clampMaxResults) {
            throw new Refusal(400, "maxResults must be at most 100");
        }
        return Math.min(max, 100);
    }

    private static int intParam(Request r, String name, int fallback) {
        String v = r.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new Refusal(400, name + " must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Refusal(400, name + " must be a number");
        }
    }

    // ---- WebSocket ----

    /** Whether an upgrade to {@code path} is accepted (uses up one refusal fault). */
    public synchronized boolean accepts(String path) {
        if (faults.refuseUpgrades > 0) {
            faults.refuseUpgrades--;
            return false;
        }
        return conversationOf(path) != null;
    }

    /** A socket attached to {@code path}; returns its handle, or null when there is no such stream. */
    public synchronized Object attach(String path, Peer peer) {
        Conversation c = conversationOf(path);
        if (c == null) {
            return null;
        }
        Conversation.Socket s = new Conversation.Socket(peer);
        s.stalled = faults.stallNewSockets;
        c.sockets.add(s);
        beat(c, s);
        if (faults.socketClosing && !s.stalled) {
            peer.send(Wire.system(CLOSING, "socket closing for maintenance"));
        }
        if (c.attachments++ == 0) {
            // The server routes a chat only once its stream is attached [S]: the guest's join starts it.
            c.post(c.guest, null, "member-join");
        }
        return new Object[] {c, s};
    }

    private void beat(Conversation c, Conversation.Socket s) {
        s.heartbeat = clock.schedule(heartbeatMs, () -> {
            synchronized (this) {
                if (c.sockets.contains(s)) {
                    if (faults.heartbeats && !s.stalled) {
                        s.peer.send(Wire.system("channel.metadata", Wire.HEARTBEAT));
                    }
                    beat(c, s);
                }
            }
        });
    }

    /** A text frame from the client: only the health check {@code {"message":"ping"}} means anything. */
    public synchronized void text(Object handle, String text) {
        frames.add(text);
        Object[] h = (Object[]) handle;
        JsonNode f = Wire.parse(text);
        Conversation.Socket s = (Conversation.Socket) h[1];
        if (f != null && "ping".equals(f.path("message").asText()) && !s.stalled) {
            s.peer.send(Wire.system("channel.metadata", "pong"));
        }
    }

    public synchronized void detach(Object handle) {
        if (handle != null) {
            Object[] h = (Object[]) handle;
            ((Conversation) h[0]).detach((Conversation.Socket) h[1]);
        }
    }

    private Conversation conversationOf(String path) {
        String channel = path.startsWith(Wire.CHANNELS) ? path.substring(Wire.CHANNELS.length()) : "";
        for (Conversation c : byId.values()) {
            if (c.channel.equals(channel)) {
                return c;
            }
        }
        return null;
    }

    // ---- test controls ----

    /** The conversation created last, or null. */
    public synchronized Conversation latest() {
        Conversation last = null;
        for (Conversation c : byId.values()) {
            last = c;
        }
        return last;
    }

    public synchronized List<Conversation> conversations() {
        return new ArrayList<>(byId.values());
    }

    /** The REST requests so far, in order: the newest {@value RecentLog#CAPACITY}. */
    public List<Request> received() {
        return received.list();
    }

    /** How many REST requests came since the last reset, including those {@link #received()} no longer keeps. */
    public long receivedCount() {
        return received.added();
    }

    /** The text frames clients sent so far, in order: the newest {@value RecentLog#CAPACITY}. */
    public List<String> clientFrames() {
        return frames.list();
    }

    /** Forgets the conversations, the record and the faults (between tests on a shared server). */
    public synchronized void reset() {
        for (Conversation c : byId.values()) {
            for (Conversation.Socket s : new ArrayList<>(c.sockets)) {
                s.peer.close(1001, "reset");
                c.detach(s);
            }
        }
        byId.clear();
        received.clear();
        frames.clear();
        faults.clear();
        heartbeatMs = 10_000;
        closeGraceMs = 5_000;
        clampMaxResults = true;
        defaultMaxResults = 100;
    }

    /** The next {@code times} requests matching method and path fragment (null: any) answer {@code status}. */
    public void failNext(String method, String path, int status, int times) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.STATUS, status, null, 0, times));
    }

    /** The next {@code times} matching requests answer {@code status} with {@code Retry-After: seconds}. */
    public void failNext(String method, String path, int status, int times, int retryAfterSeconds) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.STATUS, status, Integer.toString(retryAfterSeconds), 0,
                times));
    }

    /** The next {@code n} message events go to the sockets twice each. */
    public synchronized void duplicateNextMessages(int n) {
        faults.duplicateMessages = n;
    }

    /** The next {@code n} message events go out in pairs, the second of each pair first. */
    public synchronized void reorderNextMessages(int n) {
        faults.reorderMessages = n;
    }

    /** Faults injected and not yet played. */
    public int pendingFaults() {
        return faults.pending();
    }

    /** 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(String method, String path, int seconds, int times) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.STATUS, 429, Integer.toString(seconds), 0, times));
    }

    /** The next matching request answers {@code status} with exactly {@code body}. */
    public void answerNext(String method, String path, int status, String body) {
        Faults.Rule r = new Faults.Rule(method, path, Faults.Kind.STATUS, status, null, 0, 1);
        r.body = body;
        faults.add(r);
    }

    /** A 200 whose body is not JSON. */
    public void malformedNext(String method, String path) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.MALFORMED, 200, null, 0, 1));
    }

    /** A 200 with an empty body. */
    public void emptyNext(String method, String path) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.EMPTY, 200, null, 0, 1));
    }

    /** The connection is dropped with no answer. */
    public void dropNext(String method, String path) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.DROP, 0, null, 0, 1));
    }

    /** The request takes effect, but its answer is lost in transit. */
    public void loseNext(String method, String path) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.LOST, 0, null, 0, 1));
    }

    /** The answer comes {@code ms} late. */
    public void slowNext(String method, String path, int ms) {
        faults.add(new Faults.Rule(method, path, Faults.Kind.DELAY, 0, null, ms, 1));
    }

    /** Every REST answer comes {@code ms} late. */
    public void latency(int ms) {
        faults.latencyMs = ms;
    }

    public synchronized void heartbeats(boolean on) {
        faults.heartbeats = on;
    }

    public synchronized void refuseUpgrades(int n) {
        faults.refuseUpgrades = n;
    }

    /** Kills every socket abruptly (the client sees 1006). */
    public synchronized void dropSockets() {
        for (Conversation c : byId.values()) {
            for (Conversation.Socket s : new ArrayList<>(c.sockets)) {
                c.detach(s);
                s.peer.drop();
            }
        }
    }

    /** Half-open sockets: nothing more reaches the clients on the sockets open now (no close either). */
    public synchronized void stallSockets() {
        for (Conversation c : byId.values()) {
            for (Conversation.Socket s : c.sockets) {
                s.stalled = true;
            }
        }
    }

    /** Any text, as a frame on every socket. */
    public synchronized void broadcastRaw(String frame) {
        for (Conversation c : byId.values()) {
            c.broadcast(frame);
        }
    }

    private static final String CLOSING = "v2.system.socket_closing";

    /** The maintenance warning {@code v2.system.socket_closing}, on every socket. */
    public synchronized void socketClosing() {
        for (Conversation c : byId.values()) {
            c.broadcast(Wire.system(CLOSING, "socket closing for maintenance"));
        }
    }

    /** The switch for a server in endless maintenance: every socket attached from now on is warned at once. */
    public synchronized void socketClosing(boolean onEveryNewSocket) {
        faults.socketClosing = onEveryNewSocket;
    }

    /** Sockets attached from now on are half-open from their first moment (no frame, no close). */
    public synchronized void stallNewSockets(boolean on) {
        faults.stallNewSockets = on;
    }
}
