package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** startSession (spec §5.1; acceptance tests 4 to 14): checks, the requestChat it sends, guards and the state. */
class StartSessionTest extends ApiFixture {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void promisesSettleOnALaterTaskAndLateCallbacksRunAtOnce(boolean cometd) { // 4
        open(cometd);
        // when
        Value promise = Js.call(api, "startSession", Js.obj());
        // then
        assertEquals("pending", Js.call(promise, "state").str());
        tab.loop.runDue();
        assertEquals("rejected", Js.call(promise, "state").str());
        List<Value> late = new ArrayList<>();
        Js.call(promise, "fail", Js.fn(late::add));
        assertEquals(1, late.size(), "a callback added after settling runs at once");
        // and a good start too
        Value ok = Js.call(api, "startSession", options());
        assertEquals("pending", Js.call(ok, "state").str());
        TestPage.Outcome o = await(TestPage.Outcome.of(ok));
        assertEquals("resolved", o.state);
        assertEquals("resolved", Js.call(ok, "state").str());
    }

    @Test
    void noConnectionFailsWith2AndBothUrlsWith3() { // 5
        open(false);
        TestPage.Outcome none = await(call("startSession", Js.obj()));
        assertEquals(2, code(none));
        assertEquals("One or more mandatory parameters are missed in chat command", description(none));
        TestPage.Outcome both = await(call("startSession", Js.obj("serverUrl", cometUrl(), "dataURL", dataUrl())));
        assertEquals(3, code(both));
        assertEquals("Value of chat command parameter is incorrect", description(both));
        assertEquals(3, code(await(call("startSession", Js.v("x")))));
        assertEquals(3, code(await(call("startSession", Js.obj("dataURL", 5)))));
        assertEquals(3, code(await(call("startSession", Js.obj("dataURL", dataUrl(), "transport",
                Js.obj("send", Values.function((s, a) -> Values.undefined())))))));
        assertEquals(3, code(await(call("startSession", Js.obj("dataURL", dataUrl(), "stateStorage", Js.obj())))));
        assertEquals(3, code(await(call("startSession", Js.obj("dataURL", dataUrl(), "userData", Js.v("a"))))));
    }

    @Test
    void restStartSendsNicknameUserAnEmptySubjectAndMergedUserData() { // 6
        open(false);
        start("userData", Js.obj("Custom", "c1"));
        GmsEmulator.Received r = last(gms.received("requestChat"));
        assertEquals("User", r.field("nickname"));
        assertEquals("", r.field("subject"));
        assertEquals("c1", r.field("userData[Custom]"));
        assertEquals("en", r.field("userData[GCTI_LanguageCode]"));
        assertEquals("web", r.field("userData[_genesys_source]"));
    }

    @Test
    void registrationFieldsGoAsFormFieldsAndInUserData() { // 7
        open(false);
        start("username", "Ada L", "subject", "Billing", "userData",
                Js.obj("FirstName", "Ada", "LastName", "Lovelace", "EmailAddress", "ada@example.org"));
        GmsEmulator.Received r = last(gms.received("requestChat"));
        assertEquals("Ada L", r.field("nickname"));
        assertEquals("Billing", r.field("subject"));
        assertEquals("Ada", r.field("firstName"));
        assertEquals("Lovelace", r.field("lastName"));
        assertEquals("ada@example.org", r.field("emailAddress"));
        assertEquals("Ada", r.field("userData[FirstName]"));
        assertEquals("ada@example.org", r.field("userData[EmailAddress]"));
    }

