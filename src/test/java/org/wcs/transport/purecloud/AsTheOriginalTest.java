package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.TransportTexts;

/** Answers a page can compare with the original's, found by a scripted differential run (issue 13, item 15). */
class AsTheOriginalTest {

    @Test
    void capabilitiesAreAnnouncedAtReadyWithoutAChat() {
        // given
        ChatPage p = ChatPage.loopback();
        // when
        p.load();
        p.loop.runDue();
        // then the WebChat UI learns there is no upload button before any chat, as with the original
        assertEquals(List.of("ready", "capabilitiesChanged"), p.names());
        assertEquals("{\"async\":false,\"asyncClose\":\"hideChat\",\"pagination\":true,\"fileUpload\":false}",
                Js.json(p.last("capabilitiesChanged")));
        assertEquals(0, p.sent.size());
    }

    @Test
    void historyOfAChatStartedHereResolvesWithoutShowingAnythingTwice() {
        // given a chat started on this page, with a few messages shown
        ChatPage p = ChatPage.loopback();
        p.load();
        var c = p.start();
        c.agent("Alice").joins().says("One");
        p.settle("sendMessage", Js.obj("message", "Two"));
        c.agent("Alice").says("Three");
        p.loop.advance(Inbox.REORDER_MS + 10); // past the stream's reorder window
        List<String> shown = p.transcriptIds();
        p.take();
        // when the user scrolls up
        Outcome o = p.settle("fetchHistory", null);
        // then it resolves, as the original's does; the page read is the one before the newest message shown
        assertEquals("resolved", o.state);
        HttpRequest read = p.sent.get(p.sent.size() - 2);
        assertTrue(read.url.endsWith("/messages?sortOrder=descending&maxResults=100&before="
                + shown.get(shown.size() - 1)), read.url);
        assertFalse(p.names().contains("messageReceived"), "everything on it was shown already");
        assertEquals(shown, p.transcriptIds());
        // and once that page says nothing older is left, the original's text
        assertEquals("rejected:\"" + TransportTexts.NO_MORE_MESSAGES + "\"", p.settle("fetchHistory", null).toString());
    }

    @Test
    void startSendAndTypingResolveWithNothingAsTheOriginals() {
        // given a page
        ChatPage p = ChatPage.loopback();
        p.load();
        // when a chat starts, the user sends a message and types
        Outcome start = p.settle("startChat", Js.obj("form", Js.obj("firstname", "Ada")));
        Outcome send = p.settle("sendMessage", Js.obj("message", "Hello"));
        Outcome typing = p.settle("sendTyping", Js.obj("isTyping", true));
        // then each resolves with nothing, as the original's do (the session is in started and getSessionData)
        assertEquals("resolved", start.state);
        assertTrue(start.value.isUndefined(), start.toString());
        assertTrue(send.value.isUndefined(), send.toString());
        assertTrue(typing.value.isUndefined(), typing.toString());
        assertEquals("resolved", send.state);
        assertEquals("resolved", typing.state);
    }

    @Test
    void sendFileWithoutAFileSaysFirstThatThereAreNoUploads() {
        // given a chat
        ChatPage p = ChatPage.loopback();
        p.load();
        p.start();
        // when a page sends no file, or no file object
        Outcome none = p.settle("sendFile", Js.obj());
        Outcome odd = p.settle("sendFile", Js.obj("files", "x"));
        // then, as the original, Genesys Cloud says it takes no uploads before it looks at the file
        assertEquals("rejected:\"" + TransportTexts.NO_FILE_UPLOAD + "\"", none.toString());
        assertEquals("rejected:\"" + TransportTexts.NO_FILE_UPLOAD + "\"", odd.toString());
    }

    @Test
    void historyWithoutAChatSaysThereIsNoMoreToFetch() {
        // given a page without a chat
        ChatPage p = ChatPage.loopback();
        p.load();
        // when the page asks for history
        Outcome o = p.settle("fetchHistory", null);
        // then the original's text
        assertEquals("rejected:\"" + TransportTexts.NO_MORE_MESSAGES + "\"", o.toString());
        assertEquals(0, p.sent.size());
    }

    @Test
    void anAgentWithoutAnAvatarTypesWithAnEmptyOne() {
        // given a chat with an agent who has no avatar
        ChatPage p = ChatPage.loopback();
        p.load();
        var c = p.start();
        var grace = c.agent("Grace").joins();
        p.loop.advance(Inbox.REORDER_MS + 10);
        // when she types
        grace.types();
        p.untilEvent("agentTypingStarted");
        // then from.avatar is "", as the original's (the UI shows its default icon either way)
        assertEquals("{\"name\":\"Grace\",\"id\":\"" + grace.id() + "\",\"avatar\":\"\"}",
                Js.json(p.last("agentTypingStarted").get("from")));
    }
}
