package org.wcs.sandbox.nexus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Emulator;
import org.wcs.sandbox.RecentLog;
import org.wcs.sandbox.Sandbox;

/**
 * A local Genesys Multicloud CX v3 chat service ("Nexus", spec pureengage-v3.md section 16), served by the sandbox
 * under {@value #BASE}: form-encoded requests, {@code {status, data}} answers, JWT client tokens, per-participant
 * read cursors and the history paging rules the widget relies on.
 *
 * <p>Tests (and the demo) drive the other side through {@link NexusSession#agent}, break it with {@link #fault},
 * {@link #expireTokens} and {@link #longPoll}, and read what it received through {@link #received()}. Call
 * {@link #reset()} between tests: the sandbox installs one instance per server.
 */
public final class NexusEmulator implements Emulator {
    public static final String BASE = "/nexus/v3/chat/sessions";
    public static final String API_KEY = "sandbox-api-key";
    public static final String ENDPOINT = "sandbox_chat";

    /** Routes fault injection knows: one per endpoint of spec 4.0, and {@code any}. */
    public static final Set<String> ROUTES = Set.of("create", "resume", "send", "read", "userdata", "upload",
            "image", "delete", "any");

    final Set<String> apiKeys = new LinkedHashSet<>();
    final Set<String> endpoints = new LinkedHashSet<>();
    final Map<String, NexusSession> sessions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final RecentLog<Received> received = new RecentLog<>();
    final NexusTokens tokens = new NexusTokens("sandbox-secret");
    volatile LongSupplier clock = System::currentTimeMillis;
    private Random random = new Random();
    volatile boolean decimalIndexes;
    volatile long longPollMs;
    volatile boolean createOnStaleKey = true;
    volatile String allowedImageTypes = "image/";
    volatile int maxImageBytes = 1_000_000;
    volatile int maxImages = 5;
    /** A reply the agent sends to every customer text (null: none); the demo's scripted agent. */
    volatile java.util.function.Function<String, String> autoReply;

    /** One request as it arrived. {@code body} is the parsed form (nested, string leaves) or JSON. */
    public record Received(String method, String path, String query, Map<String, String> headers,
            Map<String, Object> body, String contentType) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The request's {@code operationId}: from the query (GET), the form body or the multipart fields. */
        public String operationId() {
            Object o = body.get("operationId");
            return o instanceof String ? (String) o : null;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            Object d = body.get("data");
            return d instanceof Map ? (Map<String, Object>) d : Map.of();
        }
    }

    /** A fresh emulator ({@link #reset}); the sandbox's scripted agent plays the agent. */
    public NexusEmulator() {
        reset();
    }

    @Override
    public void install(Sandbox sandbox) {
        sandbox.route(new NexusRoutes(this));
    }

    /** Back to the defaults: no sessions, faults or records; key {@value #API_KEY}, endpoint {@value #ENDPOINT}. */
    public synchronized NexusEmulator reset() {
        apiKeys.clear();
        apiKeys.add(API_KEY);
        endpoints.clear();
        endpoints.add(ENDPOINT);
        sessions.clear();
        faults.clear();
        received.clear();
        clock = System::currentTimeMillis;
        random = new Random();
        decimalIndexes = false;
        longPollMs = 0;
        createOnStaleKey = true;
        allowedImageTypes = "image/";
        maxImageBytes = 1_000_000;
        maxImages = 5;
        autoReply = null;
        return this;
    }

    // ---- configuration --------------------------------------------------------------------------------------------

    /** Deterministic mode: a fixed clock source and seeded ids. */
    public synchronized NexusEmulator deterministic(LongSupplier clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
        return this;
    }

    /** Indexes as plain decimals ("1", "2", ...) instead of {@code <millis>-0}. */
    public NexusEmulator decimalIndexes(boolean on) {
        decimalIndexes = on;
        return this;
    }

    /** Holds a live read (no count: plain, or {@code index} only) up to {@code ms} until there is news for it. */
    public NexusEmulator longPoll(long ms) {
        longPollMs = ms;
        return this;
    }

    /** Whether a create carrying the key of a closed or unknown session starts a new one (true) or is refused. */
    public NexusEmulator createOnStaleKey(boolean on) {
        createOnStaleKey = on;
        return this;
    }

    /** Upload limits: MIME prefix allowed, bytes per file, files per session. */
    public NexusEmulator imageLimits(String mimePrefix, int maxBytes, int maxCount) {
        allowedImageTypes = mimePrefix;
        maxImageBytes = maxBytes;
        maxImages = maxCount;
        return this;
    }

    public NexusEmulator autoReply(java.util.function.Function<String, String> reply) {
        autoReply = reply;
        return this;
    }

    // ---- faults ---------------------------------------------------------------------------------------------------

    /** The next {@code times} requests of {@code route} (see {@link #ROUTES}) meet {@code fault}. */
    public synchronized NexusEmulator fault(String route, int times, Fault fault) {
        if (!ROUTES.contains(route)) {
            throw new IllegalArgumentException("no route " + route);
        }
        Deque<Fault> queue = faults.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** Takes back every fault not met yet: the outage is over. */
    public synchronized NexusEmulator clearFaults() {
        faults.clear();
        return this;
    }

    synchronized Fault takeFault(String route) {
        Deque<Fault> queue = faults.get(route);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        queue = faults.get("any");
        return queue == null ? null : queue.poll();
    }

    /** Injected faults not yet played. */
    public synchronized int pendingFaults() {
        int n = 0;
        for (Deque<Fault> q : faults.values()) {
            n += q.size();
        }
        return n;
    }

    /** Every token issued so far stops working (401 AUTHENTICATION_REQUIRED). */
    public void expireTokens() {
        tokens.rotate();
    }

    // ---- inspection -----------------------------------------------------------------------------------------------

    /** The requests received, in order: the newest {@value RecentLog#CAPACITY}. */
    public List<Received> received() {
        return received.list();
    }

    /** How many requests were received since the last reset, including those {@link #received()} no longer keeps. */
    public long receivedCount() {
        return received.added();
    }

    /** Received requests whose method and path match, e.g. ("GET", "/messages") matches every read. */
    public List<Received> received(String method, String pathEnd) {
        List<Received> out = new ArrayList<>();
        for (Received r : received()) {
            if (r.method().equals(method) && r.path().endsWith(pathEnd)) {
                out.add(r);
            }
        }
        return out;
    }

    void record(Received r) {
        received.add(r);
    }

    public void clearReceived() {
        received.clear();
    }

    public NexusSession session(String id) {
        return sessions.get(id);
    }

    // ---- the agent side (AgentDesk), for the scripted agent and the console ----------------------------------------

    private final NexusDesk desk = new NexusDesk(this);

    @Override
    public AgentDesk desk() {
        return desk;
    }

    /** The most recently created session, or null. */
    public NexusSession latest() {
        synchronized (sessions) {
            NexusSession last = null;
            for (NexusSession s : sessions.values()) {
                last = s;
            }
            return last;
        }
    }

    /** A random UUID from the emulator's (possibly seeded) source. */
    synchronized String uuid() {
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    synchronized Random random() {
        return random;
    }
}
