package org.wcs.service;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.transport.Events;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A standalone page on the JVM: our bus, the service on a {@link ScriptedTransport}, and a page plugin "Page" that
 * sends commands and records every WebChatService event in order.
 */
abstract class ServiceFixture {
    static {
        Js.init();
    }

    JvmPlatform tab;
    ScriptedTransport transport;
    WebChatService service;
    Value cxbus;
    Value page;
    /** "event" or "event <data json>" for each event received, in order. */
    final List<String> events = new ArrayList<>();
    final List<Value> eventData = new ArrayList<>();
    /** What the page saw while it loaded. */
    final List<String> bootEvents = new ArrayList<>();

    /** The configuration each test starts with; override to change. */
    Value config() {
        return Js.obj("dataURL", "http://127.0.0.1:1/genesys/2/chat/demo");
    }

    @BeforeEach
    void boot() {
        tab = new JvmPlatform();
        bootPage(config());
    }

    /** Loads "the page": config, plugin script, a page plugin; as a reload does, with the same cookies. */
    void bootPage(Value webchat) {
        tab.page.reload();
        Value window = tab.page.window();
        window.set("_genesys", Js.obj("widgets", Js.obj("webchat", webchat, "main", Js.obj())));
        service = Launcher.start(tab.platform, ctx -> {
            transport = new ScriptedTransport(ctx);
            customize(transport);
            return transport;
        });
        cxbus = window.get("CXBus");
        page = Js.call(cxbus, "registerPlugin", "Page");
        events.clear();
        eventData.clear();
        for (String e : Events.ALL) {
            record("WebChatService." + e);
        }
        for (String k : new String[] {"sessionActive", "agentTyping", "sleeping", "userData", "capabilities"}) {
            record("WebChatService.data." + k);
        }
        tab.loop.runDue();
        bootEvents.clear();
        bootEvents.addAll(events);
        events.clear();
        eventData.clear();
    }

    /** Hook for tests that need the transport set up before the service uses it. */
    void customize(ScriptedTransport t) {
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

    /** Sends a command as the page plugin and runs the loop; returns how it settled so far. */
    Outcome command(String name, Object data) {
        Value promise = Js.call(page, "command", "WebChatService." + name, data == null ? Values.undefined() : data);
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
        tab.loop.runDue();
        return o;
    }

    Outcome command(String name) {
        return command(name, null);
    }

    /** Starts a chat through the transport's scripted success; clears the event log. */
    void startChat() {
        command("startChat", Js.obj("nickname", "Ada"));
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        events.clear();
        eventData.clear();
    }

    List<String> takeEvents() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        eventData.clear();
        return out;
    }

    /** A settled (or still pending) command. */
    static final class Outcome {
        String state = "pending";
        Value value;

        String text() {
            return value == null ? null : value.str();
        }

        @Override
        public String toString() {
            return state + (value == null ? "" : ":" + Values.stringify(value));
        }
    }
}
