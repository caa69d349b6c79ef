package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The session's callbacks and event objects (spec §9, §10; acceptance tests 33 to 43). */
class SessionCallbacksTest extends ApiFixture {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void agentSupervisorAndBotJoinsFireOnAgentConnected(boolean cometd) { // 33
        open(cometd);
        Value session = start();
        GmsChat chat = chat(session);
        agent(session).joins("Grace");
        awaitCall("onAgentConnected");
        Value e = data("onAgentConnected");
        assertEquals("Agent", e.get("party").get("type").str());
        assertEquals("Grace", e.get("party").get("nickname").str());
        assertEquals(1.0, e.get("numAgentsConnected").num());
        assertTrue(e.get("index").isNumber());
        assertEquals("ParticipantJoined", e.get("messageType").str());
        assertFalse(e.get("restoring").truthy());
        assertTrue(Math.abs(e.get("timestamp").num() - System.currentTimeMillis()) < 60_000, "utcTime");
        clearCalls();
        agent(session).supervisorJoins("Sam");
        awaitCall("onAgentConnected");
        assertEquals("Supervisor", data("onAgentConnected").get("party").get("type").str());
        assertEquals(2.0, data("onAgentConnected").get("numAgentsConnected").num());
        clearCalls();
        agent(session).botJoins("Robo");
        awaitCall("onAgentConnected");
        assertEquals("Bot", data("onAgentConnected").get("party").get("type").str());
        assertEquals(2.0, data("onAgentConnected").get("numAgentsConnected").num(), "a bot is no agent");
        assertTrue(chat.size() > 0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anAgentLeavingFiresDisconnectedThenTypingStopped(boolean cometd) { // 34
        open(cometd);
        Value session = start();
        agent(session).joins("Grace");
        awaitCall("onAgentConnected");
        clearCalls();
        agent(session).leaves();
        awaitCall("onAgentTypingStopped");
        assertEquals("onAgentDisconnected,onAgentTypingStopped", names());
        assertEquals(0.0, data("onAgentDisconnected").get("numAgentsConnected").num());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void agentTypingFiresAndClientTypingDoesNot(boolean cometd) { // 35
        open(cometd);
        Value session = start();
        agent(session).joins("Grace");
        awaitCall("onAgentConnected");
        clearCalls();
        ask(session, "sendTyping");
        agent(session).typing(true);
        awaitCall("onAgentTypingStarted");
        agent(session).typing(false);
        awaitCall("onAgentTypingStopped");
        assertEquals("onAgentTypingStarted,onAgentTypingStopped", names());
        assertEquals("TypingStarted", data("onAgentTypingStarted").get("messageType").str());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void messagesPushUrlsAndFilesFireOnMessageReceived(boolean cometd) { // 36
        open(cometd);
        Value session = start();
        agent(session).joins("Grace").says("Hello").pushUrl("https://example.org/").sendsFile("a.txt", "abc");
        tab.loop.runUntil(() -> calls.stream().filter(c -> c.startsWith("onMessageReceived")).count() >= 3, 60_000);
        List<String> types = new ArrayList<>();
        Value file = null;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith("onMessageReceived")) {
                types.add(callData.get(i).get("messageType").str());
                if (callData.get(i).get("messageType").str().equals("FileUploaded")) {
                    file = callData.get(i);
                }
            }
        }
        assertEquals(List.of("Message", "PushUrl", "FileUploaded"), types);
        assertEquals(file.get("userData").get("file-id").str(), file.get("text").str());
        assertEquals("a.txt", file.get("userData").get("file-name").str());
        assertEquals("3", file.get("userData").get("file-size").str());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noticesFireOnNoticeReceived(boolean cometd) { // 37
        open(cometd);
        Value session = start();
        agent(session).notice("System note").idleAlert(30);
        ask(session, "sendCustomNotice", "cb-ready");
        tab.loop.runUntil(() -> calls.stream().filter(c -> c.startsWith("onNoticeReceived")).count() >= 3, 60_000);
        agent(session).idleClose();
        awaitCall("onSessionEnded");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith("onNoticeReceived")) {
                types.add(callData.get(i).get("noticeType").str());
                assertEquals(callData.get(i).get("messageType").str(), callData.get(i).get("noticeType").str());
            }
        }
        assertTrue(types.containsAll(List.of("Notice", "IdleAlert", "CustomNotice", "IdleClose")), types.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCobrowseTokenFiresNothingAndIsNotInTheTranscript(boolean cometd) { // 38
        open(cometd);
        Value session = start();
        agent(session).joins("Grace").says("{start:123456789}").says("After");
        awaitCall("onMessageReceived");
        assertEquals("After", data("onMessageReceived").get("text").str());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("onMessageReceived")).count());
        String all = Js.json(ask(session, "getTranscript").value);
        assertFalse(all.contains("{start:"), all);
    }

