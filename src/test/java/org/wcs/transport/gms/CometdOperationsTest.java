package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.transport.gms.HandBayeux.envelope;
import static org.wcs.transport.gms.HandBayeux.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.HeldHttp;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.service.TestPage;
import org.wcs.transport.Backoff;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/**
 * What the CometD mode publishes and how each call settles (spec gms-v2 §13.1-13.4, §13.6; cxbus-contract D.3.3;
 * Client checklist 16), against a Bayeux server played by hand.
 */
class CometdOperationsTest {
    static {
        Js.init();
    }

    private final JvmLoop loop = new JvmLoop();
    private final JvmCookies cookies = new JvmCookies();
    private final HandBayeux server = new HandBayeux(loop);
    private TestPage page;

    /** Opens a page; a second one is a reload (same cookies, the first page's requests are gone). */
    private TestPage open(Value cometD, Object... more) {
        server.http.forgetOpen();
        Value config = Js.obj(more);
        config.set("cometD", cometD);
        page = new TestPage(new JvmPlatform(loop, cookies, new JvmStorage(), server.http), config, new Transports());
        return page;
    }

    private TestPage open() {
        return open(Js.obj("enabled", true, "cometURL", HandBayeux.URL));
    }

    /** Starts a chat (handshake, publish acked, first connect, the result push). */
    private TestPage.Outcome start() {
        return server.start(page);
    }

    @Test
    void aStartSettlesWithTheFirstPushAndNeedsStatusCodeZero() {
        // given
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(true);
        server.connect();
        // when only the ack came
        assertEquals("pending", o.state);
        // and then the push says the server is unavailable
        server.connect(envelope(1, ""));
        // then the start is refused with it, and the Bayeux session is closed
        assertEquals("rejected", o.state);
        assertEquals(1.0, o.value.get("statusCode").num());
        assertEquals(1, server.http.all("/disconnect").size());
        assertFalse(page.service.isActive());
    }

