package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Restore and its outcomes (spec C.7, D.3.3; G29, G42-G44), with the original's bugs fixed. */
class RestoreTest extends ServiceFixture {

    @Test
    void restoreWithoutASessionRejectsWithTheTransportsText() { // G29
        Outcome o = command("restore");
        transport.last("restore").reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
        tab.loop.runDue();
        assertEquals("rejected:\"No chat session found to restore.\"", o.toString());
        assertEquals("resolved:{\"sessionActive\":false}", command("verifySession").toString());
    }

    @Test
    void restoreWhileActiveRejectsAndDoesNothingElse() { // deviation: the original restored again
        startChat();
        assertEquals("rejected:\"" + Texts.RESTORE_WHILE_ACTIVE + "\"", command("restore").toString());
        assertEquals(0, transport.count("restore"));
        assertEquals(List.of(), events);
    }

    @Test
    void aSecondRestoreWhileOneRunsIsRefusedAndAStartWaitsForIt() {
        command("restore");
        assertEquals("rejected:\"" + Texts.ALREADY_RESTORING + "\"", command("restore").toString());
        // a start during the restore waits (the page's own restore may wait for the leader tab's election) ...
        Outcome start = command("startChat", Js.obj());
        assertEquals("pending", start.state);
        assertEquals(0, transport.count("start"));
        // ... and is refused once the restore brought a chat back
        transport.session = Js.obj("sessionID", "C9");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj());
        transport.last("restore").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        assertEquals("rejected:\"" + Texts.ALREADY_ACTIVE + "\"", start.toString());
        assertEquals(0, transport.count("start"));
    }

    @Test
    void aStartDuringARestoreThatFindsNothingGoesOnceItSettles() {
        command("restore");
        Outcome start = command("startChat", Js.obj());
        assertEquals("pending", start.state);
        transport.last("restore").reply.fail(Js.obj());
        tab.loop.runDue();
        assertEquals(1, transport.count("start"));
    }

    @Test
    void verifySessionWaitsForARestoreInProgress() {
        command("restore");
        Outcome verify = command("verifySession");
        assertEquals("pending", verify.state);
        transport.session = Js.obj("sessionID", "C9");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj());
        transport.batch(true, transport.item("Message", "earlier", "Agent", 3, "Alice"));
        transport.last("restore").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        assertEquals("resolved:{\"sessionActive\":true}", verify.toString());
        assertEquals(List.of("data.sessionActive true", "restored", "messageReceived"),
                events.stream().map(e -> e.split(" \\{")[0].split(" ")[0].equals("data.sessionActive")
                        ? "data.sessionActive true" : e.split(" ")[0]).toList());
    }

    @Test
    void restoreTimeoutAndFailureResetTheSession() { // G43, G44
        command("restore");
        transport.listener.restoreOutcome(RestoreOutcome.TIMED_OUT, Js.obj());
        transport.last("restore").reply.fail(Values.undefined());
        tab.loop.runDue();
        assertTrue(events.contains("restoreTimeout"));
        assertEquals("resolved:{\"sessionActive\":false}", command("verifySession").toString());
        events.clear();
        command("restore");
        transport.listener.restoreOutcome(RestoreOutcome.FAILED, Js.obj());
        tab.loop.runDue();
        assertTrue(events.contains("restoreFailed"));
    }

    @Test
    void asyncRestoreWhileActiveResolvesSoTheUiOpens() {
        startChat();
        assertEquals("resolved", command("asyncRestore").state);
        assertEquals(0, transport.count("asyncRestore"));
    }

    @Test
    void asyncRestoreMarksTheMode() {
        command("asyncRestore");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj("async", true));
        tab.loop.runDue();
        assertEquals("{\"async\":true}", Js.json(service.plugin.data("WebChatService.mode")));
        assertTrue(events.contains("restored {\"async\":true}"));
    }

    static class ResumingFixture extends ServiceFixture {
        @Override
        void customize(ScriptedTransport t) {
            t.resume = "restore";
        }
    }

    @Test
    void aStoredSessionIsRestoredWhenThePageLoads() { // G42
        ResumingFixture page = new ResumingFixture();
        page.boot();
        assertEquals(1, page.transport.count("restore"));
        assertEquals("WebChatService", "WebChatService");
    }

    @Test
    void restoredPublishedBeforeWebChatSubscribedIsRepeatedWhenWebChatIsReady() { // deviation: race fixed
        // given a restore that completes before any WebChat plugin exists
        command("restore");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj());
        tab.loop.runDue();
        events.clear();
        // when WebChat loads later, subscribes and becomes ready
        Value webchat = Js.call(cxbus, "registerPlugin", "WebChat");
        List<String> seen = new java.util.ArrayList<>();
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> seen.add("restored")));
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        // then
        assertEquals(List.of("restored"), seen);
        // and a second ready does not repeat it again
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        assertEquals(List.of("restored"), seen);
    }

    @Test
    void theRepeatedRestoredCarriesTheFirstOnesData() { // issue 13 item 2: the WebChat UI reads data.async
        // given an async restore (v3 says {async: true}) that completes before WebChat subscribed
        command("asyncRestore");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj("async", true));
        tab.loop.runDue();
        // when WebChat loads later, subscribes and becomes ready
        Value webchat = Js.call(cxbus, "registerPlugin", "WebChat");
        List<String> seen = new java.util.ArrayList<>();
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> seen.add(Js.json(e.get("data")))));
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        // then the repeat says async too, so the UI keeps a hidden async chat hidden
        assertEquals(List.of("{\"async\":true}"), seen);
    }

    @Test
    void restoredSeenByWebChatIsNotRepeated() {
        Value webchat = Js.call(cxbus, "registerPlugin", "WebChat");
        List<String> seen = new java.util.ArrayList<>();
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> seen.add("restored")));
        command("restore");
        transport.listener.restoreOutcome(RestoreOutcome.RESTORED, Js.obj());
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        assertEquals(List.of("restored"), seen);
    }
}