    @Test
    void listenersRunInOrderAndOneThatThrowsStopsNothing() { // 39
        open(false);
        Value session = start();
        List<String> order = new ArrayList<>();
        Js.call(session, "onMessageReceived", Js.fn(e -> order.add("first")));
        Js.call(session, "onMessageReceived", Values.function((s, a) -> {
            order.add("throws");
            throw new JsError("Error: page bug");
        }));
        Js.call(session, "onMessageReceived", Js.fn(e -> order.add("third")));
        assertEquals(session, Js.call(session, "onError", Js.v("not a function")), "chainable, ignored");
        agent(session).joins("Grace").says("One");
        tab.loop.runUntil(() -> order.size() >= 3, 60_000);
        agent(session).says("Two");
        tab.loop.runUntil(() -> order.size() >= 6, 60_000);
        assertEquals(List.of("first", "throws", "third", "first", "throws", "third"), order);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aServerEndFiresTheLeaveThenSessionEndedWithoutDisconnect(boolean cometd) { // 40
        open(cometd);
        Value session = start();
        agent(session).joins("Grace");
        awaitCall("onAgentConnected");
        clearCalls();
        int before = sent("disconnect");
        agent(session).ends();
        awaitCall("onSessionEnded");
        assertEquals("onAgentDisconnected,onAgentTypingStopped,onSessionEnded", names());
        assertEquals("server", data("onSessionEnded").get("reason").str());
        assertEquals(before, sent("disconnect"));
        assertNull(stateCookie());
    }

    @Test
    void aFatalPollFiresOnErrorThenSessionEndedError() { // 41
        open(false);
        Value session = start();
        gms.nextRefresh = "{\"statusCode\":2,\"chatEnded\":true,\"errors\":[{\"code\":500,\"advice\":\"x\"}]}";
        awaitCall("onSessionEnded");
        assertEquals("onError,onSessionEnded", names());
        assertEquals("error", data("onSessionEnded").get("reason").str());
        assertEquals(52.0, data("onError").get("error").get("code").num());
        assertEquals(500.0, data("onError").get("error").get("details").get("gmsErrors").at(0).get("code").num());
    }

    @Test
    void networkFailuresInterruptOnceAndContinueOnce() { // 42
        open(false);
        start();
        gms.inject(GmsFault.drop("refresh", 3));
        awaitCall("onContinued");
        assertEquals("onInterrupted,onContinued", names());
        assertEquals("network", data("onInterrupted").get("cause").str());
        assertEquals(150.0, data("onInterrupted").get("error").get("code").num());
        assertEquals("network", data("onContinued").get("cause").str());
    }

    @Test
    void serverUnavailablePollsInterruptOnceAndContinueOnce() { // 43
        open(false);
        start();
        gms.inject(GmsFault.statusOne(6));
        awaitCall("onInterrupted");
        assertEquals("server", data("onInterrupted").get("cause").str());
        awaitCall("onContinued");
        assertEquals("onInterrupted,onContinued", names());
    }
}
