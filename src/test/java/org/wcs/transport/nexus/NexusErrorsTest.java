package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.sandbox.nexus.Fault;
import org.wcs.sandbox.nexus.NexusEmulator;
import org.wcs.service.Events;
import org.wcs.service.SiteCookies;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.TransportContext;
import org.wcs.service.Texts;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Error mapping (spec 11), what v3 lacks (12), capabilities (15.2) and bad configuration or callbacks. */
class NexusErrorsTest extends NexusFixture {

    private Value lastError() {
        return data(Events.ERROR).get("errors").at(0);
    }

    @Test
    void a404OrInvalidSessionMeansTheSessionIsLost() {
        for (Fault fault : new Fault[] {Fault.http(404, "NOT_FOUND", "gone"), Fault.http(400, "INVALID_SESSION",
            "Session not found")}) {
            // given an async chat
            freshTab();
            sent.clear();
            storeCallNames.clear();
            loadWith(transport().set("async", async()));
            startChat();
            // when a read finds the session gone
            nexus.fault("read", 1, fault);
            clearEvents();
            nextPoll();
            // then it is forgotten everywhere, and the page is told
            assertEquals(List.of("pollingStopped", "sessionLost", "error"), eventsNamed("pollingStopped",
                    "sessionLost", "error", "ended"));
            assertEquals(NexusTexts.ERROR_PREFIX + fault.code(), lastError().get("code").str(),
                    Js.json(data(Events.ERROR)));
            assertEquals(fault.status(), (int) data("sessionLost").get("status").num());
            assertFalse(service.isActive());
            assertTrue(tab.cookies.all().isEmpty());
            assertEquals("deleteSessionData", storeCallNames.get(storeCallNames.size() - 1));
            Value errorData = storeCalls.get(storeCalls.size() - 1)[0];
            assertEquals(session().id, errorData.get("sessionData").get("sessionId").str());
            assertEquals(fault.status(), (int) errorData.get("response").get("status").num());
            int requests = sent.size();
            tab.loop.advance(20_000);
            assertEquals(requests, sent.size(), "no more reads");
        }
    }

    @Test
    void otherFailuresAreErrorEventsInTheNextgenShape() {
        loadWith(transport());
        startChat();
        nexus.fault("send", 1, Fault.http(500, "SERVER_ERROR", "Something broke"));
        Outcome o = settle("sendMessage", Js.obj("message", "hi"));
        assertEquals("rejected", o.state);
        assertEquals(500, (int) o.value.get("status").num());
        Value e = lastError();
        assertEquals("pureengage-v3-rest-SERVER_ERROR", e.get("code").str());
        assertEquals("Something broke", e.get("text").str());
        assertEquals(500, (int) e.get("response").get("status").num());
        assertTrue(service.isActive());
        // an expired key on a live read is an error, not a lost session
        nexus.expireTokens();
        nextPoll();
        assertEquals("pureengage-v3-rest-AUTHENTICATION_REQUIRED", lastError().get("code").str());
        assertTrue(service.isActive());
        // a reply that is not JSON
        nexus.fault("read", 1, Fault.malformedJson());
        nextPoll();
        assertEquals(NexusTexts.BAD_REPLY, lastError().get("text").str());
    }

    @Test
    void aFailedUserDataUpdateOnlyRejects() {
        loadWith(transport());
        startChat();
        nexus.fault("userdata", 1, Fault.http(500, "SERVER_ERROR", "no"));
        clearEvents();
        Outcome o = settle("updateUserData", Js.obj("k", "v"));
        assertEquals("rejected", o.state);
        assertEquals(500, (int) o.value.get("status").num());
        assertEquals(List.of(), eventsNamed(Events.ERROR));
    }

