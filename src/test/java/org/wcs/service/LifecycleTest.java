package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Start, end and the session around them (spec D.2, D.3.3, checklist G28-G32, G40, G41). */
class LifecycleTest extends ServiceFixture {

    @Test
    void readyIsStickyWithAnEmptyObject() { // G28
        assertEquals(List.of("data.userData", "ready"), bootEvents);
        Value late = Js.call(cxbus, "registerPlugin", "Late");
        List<String> seen = new ArrayList<>();
        Js.call(late, "subscribe", "WebChatService.ready", Js.fn(e -> seen.add(Js.json(e.get("data")))));
        tab.loop.runDue();
        assertEquals(List.of("{}"), seen);
    }

    @Test
    void noSessionAnswers() { // G30, G31
        assertEquals("resolved:{\"sessionActive\":false}", command("verifySession").toString());
        assertEquals("resolved:{\"sessionID\":\"\",\"userId\":\"\",\"secureKey\":\"\",\"alias\":\"\"}",
                command("getSessionData").toString());
    }

    @Test
    void startChatResolvesWithTheServerResponseAndPublishesStarted() { // G32
        // when
        Outcome o = command("startChat", Js.obj("nickname", "Ada"));
        assertEquals("pending", o.state);
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        // then
        assertEquals("resolved:{\"statusCode\":0,\"chatId\":\"CHAT1\"}", o.toString());
        assertEquals(List.of("data.sessionActive true",
                "started {\"sessionID\":\"CHAT1\",\"userId\":\"USER1\",\"secureKey\":\"SK1\",\"alias\":\"117\"}"),
                events);
        assertEquals("resolved:{\"sessionActive\":true}", command("verifySession").toString());
    }

    @Test
    void startChatWhileActiveOrStartingIsRefused() { // G32
        command("startChat", Js.obj());
        assertEquals("rejected:\"" + Texts.ALREADY_ACTIVE + "\"", command("startChat", Js.obj()).toString());
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        assertEquals("rejected:\"" + Texts.ALREADY_ACTIVE + "\"", command("startChat", Js.obj()).toString());
        assertEquals(1, transport.count("start"));
    }

    @Test
    void aFailedStartRejectsWithTheTransportsReason() {
        Outcome o = command("startChat", Js.obj());
        transport.last("start").reply.fail(Js.obj("statusCode", 1));
        tab.loop.runDue();
        assertEquals("rejected:{\"statusCode\":1}", o.toString());
        assertFalse(service.isActive());
        assertEquals(List.of(), events);
    }

    @Test
    void startRequestMergesFormFieldsAndUserData() {
        // given configured userData and an update before the chat
        command("updateUserData", Js.obj("fromUpdate", "u", "shared", "update"));
        // when v2 flat fields and a v3 form both come
        command("startChat", Js.obj("firstname", "Ada", "lastname", "Lovelace", "email", "ada@example.org",
                "subject", "Billing", "form", Js.obj("nickname", "ada", "custom", "x"),
                "userData", Js.obj("shared", "start", "k", 1), "interactionData", Js.obj("routing", Js.obj()),
                "async", true));
        // then
        Value request = transport.last("start").args[0];
        assertEquals("{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"email\":\"ada@example.org\","
                + "\"subject\":\"Billing\",\"nickname\":\"ada\",\"custom\":\"x\"}", Js.json(request.get("form")));
        assertEquals("{\"fromUpdate\":\"u\",\"shared\":\"start\",\"k\":1}", Js.json(request.get("userData")));
        assertEquals("{\"routing\":{}}", Js.json(request.get("interactionData")));
        assertTrue(request.get("async").truthy());
    }

    @Test
    void userDataAsJsonStringIsParsedAndMalformedIsRejected() {
        command("startChat", Js.obj("userData", "{\"a\":1}"));
        assertEquals("{\"a\":1}", Js.json(transport.last("start").args[0].get("userData")));
        transport.last("start").reply.fail(Values.undefined());
        tab.loop.runDue();
        assertEquals("rejected:\"" + Texts.MALFORMED_USER_DATA + "\"",
                command("startChat", Js.obj("userData", "{oops")).toString());
        assertEquals("rejected:\"" + Texts.MALFORMED_USER_DATA + "\"",
                command("startChat", Js.obj("userData", 5)).toString());
    }

