package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.HeldHttp;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.service.TestPage;
import org.wcs.browser.Transports;

/**
 * Issue 11 race (a) in CometD mode, on the virtual clock against a Bayeux server played by hand: a chat ends and the
 * next starts while the old chat's connect and a publish are still in flight; what they bring later never touches
 * the new chat (identity, cookies, transcript, state, events).
 */
class CometdRaceTest {
    static {
        Js.init();
    }

    private static final String SESSION = "_genesys.widgets.webchat.state.session";
    private static final String KEYS = "_genesys.widgets.webchat.state.keys";

    private final JvmLoop loop = new JvmLoop();
    private final HandBayeux server = new HandBayeux(loop);
    private final TestPage page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), server.http),
            Js.obj("cometD", Js.obj("enabled", true, "cometURL", HandBayeux.URL)), new Transports());

    /** The open publish of that operation. */
    private HeldHttp.Sent publish(String operation) {
        loop.runDue();
        for (HeldHttp.Sent s : server.http.open("/cometd/")) {
            if (HandBayeux.message(s).get("data").get("operation").asText().equals(operation)) {
                return s;
            }
        }
        throw new AssertionError("no open " + operation + " in " + server.http.sent);
    }

    private void answer(HeldHttp.Sent s, String fields, String... pushes) {
        StringBuilder b = new StringBuilder("[{\"channel\":\"" + HandBayeux.message(s).get("channel").asText()
                + "\",\"id\":\"" + HandBayeux.message(s).get("id").asText() + "\"" + fields + "}");
        for (String p : pushes) {
            b.append(",{\"channel\":\"" + HandBayeux.CHANNEL + "\",\"data\":").append(p).append('}');
        }
        server.http.answer(s, 200, b.append(']').toString());
        loop.runDue();
    }

    private static String push(String chat, String key, boolean ended, String messages) {
        return "{\"statusCode\":0,\"chatId\":\"" + chat + "\",\"secureKey\":\"" + key + "\",\"userId\":\"U-" + chat
                + "\",\"alias\":\"7\",\"chatEnded\":" + ended + ",\"messages\":[" + messages + "]}";
    }

    private List<String> events() {
        return page.takeEvents().stream().map(e -> e.split(" ")[0]).filter(e -> !e.startsWith("data.")).toList();
    }

    @Test
    void whatTheEndedChatStillBringsNeverTouchesTheNextOne() {
        // given chat C1, its connect held at the server and a message whose publish is not acknowledged yet
        assertEquals("resolved", server.start(page).state);
        HeldHttp.Sent oldConnect = server.http.open("/connect").get(0);
        TestPage.Outcome lateSend = page.command("sendMessage", Js.obj("message", "late"));
        HeldHttp.Sent oldSend = publish("sendMessage");
        // when the customer ends it (the end is acknowledged) and starts the next chat, C2
        TestPage.Outcome end = page.command("endChat", null);
        answer(publish("disconnect"), ",\"successful\":true");
        assertEquals("resolved", end.state);
        page.takeEvents();
        TestPage.Outcome start = page.command("startChat", Js.obj("nickname", "Bo"));
        server.handshake();
        answer(publish("requestChat"), ",\"successful\":true");
        HeldHttp.Sent newConnect = server.http.open("/connect").stream().filter(s -> s != oldConnect).findFirst()
                .orElseThrow();
        answer(newConnect, ",\"successful\":true", push("C2", "K2", false,
                HandBayeux.event(1, "ParticipantJoined", "Client", "")));
        assertEquals("resolved", start.state);
        assertEquals(List.of("started", "clientConnected", "messageReceived"), events());
        // when the old chat's publish is refused and its connect brings its end, with a transcript, at last
        answer(oldSend, ",\"successful\":false,\"error\":\"402::Unknown client\"");
        answer(oldConnect, ",\"successful\":true", push("C1", "K1", true,
                HandBayeux.event(1, "ParticipantJoined", "Client", "") + ","
                + HandBayeux.event(2, "Message", "Agent", "old news")));
        // then its command settles, and nothing else happens: the new chat runs, as it was
        assertEquals("rejected", lateSend.state);
        assertEquals(List.of(), events());
        assertTrue(page.service.isActive());
        assertEquals("C2", page.command("getSessionData", null).value.get("sessionID").str());
        assertEquals("K2", page.command("getSessionData", null).value.get("secureKey").str());
        assertEquals("C2", page.tab.cookies.get(SESSION));
        assertTrue(page.tab.cookies.get(KEYS).contains("K2"));
        String transcript = Js.json(page.command("getTranscript", null).value);
        assertFalse(transcript.contains("old news"), transcript);
    }
}
