package org.wcs.transport.pureconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** {@code pureconnect-v4-chatbots} against the emulator's connector (spec pureconnect-v4 §12; §16 items 25-28). */
class PureConnectBotsTest extends PureConnectFixture {
    @Test
    void aWholeChatWithABot() {
        // given
        loadWith(bots());
        // when (item 25)
        Outcome o = startChat();
        until(() -> events.contains("clientConnected"));
        // then: the start went to the doubled prefix with the connector's body and the page's headers
        PureConnectEmulator.Received start = pc.received("POST", "/start").get(0);
        assertEquals(PureConnectEmulator.BOTS_REST + "/api/v1/start/" + PureConnectEmulator.HOST_A, start.path());
        assertEquals("1", start.header("x-demo"));
        Value body = Values.parse(start.body());
        assertTrue(body.get("pureConnectData").get("useWebhook").truthy());
        assertEquals("Ada Lovelace", body.get("pureConnectData").get("participantName").str());
        assertEquals("billing-bot", body.get("botData").get("chatbots").str());
        assertEquals("en", body.get("botData").get("customInfo").get("lang").str());
        assertEquals("resolved", o.state, o.toString());
        // the start frame: cookies and started (item 26)
        IcwsChat c = chat();
        Value started = data("started").get("data");
        assertEquals(c.botSession, started.get("sessionId").str());
        assertEquals(c.chatId, started.get("chatId").str());
        assertEquals(c.customerId, started.get("participantId").str());
        assertEquals(c.botSession, tab.cookies.get("_genesys.widgets.webchat.state.pureconnect-v4-chatbots.session"));
        // a bot joins and talks (item 27)
        String bot = c.join("Bot", "Penny");
        c.say(bot, "Hi, I'm Penny");
        awaitText("Hi, I'm Penny");
        assertTrue(events.contains("botConnected"));
        // the customer writes
        assertEquals("resolved", settle("sendMessage", Js.obj("message", "Hello bot")).state);
        awaitText("Hello bot");
        PureConnectEmulator.Received send = pc.received("POST", "/send-message/").get(0);
        assertEquals("text/plain", Values.parse(send.body()).get("contentType").str());
        // when the customer ends: the end goes out and the socket closes (Q12)
        Outcome e = settle("endChat", null);
        assertEquals("resolved", e.state);
        assertEquals(1, pc.received("POST", "/api/v1/end/").size());
        assertTrue(c.ended());
        until(() -> c.sockets().isEmpty());
        assertNull(tab.cookies.get("_genesys.widgets.webchat.state.pureconnect-v4-chatbots.session"));
    }

    @Test
    void aDroppedSocketIsReopened() {
        // given
        loadWith(bots());
        startChat();
        IcwsChat c = chat();
        until(() -> events.contains("clientConnected"));
        // when the connector drops the socket (item 28)
        pc.dropSockets(c);
        until(() -> events.contains("reconnected"));
        // then what was said meanwhile arrives over the new socket
        c.say(c.join("Agent", "Grace"), "after the drop");
        awaitText("after the drop");
        assertEquals(List.of("disconnected", "reconnected"), eventsNamed("disconnected", "reconnected"));
    }

    /** A chat where the agent Grace said "before the reload", and the page showed it. */
    private IcwsChat chatBeforeAReload() {
        loadWith(bots());
        startChat();
        IcwsChat c = chat();
        c.say(c.join("Agent", "Grace"), "before the reload");
        awaitText("before the reload");
        return c;
    }

    @Test
    void aReloadRestoresTheChatAndReopensTheSocket() {
        // given
        IcwsChat c = chatBeforeAReload();
        String agent = c.agent();
        // when (Q12: the original restored nothing it could receive on); the navigation closes the old page's socket
        pc.dropSockets(c);
        loadWith(bots());
        until(() -> events.contains("messageReceived"));
        // then
        assertEquals(List.of("restored", "messageReceived"), eventsNamed("restored", "messageReceived"));
        assertTrue(data("messageReceived").get("restoring").truthy());
        assertTrue(texts().contains("before the reload"));
        until(() -> c.sockets().size() == 1);
        c.say(agent, "after the reload");
        awaitText("after the reload");
        settle("sendMessage", Js.obj("message", "got it"));
        awaitText("got it");
    }

    @Test
    void whatComesWhileARestoredPagesSocketOpensIsReadAgainOnceItIsOpen() throws Exception {
        // given a chat, and a page that restores it (its socket held back until the test lets it connect)
        IcwsChat c = chatBeforeAReload();
        String agent = c.agent();
        pc.dropSockets(c);
        holdSockets = true;
        loadWith(bots());
        until(() -> events.contains("messageReceived") && heldOpens.size() == 1);
        // when the agent speaks before the new socket is open, and the connector sends it to a socket of the session
        // that a closing page still had (the connector need not send a new socket what it sent before)
        WebSocket stale = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(sandbox.url()
                .replace("http:", "ws:") + PureConnectEmulator.BOTS_SOCKET + "?channel=" + c.botSession),
                new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); c.sockets().isEmpty()
                && System.nanoTime() < end; ) {
            Thread.sleep(10);
        }
        c.say(agent, "while the new socket opens");
        heldOpens.get(0).run();
        // then the restored page reads it once its socket is open, and shows it once
        awaitText("while the new socket opens");
        c.say(agent, "after");
        awaitText("after");
        for (String text : List.of("before the reload", "while the new socket opens", "after")) {
            assertEquals(1, texts().stream().filter(text::equals).count(), text + " in " + texts());
        }
        stale.abort();
    }
}