    @Test
    void uploadLimitsComeBackAsTheirCodes() {
        nexus.imageLimits("image/", 4, 5);
        loadWith(transport());
        startChat();
        Outcome big = settle("sendFile", Js.obj("files", Js.obj("files", Js.arr(Js.obj("name", "big.png", "type",
                "image/png", "content", "too big")))));
        assertEquals("rejected", big.state);
        assertEquals("pureengage-v3-rest-LIMIT_FILE_SIZE", lastError().get("code").str());
        settle("sendFile", Js.obj("files", Js.obj("files", Js.arr(Js.obj("name", "a.txt", "type", "text/plain",
                "content", "x")))));
        assertEquals("pureengage-v3-rest-INVALID_FILE_TYPE", lastError().get("code").str());
    }

    @Test
    void startFailuresRejectAndReport() {
        loadWith(transport().set("endpoint", "nowhere"));
        Outcome o = settle("startChat", Js.obj("form", Js.obj("firstname", "Ada")));
        assertEquals("rejected", o.state);
        assertEquals(400, (int) o.value.get("status").num());
        assertEquals("pureengage-v3-rest-INVALID_ENDPOINT", lastError().get("code").str());
        assertFalse(service.isActive());
        assertEquals(List.of(), eventsNamed(Events.SESSION_LOST), "no session was lost");
        loadWith(transport().set("headers", Js.obj("x-api-key", "wrong")));
        settle("startChat", Js.obj("form", Js.obj("firstname", "Ada")));
        assertEquals("pureengage-v3-rest-INVALID_CONTACT_CENTER", lastError().get("code").str());
        loadWith(transport());
        settle("startChat", Js.obj("form", Js.obj("email", "no@name.test")));
        assertEquals("pureengage-v3-rest-INVALID_NICKNAME", lastError().get("code").str());
        assertEquals("First Name is required.", lastError().get("text").str());
    }

    @Test
    void sendingWithoutAChatIsRefusedWithTheOriginalsTexts() {
        // as the original's v3 service words it (DifferentialIT): with a period, and a missing text said first
        loadWith(transport());
        assertEquals(TransportTexts.NO_ACTIVE_SESSION_DOT, settle("sendMessage", Js.obj("message", "hi")).text());
        assertEquals(TransportTexts.NO_ACTIVE_SESSION_DOT, settle("sendTyping", Js.obj()).text());
        assertEquals(TransportTexts.NO_ACTIVE_SESSION_DOT, settle("sendFile", Js.obj()).text());
        assertEquals(Texts.NO_MESSAGE_TEXT, settle("sendMessage", Js.obj("message", 5)).text());
        assertEquals(TransportTexts.NO_CUSTOM_NOTICE, settle("sendCustomNotice", Js.obj("message", "x")).text());
    }

    @Test
    void whatV3LacksIsRefusedWithTheOriginalsTexts() {
        loadWith(transport());
        startChat();
        assertEquals(TransportTexts.NO_FILE_LIMITS, settle("getFileLimits", null).text());
        assertEquals(TransportTexts.NO_FILE_DOWNLOAD, settle("downloadFile", Js.obj("fileId", "f1")).text());
        assertEquals(TransportTexts.NO_FILE_DOWNLOAD, settle("downloadFile", null).text(), "without an id too (issue 13)");
        assertEquals(TransportTexts.NO_CUSTOM_NOTICE, settle("sendCustomNotice", Js.obj("message", "x")).text());
        assertEquals("This transport doesn't support any poll Exceptions.", settle("resetPollExceptions", null)
                .text());
        assertEquals(TransportTexts.NO_INTERACTION_DATA_UPDATE, settle("updateInteractionData", Js.obj("a", 1)).text());
        assertEquals(TransportTexts.HISTORY_NEEDS_ASYNC, settle("fetchHistory", null).text());
        assertEquals("Fetching messages history applies to only Asynchronous chat.", TransportTexts.HISTORY_NEEDS_ASYNC);
    }

