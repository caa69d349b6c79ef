package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Emulator;
import org.wcs.sandbox.Exchange;
import org.wcs.sandbox.RecentLog;
import org.wcs.sandbox.Sandbox;

/**
 * GMS Chat API v2 over CometD (spec gms-v2 §13, Emulator checklist 12): Bayeux 1.0 long-polling at
 * {@code /genesys/cometd} ({@code /handshake}, {@code /connect} held until there is something to push or the advised
 * timeout, {@code /disconnect}, publishes at {@code /} or the bare URL, subscribes acknowledged as no-ops and never
 * required), the chat operations of §13.3 on {@code /service/chatV2/{service}} (in {@link CometdOps}), and the file
 * endpoint {@code /genesys/2/chat-ntf} with an {@code operation} part.
 *
 * <p>The chats are the REST emulator's ({@link GmsChat}, created through {@link GmsEmulator}), so agents, scripts and
 * the console drive them the same way; this desk lists the ones started over CometD. Every new transcript event of a
 * chat is pushed to each Bayeux session attached to it, in the REST envelope. All Bayeux state lives on one thread
 * (the actor); Jetty threads only read requests and hand them over.
 */
public final class CometdEmulator implements Emulator {
    public static final String PATH = "/genesys/cometd";
    public static final String FILES = "/genesys/2/chat-ntf";
    static final String UNKNOWN_CLIENT = "402::Unknown client";

