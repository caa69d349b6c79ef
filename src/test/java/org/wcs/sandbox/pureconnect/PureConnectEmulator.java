package org.wcs.sandbox.pureconnect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.server.Request;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Emulator;
import org.wcs.sandbox.RecentLog;
import org.wcs.sandbox.Sandbox;

/**
 * A local PureConnect chat server for both transports (spec pureconnect-v4 §15): the ICWS web-chat API proxy style
 * under {@value #PROXY}{@code /<host>/icws/web-chat/...}, where the host segment selects a virtual server (so a 503
 * switchover is testable on one port), and the chatbots connector under {@value #BOTS_REST} with its WebSocket at
 * {@value #BOTS_SOCKET}{@code ?channel=<sessionId>}.
 *
 * <p>Tests reach it with {@code sandbox.emulator(PureConnectEmulator.class)}, drive the agent side through
 * {@link IcwsChat}, break it with {@link #fault} and {@link #down}, and read what it received with
 * {@link #received()}. Call {@link #reset()} between tests.
 */
public final class PureConnectEmulator implements Emulator {
    public static final String PROXY = "/icws-proxy";
    /** The chatbots connector's REST base, as {@code transport.chatbotsRestBase} names it (ends like the real one). */
    public static final String BOTS_REST = "/pureconnect-bots/api/v1/start/";
    public static final String BOTS_SOCKET = "/pureconnect-bots/v1";
    public static final String HOST_A = "cic-a.example.test";
    public static final String HOST_B = "cic-b.example.test";

    /** Fault routes: the ICWS ones of spec §4.1, the connector's, and {@code any}. */
    public static final Set<String> ROUTES = Set.of("start", "messages", "send-message", "typing-state",
            "reconnect", "message-history", "exit", "bots-start", "bots-send-message", "bots-activity",
            "bots-restore", "bots-end", "bots-history", "bots-socket", "any");

    final Map<String, IcwsChat> chats = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, List<String>> down = new HashMap<>();
    private final RecentLog<Received> received = new RecentLog<>();
    private final PureConnectDesk desk = new PureConnectDesk(this);
    /** {@code pollWaitSuggestion} of every answer that carries one. */
    volatile String pollWait = "1000";
    /** Error bodies carry {@code status} (off: as a stock ICWS server). */
    volatile boolean statusInErrors = true;
    /** A welcome text from the System participant at the start of each chat, or null. */
    volatile String welcome;
    /** Grace period before an ended chatbots session closes its sockets (ms). */
    volatile long closeGraceMs = 200;

    /** One request as it arrived: method, path, the virtual host (or null), headers (lower-case names), body. */
    public record Received(String method, String path, String host, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public PureConnectEmulator() {
        reset();
    }

    @Override
    public void install(Sandbox sandbox) {
        sandbox.route(new IcwsRoutes(this));
        sandbox.webSocket(BOTS_SOCKET, (request, response, callback) -> {
            Fault f = takeFault("bots-socket");
            String channel = Request.extractQueryParameters(request).getValue("channel");
            IcwsChat chat = channel == null ? null : bySession(channel);
            if (f != null || chat == null) {
                org.eclipse.jetty.server.Response.writeError(request, response, callback, f != null && f.status() > 0
                        ? f.status() : 404, "socket refused");
                return null;
            }
            return new BotsSocket(this, chat);
        });
    }

    @Override
    public AgentDesk desk() {
        return desk;
    }

    /** Back to the defaults: no chats, faults, downed hosts or records. */
    public synchronized PureConnectEmulator reset() {
        chats.clear();
        faults.clear();
        down.clear();
        received.clear();
        pollWait = "1000";
        statusInErrors = true;
        welcome = null;
        closeGraceMs = 200;
        return this;
    }

    // ---- configuration and faults -----------------------------------------------------------------------------

    public PureConnectEmulator pollWait(String suggestion) {
        pollWait = suggestion;
        return this;
    }

    public PureConnectEmulator statusInErrors(boolean on) {
        statusInErrors = on;
        return this;
    }

    public PureConnectEmulator welcome(String text) {
        welcome = text;
        return this;
    }

    /** The next {@code times} requests of {@code route} (see {@link #ROUTES}) meet {@code fault}. */
    public synchronized PureConnectEmulator fault(String route, int times, Fault fault) {
        if (!ROUTES.contains(route)) {
            throw new IllegalArgumentException("no route " + route);
        }
        Deque<Fault> q = faults.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(fault);
        }
        return this;
    }

