package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.GuestChatServer;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.Texts;
import org.wcs.value.Value;

/** Starting a chat (Client checklist 13.1, 13.3; spec 4.1, 7.1) against the in-process emulator. */
class StartTest {
    private final ChatPage p = ChatPage.loopback();

    @Test
    void createsThenOpensTheStreamThenIsActiveAndSaysSo() {
        // given
        p.load();
        p.loop.runDue();
        assertEquals(List.of("ready", "capabilitiesChanged"), p.take());
        // when
        Conversation c = p.start();
        p.loop.runDue();
        // then: create without auth, the stream attached, then "get me" with the JWT
        HttpRequest create = p.sent.get(0);
        assertEquals("POST " + p.dataUrl + "/api/v2/webchat/guest/conversations", create.method + " " + create.url,
                "the configured trailing slash is trimmed");
        assertNull(create.header("Authorization"));
        assertEquals("application/json", create.header("Content-Type"));
        assertEquals(1, c.attachments());
        HttpRequest me = p.sent.get(1);
        assertEquals("GET " + p.dataUrl + "/api/v2/webchat/guest/conversations/" + c.id + "/members/" + c.guest().id,
                me.method + " " + me.url);
        assertEquals("Bearer " + c.jwt, me.header("Authorization"));
        assertEquals(2, p.sent.size());
        // the events, in the original's order; the synthetic "chat started" item comes from the client
        assertEquals(List.of("started", "ajaxResponse", "clientConnected", "messageReceived"), p.names());
        assertEquals("{\"data\":{\"jwt\":\"" + c.jwt + "\",\"conversationId\":\"" + c.id + "\",\"memberId\":\""
                + c.guest().id + "\",\"WebSocketUrl\":\"ws://emulator.test/channels/" + c.channel + "\"}}",
                Js.json(p.last("started")));
        Value joined = p.last("messageReceived").get("messages").at(0);
        assertEquals("ParticipantJoined", joined.get("type").str());
        assertEquals("{\"id\":\"" + c.guest().id + "\",\"name\":\"Ada Lovelace\",\"type\":\"Client\"}",
                Js.json(joined.get("from")));
        assertEquals((double) p.loop.now(), joined.get("timestamp").num());
        // the session is in the original's cookies
        assertEquals(c.jwt, p.cookies.get(ChatPage.COOKIE + "JWtoken"));
        assertEquals(c.id, p.cookies.get(ChatPage.COOKIE + "ConversationID"));
        assertEquals(c.guest().id, p.cookies.get(ChatPage.COOKIE + "MemberID"));
        assertEquals("ws://emulator.test/channels/" + c.channel, p.cookies.get(ChatPage.COOKIE + "WS_URL"));
        Value session = p.settle("getSessionData", null).value;
        assertEquals(c.jwt, session.get("jwt").str());
        assertEquals(c.id, session.get("conversationId").str());
    }

    @Test
    void theCreateBodyCarriesTheConfigurationAndTheForm() {
        p.load(p.config("organizationId", "ORG-2"));
        Conversation c = p.start();
        assertEquals(ChatPage.DEPLOYMENT, c.createBody.path("deploymentId").asText());
        assertEquals("ORG-2", c.createBody.path("organizationId").asText(), "organizationId wins over orgGuid");
        assertEquals("{\"targetAddress\":\"Support\",\"targetType\":\"QUEUE\",\"priority\":2}",
                c.createBody.path("routingTarget").toString());
        assertEquals("Ada Lovelace", c.createBody.path("memberInfo").path("displayName").asText());
        assertEquals("ada@example.test", c.createBody.path("memberInfo").path("customFields").path("email").asText());
    }

    @Test
    void deploymentAndOrganizationGivenInTheCommandWinOverTheConfiguredOnes() {
        p.load();
        Outcome o = p.settle("startChat", Js.obj("nickname", "Ada", "deploymentKey", "D-START",
                "orgGuid", "G-START"));
        assertEquals("resolved", o.state);
        Conversation c = p.server.latest();
        assertEquals("D-START", c.createBody.path("deploymentId").asText());
        assertEquals("G-START", c.createBody.path("organizationId").asText());
        // and organizationId wins over orgGuid in the command too
        p.settle("endChat", null);
        p.settle("startChat", Js.obj("nickname", "Ada", "orgGuid", "G-START", "organizationId", "O-START"));
        assertEquals("O-START", p.server.latest().createBody.path("organizationId").asText());
        assertEquals(ChatPage.DEPLOYMENT, p.server.latest().createBody.path("deploymentId").asText());
    }