    @Test
    void pollingCanBeStoppedAndStartedAgain() {
        loadWith(transport());
        startChat();
        assertEquals("resolved", settle("stopPoll", null).state);
        assertEquals(TransportTexts.NOT_POLLING, settle("stopPoll", null).text());
        int requests = sent.size();
        tab.loop.advance(10_000);
        assertEquals(requests, sent.size());
        assertEquals("resolved", settle("startPoll", null).state);
        settleIo();
        assertEquals(requests + 1, sent.size(), "reads at once");
    }

    @Test
    void capabilitiesAreAnnouncedOnceAsV3HasThem() { // quirk 15
        loadWith(transport().set("async", async()));
        until(() -> events.contains("ready"));
        tab.loop.runDue(); // the restore on load announces them (a start before it would refuse that restore)
        startChat();
        settle("sendMessage", Js.obj("message", "a"));
        nextPoll();
        assertEquals(1, eventsNamed(Events.CAPABILITIES_CHANGED).size(), events.toString());
        assertEquals("{\"async\":true,\"asyncClose\":\"endChat\",\"pagination\":true,\"fileUpload\":true}",
                Js.json(Js.call(page, "data", "WebChatService.capabilities")));
        loadWith(transport());
        tab.loop.runDue();
        assertEquals("{\"async\":false,\"asyncClose\":\"endChat\",\"pagination\":false,\"fileUpload\":true}",
                Js.json(Js.call(page, "data", "WebChatService.capabilities")));
    }

    @Test
    void unusableConfigurationsAreRefusedUpFront() {
        Transports factory = new Transports();
        TransportContext noCallbacks = context(transport().set("async", Js.obj("enabled", true,
                "getSessionData", Values.function((s, a) -> Values.undefined()))));
        assertEquals(NexusTexts.NEEDS_CALLBACKS, assertThrows(IllegalArgumentException.class,
                () -> factory.create(noCallbacks)).getMessage());
        Value noUrl = transport();
        noUrl.remove("dataURL");
        assertEquals(TransportTexts.INVALID_TRANSPORT, assertThrows(IllegalArgumentException.class,
                () -> factory.create(context(noUrl))).getMessage());
        assertTrue(factory.create(context(transport().set("async", Js.obj("enabled", false)))) instanceof
                NexusTransport);
        // the page sees configure refused, and the plugin never becomes ready
        loadWith(transport().set("async", Js.obj("enabled", true)));
        tab.loop.runDue();
        assertFalse(events.contains("ready"));
    }

    private TransportContext context(Value transport) {
        return new TransportContext(platform, new SiteCookies(platform, Js.obj()), Js.obj("transport", transport),
                null);
    }

    @Test
    void asyncCallbacksThatThrowOrAnswerGarbageDoNotBreakTheChat() {
        for (Value answer : new Value[] {Values.of(42), Values.of("{not json"), Js.obj("token", 5),
            Js.obj("token", "not.a.jwt"), Values.nul()}) {
            freshTab();
            Value async = Js.obj("enabled", true,
                    "getSessionData", Values.function((s, a) -> {
                        throw new org.wcs.value.JsError("store is down");
                    }),
                    "setSessionData", Values.function((s, a) -> answer),
                    "deleteSessionData", Values.function((s, a) -> {
                        throw new org.wcs.value.JsError("store is down");
                    }));
            loadWith(transport().set("async", async));
            tab.loop.runDue();
            assertEquals(List.of(), eventsNamed(Events.RESTORED, Events.ERROR), Js.json(answer));
            assertEquals("resolved", startChat().state, Js.json(answer));
            assertEquals("resolved", settle("endChat", null).state);
        }
        // and a store that throws on reading
        freshTab();
        loadWith(transport().set("async", Js.obj("enabled", true, "getSessionData", Values.function((s, a) ->
                Values.undefined()), "setSessionData", Values.function((s, a) -> {
                    throw new org.wcs.value.JsError("no");
                }))));
        tab.loop.runDue();
        assertEquals("resolved", startChat().state);
        assertEquals(NexusEmulator.ENDPOINT, creates().get(0).data().get("endpoint"));
    }
}
