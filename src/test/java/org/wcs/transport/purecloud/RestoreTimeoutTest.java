package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/**
 * The restore time limit documented for Genesys Cloud ({@code restoreTimeout}, 60 s by default; the original never
 * applied it): a chat no page has heard from for that long is not restored, and {@code restoreTimeout} says so. Every
 * frame of the stream, heartbeats included, counts as hearing from it.
 */
class RestoreTimeoutTest extends ChatWithAlice {

    /** When a page last heard the stream, as stored for the next page. */
    private long lastHeard() {
        return Long.parseLong(p.cookies.get(ChatPage.COOKIE + "ping"));
    }

    /** The page goes away, and the next one loads {@code awayMs} after the stream was last heard. */
    private ChatPage comeBackAfter(long awayMs, Value config) {
        long heard = lastHeard();
        p.client.unload();
        p.loop.advance(heard + awayMs - p.loop.now());
        return p.reload(config);
    }

    @Test
    void aChatLastHeardJustUnderTheLimitAgoIsRestored() {
        ChatPage next = comeBackAfter(60_000 - 1, p.config());
        next.untilEvent("messageReceived");
        assertEquals(List.of("ready", "capabilitiesChanged", "restored"), next.names().subList(0, 3));
    }

    @Test
    void aChatLastHeardTheLimitAgoIsNotRestoredAndIsForgotten() {
        // when
        ChatPage next = comeBackAfter(60_000, p.config());
        next.untilEvent("restoreTimeout");
        // then nothing was asked of the server, and nothing is left to restore
        assertEquals(List.of("ready", "capabilitiesChanged", "restoreTimeout"), next.names());
        assertEquals(0, next.sent.size());
        assertNull(next.cookies.get(ChatPage.COOKIE + "ConversationID"));
        assertEquals("rejected:\"" + TransportTexts.NOTHING_TO_RESTORE + "\"", next.settle("restore", null).toString());
        assertEquals("resolved:{\"sessionActive\":false}", next.settle("verifySession", null).toString());
    }

    @Test
    void theLimitIsTheWebchatRestoreTimeoutOption() {
        Value config = p.config();
        config.set("restoreTimeout", 5000);
        ChatPage next = comeBackAfter(5000, config);
        next.untilEvent("restoreTimeout");
        assertTrue(next.names().contains("restoreTimeout"));
    }

    @Test
    void heartbeatsKeepAnOpenPageHeardFrom() {
        // given a page left open for two quiet minutes (heartbeats every 10 s)
        p.loop.advance(120_000);
        assertTrue(p.loop.now() - lastHeard() <= 10_000, "heard " + (p.loop.now() - lastHeard()) + " ms ago");
        // when it reloads at once
        ChatPage next = p.reload(p.config());
        next.untilEvent("messageReceived");
        // then
        assertTrue(next.names().contains("restored"), next.names().toString());
        assertEquals("resolved", next.settle("sendMessage", Js.obj("message", "still here")).state);
    }
}