    @Test
    void aGoodStartIsStartedWithTheSessionDataThenTheEventsOfThePush() {
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(true);
        server.connect();
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "")));
        assertEquals("resolved:{\"statusCode\":0}", o.toString()); // as the original; the ids are in started
        List<String> events = page.takeEvents();
        assertEquals("started {\"sessionID\":\"C1\",\"userId\":\"U1\",\"secureKey\":\"K1\",\"alias\":\"7\"}",
                events.get(1));
        assertTrue(events.contains("clientConnected") || events.stream().anyMatch(e -> e.startsWith(
                "clientConnected")), events.toString());
        assertTrue(events.get(events.size() - 1).startsWith("messageReceived"), events.toString());
        assertEquals("C1", cookies.get("_genesys.widgets.webchat.state.session"));
        assertTrue(events.stream().noneMatch(e -> e.startsWith("pollingStarted")), "no polling in CometD mode");
    }

    @Test
    void anErrorPushRefusesTheStartAndIsPublished() {
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("email", "a@b.c"));
        server.handshake();
        server.ack(true);
        server.connect("{\"statusCode\":2,\"errors\":[{\"code\":161,\"advice\":\"name required\"}]}");
        assertEquals("rejected", o.state);
        assertEquals(161.0, o.value.get("errors").at(0).get("code").num());
        assertEquals(161.0, page.data("error").get("errors").at(0).get("code").num());
    }

    @Test
    void aStartGivesUpAfterFiveFailedHandshakes() {
        // given
        open();
        double t0 = loop.now();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        Backoff model = new Backoff(() -> page.tab.nextRandom, Bayeux.BACKOFF_MS, Backoff.DEFAULT_CAP_MS);
        List<Long> expected = new java.util.ArrayList<>(List.of(0L));
        // when every handshake fails
        for (int i = 0; i < 5; i++) {
            loop.runDue();
            server.http.answer(server.http.open("/handshake").get(0), 0, "");
            loop.runDue();
            if (i < 4) {
                assertEquals("pending", o.state);
                int wait = model.fail(0);
                expected.add(expected.get(i) + wait);
                loop.advance(wait);
            }
        }
        // then the fifth failure (after four back-off waits) refuses the start, and nothing more is tried
        assertEquals(expected, server.times("/handshake", t0));
        assertEquals("rejected:{\"statusCode\":1}", o.toString());
        loop.advance(120_000);
        assertEquals(5, server.http.sent.size());
        assertEquals(List.of(), page.takeEvents().stream().filter(e -> !e.startsWith("data.")).toList());
    }

    @Test
    void anAcknowledgedStartThatNoPushAnswersGivesUpAfterThirtySeconds() {
        // given a server that takes the requestChat but never pushes its answer
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(true);
        double acked = loop.now();
        // when the answer is one millisecond short of due, the start still waits
        loop.advance(GmsComet.ANSWER_MS - 1 - (loop.now() - acked));
        assertEquals("pending", o.state);
        // then at the limit it is refused as a start whose handshakes failed, and the Bayeux session is closed
        loop.advance(1);
        assertEquals("rejected:{\"statusCode\":1}", o.toString());
        assertEquals(1, server.http.all("/disconnect").size());
        assertFalse(page.service.isActive());
        // and a new start works
        server.http.forgetOpen();
        TestPage.Outcome again = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(true);
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "")));
        assertEquals("resolved", again.state);
        // and the first start's timer, long gone, does not end it
        loop.advance(GmsComet.ANSWER_MS);
        assertTrue(page.service.isActive());
    }

    @Test
    void anAcknowledgedStartWhoseConnectsAllFailIsRefused() {
        // given the requestChat was taken, then the connection is lost before its answer
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(true);
        // when five connects in a row fail
        for (int i = 0; i < 5; i++) {
            assertEquals("pending", o.state, "after " + i + " failures");
            server.connectRaw(0, "");
            loop.advance(5000);
        }
        // then the start is refused at once, not at the answer timeout
        assertEquals("rejected:{\"statusCode\":1}", o.toString());
    }

    @Test
    void aRefusedRequestChatPublishRefusesTheStart() {
        open();
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        server.handshake();
        server.ack(false);
        assertEquals("rejected:{\"statusCode\":1}", o.toString());
    }

    @Test
    void eachOperationIsPublishedAsSpecifiedAndResolvesWithItsAck() {
        // given a page with a preview input and the custom header
        open(Js.obj("enabled", true, "cometURL", HandBayeux.URL + "/"), "apikey", "K-123", "enableCustomHeader", true,
                "endpoint", "premium", "userData", Js.obj("fromConfig", "c"));
        page.tab.page.window().get("_genesys").get("widgets").get("main").set("header",
                Js.obj("Authorization", "Bearer t0k"));
        start();
        // when the customer does everything once
        TestPage.Outcome sent = page.command("sendMessage", Js.obj("message", "Hi", "parentMessageID", "m1"));
        page.command("sendTyping", Js.obj("message", "typing..."));
        page.command("sendCustomNotice", Js.obj("message", "custom"));
        page.command("updateUserData", Js.obj("plan", "gold"));
        page.command("wake", Js.obj("resetIdleState", true));
        assertEquals("pending", sent.state);
        server.ack(true);
        // then each resolves with statusCode 0 once acked
        assertEquals("resolved:{\"statusCode\":0}", sent.toString());
        // and the publishes carry the operation, the chat and the identity first, objects as objects
        JsonNode start = server.published("requestChat").get(0);
        assertEquals(List.of("operation", "chatId", "alias", "secureKey", "userId", "nickname", "firstName",
                "lastName", "emailAddress", "subject", "text", "userData", "endpoint"), fieldNames(start));
        assertEquals("", start.get("chatId").asText());
        assertEquals("en", start.get("userData").get("GCTI_LanguageCode").asText());
        assertEquals("c", start.get("userData").get("fromConfig").asText());
        JsonNode send = server.published("sendMessage").get(0);
        assertEquals("C1", send.get("chatId").asText());
        assertEquals("K1", send.get("secureKey").asText());
        assertEquals("text", send.get("messageType").asText());
        assertEquals("m1", send.get("eventAttributes").get("general-properties").get("related-event-id").asText());
        JsonNode typing = server.published("startTyping").get(0);
        assertEquals(2, typing.get("transcriptPosition").asInt());
        assertEquals("typing...", typing.get("message").asText());
        assertEquals("custom", server.published("customNotice").get(0).get("message").asText());
        assertEquals("cancel-idle-timer", server.published("customNotice").get(1).get("eventAttributes")
                .get("purpose").asText());
        assertEquals("gold", server.published("updateData").get(0).get("userData").get("plan").asText());
        // and every Bayeux request is JSON with credentials, the custom header, and no apikey
        for (HeldHttp.Sent s : server.http.sent) {
            assertEquals("application/json;charset=UTF-8", s.request.header("Content-Type"));
            assertTrue(s.request.withCredentials);
            assertEquals("Bearer t0k", s.request.header("Authorization"));
            assertNull(s.request.header("apikey"));
        }
        assertEquals(HandBayeux.URL + "/handshake", server.http.sent.get(0).url());
        assertEquals(HandBayeux.URL + "/", server.http.all("/cometd/").get(0).url());
        JsonNode firstConnect = HandBayeux.message(server.http.all("/connect").get(0));
        assertEquals("c1", firstConnect.get("clientId").asText());
        assertEquals("long-polling", firstConnect.get("connectionType").asText());
        assertEquals(0, firstConnect.get("advice").get("timeout").asInt(), "the first connect is not held");
        assertFalse(HandBayeux.message(server.http.all("/connect").get(1)).has("advice"));
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> out = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aRefusedPublishRejectsTheCommandAndPublishesError() {
        open();
        start();
        TestPage.Outcome o = page.command("sendCustomNotice", Js.obj("message", "x"));
        server.ack(false);
        assertEquals("rejected", o.state);
        assertFalse(o.value.get("successful").truthy());
        assertTrue(page.takeEvents().stream().anyMatch(e -> e.startsWith("error")));
    }

    @Test
    void endChatPublishesDisconnectThenLeavesTheBayeuxSession() {
        open();
        start();
        TestPage.Outcome o = page.command("endChat", null);
        assertEquals("C1", server.published("disconnect").get(0).get("chatId").asText());
        server.ack(true);
        assertEquals("resolved:{\"statusCode\":0}", o.toString());
        assertEquals(List.of("supervisorDisconnected {\"numAgentsConnected\":0}",
                "agentDisconnected {\"numAgentsConnected\":0}", "clientDisconnected {\"numAgentsConnected\":0}",
                "ended"), page.takeEvents().stream().filter(e -> !e.startsWith("data.")).toList());
        assertEquals("c1", HandBayeux.message(server.http.all("/disconnect").get(0)).get("clientId").asText());
        assertNull(cookies.get("_genesys.widgets.webchat.state.session"));
        int requests = server.http.sent.size();
        loop.advance(120_000);
        assertEquals(requests, server.http.sent.size(), "nothing after the end");
    }

    @Test
    void aPushThatEndsTheChatEndsItAndClosesTheSession() {
        open();
        start();
        server.connect(envelope(0, event(2, "ParticipantLeft", "Agent", "")).replace("\"chatEnded\":false",
                "\"chatEnded\":true"));
        assertTrue(page.takeEvents().contains("ended"));
        assertEquals(1, server.http.all("/disconnect").size());
    }

    @Test
    void aNewPageRestoresWithRequestNotificationsFromTheStart() {
        // given a chat on a first page
        open();
        start();
        // when the page reloads
        open();
        server.handshake();
        JsonNode asked = server.published("requestNotifications").get(0);
        assertEquals(1, asked.get("transcriptPosition").asInt());
        assertEquals("C1", asked.get("chatId").asText());
        assertEquals("K1", asked.get("secureKey").asText());
        assertEquals("", asked.get("message").asText());
        server.ack(true);
        server.connect();
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "") + "," + event(2, "Message", "Agent",
                "before")));
        // then
        List<String> events = page.events;
        assertTrue(events.get(0).startsWith("data.sessionActive"), events.toString());
        assertTrue(events.contains("restored"), events.toString());
        Value shown = page.data("messageReceived");
        assertTrue(shown.get("restoring").truthy());
        assertEquals(2, shown.get("messages").length());
    }

    @Test
    void aRestoreOfAnEndedChatIsARestoreTimeout() {
        open();
        start();
        open();
        server.handshake();
        server.ack(true);
        server.connect(envelope(0, "").replace("\"chatEnded\":false", "\"chatEnded\":true"));
        assertTrue(page.takeEvents().contains("restoreTimeout"));
        assertNull(cookies.get("_genesys.widgets.webchat.state.session"));
        assertEquals(1, server.http.all("/disconnect").size());
    }

    @Test
    void aRestoreGivesUpAfterFiveFailedHandshakes() {
        open();
        start();
        open();
        for (int i = 0; i < 5; i++) {
            loop.runDue();
            server.http.answer(server.http.open("/handshake").get(0), 0, "");
            loop.advance(10_000);
        }
        assertTrue(page.takeEvents().contains("restoreFailed"));
    }

    @Test
    void aReloadAfterTheRestoreTimeoutSendsNothing() {
        open();
        start();
        server.connect(); // refreshes the ping cookie
        int requests = server.http.sent.size();
        loop.advance(60_000);
        open();
        assertEquals(List.of("restoreTimeout"), page.bootEvents.stream().filter(e -> !e.startsWith("data.")
                && !e.startsWith("ready")).toList());
        assertEquals(requests, server.http.sent.size());
    }

    @Test
    void garbageFromTheServerIsIgnoredWithoutErrors() {
        open();
        start();
        // pushes that are not GMS answers, answers that are not message arrays, messages that are not events
        server.connect("\"text\"", "null", "[1,2]", "{\"statusCode\":0,\"messages\":\"nope\"}",
                "{\"statusCode\":0,\"messages\":[null,7,{\"index\":\"x\"}]}");
        server.connectRaw(200, "{\"channel\":\"/meta/connect\"}");
        loop.advance(1_000);
        server.connectRaw(200, "[{\"id\":{},\"channel\":42,\"advice\":\"x\"},\"x\"]");
        loop.advance(2_000);
        server.connect();
        // then nothing was shown, the link came back, and the chat goes on
        List<String> events = page.takeEvents().stream().filter(e -> !e.startsWith("data.")).toList();
        assertEquals(List.of("disconnected", "reconnected"), events);
        assertEquals(1, page.command("getTranscript", null).value.get("messages").length());
        TestPage.Outcome o = page.command("sendMessage", Js.obj("message", "still fine"));
        server.ack(true);
        assertEquals("resolved:{\"statusCode\":0}", o.toString());
    }

    @Test
    void aSecondChatOnThePageHandshakesAgain() {
        open();
        start();
        page.command("endChat", null);
        server.ack(true);
        assertEquals(1, server.http.all("/disconnect").size());
        TestPage.Outcome second = start();
        assertEquals("resolved", second.state);
        assertEquals(2, server.http.all("/handshake").size());
        assertEquals("", server.published("requestChat").get(1).get("chatId").asText());
    }

    @Test
    void pollingSleepAndHistoryAreNotCometDs() {
        open();
        assertEquals(GmsTexts.POLLING_WITH_COMETD, page.command("startPoll", null).text(), "even without a chat");
        start();
        assertEquals(GmsTexts.POLLING_WITH_COMETD, page.command("startPoll", null).text());
        assertEquals(TransportTexts.NOT_POLLING, page.command("stopPoll", null).text());
        assertEquals(TransportTexts.HISTORY_NEEDS_ASYNC, page.command("fetchHistory", null).text());
        page.command("sleep", null);
        assertEquals(List.of(), page.takeEvents());
    }

    @Test
    void filesNeedTheApiUrl() {
        open();
        start();
        assertEquals(GmsTexts.DOWNLOAD_MISCONFIGURED, page.command("downloadFile", Js.obj("fileId", "F1")).text());
        assertEquals(GmsTexts.COMETD_FAILED, page.command("getFileLimits", null).text());
        Value file = Js.obj("name", "a.txt", "type", "text/plain", "content", "x");
        assertEquals(GmsTexts.COMETD_FAILED, page.command("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))))
                .text());
    }

    @Test
    void withoutACometUrlAStartIsRefused() {
        open(Js.obj("enabled", true));
        assertEquals(GmsTexts.COMETD_FAILED, page.command("startChat", Js.obj("nickname", "Ada")).text());
        assertEquals(0, server.http.sent.size());
    }

    @Test
    void asyncConfigurationIsAcceptedInCometDMode() {
        open(Js.obj("enabled", true, "cometURL", HandBayeux.URL), "async", Js.obj("enabled", true,
                "setSessionData", org.wcs.value.Values.function((self, a) -> Js.v("{\"chatId\":\"C9\"}"))));
        assertTrue(page.bootEvents.stream().anyMatch(e -> e.startsWith("ready")), page.bootEvents.toString());
    }
}
