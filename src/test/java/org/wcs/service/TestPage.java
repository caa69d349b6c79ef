package org.wcs.service;

import java.util.ArrayList;
import java.util.List;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.tabs.SharedTabs;
import org.wcs.tabs.TabLayer;
import org.wcs.transport.TransportFactory;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A standalone page on the JVM: {@code _genesys.widgets.webchat} set, the plugin started on it, and a page plugin
 * "Page" that sends commands and records every WebChatService event in order ("event" or "event <data json>").
 * Loading a second TestPage on the same tab is a page reload: same cookies, fresh window.
 */
public final class TestPage {
    static {
        Js.init();
    }

    public final JvmPlatform tab;
    public final WebChatService service;
    public final Value cxbus;
    public final Value page;
    public final List<String> events = new ArrayList<>();
    public final List<Value> eventData = new ArrayList<>();
    /** What the page saw while it loaded. */
    public final List<String> bootEvents = new ArrayList<>();

    public TestPage(JvmPlatform tab, Value webchat, TransportFactory transports) {
        this(tab, webchat, Js.obj(), transports);
    }

    /** A page that also sets {@code _genesys.widgets.main} (deploymentID, cookieOptions, ...). */
    public TestPage(JvmPlatform tab, Value webchat, Value main, TransportFactory transports) {
        this(tab, webchat, main, transports, new SharedTabs());
    }

    /** A page whose plugin reaches its back end through {@code layers} ({@link org.wcs.tabs.Alone}: lite). */
    public TestPage(JvmPlatform tab, Value webchat, Value main, TransportFactory transports, TabLayer.Maker layers) {
        this.tab = tab;
        tab.page.reload();
        Value window = tab.page.window();
        window.set("_genesys", Js.obj("widgets", Js.obj("webchat", webchat, "main", main)));
        service = Launcher.start(tab.platform, transports, layers);
        cxbus = window.get("CXBus");
        page = Js.call(cxbus, "registerPlugin", "Page");
        for (String e : Events.ALL) {
            record("WebChatService." + e);
        }
        for (String k : new String[] {"sessionActive", "agentTyping", "sleeping", "userData", "capabilities"}) {
            record("WebChatService.data." + k);
        }
        tab.loop.runDue();
        bootEvents.addAll(events);
        events.clear();
        eventData.clear();
    }

    private void record(String event) {
        Js.call(page, "subscribe", event, Js.fn(env -> {
            String name = env.get("event").str().substring("WebChatService.".length());
            Value data = env.get("data");
            String json = name.startsWith("data.") ? Values.stringify(data.get("value")) : Values.stringify(data);
            events.add(json == null || json.equals("{}") ? name : name + " " + json);
            eventData.add(data);
        }));
    }

    /** Sends a command as the page plugin and runs what is due; the outcome fills in as it settles. */
    public Outcome command(String name, Value data) {
        Outcome o = Outcome.of(Js.call(page, "command", "WebChatService." + name,
                data == null ? Values.undefined() : data));
        tab.loop.runDue();
        return o;
    }

    /** Sends a command and runs the loop (real I/O included) until it settles. */
    public Outcome await(String name, Value data) {
        Outcome o = command(name, data);
        tab.loop.runUntil(() -> !o.state.equals("pending"), 120_000);
        return o;
    }

    /** Runs the loop until an event whose text starts with {@code prefix} was recorded. */
    public void awaitEvent(String prefix) {
        tab.loop.runUntil(() -> events.stream().anyMatch(e -> e.startsWith(prefix)), 120_000);
    }

    public List<String> takeEvents() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        eventData.clear();
        return out;
    }

    /** The data of the first recorded event with that name. */
    public Value data(String event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).split(" ")[0].equals(event)) {
                return eventData.get(i);
            }
        }
        throw new AssertionError("no event " + event + " in " + events);
    }

    /** A settled (or still pending) command. */
    public static final class Outcome {
        public String state = "pending";
        public Value value;

        /** The outcome of a bus command's promise: pending until it settles. */
        public static Outcome of(Value promise) {
            Outcome o = new Outcome();
            Js.call(promise, "done", Values.function((s, a) -> {
                o.state = "resolved";
                o.value = a.length > 0 ? a[0] : Values.undefined();
                return Values.undefined();
            }));
            Js.call(promise, "fail", Values.function((s, a) -> {
                o.state = "rejected";
                o.value = a.length > 0 ? a[0] : Values.undefined();
                return Values.undefined();
            }));
            return o;
        }

        public String text() {
            return value == null ? null : value.str();
        }

        @Override
        public String toString() {
            return state + (value == null ? "" : ":" + Values.stringify(value));
        }
    }
}