    @Test
    void aRefusedCreateRejectsWithStartFailedAndLeavesNoSession() {
        p.load();
        p.server.failNext("POST", "/conversations", 400, 1);
        Outcome o = p.settle("startChat", Js.obj("nickname", "Ada"));
        assertEquals("rejected", o.state);
        assertEquals("StartFailed", o.value.get("code").str());
        assertEquals(400.0, o.value.get("response").get("status").num());
        Value error = p.last("error").get("errors").at(0);
        assertEquals("StartFailed", error.get("code").str());
        assertEquals("injected fault", error.get("text").str(), "the server's message");
        assertNull(p.cookies.get(ChatPage.COOKIE + "ConversationID"));
        // and the next attempt works
        p.start();
        assertTrue(p.names().contains("started"));
    }

    @Test
    void aCreateAnswerWithoutUsableDataRejects() {
        p.load().loop.runDue();
        p.take();
        p.server.answerNext("POST", "/conversations", 200, "null");
        Outcome o = p.settle("startChat", Js.obj());
        assertEquals("StartFailed", o.value.get("code").str());
        assertEquals(PureCloudTexts.NO_START_DATA, o.value.get("text").str());
        p.server.malformedNext("POST", "/conversations");
        o = p.settle("startChat", Js.obj());
        assertEquals("StartFailed", o.value.get("code").str());
        p.server.dropNext("POST", "/conversations");
        o = p.settle("startChat", Js.obj());
        assertEquals("rejected", o.state);
        assertEquals(0.0, o.value.get("response").get("status").num(), "no answer at all");
        assertEquals(List.of("error", "error", "error"), p.names());
    }

    @Test
    void aStreamThatNeverOpensFailsTheStart() {
        p.load().loop.runDue();
        p.take();
        p.server.refuseUpgrades(1);
        Outcome o = p.settle("startChat", Js.obj());
        assertEquals("rejected", o.state);
        assertEquals(PureCloudTexts.SOCKET_FAILED, o.value.get("text").str());
        assertEquals(List.of("error"), p.names());
        assertEquals("resolved:{\"sessionActive\":false}", p.settle("verifySession", null).toString());
        assertNull(p.cookies.get(ChatPage.COOKIE + "ConversationID"));
    }

    @Test
    void missingOrWrongTypedConfigurationRejectsWithoutARequest() {
        Value config = p.config();
        config.get("transport").remove("deploymentKey");
        p.load(config);
        Outcome o = p.settle("startChat", Js.obj());
        assertEquals("rejected:\"" + PureCloudTexts.PURECLOUD_CONFIG + "\"", o.toString());
        ChatPage other = ChatPage.loopback();
        other.load(other.config("dataURL", 42));
        assertEquals("rejected:\"" + PureCloudTexts.PURECLOUD_CONFIG + "\"", other.settle("startChat", Js.obj()).toString());
        assertEquals(0, p.sent.size() + other.sent.size());
    }

    @Test
    void optionsOfTheWrongTypeFallBackToTheirDefaults() {
        p.load(p.config("maxMessagePageSize", "lots", "pagination", "yes", "socketHeartbeatTrackerInterval", "x"));
        p.start();
        ChatPage next = p.reload(p.config("maxMessagePageSize", "lots", "pagination", "yes"));
        next.untilEvent("messageReceived");
        assertTrue(next.sent.get(1).url.endsWith("/messages?sortOrder=descending&maxResults=100"));
        assertEquals(true, next.last("capabilitiesChanged").get("pagination").truthy());
    }

    @Test
    void aSecondStartWhileTheFirstRunsIsRefusedByTheService() {
        p.load();
        Outcome first = p.command("startChat", Js.obj());
        Outcome second = p.command("startChat", Js.obj());
        p.until(() -> !first.state.equals("pending"));
        assertEquals("rejected:\"" + Texts.ALREADY_ACTIVE + "\"", second.toString());
        assertEquals(1, p.server.conversations().size());
    }

    @Test
    void createGetsAtLeastTheTwelveSecondTimeout() {
        p.load(Js.obj("ajaxTimeout", 3000, "transport", p.config().get("transport")));
        p.start();
        for (HttpRequest r : p.sent) {
            assertEquals(12_000, r.timeoutMs);
        }
        ChatPage slow = ChatPage.loopback();
        slow.load(Js.obj("ajaxTimeout", 20_000, "transport", slow.config().get("transport")));
        slow.start();
        assertEquals(20_000, slow.sent.get(0).timeoutMs);
        GuestChatServer unused = slow.server;
        assertEquals(1, unused.conversations().size());
    }
}
