package org.wcs.service;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.jvm.JvmPlatform;
import org.wcs.value.Value;

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
    TestPage testPage;
    /** "event" or "event <data json>" for each event received, in order. */
    List<String> events;
    List<Value> eventData;
    /** What the page saw while it loaded. */
    List<String> bootEvents;

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
        TestPage p = new TestPage(tab, webchat, ctx -> {
            transport = new ScriptedTransport(ctx);
            customize(transport);
            return transport;
        });
        service = p.service;
        cxbus = p.cxbus;
        page = p.page;
        testPage = p;
        events = p.events;
        eventData = p.eventData;
        bootEvents = p.bootEvents;
    }

    /** Hook for tests that need the transport set up before the service uses it. */
    void customize(ScriptedTransport t) {
    }

    Outcome command(String name, Object data) {
        return testPage.command(name, data == null ? null : Js.wrap(data));
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
        return testPage.takeEvents();
    }
}
