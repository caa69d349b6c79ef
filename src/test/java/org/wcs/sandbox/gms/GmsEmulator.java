package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
 * A local GMS Chat API v2 (spec gms-v2, Emulator checklist): {@code /genesys/2/chat/{service}} with the calls
 * Widgets makes, JSON answers carrying identity and {@code chatEnded} every time, per-chat transcripts with
 * positions, files, fault injection, and a record of every call for tests.
 */
public final class GmsEmulator implements Emulator {
    public static final String PREFIX = "/genesys/2/chat/";

    private final Map<String, GmsChat> chats = new LinkedHashMap<>();
    private final Faults<GmsFault> faults = new Faults<>();
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final AgentDesk desk = new GmsDesk(this, "gms");
    /** The calls received, in order: the newest {@value RecentLog#CAPACITY}, and how many there were. */
    public final RecentLog<Received> received = new RecentLog<>();
    /** Source of {@code utcTime}; tests may pin it. */
    public volatile LongSupplier clock = System::currentTimeMillis;
    /** When set, calls without this {@code apikey} header are refused with 401. */
    public volatile String requiredApiKey;
    /**
     * When set, each new chat is greeted with this Notice from the system party right after the customer joined, as
     * a routing workflow that speaks first does: the system party is then participant 2 and the first agent 3.
     * Otherwise the first agent is 2 (as in the Genesys documentation's examples). {@code -Dsandbox.gms.greeting}.
     */
    public volatile String greeting;
    /** When set, the next requestChat is answered with this body and {@link #refuseStatus} (then it is cleared). */
    public volatile String refuseBody;
    public volatile int refuseStatus = 200;
    /** When set, the next refresh is answered 200 with this body (then it is cleared). */
    public volatile String nextRefresh;
    private int serial;

    /** One call as received. */
    public record Received(String op, String chatId, Map<String, List<String>> form, String apikey,
            String authorization) {
        public String field(String key) {
            return Exchange.first(form, key);
        }
    }

    /** A file kept for download. */
    public record StoredFile(String id, String name, String type, byte[] bytes) {
    }