    @Test
    void serverUrlMeansCometdOnTheServiceChannel() { // 8
        open(true);
        start("serverUrl", cometUrl() + "//");
        assertTrue(comet.received("/meta/handshake").size() > 0, "handshake at <serverUrl>/handshake");
        assertEquals("/service/chatV2/customer-support", last(comet.received("requestChat")).channel());
        assertEquals("User", last(comet.received("requestChat")).data().path("nickname").asText());
        // with a service name
        open(true);
        start("serviceName", "sales");
        assertEquals("/service/chatV2/sales", last(comet.received("requestChat")).channel());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void doneComesBeforeAnyCallbackAndListenersAddedInDoneHearTheAgent(boolean cometd) { // 9
        open(cometd);
        List<String> order = new ArrayList<>();
        TestPage.Outcome o = call("startSession", options());
        Value promise = Js.call(api, "startSession", options()); // the second is refused: 200
        await(TestPage.Outcome.of(promise));
        await(o);
        assertEquals("resolved", o.state);
        Value session = o.value;
        Js.call(session, "onAgentConnected", Js.fn(e -> order.add("agent " + e.get("party").get("nickname").str())));
        agent(session).joins("Grace");
        tab.loop.runUntil(() -> !order.isEmpty(), 60_000);
        assertEquals(List.of("agent Grace"), order);
    }

    @Test
    void refusalsMapToTheirCodesAndWriteNoState() { // 10
        open(false);
        gms.refuseBody = "{\"statusCode\":1}";
        TestPage.Outcome one = await(call("startSession", options()));
        assertEquals(100, code(one));
        assertEquals("Chat Server is not available", description(one));
        gms.refuseStatus = 400;
        gms.refuseBody = "{\"statusCode\":2,\"errors\":[{\"code\":161,\"advice\":\"name required\"}]}";
        TestPage.Outcome invalid = await(call("startSession", options()));
        gms.refuseStatus = 200;
        assertEquals(3, code(invalid));
        assertEquals(161.0, invalid.value.get("error").get("details").get("gmsErrors").at(0).get("code").num());
        assertEquals(400.0, invalid.value.get("error").get("details").get("httpStatus").num());
        gms.inject(org.wcs.sandbox.gms.GmsFault.delay("requestChat", 5000, 1));
        TestPage.Outcome timeout = await(call("startSession", options("ajaxTimeout", 1000)));
        assertEquals(150, code(timeout));
        assertEquals("Network connection interrupted", description(timeout));
        assertNull(stateCookie());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSecondStartOnThePageFailsWith200(boolean cometd) { // 11
        open(cometd);
        start();
        TestPage.Outcome again = await(call("startSession", options()));
        assertEquals(200, code(again));
        assertEquals("Chat is already running on this page.", description(again));
    }

    @Test
    void aLiveStateInTheCookieFailsWith201AndAStaleOneIsReplaced() { // 12
        open(false);
        start();
        String first = stateCookie();
        reload(1000);
        TestPage.Outcome live = await(call("startSession", options()));
        assertEquals(201, code(live));
        assertEquals("Chat is already running on another page.", description(live));
        reload(60_000);
        Value session = start();
        assertTrue(!first.equals(stateCookie()));
        assertTrue(stateCookie().contains(Js.call(session, "getSessionId").str()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStartWritesTheStateCookie(boolean cometd) { // 13
        open(cometd);
        Value session = start("username", "Ada", "userData", Js.obj("FirstName", "Ada"));
        Value state = Values.parse(stateCookie());
        assertEquals(1.0, state.get("v").num());
        assertEquals(cometd ? "cometd" : "rest", state.get("mode").str());
        assertEquals(cometd ? cometUrl() : dataUrl(), state.get("endpoint").str());
        assertEquals("customer-support", state.get("serviceName").str());
        assertEquals(Js.call(session, "getSessionId").str(), state.get("chatId").str());
        assertEquals(chat(session).secureKey, state.get("secureKey").str());
        assertEquals(chat(session).userId, state.get("userId").str());
        assertEquals(chat(session).alias, state.get("alias").str());
        assertEquals((double) tab.loop.now(), state.get("ping").num(), 10_000);
        assertEquals("Ada", state.get("username").str());
        assertEquals("{\"FirstName\":\"Ada\"}", Js.json(state.get("userData")));
        assertTrue(tab.cookies.attributes.get(ChatServiceTexts.STATE_COOKIE).contains("path=/"));
        assertTrue(tab.cookies.attributes.get(ChatServiceTexts.STATE_COOKIE).toLowerCase().contains("samesite=strict"));
        // no cookie of the WebChatService plugin
        assertTrue(tab.cookies.all().keySet().stream().noneMatch(n -> n.startsWith("_genesys.widgets.webchat.state")));
    }

    @Test
    void theDeploymentIdPrefixesTheCookie() { // 13
        open(false);
        load(Js.obj("widgets", Js.obj("main", Js.obj("deploymentID", "dep1"))));
        start();
        assertNotNull(tab.cookies.get("dep1." + ChatServiceTexts.STATE_COOKIE));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCustomStorageGetsTheStateAndNullAfterLeaveAndNoCookie(boolean cometd) { // 14
        open(cometd);
        List<Value> writes = new ArrayList<>();
        Value storage = Js.obj("write", Js.fn(writes::add), "read", Values.function((s, a) -> Values.nul()));
        Value session = start("stateStorage", storage);
        assertEquals(1, writes.size());
        assertEquals(Js.call(session, "getSessionId").str(), writes.get(0).get("chatId").str());
        assertEquals("resolved", ask(session, "leave").state);
        assertTrue(writes.get(writes.size() - 1).type() == Value.NULL, "write(null) after leave");
        assertNull(stateCookie());
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
