package org.wcs.service;

import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.ConnectionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
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

    /** Connection reports, as a transport makes them, to the events the page sees: changes only, recovery once. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PENDING PENDING PENDING ONLINE | connectionPending connectionRestored",
        "PENDING OFFLINE OFFLINE ONLINE | connectionPending chatServerWentOffline chatServerBackOnline connectionRestored"
            + " reconnected",
        "DISCONNECTED DISCONNECTED DISCONNECTED ONLINE | disconnected reconnected",
        "PENDING DISCONNECTED ONLINE | connectionPending disconnected connectionRestored reconnected",
        "DISCONNECTED TIMED_OUT ONLINE | disconnected chatServerTimeout chatServerBackOnline reconnected",
        "ONLINE ONLINE | ",
    })
    void connectionChangesBecomeEventsOnce(String reports, String expected) throws ReflectiveOperationException {
        startChat();
        for (String status : reports.trim().split(" ")) {
            transport.listener.connection((ConnectionStatus) ConnectionStatus.class.getField(status).get(null));
        }
        tab.loop.runDue();
        assertEquals(expected == null ? List.of() : List.of(expected.trim().split(" ")), events);
    }

    @Test
    void pollingAndErrorsPassThrough() {
        startChat();
        transport.listener.polling(true);
        transport.listener.error(Js.obj("errors", Js.arr(Js.obj("code", "X", "text", "T"))));
        transport.listener.polling(false);
        tab.loop.runDue();
        assertEquals(List.of("pollingStarted", "error {\"errors\":[{\"code\":\"X\",\"text\":\"T\"}]}",
                "pollingStopped"), events);
    }

    @Test
    void connectionReportsOfAnEndedChatAreDropped() {
        startChat();
        transport.listener.connection(ConnectionStatus.DISCONNECTED);
        transport.listener.ended();
        transport.listener.connection(ConnectionStatus.ONLINE);
        tab.loop.runDue();
        assertEquals(List.of("disconnected", "data.sessionActive false", "ended"), events);
    }

    @Test
    void sessionLostResets() {
        startChat();
        transport.listener.restoreOutcome(RestoreOutcome.SESSION_LOST, Js.obj("status", 404));
        tab.loop.runDue();
        assertEquals(List.of("data.sessionActive false", "sessionLost {\"status\":404}"), events);
    }
}