    @Override
    public void install(Sandbox sandbox) {
        sandbox.route(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Exchange x = new Exchange(request, response, callback);
                if (!x.path.startsWith(PREFIX)) {
                    return false;
                }
                if (!x.preflight()) {
                    serve(x);
                }
                return true;
            }
        });
    }

    // ---------------------------------------------------------------- test API

    public synchronized void inject(GmsFault fault) {
        faults.add(fault);
    }

    /** Faults injected and not yet played. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** Forgets the faults not yet played (the chats stay). */
    public synchronized void clearFaults() {
        faults.clear();
    }

    public GmsChat latestChat() {
        return latestChat(null);
    }

    /** The newest chat started over one wire ("gms", "cometd"; null: any), or null. */
    public synchronized GmsChat latestChat(String origin) {
        GmsChat last = null;
        for (GmsChat c : chats.values()) {
            last = origin == null || c.origin.equals(origin) ? c : last;
        }
        return last;
    }

    public synchronized GmsChat chat(String chatId) {
        return chats.get(chatId);
    }

    /** Waits (real time) for a chat to be requested. */
    public GmsChat awaitChat(long timeoutMs) throws InterruptedException {
        return awaitChat(null, timeoutMs);
    }

    /** Waits (real time) for a chat to be requested over one wire (null: any). */
    GmsChat awaitChat(String origin, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            GmsChat c = latestChat(origin);
            if (c != null) {
                return c;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no chat was requested" + (origin == null ? "" : " over " + origin));
    }

    public GmsAgent agent(GmsChat chat) {
        return new GmsAgent(chat, this);
    }

    public List<Received> received(String op) {
        return received.list().stream().filter(r -> r.op.equals(op)).toList();
    }

    synchronized StoredFile store(GmsChat chat, String name, String type, byte[] bytes) {
        StoredFile f = new StoredFile(String.format("00F1LE%010d", files.size() + 1), name, type, bytes);
        files.put(f.id(), f);
        chat.files.put(f.id(), f);
        return f;
    }

    // ---------------------------------------------------------------- AgentDesk

    @Override
    public AgentDesk desk() {
        return desk;
    }

    /** The chats customers started over one wire ("gms" for REST, "cometd"), as a desk of that name shows them. */
    synchronized List<AgentDesk.DeskChat> chats(String origin) {
        List<AgentDesk.DeskChat> out = new ArrayList<>();
        for (GmsChat c : chats.values()) {
            if (!c.origin.equals(origin)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String l : c.lines()) {
                lines.add(l.substring(l.indexOf(' ') + 1));
            }
            out.add(new AgentDesk.DeskChat(origin, c.chatId, c.customerName(), c.participant("Agent") != null, c.ended(),
                    c.userDataCopy(), lines, c.preview));
        }
        return out;
    }

    /** The chat a secure key belongs to, or null (CometD's file calls name no chat). */
    synchronized GmsChat chatByKey(String secureKey) {
        for (GmsChat c : chats.values()) {
            if (c.secureKey.equals(secureKey)) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- HTTP

    private synchronized GmsFault takeFault(String op) {
        return faults.take(f -> f.op() == null || f.op().equals(op));
    }

    private void serve(Exchange x) throws Exception {
        String[] parts = x.path.substring(PREFIX.length()).split("/", -1);
        String service = parts[0];
        String chatId = parts.length > 1 ? parts[1] : "";
        String op = chatId.isEmpty() ? "requestChat" : parts.length > 2 ? String.join("/", List.of(parts)
                .subList(2, parts.length)) : "";
        if (op.startsWith("file/") && op.endsWith("/download")) {
            op = "file/download";
        }
        if (op.equals("file")) {
            x.limitUpload(GmsCalls.MAX_FILE_SIZE);
        }
        Map<String, List<String>> form;
        try {
            form = x.form();
        } catch (Exchange.TooLarge e) {
            received.add(new Received(op, chatId, Map.of(), x.header("apikey"), x.header("Authorization")));
            x.json(400, GmsCalls.TOO_LARGE);
            return;
        }
        received.add(new Received(op, chatId, form, x.header("apikey"), x.header("Authorization")));
        if (requiredApiKey != null && !requiredApiKey.equals(x.header("apikey"))) {
            x.json(401, "{\"statusCode\":2,\"errors\":[{\"code\":401,\"advice\":\"apikey required\"}]}");
            return;
        }
        GmsFault fault = takeFault(op);
        if (fault != null) {
            switch (fault.kind()) {
                case HTTP_STATUS -> {
                    if (fault.retryAfter() > 0) {
                        x.response.getHeaders().put("Retry-After", Integer.toString(fault.retryAfter()));
                    }
                    x.send(fault.value(), "text/plain", new byte[0]);
                    return;
                }
                case DROP -> {
                    x.drop();
                    return;
                }
                case MALFORMED -> {
                    x.send(200, "application/json", "{\"statusCode\":0,\"messages\":[".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                case DELAY -> Thread.sleep(fault.value());
                case LOST -> x.loseAnswer();
                default -> { }
            }
        }
        if (op.equals("requestChat")) {
            requestChat(x, service, form);
            return;
        }
        String canned = nextRefresh;
        if (op.equals("refresh") && canned != null) {
            nextRefresh = null;
            x.json(200, canned);
            return;
        }
        GmsChat chat = chat(chatId);
        String refusal = refusal(chat, form, op.equals("file/download"));
        if (refusal != null) {
            x.json(400, refusal);
            return;
        }
        chat.lastCustomerActivity = clock.getAsLong();
        new GmsCalls(this, chat, x, form, fault).run(op);
    }

    /** Why a call on {@code chat} with these identity fields is refused (an error body), or null. */
    static String refusal(GmsChat chat, Map<String, List<String>> form, boolean anyKey) {
        if (chat == null || !chat.secureKey.equals(Exchange.first(form, "secureKey")) && !anyKey) {
            return "{\"statusCode\":2,\"chatEnded\":true,\"errors\":[{\"code\":404,\"advice\":"
                    + "\"chat session not found\"}]}";
        }
        String user = Exchange.first(form, "userId");
        if (user != null && !user.isEmpty() && !user.equals(chat.userId)) {
            return "{\"statusCode\":2,\"errors\":[{\"code\":401,\"advice\":\"userId does not match\"}]}";
        }
        return null;
    }

    private void requestChat(Exchange x, String service, Map<String, List<String>> form) throws Exception {
        String refusal = refuseBody;
        if (refusal != null) {
            refuseBody = null;
            x.json(refuseStatus, refusal);
            return;
        }
        Object created = create(service, form, "gms");
        if (created instanceof GmsChat chat) {
            ObjectNode answer = chat.envelope(0);
            answer.set("messages", chat.from(1));
            x.json(200, answer.toString());
        } else {
            x.json(400, (String) created);
        }
    }

    /** A new chat from a requestChat form, or the error body that refuses it (a name is required). */
    Object create(String service, Map<String, List<String>> form, String origin) {
        String nickname = value(form, "nickname");
        String first = value(form, "firstName");
        String last = value(form, "lastName");
        if (nickname.isEmpty() && (first.isEmpty() || last.isEmpty())) {
            int code = !first.isEmpty() ? 103 : !last.isEmpty() ? 102 : 161;
            return "{\"statusCode\":2,\"errors\":[{\"code\":" + code + ",\"advice\":\"name required\"}]}";
        }
        GmsChat chat;
        synchronized (this) {
            serial++;
            chat = new GmsChat(String.format("0007EMU1CHAT%04d", serial), String.format("a1b2c3d4e5f6%04x", serial),
                    String.format("00A1B2C3D4E5%04X", serial), Integer.toString(700 + serial), service, clock);
            chat.origin = origin;
            chats.put(chat.chatId, chat);
        }
        form.forEach((k, v) -> {
            if (k.startsWith("userData[") && k.endsWith("]")) {
                chat.userData.put(k.substring(9, k.length() - 1), v.get(0));
            }
        });
        chat.join("Client", nickname.isEmpty() ? (first + " " + last).trim() : nickname, null);
        String hello = greeting;
        if (hello != null && !hello.isEmpty()) {
            chat.add(chat.system(), "Notice", hello, null);
        }
        return chat;
    }

    static String value(Map<String, List<String>> form, String key) {
        String v = Exchange.first(form, key);
        return v == null ? "" : v.trim();
    }

    /** The events of a refresh with any scripted duplication or reordering applied. */
    static ArrayNode shaped(ArrayNode events, GmsFault fault) {
        if (fault == null || events.isEmpty()) {
            return events;
        }
        ArrayNode out = events.deepCopy();
        if (fault.kind() == GmsFault.Kind.DUPLICATE) {
            for (int i = Math.max(0, events.size() - fault.value()); i < events.size(); i++) {
                out.add(events.get(i).deepCopy());
            }
        } else if (fault.kind() == GmsFault.Kind.REORDER) {
            out.removeAll();
            for (int i = events.size() - 1; i >= 0; i--) {
                out.add(events.get(i));
            }
        }
        return out;
    }
}
