package org.wcs.transport.pureconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.pureconnect.Fault;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/** Restore, errors and switchover (spec pureconnect-v4 §10, §11, §3.2; §16 items 6, 19-23; Q1, Q9, Q10). */
class PureConnectRestRestoreTest extends PureConnectFixture {
    @Test
    void aReloadRestoresTheChat() {
        // given a chat with an agent's text and some typing
        loadWith(rest());
        startChat();
        IcwsChat c = chat();
        String agent = c.join("Agent", "Grace");
        c.typing(agent, true);
        c.say(agent, "Hello Ada");
        awaitText("Hello Ada");
        // when the page reloads (item 19)
        sent.clear();
        loadWith(rest());
        until(() -> events.contains("pollingStarted"));
        // then
        assertEquals(List.of("POST reconnect", "GET message-history/" + c.customerId, "GET messages/"
                + c.customerId), lines().subList(0, 3));
        assertEquals(List.of("restored", "messageReceived", "pollingStarted"), eventsNamed("restored",
                "messageReceived", "pollingStarted"));
        Value batch = data("messageReceived");
        assertTrue(batch.get("restoring").truthy());
        assertEquals(List.of("participantjoined", "participantjoined", "Hello Ada"), texts());
        Outcome sd = settle("getSessionData", null);
        assertEquals(c.chatId, sd.value.get("sessionId").str());
        // and the chat goes on
        settle("sendMessage", Js.obj("message", "I'm back"));
        awaitText("I'm back");
    }

    @Test
    void aRefusedReconnectFailsTheRestoreAndForgetsTheCookies() {
        // given
        loadWith(rest());
        startChat();
        // when the page reloads and the server refuses the reconnect (item 20, Q9)
        pc.fault("reconnect", 1, Fault.http(400, "error.request.webChat.invalidChatId"));
        loadWith(rest());
        until(() -> events.contains("restoreFailed"));
        // then
        assertEquals(List.of("error", "restoreFailed"), eventsNamed("error", "restoreFailed", "restored"));
        assertNull(cookie("session"));
        assertNull(cookie("participantId"));
    }

    @Test
    void aRestoreWithNothingStoredRejectsAtOnce() {
        // given a fresh visitor (Q1: the original never answered, and the first open hung)
        loadWith(rest());
        // when
        Outcome o = settle("restore", null);
        // then
        assertEquals("rejected", o.state);
        assertEquals("No chat session found to restore.", o.value.str());
        assertTrue(sent.isEmpty());
        // and a chat still starts
        assertEquals("resolved", startChat().state);
    }

    @Test
    void aStartThatFailsEverywhereNamesTheStatusOfTheBody() {
        // given two hosts, both answering 500 with status in the body (item 22)
        loadWith(twoHosts());
        pc.fault("start", 2, Fault.http(500, "error.server.unexpected"));
        // when
        Outcome o = startChat();
        // then: each host tried once, then the error
        assertEquals("rejected", o.state);
        assertEquals(2, pc.received("POST", "/start").size());
        assertEquals("pureconnect-v4-rest-500", data("error").get("errors").at(0).get("code").str());
        // a stock body (no status) gives no code
        pc.fault("start", 2, Fault.stock(500, "error.server.unexpected"));
        startChat();
        assertEquals("", data("error").get("errors").at(0).get("code").str());
        // and the next start tries again, where the original's page had run out of hosts for good (Q10)
        assertEquals("resolved", startChat().state);
    }

    @Test
    void aStartWithoutChatIdRejectsWithTheBody() {
        // given (item 6)
        loadWith(rest());
        pc.fault("start", 1, Fault.answer(200, "{\"participantId\":\"p1\"}"));
        // when
        Outcome o = startChat();
        // then
        assertEquals("rejected", o.state);
        assertEquals("p1", data("error").get("errors").at(0).get("participantId").str());
    }

    @Test
    void a503MovesTheChatToTheAlternateHost() {
        // given a chat on host A
        loadWith(twoHosts());
        startChat();
        IcwsChat c = chat();
        // when host A goes down, naming B (item 23)
        pc.down(PureConnectEmulator.HOST_A, PureConnectEmulator.HOST_B);
        until(() -> !pc.received("POST", PureConnectEmulator.HOST_B + "/icws/web-chat/reconnect").isEmpty());
        // then the chat goes on at B
        c.say(c.join("Agent", "Grace"), "on B now");
        awaitText("on B now");
        settle("sendMessage", Js.obj("message", "thanks"));
        assertEquals(1, pc.received("POST", PureConnectEmulator.HOST_B + "/icws/web-chat/send-message/").size());
        assertTrue(!events.contains("error"), events.toString());
    }

    @Test
    void endingWhileInactiveRejectsAndStillEnds() {
        // given (item 16)
        loadWith(rest());
        // when
        Outcome o = settle("endChat", null);
        // then
        assertEquals("rejected", o.state);
        assertEquals("There is no active chat session", o.value.str());
    }

    private Value twoHosts() {
        return Js.obj("type", "pureconnect-v4-rest", "hosts", Js.arr(PureConnectEmulator.HOST_A,
                PureConnectEmulator.HOST_B), "reverseProxyUrl", proxy());
    }
}