    public synchronized PureConnectEmulator clearFaults() {
        faults.clear();
        return this;
    }

    synchronized Fault takeFault(String route) {
        Deque<Fault> q = faults.get(route);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        q = faults.get("any");
        return q == null || route.equals("bots-socket") ? null : q.poll();
    }

    public synchronized int pendingFaults() {
        int n = 0;
        for (Deque<Fault> q : faults.values()) {
            n += q.size();
        }
        return n;
    }

    /** Marks a virtual server down: every route answers 503, naming {@code alternates} (none: no list). */
    public synchronized PureConnectEmulator down(String host, String... alternates) {
        down.put(host.toLowerCase(), List.of(alternates));
        return this;
    }

    public synchronized PureConnectEmulator up(String host) {
        down.remove(host.toLowerCase());
        return this;
    }

    /** The alternates of a downed host, or null when it is up. */
    synchronized List<String> downed(String host) {
        return host == null ? null : down.get(host.toLowerCase());
    }

    // ---- inspection -------------------------------------------------------------------------------------------

    public List<Received> received() {
        return received.list();
    }

    public long receivedCount() {
        return received.added();
    }

    /** Received requests whose path contains {@code part}, e.g. "/messages/". */
    public List<Received> received(String method, String part) {
        List<Received> out = new ArrayList<>();
        for (Received r : received()) {
            if (r.method().equals(method) && r.path().contains(part)) {
                out.add(r);
            }
        }
        return out;
    }

    void record(Received r) {
        received.add(r);
    }

    public IcwsChat chat(String chatId) {
        return chats.get(chatId);
    }

    /** The most recent chat, or null. */
    public IcwsChat latest() {
        synchronized (chats) {
            IcwsChat last = null;
            for (IcwsChat c : chats.values()) {
                last = c;
            }
            return last;
        }
    }

    /** The chat of a customer participant, or null. */
    IcwsChat byParticipant(String pid) {
        synchronized (chats) {
            for (IcwsChat c : chats.values()) {
                if (c.knows(pid)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The chat of a connector session, or null. */
    IcwsChat bySession(String sessionId) {
        synchronized (chats) {
            for (IcwsChat c : chats.values()) {
                if (sessionId.equals(c.botSession)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A new chat from a start body; {@code bots}: a connector session too. */
    IcwsChat create(String name, Map<String, Object> start, boolean bots) {
        IcwsChat c = new IcwsChat(UUID.randomUUID().toString(), UUID.randomUUID().toString(), name,
                bots ? UUID.randomUUID().toString() : null, start);
        String w = welcome;
        if (w != null) {
            c.say("00000000-0000-0000-0000-000000000000", w);
        }
        chats.put(c.chatId, c);
        return c;
    }

    /** A chat ended: a chatbots session's sockets close after the grace period. */
    void ended(IcwsChat c) {
        if (c.botSession == null) {
            return;
        }
        long grace = closeGraceMs;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(grace);
            } catch (InterruptedException e) {
                return;
            }
            for (BotsSocket s : c.sockets()) {
                s.close();
            }
        }, "pureconnect-close");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every socket of a chatbots chat without a close frame (the client must reconnect). */
    public void dropSockets(IcwsChat c) {
        for (BotsSocket s : c.sockets()) {
            c.removeSocket(s);
            s.drop();
        }
    }

    /** A chat's transcript as the agent desk shows it: {@code <type> <role> <text>}. */
    public static List<String> transcript(IcwsChat c) {
        return PureConnectDesk.lines(c);
    }
}