    final GmsEmulator gms;
    private final AgentDesk desk;
    final CometdOps ops = new CometdOps(this);
    final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cometd-emulator");
        t.setDaemon(true);
        return t;
    });
    /** Actor thread only. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Faults<CometFault> faults = new Faults<>();
    /** The Bayeux messages and file calls received, in order: the newest {@value RecentLog#CAPACITY}, and a count. */
    public final RecentLog<Received> received = new RecentLog<>();
    /** How long a connect is held when there is nothing to push (the advised {@code timeout}). */
    public volatile int holdMs = 30_000;
    private int serial;

    /** One message as received: its channel, the chat operation it carries (if any), and the request's headers. */
    public record Received(String channel, String operation, JsonNode message, String authorization,
            String apikey) {
        public JsonNode data() {
            return message.path("data");
        }
    }

    /** A Bayeux client: its pushes waiting for a connect, the connect being held, and the chat it follows. */
    static final class Session {
        final String clientId;
        final Deque<Pending> queue = new ArrayDeque<>();
        Exchange held;
        ArrayNode heldReplies;
        ScheduledFuture<?> holdTimer;
        GmsChat chat;
        String channel;
        /** The highest transcript index pushed to it. */
        int delivered;
        boolean endPushed;
        /** The server dropped it: its next (or held) connect is answered with {@code /meta/disconnect}. */
        boolean dropping;

        Session(String clientId) {
            this.clientId = clientId;
        }
    }

    /** A push and when it may go out. */
    record Pending(ObjectNode message, long releaseAt) {
    }

    public CometdEmulator(GmsEmulator gms) {
        this.gms = gms;
        this.desk = new GmsDesk(gms, "cometd");
    }

    @Override
    public void install(Sandbox sandbox) {
        sandbox.route(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Exchange x = new Exchange(request, response, callback);
                boolean bayeux = x.path.equals(PATH) || x.path.startsWith(PATH + "/");
                boolean files = x.path.equals(FILES) || x.path.startsWith(FILES + "/");
                if (!bayeux && !files) {
                    return false;
                }
                if (!x.preflight()) {
                    if (bayeux) {
                        bayeux(x);
                    } else {
                        files(x);
                    }
                }
                return true;
            }
        });
    }

    @Override
    public void close() {
        actor.shutdownNow();
    }

    // ---------------------------------------------------------------- test API

    public synchronized void inject(CometFault fault) {
        faults.add(fault);
    }

    /** Faults injected and not yet played. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /**
     * Forgets every Bayeux session and pending fault, answering held connects with nothing: tests call it so that the
     * pages of earlier tests (whose event loops no longer run) do not take the next test's faults.
     */
    public void reset() {
        synchronized (this) {
            faults.clear();
        }
        onActor(() -> {
            for (Session s : sessions.values()) {
                if (s.held != null) {
                    s.held.json(200, "[]");
                    s.held = null;
                }
            }
            sessions.clear();
            return null;
        });
    }

    /** The server ends every Bayeux session: a held connect is answered with {@code /meta/disconnect} now. */
    public void dropSessions() {
        onActor(() -> {
            for (Session s : new ArrayList<>(sessions.values())) {
                s.dropping = true;
                if (s.held != null) {
                    answer(s, true);
                }
            }
            return null;
        });
    }

    /** Bayeux sessions the server knows, and how many of them hold a connect now. */
    public int[] sessionCounts() {
        return onActor(() -> {
            int held = 0;
            for (Session s : sessions.values()) {
                held += s.held != null ? 1 : 0;
            }
            return new int[] {sessions.size(), held};
        });
    }

    public List<Received> received(String operationOrChannel) {
        return received.list().stream().filter(r -> operationOrChannel.equals(r.operation())
                || r.operation() == null && operationOrChannel.equals(r.channel())).toList();
    }

    /** The newest chat started over CometD, or null. */
    public GmsChat latestChat() {
        return gms.latestChat("cometd");
    }

    public GmsChat awaitChat(long timeoutMs) throws InterruptedException {
        return gms.awaitChat("cometd", timeoutMs);
    }

    public GmsAgent agent(GmsChat chat) {
        return gms.agent(chat);
    }

    /** The REST emulator whose chats these are. */
    public GmsEmulator gms() {
        return gms;
    }

    private <T> T onActor(Callable<T> task) {
        try {
            return actor.submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes one use of the first fault of that kind, or returns null. */
    synchronized boolean has(CometFault.Kind kind) {
        return faults.has(f -> f.kind() == kind);
    }

    synchronized CometFault take(CometFault.Kind kind) {
        return faults.take(f -> f.kind() == kind);
    }

    // ---------------------------------------------------------------- Bayeux

    private void bayeux(Exchange x) throws Exception {
        JsonNode batch;
        try {
            batch = GmsChat.JSON.readTree(x.text());
        } catch (Exception e) {
            batch = null;
        }
        if (batch == null || !batch.isArray() && !batch.isObject()) {
            x.json(400, "[{\"successful\":false,\"error\":\"400::bad message\"}]");
            return;
        }
        JsonNode messages = batch.isArray() ? batch : GmsChat.JSON.createArrayNode().add(batch);
        String auth = x.header("Authorization");
        String apikey = x.header("apikey");
        actor.execute(() -> {
            try {
                process(x, messages, auth, apikey);
            } catch (Exception e) {
                x.json(500, "[{\"successful\":false,\"error\":\"500::" + e + "\"}]");
            }
        });
    }

    private void process(Exchange x, JsonNode batch, String auth, String apikey) throws Exception {
        ArrayNode replies = GmsChat.JSON.createArrayNode();
        Session connecting = null;
        boolean immediate = false;
        for (JsonNode m : batch) {
            String channel = m.path("channel").asText("");
            received.add(new Received(channel, m.path("data").path("operation").asText(null), m, auth, apikey));
            ObjectNode r = replies.addObject();
            r.put("channel", channel);
            if (m.has("id")) {
                r.set("id", m.get("id"));
            }
            Session s = sessions.get(m.path("clientId").asText(""));
            if (channel.equals("/meta/handshake")) {
                s = new Session("emu-" + Integer.toHexString(0x3f00 + ++serial));
                sessions.put(s.clientId, s);
                r.put("successful", true).put("clientId", s.clientId).put("version", "1.0");
                r.putArray("supportedConnectionTypes").add("long-polling");
                advice(r, "retry");
            } else if (s == null) {
                r.put("successful", false).put("error", UNKNOWN_CLIENT);
                advice(r, "handshake");
            } else if (channel.equals("/meta/connect")) {
                if (take(CometFault.Kind.REFUSE) != null) {
                    x.send(503, "text/plain", new byte[0]);
                    return;
                }
                CometFault status = take(CometFault.Kind.HTTP);
                if (status != null) {
                    if (status.retryAfter() > 0) {
                        x.response.getHeaders().put("Retry-After", Integer.toString(status.retryAfter()));
                    }
                    x.send(status.value(), "text/plain", new byte[0]);
                    return;
                }
                if (take(CometFault.Kind.FAIL) != null) {
                    r.put("successful", false).put("error", "500::temporarily unavailable");
                    advice(r, "retry");
                    continue;
                }
                r.put("successful", true);
                advice(r, "retry");
                connecting = s;
                immediate = m.path("advice").path("timeout").asInt(-1) == 0;
            } else if (channel.equals("/meta/disconnect")) {
                sessions.remove(s.clientId);
                r.put("successful", true);
                if (s.held != null) {
                    answer(s, true);
                }
            } else if (channel.equals("/meta/subscribe") || channel.equals("/meta/unsubscribe")) {
                r.put("successful", true).set("subscription", m.get("subscription"));
            } else if (channel.startsWith(CometdOps.CHANNEL_PREFIX) && m.has("data")) {
                if ("sendMessage".equals(m.path("data").path("operation").asText(""))
                        && take(CometFault.Kind.LOSE_SEND) != null) {
                    x.loseAnswer();
                }
                r.put("successful", true);
                ops.operate(s, channel, m.get("data"));
            } else {
                r.put("successful", false).put("error", "403::publish denied");
            }
        }
        if (connecting == null) {
            x.json(200, replies.toString());
            return;
        }
        if (connecting.held != null) {
            answer(connecting, true); // a newer connect takes over from a held one
        }
        connecting.held = x;
        connecting.heldReplies = replies;
        if (immediate || connecting.dropping || ready(connecting)) {
            answer(connecting, true);
        } else {
            Session s = connecting;
            s.holdTimer = actor.schedule(() -> answer(s, true), holdMs, TimeUnit.MILLISECONDS);
        }
    }

    private void advice(ObjectNode reply, String reconnect) {
        reply.putObject("advice").put("reconnect", reconnect).put("interval", 0).put("timeout", holdMs);
    }

    /** Whether a push may go out now. */
    private static boolean ready(Session s) {
        return !s.queue.isEmpty() && s.queue.peek().releaseAt <= System.currentTimeMillis();
    }

    /** Answers the held connect with what may go out ({@code force}: even with nothing to push). */
    private void answer(Session s, boolean force) {
        if (s.held == null || !force && !ready(s) && !s.dropping) {
            return;
        }
        Exchange x = s.held;
        ArrayNode replies = s.heldReplies;
        s.held = null;
        if (s.holdTimer != null) {
            s.holdTimer.cancel(false);
            s.holdTimer = null;
        }
        if (s.dropping) {
            sessions.remove(s.clientId);
            replies.removeAll();
            replies.addObject().put("channel", "/meta/disconnect").put("clientId", s.clientId)
                    .put("successful", true);
            x.json(200, replies.toString());
            return;
        }
        int firstPush = replies.size();
        while (ready(s)) {
            replies.add(s.queue.poll().message());
        }
        int pushes = replies.size() - firstPush;
        if (pushes > 0 && take(CometFault.Kind.DUPLICATE) != null) {
            for (int i = 0; i < pushes; i++) {
                replies.add(replies.get(firstPush + i).deepCopy());
            }
        }
        if (take(CometFault.Kind.DROP) != null) {
            x.cut(200, "application/json", replies.toString().getBytes(StandardCharsets.UTF_8));
        } else if (take(CometFault.Kind.MALFORMED) != null) {
            x.send(200, "application/json", "[{\"channel\":\"/meta/connect\",".getBytes(StandardCharsets.UTF_8));
        } else {
            x.json(200, replies.toString());
        }
    }

    /** Queues a push for a session (actor thread) and answers its held connect when the push may go out. */
    void push(Session s, ObjectNode data) {
        ObjectNode m = GmsChat.JSON.createObjectNode();
        m.put("channel", s.channel);
        m.set("data", data);
        CometFault delay = take(CometFault.Kind.DELAY);
        long at = Math.max(System.currentTimeMillis() + (delay == null ? 0 : delay.value()),
                s.queue.isEmpty() ? 0 : s.queue.peekLast().releaseAt());
        s.queue.add(new Pending(m, at));
        if (at > System.currentTimeMillis()) {
            actor.schedule(() -> answer(s, false), at - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        } else {
            answer(s, false);
        }
    }

    /** The sessions following a chat (actor thread). */
    List<Session> following(GmsChat chat) {
        List<Session> out = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.chat == chat) {
                out.add(s);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- files

    private void files(Exchange x) throws Exception {
        // The operation is a part of the body, so any call here may be an upload and gets an upload's room; a body
        // past it can only be a file that is too large.
        Map<String, List<String>> form;
        try {
            form = x.limitUpload(GmsCalls.MAX_FILE_SIZE).form();
        } catch (Exchange.TooLarge e) {
            received.add(new Received(FILES, null, GmsChat.JSON.createObjectNode(), x.header("Authorization"),
                    x.header("apikey")));
            x.json(400, GmsCalls.TOO_LARGE);
            return;
        }
        String operation = GmsEmulator.value(form, "operation");
        received.add(new Received(FILES, operation, GmsChat.JSON.valueToTree(form), x.header("Authorization"),
                x.header("apikey")));
        GmsChat chat = gms.chatByKey(GmsEmulator.value(form, "secureKey"));
        String op = switch (operation) {
            case "fileGetLimits" -> "file/limits";
            case "fileUpload" -> "file";
            case "fileDownload" -> "file/download";
            default -> null;
        };
        if (chat == null || op == null) {
            x.json(400, chat == null ? "{\"statusCode\":2,\"errors\":[{\"code\":404,\"advice\":\"chat session not"
                    + " found\"}]}" : "{\"statusCode\":2,\"errors\":[{\"code\":500,\"advice\":\"unknown operation\"}]}");
            return;
        }
        new GmsCalls(gms, chat, x, form, null).run(op);
    }

    /** The desk of the chats started over CometD: the GMS emulator's chats and agent, under the name "cometd". */
    @Override
    public AgentDesk desk() {
        return desk;
    }
}
