package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.CometFault;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** restoreSession (spec §5.2; acceptance tests 15 to 23 and 48): what is restored, what is replayed, what fails. */
class RestoreSessionTest extends ApiFixture {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nothingStoredFailsWithoutErrorAndSendsNothing(boolean cometd) { // 15
        open(cometd);
        int before = sent("refresh");
        TestPage.Outcome o = await(call("restoreSession", null));
        assertEquals("rejected", o.state);
        assertFalse(o.value.has("error"));
        assertEquals(before, sent("refresh"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStaleStateFailsWithoutErrorIsClearedAndSendsNothing(boolean cometd) { // 16
        open(cometd);
        start();
        reload(60_000);
        int before = sent("refresh");
        TestPage.Outcome o = await(call("restoreSession", null));
        assertEquals("rejected", o.state);
        assertFalse(o.value.has("error"));
        assertNull(stateCookie());
        assertEquals(before, sent("refresh"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aReloadRestoresWithTheStoredModeResolvesThenReplaysInOrder(boolean cometd) { // 17, 18
        // given a chat with an agent, a message and a filtered co-browse token
        open(cometd);
        Value session = start();
        agent(session).joins("Grace").typing(true).says("Hello").says("{start:123456789}");
        awaitCall("onMessageReceived");
        ask(session, "sendMessage", "Hi there");
        tab.loop.runUntil(() -> chat(session).size() >= 6, 60_000);
        String chatId = Js.call(session, "getSessionId").str();
        // when the page reloads and restores with no options
        reload(2000);
        int before = sent("refresh");
        List<String> order = new ArrayList<>();
        TestPage.Outcome o = call("restoreSession", null);
        Value promise = Js.call(api, "restoreSession"); // a second call shares the first (22)
        TestPage.Outcome second = TestPage.Outcome.of(promise);
        Js.call(promise, "done", Js.fn(s -> {
            order.add("done");
            listen(s);
        }));
        await(o);
        await(second);
        tab.loop.runUntil(() -> calls.stream().filter(c -> c.startsWith("onMessageReceived")).count() >= 2, 60_000);
        // then
        assertEquals("resolved", o.state);
        assertSame(o.value, second.value, "both calls resolve the same session");
        assertEquals(chatId, Js.call(o.value, "getSessionId").str());
        if (cometd) {
            assertEquals(before + 1, comet.received("requestNotifications").size());
        } else {
            assertEquals(before + 1, gms.received("refresh").size());
            assertEquals("1", StartSessionTest.last(gms.received("refresh")).field("transcriptPosition"));
        }
        assertEquals("onAgentConnected,onMessageReceived,onMessageReceived", names());
        assertTrue(calls.stream().allMatch(c -> c.contains("\"restoring\":true")), calls.toString());
        assertEquals("Hello", data("onMessageReceived").get("text").str());
        assertEquals(List.of("done"), order);
        // and later live events are not restoring
        clearCalls();
        agent(o.value).says("Live");
        awaitCall("onMessageReceived");
        assertTrue(calls.get(calls.size() - 1).contains("\"restoring\":false"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEndedChatFailsWithoutErrorAndClearsTheState(boolean cometd) { // 19
        open(cometd);
        Value session = start();
        agent(session).ends();
        awaitCall("onSessionEnded");
        // the state of a page that did not see the end
        reload(1000);
        writeState(session);
        TestPage.Outcome o = await(call("restoreSession", null));
        assertEquals("rejected", o.state);
        assertFalse(o.value.has("error"), Js.json(o.value));
        assertNull(stateCookie());
    }

    @Test
    void aNetworkErrorFailsWith150KeepsTheStateAndASecondTrySucceeds() { // 20
        open(false);
        start();
        reload(1000);
        gms.inject(GmsFault.drop("refresh", 1));
        TestPage.Outcome o = await(call("restoreSession", null));
        assertEquals(150, code(o));
        assertNotNull(stateCookie());
        TestPage.Outcome again = await(call("restoreSession", null));
        assertEquals("resolved", again.state);
    }

    @Test
    void aCometdFailureFailsWithErrorAndKeepsTheState() { // 20, CometD
        open(true);
        start();
        reload(1000);
        comet.inject(CometFault.refuseConnects(1));
        comet.dropSessions();
        TestPage.Outcome o = await(call("restoreSession", null));
        if (o.state.equals("rejected")) {
            assertTrue(o.value.has("error"));
            assertNotNull(stateCookie());
        }
    }

    @Test
    void aRestoreAnsweredStatusOneResolvesThenInterrupts() { // 21
        open(false);
        start();
        reload(1000);
        gms.inject(GmsFault.statusOne(1));
        Value promise = Js.call(api, "restoreSession");
        Js.call(promise, "done", Js.fn(s -> listen(s)));
        TestPage.Outcome o = await(TestPage.Outcome.of(promise));
        awaitCall("onInterrupted");
        assertEquals("resolved", o.state);
        assertEquals("onInterrupted", names(), "after the (empty) replay");
        assertEquals("server", data("onInterrupted").get("cause").str());
        assertEquals(100.0, data("onInterrupted").get("error").get("code").num());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void restoringAnActiveSessionGivesTheSameObjectWithoutARequest(boolean cometd) { // 22
        open(cometd);
        Value session = start();
        int before = sent("refresh");
        TestPage.Outcome o = await(call("restoreSession", null));
        assertSame(session, o.value);
        if (!cometd) {
            assertTrue(sent("refresh") <= before + 2, "only polls, no restore");
        }
    }

    @Test
    void aCustomReadMayGiveJsonAndOneThatThrowsFailsWith52() { // 23
        open(false);
        List<Value> writes = new ArrayList<>();
        Value storage = Js.obj("write", Js.fn(writes::add), "read", Values.function((s, a) -> Values.nul()));
        Value session = start("stateStorage", storage);
        String json = Values.stringify(writes.get(writes.size() - 1));
        reload(1000);
        Value asJson = Js.obj("write", Js.fn(writes::add), "read", Values.function((s, a) -> Values.of(json)));
        TestPage.Outcome o = await(call("restoreSession", Js.obj("stateStorage", asJson)));
        assertEquals("resolved", o.state);
        assertEquals(Js.call(session, "getSessionId").str(), Js.call(o.value, "getSessionId").str());
        reload(1000);
        Value throwing = Js.obj("write", Js.fn(writes::add), "read", Values.function((s, a) -> {
            throw new org.wcs.value.JsError("Error: broken");
        }));
        TestPage.Outcome failed = await(call("restoreSession", Js.obj("stateStorage", throwing)));
        assertEquals(52, code(failed));
        Value garbage = Js.obj("write", Js.fn(writes::add), "read", Values.function((s, a) -> Values.of("{oops")));
        TestPage.Outcome none = await(call("restoreSession", Js.obj("stateStorage", garbage)));
        assertEquals("rejected", none.state);
        assertFalse(none.value.has("error"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void userDataSurvivesAReloadAndARestore(boolean cometd) { // 48
        open(cometd);
        Value session = start("userData", Js.obj("FirstName", "Ada"));
        assertEquals("resolved", ask(session, "setUserData", Js.obj("CoBrowseSessionId", "123")).state);
        reload(1000);
        TestPage.Outcome o = await(call("restoreSession", null));
        assertEquals("{\"userData\":{\"FirstName\":\"Ada\"}}", Js.json(ask(o.value, "getUserData", "FirstName").value));
        assertEquals("{\"userData\":{\"CoBrowseSessionId\":\"123\"}}",
                Js.json(ask(o.value, "getUserData", "CoBrowseSessionId").value));
    }

    /** Puts back the state cookie a page would have written for {@code session} (fresh ping). */
    private void writeState(Value session) {
        String json = Values.stringify(Js.obj("v", 1, "mode", cometd ? "cometd" : "rest", "endpoint",
                cometd ? cometUrl() : dataUrl(), "serviceName", "customer-support", "chatId",
                chat(session).chatId, "secureKey", chat(session).secureKey, "userId", chat(session).userId,
                "alias", chat(session).alias, "ping", (double) tab.loop.now()));
        new CookieStateStorage(tab.platform).write(Values.parse(json));
    }
}
