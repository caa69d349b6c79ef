package org.wcs.transport.pureconnect;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.Platform;
import org.wcs.platform.WebSockets;
import org.wcs.sandbox.SandboxTest;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.service.Events;
import org.wcs.service.Launcher;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.WebChatService;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A standalone page on the JVM running the real plugin (our bus, the service, {@link Transports}) against the
 * PureConnect emulator over real HTTP on loopback, on the virtual clock. The page plugin "Page" records every
 * WebChatService event; every request is recorded with the virtual times it was sent and answered.
 */
abstract class PureConnectFixture extends SandboxTest {
    static PureConnectEmulator pc;

    JvmPlatform tab;
    Platform platform;
    WebChatService service;
    Value page;
    final List<String> events = new ArrayList<>();
    final List<Value> eventData = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();

    static final class Sent {
        final HttpRequest request;
        final long at;
        long answeredAt = -1;
        int status;

        Sent(HttpRequest request, long at) {
            this.request = request;
            this.at = at;
        }

        /** "POST start", "GET messages/<pid>": the method and the path after /icws/web-chat/. */
        String line() {
            String u = request.url;
            int i = u.indexOf("/icws/web-chat/");
            return request.method + " " + (i < 0 ? u : u.substring(i + 15));
        }
    }

    @BeforeAll
    static void emulator() {
        pc = sandbox.emulator(PureConnectEmulator.class);
    }

    @BeforeEach
    void freshTab() {
        pc.reset();
        tab = new JvmPlatform();
        platform = platform(tab);
    }

    Platform platform(JvmPlatform t) {
        Http timed = (request, callback) -> {
            Sent s = new Sent(request, (long) t.loop.now());
            sent.add(s);
            return t.http.send(request, response -> {
                s.answeredAt = (long) t.loop.now();
                s.status = response.status;
                callback.onResponse(response);
            });
        };
        WebSockets sockets = (url, listener) -> {
            if (!holdSockets) {
                return t.webSockets.open(url, listener);
            }
            WebSockets.Socket[] inner = new WebSockets.Socket[1];
            heldOpens.add(() -> inner[0] = t.webSockets.open(url, listener));
            return new WebSockets.Socket() {
                @Override
                public void send(String text) {
                    if (inner[0] != null) {
                        inner[0].send(text);
                    }
                }

                @Override
                public void close(int code, String reason) {
                    if (inner[0] != null) {
                        inner[0].close(code, reason);
                    }
                }
            };
        };
        return new Platform(t.loop, timed, sockets, t.cookies, t.storage, t.page, () -> 0.5);
    }

    /** While true, a socket the page opens waits to connect until the test runs {@link #heldOpens}. */
    boolean holdSockets;
    final List<Runnable> heldOpens = new ArrayList<>();

    String proxy() {
        return sandbox.url() + PureConnectEmulator.PROXY;
    }

    /** The rest transport through the emulator's proxy, on host A, routed to "Support" with notes. */
    Value rest() {
        return Js.obj("type", "pureconnect-v4-rest", "hosts", Js.arr(PureConnectEmulator.HOST_A),
                "reverseProxyUrl", proxy(), "interactionData", Js.obj("routing", Js.obj("targetName", "Support"),
                        "notes", "VIP caller"));
    }

    /** The chatbots transport against the emulator's connector. */
    Value bots() {
        return Js.obj("type", "pureconnect-v4-chatbots", "hosts", Js.arr(PureConnectEmulator.HOST_A),
                "chatbotsRestBase", sandbox.url() + PureConnectEmulator.BOTS_REST,
                "chatbotsSocketUrl", sandbox.url().replace("http:", "ws:") + PureConnectEmulator.BOTS_SOCKET,
                "chatBotData", "billing-bot", "botCustomData", Js.obj("lang", "en"),
                "headers", Js.obj("x-demo", "1"),
                "interactionData", Js.obj("routing", Js.obj("targetName", "Support")));
    }

    /**
     * Loads a page with {@code _genesys.widgets.webchat = webchat}; the tab keeps its cookies. A page already loaded
     * goes as in a navigation: the new page gets an event loop of its own, so the old page's timers never run again.
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
        tab.loop.runDue();
    }

    void loadWith(Value transport) {
        load(Js.obj("transport", transport));
    }

    private void subscribe(String event) {
        Js.call(page, "subscribe", event, Js.fn(env -> {
            events.add(env.get("event").str().substring("WebChatService.".length()));
            eventData.add(env.get("data"));
        }));
    }

    Outcome command(String name, Object data) {
        return Outcome.of(Js.call(page, "command", "WebChatService." + name,
                data == null ? Values.undefined() : data));
    }

    Outcome settle(String name, Object data) {
        Outcome o = command(name, data);
        until(() -> !o.state.equals("pending"));
        return o;
    }

    void until(java.util.function.BooleanSupplier condition) {
        tab.loop.runUntil(condition, 120_000);
    }

    void settleIo() {
        until(() -> sent.stream().allMatch(s -> s.answeredAt >= 0));
        tab.loop.runDue();
    }

    /** Starts a chat as the WebChat UI does; waits for it and for the requests it set off. */
    Outcome startChat() {
        Outcome o = settle("startChat", Js.obj("form", Js.obj("firstname", "Ada", "lastname", "Lovelace",
                "email", "ada@example.test", "subject", "Billing question"), "userData", Js.obj("Tier", "gold")));
        settleIo();
        return o;
    }

    IcwsChat chat() {
        return pc.latest();
    }

    void awaitText(String text) {
        until(() -> texts().contains(text));
    }

    /** Texts (or types, for items without text) of every messageReceived so far, in order. */
    List<String> texts() {
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

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Sent s : sent) {
            out.add(s.line());
        }
        return out;
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

    /** Send times of polls, relative to {@code origin}. */
    List<Long> pollTimes(long origin) {
        List<Long> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.line().startsWith("GET messages/")) {
                out.add(s.at - origin);
            }
        }
        return out;
    }

    String cookie(String suffix) {
        return tab.cookies.get("_genesys.widgets.webchat.state.pureconnect-v4-rest." + suffix);
    }
}