    @Test
    void endChatResolvesAndPublishesTheOriginalSequence() { // G40, deviation: it resolves
        // given
        startChat();
        // when
        Outcome o = command("endChat");
        transport.last("end").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        // then
        assertEquals("resolved:{\"statusCode\":0}", o.toString());
        assertEquals(List.of("data.sessionActive false", "supervisorDisconnected {\"numAgentsConnected\":0}",
                "agentDisconnected {\"numAgentsConnected\":0}", "clientDisconnected {\"numAgentsConnected\":0}",
                "ended"), events);
        assertFalse(service.isActive());
    }

    @Test
    void endChatThatFailsStillEndsLocallyAndRejects() {
        startChat();
        Outcome o = command("endChat");
        transport.last("end").reply.fail(Js.obj("status", 0));
        tab.loop.runDue();
        assertEquals("rejected:{\"status\":0}", o.toString());
        assertTrue(events.contains("ended"));
        assertFalse(service.isActive());
    }

    @Test
    void endChatWithoutASessionIsRefused() { // G40
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"", command("endChat").toString());
        assertNull(transport.last("end"));
    }

    @Test
    void serverEndPublishesEndedOnly() {
        startChat();
        transport.listener.ended();
        tab.loop.runDue();
        assertEquals(List.of("data.sessionActive false", "ended"), events);
        transport.listener.ended();
        tab.loop.runDue();
        assertEquals(1, events.stream().filter(e -> e.equals("ended")).count(), "only once");
    }

    @Test
    void transcriptOutlivesTheChatUntilWebChatClosesOrANewChatStarts() { // G41
        // given a chat with one message that ended
        startChat();
        transport.messages(transport.item("Message", "hello", "Agent", 3, "Alice"));
        transport.listener.ended();
        tab.loop.runDue();
        // then
        assertEquals(1, command("getTranscript").value.get("messages").length());
        // when WebChat closes
        Value webchat = Js.call(cxbus, "registerPlugin", "WebChat");
        Js.call(webchat, "publish", "closed");
        tab.loop.runDue();
        // then
        assertEquals(0, command("getTranscript").value.get("messages").length());
    }

    @Test
    void anEndedChatReportsNoAgentsAndNoStatisticsButKeepsItsTranscript() { // issue 13 item 12, as the original
        for (boolean byCustomer : new boolean[] {false, true}) {
            // given a chat an agent joined and spoke in
            startChat();
            transport.messages(transport.item("ParticipantJoined", "", "Agent", 3, "Alice"),
                    transport.item("Message", "hello", "Agent", 3, "Alice"));
            assertTrue(command("getAgents").value.get("agents").has("3"));
            // when it ends (by the server, or by the customer)
            if (byCustomer) {
                command("endChat");
                transport.last("end").reply.ok(Js.obj());
            } else {
                transport.listener.ended();
            }
            tab.loop.runDue();
            // then
            assertEquals("resolved:{\"agents\":{}}", command("getAgents").toString());
            assertEquals("resolved:{\"agents\":{},\"startTime\":false,\"endTime\":false,\"duration\":false}",
                    command("getStats").toString());
            assertEquals(2, command("getTranscript").value.get("messages").length(), "the archive stays");
        }
    }

    @Test
    void newChatClearsTheLastTranscript() {
        startChat();
        transport.messages(transport.item("Message", "hello", "Agent", 3, "Alice"));
        transport.listener.ended();
        tab.loop.runDue();
        command("startChat", Js.obj());
        assertEquals(0, command("getTranscript").value.get("messages").length());
    }

    @Test
    void commandsAnswerWhileNothingIsConfiguredWithoutCrashing() {
        assertEquals("resolved:{\"messages\":[],\"originalMessages\":[]}", command("getTranscript").toString());
    }
}
