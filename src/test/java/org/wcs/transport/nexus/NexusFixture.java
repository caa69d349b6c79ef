package org.wcs.transport.nexus;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.Platform;
import org.wcs.sandbox.SandboxTest;
import org.wcs.sandbox.nexus.NexusEmulator;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.service.Launcher;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.WebChatService;
import org.wcs.service.Events;
import org.wcs.browser.Transports;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A standalone page on the JVM running the real plugin (our bus, the service, {@link Transports}) against the Nexus
 * emulator over real HTTP on loopback. The page plugin "Page" records every WebChatService event; every request is
 * recorded with the virtual time it was sent and answered, so timers can be checked to the millisecond. The
 * integrator's async store is a Java field behind the three callbacks, which record their calls.
 */
abstract class NexusFixture extends SandboxTest {
    static NexusEmulator nexus;

    JvmPlatform tab;
    Platform platform;
    WebChatService service;
    Value page;
    final List<String> events = new ArrayList<>();
    final List<Value> eventData = new ArrayList<>();
    /** Requests as sent, with the virtual times of sending and answering (-1 while pending). */
    final List<Sent> sent = new ArrayList<>();
    /** When set, every random draw of the page (back-off jitter, operation ids) is this value. */
    Double draw;
    /** What the integrator's store holds (the JSON text getSessionData was given), or null. */
    String stored;
    /** Calls of the async callbacks: name, then the arguments. */
    final List<Value[]> storeCalls = new ArrayList<>();
    final List<String> storeCallNames = new ArrayList<>();

    static final class Sent {
        final HttpRequest request;
        final long at;
        long answeredAt = -1;
        int status;
        String body;

        Sent(HttpRequest request, long at) {
            this.request = request;
            this.at = at;
        }

        String line() {
            String url = request.url.substring(request.url.indexOf(NexusEmulator.BASE) + NexusEmulator.BASE.length());
            return request.method + " " + url.replaceAll("operationId=[0-9a-f-]+", "operationId=X");
        }
    }

    @BeforeAll
    static void emulator() {
        nexus = sandbox.emulator(NexusEmulator.class);
    }

    @BeforeEach
    void freshTab() {
        nexus.reset();
        tab = new JvmPlatform();
        platform = platform(tab);
    }

    /** The tab's platform with a recording, timing HTTP port in front of the real one. */
    Platform platform(JvmPlatform t) {
        Http timed = (request, callback) -> {
            Sent s = new Sent(request, (long) t.loop.now());
            sent.add(s);
            return t.http.send(request, response -> {
                s.answeredAt = (long) t.loop.now();
                s.status = response.status;
                s.body = response.body;
                callback.onResponse(response);
            });
        };
        java.util.Random random = new java.util.Random(1);
        return new Platform(t.loop, timed, t.webSockets, t.cookies, t.storage, t.page,
                () -> draw != null ? draw : random.nextDouble());
    }

    String base() {
        return sandbox.url() + NexusEmulator.BASE;
    }

    /** The transport options each test starts from: emulator URL, endpoint and API key. */
    Value transport() {
        return Js.obj("type", "pureengage-v3-rest", "dataURL", base(), "endpoint", NexusEmulator.ENDPOINT,
                "headers", Js.obj("x-api-key", NexusEmulator.API_KEY));
    }

    /** Async options with the three callbacks over {@link #stored}. */
    Value async() {
        return Js.obj("enabled", true,
                "getSessionData", Values.function((self, args) -> {
                    record("getSessionData", args);
                    stored = Values.stringify(args[0]);
                    return Values.undefined();
                }),
                "setSessionData", Values.function((self, args) -> {
                    record("setSessionData", args);
                    return stored == null ? Values.undefined() : Values.of(stored);
                }),
                "deleteSessionData", Values.function((self, args) -> {
                    record("deleteSessionData", args);
                    stored = null;
                    return Values.undefined();
                }));
    }

    private void record(String name, Value[] args) {
        storeCallNames.add(name);
        storeCalls.add(args);
    }

