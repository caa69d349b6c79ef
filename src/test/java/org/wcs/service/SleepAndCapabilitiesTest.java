package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.transport.Events;
import org.wcs.value.Value;

/** Sleep and wake, capabilities, and the events a transport passes through. */
class SleepAndCapabilitiesTest extends ServiceFixture {

    @Override
    Value config() {
        return Js.obj("dataURL", "x", "sleepEnabled", true);
    }

    @Test
    void pageFocusSleepsAndWakesAnActiveChat() {
        // given
        Value app = Js.call(cxbus, "registerPlugin", "App");
        Js.call(app, "data", "pageFocus", false);
        tab.loop.runDue();
        assertEquals(List.of(), events, "no chat, no sleep");
        startChat();
        // when
        Js.call(app, "data", "pageHidden", true);
        tab.loop.runDue();
        // then
        assertEquals(List.of("data.sleeping true", "sleeping"), takeEvents());
        assertEquals(1, transport.count("sleep"));
        // when the customer sends, the chat wakes first
        command("sendMessage", Js.obj("message", "back"));
        assertEquals(List.of("data.sleeping false", "waking"), takeEvents());
        assertEquals(1, transport.count("wake"));
    }

    @Test
    void wakeWithResetIdleStateResetsTheServerIdleTimer() {
        startChat();
        command("wake", Js.obj("resetIdleState", true));
        assertEquals(1, transport.count("resetIdle"));
        assertEquals("resolved", command("sleep").state);
        assertEquals("resolved", command("wake").state);
    }

    @Test
    void capabilitiesStayUndefinedUntilReportedThenMergeByTheRules() { // G52
        assertTrue(Js.call(page, "data", "WebChatService.capabilities").isUndefined());
        transport.listener.capabilities(Js.obj("async", true, "pagination", true, "fileUpload", "no"));
        tab.loop.runDue();
        Value caps = Js.call(page, "data", "WebChatService.capabilities");
        assertEquals("{\"async\":true,\"asyncClose\":\"hideChat\",\"pagination\":true,\"fileUpload\":true}",
                Js.json(caps));
        transport.listener.capabilities(Js.obj("async", false, "fileUpload", false, "asyncClose", "endChat"));
        tab.loop.runDue();
        assertEquals("{\"async\":true,\"asyncClose\":\"endChat\",\"pagination\":true,\"fileUpload\":false}",
                Js.json(Js.call(page, "data", "WebChatService.capabilities")));
        assertEquals(2, events.stream().filter(e -> e.startsWith("capabilitiesChanged")).count());
    }

    @Test
    void connectionAndServerEventsPassThrough() {
        startChat();
        for (String e : new String[] {Events.CONNECTION_PENDING, Events.SERVER_OFFLINE, Events.SERVER_ONLINE,
            Events.CONNECTION_RESTORED, Events.RESTORED_OFFLINE, Events.POLLING_STARTED}) {
            transport.listener.report(e, Js.obj());
        }
        transport.listener.report(Events.ERROR, Js.obj("errors", Js.arr(Js.obj("code", "X", "text", "T"))));
        tab.loop.runDue();
        assertEquals(List.of("connectionPending", "chatServerWentOffline", "chatServerBackOnline",
                "connectionRestored", "restoredOffline", "pollingStarted",
                "error {\"errors\":[{\"code\":\"X\",\"text\":\"T\"}]}"), events);
    }

    @Test
    void sessionLostResets() {
        startChat();
        transport.listener.report(Events.SESSION_LOST, Js.obj("status", 404));
        tab.loop.runDue();
        assertEquals(List.of("data.sessionActive false", "sessionLost {\"status\":404}"), events);
    }
}
