package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.LoopbackNet;

/**
 * Conversation and member ids (from cookies or the server) and message ids used as cursors holding URL syntax stay
 * inside their path segment or query value.
 */
class HostileIdsTest {
    private static final String CONVERSATIONS = LoopbackNet.HTTP + "/api/v2/webchat/guest/conversations/";
    private static final String HOSTILE = "x/../y?z=1#w %";
    private static final String ENCODED = "x%2F..%2Fy%3Fz%3D1%23w%20%25";

    private static List<String> urls(ChatPage p) {
        return p.sent.stream().map(r -> r.method + " " + r.url).toList();
    }

    @Test
    void idsFromCookiesAreOneSegmentEach() {
        // given session cookies (js-cookie encoded) whose ids hold URL syntax
        ChatPage p = ChatPage.loopback();
        p.cookies.set(ChatPage.COOKIE + "JWtoken", "j", "");
        p.cookies.set(ChatPage.COOKIE + "ConversationID", ENCODED, "");
        p.cookies.set(ChatPage.COOKIE + "MemberID", "..", "");
        p.cookies.set(ChatPage.COOKIE + "WS_URL", LoopbackNet.WS + "/nowhere", "");
        // when the page loads and restores
        p.load();
        p.untilEvent("restoreFailed");
        // then the check of its own member went to that conversation's member, and nowhere else
        assertEquals("GET " + CONVERSATIONS + ENCODED + "/members/%252E%252E", urls(p).get(0));
    }

    @Test
    void idsAndCursorsFromTheServerStayInTheirPlace() {
        // given a chat
        ChatPage p = ChatPage.loopback();
        p.load();
        Conversation c = p.start();
        p.take();
        String base = "GET " + CONVERSATIONS + c.id;
        // when a message comes from a member nobody announced, both with ids holding URL syntax (the newest message:
        // the stream's cursor)
        p.server.broadcastRaw("{\"topicName\":\"v2.conversations.chats." + c.id + ".messages\",\"metadata\":"
                + "{\"type\":\"message\"},\"eventBody\":{\"id\":" + Js.json(Js.wrap("m/" + HOSTILE)) + ","
                + "\"conversation\":{\"id\":\"" + c.id + "\"},\"sender\":{\"id\":" + Js.json(Js.wrap(HOSTILE))
                + "},\"body\":\"hi\",\"bodyType\":\"standard\",\"timestamp\":\"2099-05-02T10:00:00.000Z\"}}");
        p.untilEvent("messageReceived");
        // then the member is fetched by its id, as one segment
        assertTrue(urls(p).contains(base + "/members/" + ENCODED), urls(p).toString());
        // when the stream drops and comes back
        p.sent.clear();
        p.server.dropSockets();
        p.loop.advance(5000);
        // then the catch-up reads after that message, its id one query value
        assertTrue(urls(p).contains(base + "/messages?after=m%2F" + ENCODED), urls(p).toString());
    }

    @Test
    void aHistoryCursorFromTheServerIsOneQueryValue() {
        // given a restored chat whose newest page's oldest message id holds URL syntax, with more before it
        ChatPage first = ChatPage.loopback();
        first.load();
        Conversation c = first.start();
        first.server.answerNext("GET", "/messages", 200, "{\"entities\":[{\"id\":" + Js.json(Js.wrap(HOSTILE))
                + ",\"sender\":{\"id\":\"" + c.guest().id + "\"},\"body\":\"old\",\"bodyType\":\"standard\","
                + "\"timestamp\":\"2024-05-02T10:00:00.000Z\"}],\"next\":\"/more\"}");
        ChatPage p = first.reload(first.config());
        p.untilEvent("messageReceived");
        // when the user scrolls up
        p.sent.clear();
        p.settle("fetchHistory", null);
        // then
        HttpRequest page = p.sent.get(0);
        assertEquals(CONVERSATIONS + c.id + "/messages?sortOrder=descending&maxResults=100&before=" + ENCODED,
                page.url);
    }
}
