package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The session's commands (spec §8; acceptance tests 24 to 32 and 44 to 51). */
class SessionCommandsTest extends ApiFixture {

    private String sendOp() {
        return cometd ? "sendMessage" : "send";
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sendMessageTakesAStringOrAnObjectAndTheEchoIsTheClients(boolean cometd) { // 24
        open(cometd);
        Value session = start();
        int before = sent(sendOp());
        TestPage.Outcome a = ask(session, "sendMessage", "Hi there");
        TestPage.Outcome b = ask(session, "sendMessage", Js.obj("message", "Hi there"));
        assertEquals("resolved", a.state);
        assertEquals("{}", Js.json(a.value));
        assertEquals("{}", Js.json(b.value));
        assertEquals(before + 2, sent(sendOp()));
        if (!cometd) {
            assertEquals("text", StartSessionTest.last(gms.received("send")).field("messageType"));
            assertEquals("Hi there", StartSessionTest.last(gms.received("send")).field("message"));
        }
        awaitCall("onMessageReceived");
        assertEquals("Client", data("onMessageReceived").get("party").get("type").str());
        assertEquals("Hi there", data("onMessageReceived").get("text").str());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badMessagesFailWith2Or3AndSendNothing(boolean cometd) { // 25
        open(cometd);
        Value session = start("maxMessageLength", 5);
        int before = sent(sendOp());
        assertEquals(2, code(ask(session, "sendMessage")));
        assertEquals(2, code(ask(session, "sendMessage", Js.obj())));
        assertEquals(3, code(ask(session, "sendMessage", "   ")));
        assertEquals(3, code(ask(session, "sendMessage", 5)));
        assertEquals(3, code(ask(session, "sendMessage", "too long")));
        assertEquals(before, sent(sendOp()));
    }

    @Test
    void whileInterruptedSendMessageFailsWith150AndSendsNothing() { // 26
        open(false);
        Value session = start();
        gms.inject(GmsFault.drop("refresh", 3));
        awaitCall("onInterrupted");
        int before = sent("send");
        assertEquals(150, code(ask(session, "sendMessage", "Hi")));
        assertEquals(before, sent("send"));
    }

    @Test
    void restTypingSendsStartOnceAndStopTwoSecondsAfterTheLastCall() { // 27
        open(false);
        Value session = start();
        String chatId = Js.call(session, "getSessionId").str();
        long starts = gms.received("startTyping").stream().filter(r -> r.chatId().equals(chatId)).count();
        assertEquals("resolved", ask(session, "sendTyping").state);
        tab.loop.advance(1000);
        assertEquals("resolved", ask(session, "sendTyping").state);
        tab.loop.advance(1900);
        tab.loop.runDue();
        assertEquals(starts + 1, gms.received("startTyping").stream().filter(r -> r.chatId().equals(chatId)).count());
        assertEquals(0, gms.received("stopTyping").stream().filter(r -> r.chatId().equals(chatId)).count());
        tab.loop.runUntil(() -> gms.received("stopTyping").stream().anyMatch(r -> r.chatId().equals(chatId)),
                10_000);
    }

    @Test
    void cometdTypingResolvesOnTheAcknowledgement() { // 28
        open(true);
        Value session = start();
        TestPage.Outcome o = ask(session, "sendTyping", Js.obj("message", "Hel"));
        assertEquals("resolved", o.state);
        assertEquals("{}", Js.json(o.value));
        assertEquals(1, comet.received("startTyping").size());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void leaveDisconnectsResolvesThenEndsWithoutAgentDisconnected(boolean cometd) { // 29, 32
        for (String command : new String[] {"leave", "end"}) {
            open(cometd);
            Value session = start();
            agent(session).joins("Grace");
            awaitCall("onAgentConnected");
            clearCalls();
            int before = sent("disconnect");
            StringBuilder order = new StringBuilder();
            Js.call(session, "onSessionEnded", Js.fn(e -> order.append("ended;")));
            TestPage.Outcome o = TestPage.Outcome.of(Js.call(Js.call(session, command), "done",
                    Js.fn(e -> order.append("done;"))));
            await(o);
            tab.loop.runDue();
            assertEquals("{\"serverConfirmed\":true}", Js.json(o.value));
            assertEquals("done;ended;", order.toString());
            assertEquals("onSessionEnded", names());
            assertEquals("client", data("onSessionEnded").get("reason").str());
            assertEquals(before + 1, sent("disconnect"));
            assertNull(stateCookie());
        }
    }

    @Test
    void aSecondLeaveWhileTheFirstIsUnderWayFailsWith50() {
        open(false);
        Value session = start();
        TestPage.Outcome first = TestPage.Outcome.of(Js.call(session, "leave"));
        TestPage.Outcome second = await(TestPage.Outcome.of(Js.call(session, "leave")));
        await(first);
        tab.loop.runDue();
        assertEquals(50, code(second));
        assertEquals("{\"serverConfirmed\":true}", Js.json(first.value));
        assertEquals("onSessionEnded", names());
    }

    @Test
    void leaveWhoseDisconnectFailsStillEnds() { // 30
        open(false);
        Value session = start();
        gms.inject(GmsFault.drop("disconnect", 1));
        TestPage.Outcome o = ask(session, "leave");
        tab.loop.runDue();
        assertEquals("{\"serverConfirmed\":false}", Js.json(o.value));
        assertEquals("onSessionEnded", names());
        assertNull(stateCookie());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void afterTheEndEveryCommandFailsWith50AndNothingFires(boolean cometd) { // 31
        open(cometd);
        Value session = start();
        ask(session, "leave");
        tab.loop.runDue();
        clearCalls();
        Object[][] commands = {{"sendMessage", "x"}, {"sendTyping"}, {"leave"}, {"end"}, {"getTranscript"},
            {"setUserData", Js.obj("a", "b")}, {"getUserData", "a"}, {"deleteUserData", "a"},
            {"sendCustomNotice", "n"}, {"sendNotification", "n"}};
        for (Object[] c : commands) {
            Object[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            TestPage.Outcome o = ask(session, (String) c[0], args);
            assertEquals(50, code(o), (String) c[0]);
            assertEquals("Chat session ID is unknown", description(o));
        }
        tab.loop.advance(10_000);
        assertEquals("", names());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void getTranscriptIsLocalSlicesAndChecksFromIndex(boolean cometd) { // 44
        open(cometd);
        Value session = start();
        agent(session).joins("Grace").says("One").says("Two");
        tab.loop.runUntil(() -> calls.stream().filter(c -> c.startsWith("onMessageReceived")).count() >= 2, 60_000);
        int polls = sent("refresh");
        clearCalls();
        Value all = ask(session, "getTranscript").value.get("transcript");
        assertTrue(all.length() >= 4, Js.json(all)); // client join, agent join, two messages
        for (int i = 1; i < all.length(); i++) {
            assertTrue(all.at(i).get("index").num() > all.at(i - 1).get("index").num());
        }
        Value slice = ask(session, "getTranscript", Js.obj("fromIndex", 2)).value.get("transcript");
        assertEquals(all.length() - 2, slice.length());
        assertEquals(Js.json(all.at(2)), Js.json(slice.at(0)));
        assertEquals(3, code(ask(session, "getTranscript", Js.obj("fromIndex", -1))));
        if (cometd) {
            assertEquals(polls, sent("refresh"));
        }
        assertEquals("", names());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void setUserDataSendsStringsAndMirrors(boolean cometd) { // 45
        open(cometd);
        Value session = start();
        TestPage.Outcome o = ask(session, "setUserData", Js.obj("CoBrowseSessionId", "123456789", "N", 5));
        assertEquals("{}", Js.json(o.value));
        if (cometd) {
            var data = StartSessionTest.last(comet.received("updateData")).data().path("userData");
            assertEquals("123456789", data.path("CoBrowseSessionId").asText());
            assertEquals("5", data.path("N").asText());
        } else {
            assertEquals("123456789", StartSessionTest.last(gms.received("updateData")).field("userData[CoBrowseSessionId]"));
            assertEquals("5", StartSessionTest.last(gms.received("updateData")).field("userData[N]"));
        }
        assertEquals("5", chat(session).userDataValue("N"));
        Value state = Values.parse(stateCookie());
        assertEquals("{\"CoBrowseSessionId\":\"123456789\",\"N\":\"5\"}", Js.json(state.get("userData")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badUserDataFailsAndSendsNothing(boolean cometd) { // 46
        open(cometd);
        Value session = start();
        int before = sent("updateData");
        assertEquals(3, code(ask(session, "setUserData", "x")));
        assertEquals(3, code(ask(session, "setUserData", Js.obj())));
        assertEquals(3, code(ask(session, "setUserData", Js.obj("a", Js.obj("b", 1)))));
        assertEquals(2, code(ask(session, "setUserData")));
        assertEquals(before, sent("updateData"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void getUserDataReadsTheMirror(boolean cometd) { // 47
        open(cometd);
        Value session = start("userData", Js.obj("FirstName", "Ada"));
        int before = sent("refresh");
        assertEquals("{\"userData\":{\"FirstName\":\"Ada\"}}", Js.json(ask(session, "getUserData", "FirstName").value));
        assertEquals("{\"userData\":{}}", Js.json(ask(session, "getUserData", "Nope").value));
        assertEquals(2, code(ask(session, "getUserData")));
        assertEquals(3, code(ask(session, "getUserData", 7)));
        if (cometd) {
            assertEquals(before, sent("refresh"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void deleteUserDataSendsAnEmptyValueAndForgets(boolean cometd) { // 49
        open(cometd);
        Value session = start("userData", Js.obj("FirstName", "Ada"));
        int before = sent("updateData");
        assertEquals("{}", Js.json(ask(session, "deleteUserData", "FirstName").value));
        assertEquals(before + 1, sent("updateData"));
        assertEquals("", chat(session).userDataValue("FirstName"));
        assertEquals("{\"userData\":{}}", Js.json(ask(session, "getUserData", "FirstName").value));
        assertEquals("{}", Js.json(ask(session, "deleteUserData", "Unknown").value));
        assertEquals(before + 1, sent("updateData"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void customNoticeResolvesWithATimestamp(boolean cometd) { // 50
        open(cometd);
        Value session = start();
        for (String command : new String[] {"sendCustomNotice", "sendNotification"}) {
            double called = tab.loop.now();
            TestPage.Outcome o = ask(session, command, "cb-ready");
            assertEquals("resolved", o.state);
            double t = o.value.get("timestamp").num();
            assertTrue(t >= called && t <= tab.loop.now(), Js.json(o.value));
        }
        if (!cometd) {
            assertEquals("cb-ready", StartSessionTest.last(gms.received("customNotice")).field("message"));
        } else {
            assertEquals("cb-ready", StartSessionTest.last(comet.received("customNotice")).data().path("message")
                    .asText());
        }
        assertEquals(3, code(ask(session, "sendCustomNotice", 5)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void getSessionIdIsSynchronous(boolean cometd) { // 51
        open(cometd);
        Value session = start();
        assertEquals(gms.latestChat(cometd ? "cometd" : "gms").chatId, Js.call(session, "getSessionId").str());
    }
}
