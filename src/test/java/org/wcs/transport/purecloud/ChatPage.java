package org.wcs.transport.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmHttp;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPage;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.JvmWebSockets;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.Platform;
import org.wcs.platform.WebSockets;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.GuestChatServer;
import org.wcs.sandbox.purecloud.LoopbackNet;
import org.wcs.sandbox.purecloud.PureCloudEmulator;
import org.wcs.service.Launcher;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.Events;
import org.wcs.browser.Transports;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A standalone page on the JVM running the real service with the production transports against the Genesys Cloud
 * emulator: in-process on the virtual clock ({@link #loopback}), or over real HTTP and WebSocket to the sandbox
 * ({@link #network}). A page plugin "Page" sends commands and records every WebChatService event; {@link #reload}
 * is a new page in the same tab (same cookies).
 */
final class ChatPage {
    /** The prefix of the session cookies, as the original names them. */
    static final String COOKIE = "_genesys.widgets.webchat.state.purecloud-v2-sockets.";
    static {
        Js.init();
    }

    static final String DEPLOYMENT = "11111111-2222-4333-8444-555555555555";
    static final String ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    final JvmLoop loop;
    final JvmCookies cookies;
    final JvmStorage storage;
    final JvmPage page;
    final GuestChatServer server;
    final String dataUrl;
    /** Requests the page sent, in order. */
    final List<HttpRequest> sent;
    /** What {@code Math.random()} returns. */
    double random = 0.5;
    final Platform platform;
    Value plugin;
    /** "event" or "event <data json>", in order. */
    final List<String> events = new ArrayList<>();
    final List<Value> data = new ArrayList<>();

    /** The in-process network (loopback mode), else null. */
    final LoopbackNet net;
    /** This page's side of it. */
    final LoopbackNet.Client client;
    private final Sandbox sandbox;

    private ChatPage(JvmLoop loop, LoopbackNet net, Sandbox sandbox, JvmCookies cookies, JvmStorage storage) {
        this.loop = loop;
        this.net = net;
        this.sandbox = sandbox;
        this.cookies = cookies;
        this.storage = storage;
        this.page = new JvmPage(loop);
        Http http;
        WebSockets sockets;
        if (net != null) {
            client = net.client();
            http = client;
            sockets = client;
            sent = client.sent;
            server = net.server;
            dataUrl = LoopbackNet.HTTP;
        } else {
            client = null;
            JvmHttp h = new JvmHttp(loop);
            http = h;
            sockets = new JvmWebSockets(loop);
            sent = h.sent;
            server = sandbox.emulator(PureCloudEmulator.class).server;
            dataUrl = sandbox.url();
        }
        this.platform = new Platform(loop, http, sockets, cookies, storage, page, () -> random);
    }

    /** In-process emulator on this page's virtual clock. */
    static ChatPage loopback() {
        JvmLoop loop = new JvmLoop();
        return new ChatPage(loop, new LoopbackNet(loop), null, new JvmCookies(), new JvmStorage());
    }

    /** The sandbox's emulator over real HTTP and WebSocket on loopback. */
    static ChatPage network(Sandbox sandbox) {
        return new ChatPage(new JvmLoop(), null, sandbox, new JvmCookies(), new JvmStorage());
    }

    /**
     * The next page in this tab (same cookies and storage, same server), loaded with {@code webchat}. This page is
     * gone: in loopback mode its sockets close and it hears nothing more; over the network its loop is never run
     * again (its socket stays open until the server drops it, as a crashed tab's would).
     */
    /**
     * The next page, loaded with no cookies (so it does not restore by itself), which then get this page's cookies:
     * for tests that issue {@code restore} themselves. Loopback mode only.
     */
    ChatPage reloadWithoutRestore() {
        client.unload();
        ChatPage next = new ChatPage(loop, net, null, new JvmCookies(), storage);
        next.load(config());
        next.loop.runDue();
        next.take();
        cookies.all().forEach((k, v) -> next.cookies.set(k, v, ""));
        return next;
    }

    ChatPage reload(Value webchat) {
        ChatPage next;
        if (net != null) {
            client.unload();
            next = new ChatPage(loop, net, null, cookies, storage);
        } else {
            next = new ChatPage(new JvmLoop(), null, sandbox, cookies, storage);
        }
        next.random = random;
        return next.load(webchat);
    }

    /** {@code _genesys.widgets.webchat} for this emulator, plus {@code transport} keys as alternating pairs. */
    Value config(Object... transportKeys) {
        Value transport = Js.obj("type", "purecloud-v2-sockets", "dataURL", dataUrl + "/", "deploymentKey",
                DEPLOYMENT, "orgGuid", ORG, "interactionData", Js.obj("routing", Js.obj("targetType", "QUEUE",
                        "targetAddress", "Support", "priority", 2)));
        for (int i = 0; i < transportKeys.length; i += 2) {
            transport.set((String) transportKeys[i], Js.wrap(transportKeys[i + 1]));
        }
        return Js.obj("transport", transport);
    }

    /** Loads the page with this configuration. */
    ChatPage load(Value webchat) {
        events.clear();
        data.clear();
        Value window = page.window();
        window.set("_genesys", Js.obj("widgets", Js.obj("webchat", webchat, "main", Js.obj())));
        // The page's own plugin subscribes before the service so that it sees what the service does while loading.
        Launcher.start(platform, new Transports(), new SharedTabs());
        plugin = Js.call(window.get("CXBus"), "registerPlugin", "Page");
        for (String e : Events.ALL) {
            record("WebChatService." + e);
        }
        return this;
    }

    ChatPage load() {
        return load(config());
    }

    private void record(String event) {
        Js.call(plugin, "subscribe", event, Js.fn(env -> {
            String name = env.get("event").str().substring("WebChatService.".length());
            Value d = env.get("data");
            String json = Values.stringify(d);
            events.add(json == null || json.equals("{}") ? name : name + " " + json);
            data.add(d);
        }));
    }

    /** Sends a command as the page plugin; returns how it settles (pending until the loop runs). */
    Outcome command(String name, Object data) {
        return Outcome.of(Js.call(plugin, "command", "WebChatService." + name,
                data == null ? Values.undefined() : data));
    }

    /** Sends a command and runs the loop until it settles. */
    Outcome settle(String name, Object data) {
        Outcome o = command(name, data);
        until(() -> !o.state.equals("pending"));
        return o;
    }

    void until(BooleanSupplier condition) {
        loop.runUntil(condition, 120_000);
    }

    /** Runs until an event of that name was recorded (since the log was last taken). */
    void untilEvent(String name) {
        until(() -> names().contains(name));
    }

    /** Starts a chat and runs until it is active; returns the server side. */
    Conversation start() {
        Outcome o = settle("startChat", Js.obj("form", Js.obj("firstname", "Ada", "lastname", "Lovelace",
                "email", "ada@example.test", "subject", "Billing")));
        if (!o.state.equals("resolved")) {
            throw new AssertionError("startChat " + o);
        }
        return server.latest();
    }

    /** Event names only, in order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            int sp = e.indexOf(' ');
            out.add(sp < 0 ? e : e.substring(0, sp));
        }
        return out;
    }

    /** Event names since the last call, and forgets them. */
    List<String> take() {
        List<String> out = names();
        events.clear();
        data.clear();
        return out;
    }

    /** Items in the recorded {@code messageReceived} events. */
    int messagesReceived() {
        int n = 0;
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            n += names.get(i).equals("messageReceived") ? data.get(i).get("messages").length() : 0;
        }
        return n;
    }

    /** The data of the last event of that name. */
    Value last(String name) {
        List<String> n = names();
        for (int i = n.size() - 1; i >= 0; i--) {
            if (n.get(i).equals(name)) {
                return data.get(i);
            }
        }
        throw new AssertionError("no " + name + " in " + n);
    }

    /** The page's transcript ({@code getTranscript}) as items. */
    List<Value> transcript() {
        Outcome o = settle("getTranscript", null);
        Value messages = o.value.get("messages");
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            out.add(messages.at(i));
        }
        return out;
    }

    /** Server message ids in the page's transcript, in order. */
    List<String> transcriptIds() {
        List<String> out = new ArrayList<>();
        for (Value m : transcript()) {
            if (m.get("id").isString()) {
                out.add(m.get("id").str());
            }
        }
        return out;
    }

    /** What a page should show of the server's history (see {@link Conversation#shownIds}). */
    static List<String> expectedIds(Conversation c, boolean restored, boolean bots) {
        return c.shownIds(restored, bots);
    }

    /** The server's ids of every message, in order. */
    static List<String> ids(Conversation c) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : c.transcript()) {
            out.add(m.path("id").asText());
        }
        return out;
    }
}