    /**
     * Loads a page with {@code _genesys.widgets.webchat = webchat}; the tab keeps cookies and storage. A page already
     * loaded in this tab goes as in a navigation: the new page gets an event loop of its own at the same time, so the
     * old page's timers and answers never run again (they did, and its reads made read counts depend on timing).
     */
    void load(Value webchat) {
        if (service != null) {
            JvmLoop loop = new JvmLoop();
            loop.advance(tab.loop.now() - JvmLoop.EPOCH);
            tab = new JvmPlatform(loop, tab.cookies, tab.storage);
            platform = platform(tab);
        }
        tab.page.reload();
        tab.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", webchat, "main", Js.obj())));
        service = Launcher.start(platform, new Transports(), new SharedTabs());
        page = Js.call(tab.page.window().get("CXBus"), "registerPlugin", "Page");
        events.clear();
        eventData.clear();
        for (String e : Events.ALL) {
            subscribe("WebChatService." + e);
        }
        subscribe("WebChatService.data.capabilities");
    }

    void clearEvents() {
        events.clear();
        eventData.clear();
    }

    /** {@link #load} with {@code {transport: transport}}. */
    void loadWith(Value transport) {
        load(Js.obj("transport", transport));
    }

    private void subscribe(String event) {
        Js.call(page, "subscribe", event, Js.fn(env -> {
            String name = env.get("event").str().substring("WebChatService.".length());
            events.add(name);
            eventData.add(env.get("data"));
        }));
    }

    /** Sends a command as the page; the outcome settles as the loop runs. */
    Outcome command(String name, Object data) {
        return Outcome.of(Js.call(page, "command", "WebChatService." + name,
                data == null ? Values.undefined() : data));
    }

    /** Sends a command and runs the loop until it settles. */
    Outcome settle(String name, Object data) {
        Outcome o = command(name, data);
        until(() -> !o.state.equals("pending"));
        return o;
    }

    void until(java.util.function.BooleanSupplier condition) {
        tab.loop.runUntil(condition, 120_000);
    }

    /** Runs until no request is in flight (timers are not run beyond now). */
    void settleIo() {
        until(() -> sent.stream().allMatch(s -> s.answeredAt >= 0));
        tab.loop.runDue();
    }

    /** Starts a chat as the WebChat UI does for v3 ({@code form}); waits for it and for the first read. */
    Outcome startChat() {
        Outcome o = settle("startChat", Js.obj("form", Js.obj("firstname", "Ada", "lastname", "Lovelace",
                "email", "ada@example.test", "subject", "Billing question"), "userData", Js.obj("Lang", "en")));
        settleIo();
        return o;
    }

    NexusSession session() {
        return nexus.latest();
    }

    /** The raw index of the emulator's {@code i}-th message of the latest session (what a live read names). */
    String idx(int i) {
        return (String) session().messages().get(i).get("index");
    }

    /** Waits until a read has brought a message with this text into a {@code messageReceived}. */
    void awaitMessage(String text) {
        until(() -> transcriptTexts().contains(text));
    }

    /** Waits for a {@code messageReceived} with at least {@code n} messages in all. */
    void awaitMessages(int n) {
        until(() -> transcriptTexts().size() >= n);
    }

    /** The requests the emulator received to create or resume a session. */
    List<NexusEmulator.Received> creates() {
        List<NexusEmulator.Received> out = new ArrayList<>();
        for (NexusEmulator.Received r : nexus.received()) {
            if (r.method().equals("POST") && r.path().equals(NexusEmulator.BASE)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Texts of all messages published so far, in order of the events. */
    List<String> transcriptTexts() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals(Events.MESSAGE_RECEIVED)) {
                Value ms = eventData.get(i).get("messages");
                for (int k = 0; k < ms.length(); k++) {
                    out.add(ms.at(k).get("text").str(ms.at(k).get("type").str()));
                }
            }
        }
        return out;
    }

    /** Moves the virtual clock to the next timer and runs what it starts, including I/O it sends. */
    void nextPoll() {
        int before = sent.size();
        until(() -> sent.size() > before);
        settleIo();
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Sent s : sent) {
            out.add(s.line());
        }
        return out;
    }

    Sent last(String method, String pathPart) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            Sent s = sent.get(i);
            if (s.request.method.equals(method) && s.request.url.contains(pathPart)) {
                return s;
            }
        }
        return null;
    }

    List<String> eventsNamed(String... names) {
        List<String> wanted = List.of(names);
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (wanted.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    Value data(String event) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).equals(event)) {
                return eventData.get(i);
            }
        }
        return null;
    }
}
