package org.wcs.transport.pureconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/** A whole {@code pureconnect-v4-rest} chat against the emulator: spec pureconnect-v4 §16 items 1-5, 8-14, 16, 18. */
class PureConnectRestChatTest extends PureConnectFixture {
    @Test
    void aWholeChat() {
        // given
        loadWith(rest());
        // when
        Outcome o = startChat();
        // then: cookies, started, an immediate poll, pollingStarted, ajaxResponse (item 5)
        assertEquals("resolved", o.state, o.toString());
        IcwsChat c = chat();
        assertEquals(c.chatId, cookie("session"));
        assertEquals(c.customerId, cookie("participantId"));
        assertEquals(List.of("started", "pollingStarted", "ajaxResponse"), eventsNamed("started", "pollingStarted",
                "ajaxResponse"));
        Value started = data("started").get("data");
        assertEquals(c.chatId, started.get("sessionId").str());
        assertEquals(c.customerId, started.get("participantId").str());
        assertEquals("Ada Lovelace", started.get("displayName").str());
        assertEquals(List.of("POST start", "GET messages/" + c.customerId), lines().subList(0, 2));
        // the customer's join: clientConnected and a participantjoined item from the Client (item 8)
        until(() -> events.contains("clientConnected"));
        Value joined = data("messageReceived").get("messages").at(0);
        assertEquals("participantjoined", joined.get("type").str());
        assertEquals("Client", joined.get("from").get("type").str());
        assertEquals(1, joined.get("index").num());

        // when the agent joins, types and writes (items 9-12)
        String agent = c.join("Agent", "Grace");
        c.typing(agent, true);
        c.say(agent, "Hello Ada");
        awaitText("Hello Ada");
        // then
        assertEquals(List.of("clientConnected", "agentConnected", "agentTypingStarted", "agentTypingStopped"),
                eventsNamed("clientConnected", "agentConnected", "agentTypingStarted", "agentTypingStopped"));
        Value agents = data("agentConnected").get("agents");
        assertTrue(agents.isObject());
        Value said = last("message");
        assertEquals("Agent", said.get("from").get("type").str());
        assertEquals("Grace", said.get("from").get("name").str());
        assertTrue(said.get("timestamp").num() > 1_700_000_000_000.0);

        // when the customer writes (item 14): typing off, then the text, shown only from the next poll
        int before = sent.size();
        assertEquals("resolved", settle("sendMessage", Js.obj("message", "Hi there")).state);
        List<String> after = lines().subList(before, before + 2);
        assertEquals(List.of("POST typing-state/" + c.customerId, "POST send-message/" + c.customerId), after);
        awaitText("Hi there");
        Value mine = last("Message");
        assertEquals("Client", mine.get("from").get("type").str());
        assertEquals(List.of("Message Client Hi there"), pcLines(c, "Message Client"));

        // getSessionData (item 18)
        Outcome sd = settle("getSessionData", null);
        assertEquals(c.chatId, sd.value.get("sessionId").str());
        assertEquals(c.customerId, sd.value.get("participantId").str());

        // when the customer ends (item 16)
        events.clear();
        Outcome e = settle("endChat", null);
        // then
        assertEquals("resolved", e.state, e.toString());
        assertEquals("POST exit/" + c.customerId, lines().get(lines().size() - 1));
        assertEquals(List.of("pollingStopped", "clientDisconnected", "ended"), eventsNamed("pollingStopped",
                "clientDisconnected", "ended"));
        assertNull(cookie("session"));
        assertNull(cookie("participantId"));
        assertTrue(c.ended());
    }

    @Test
    void theStartBodyIsTheSpecs() {
        // given
        loadWith(rest());
        // when
        startChat();
        // then (items 1-3)
        PureConnectEmulator.Received start = pc.received("POST", "/start").get(0);
        assertEquals(PureConnectEmulator.PROXY + "/" + PureConnectEmulator.HOST_A + "/icws/web-chat/start",
                start.path());
        assertEquals("application/json", start.header("content-type"));
        assertNull(start.header("cookie"));
        Value body = org.wcs.value.Values.parse(start.body());
        assertEquals("Ada Lovelace", body.get("participantName").str());
        assertEquals("ada@example.test", body.get("transcriptEmailAddress").str());
        assertEquals("Support", body.get("targetName").str());
        assertEquals("Workgroup", body.get("targetType").str());
        assertEquals("Billing question\nVIP caller", body.get("notes").str());
        assertEquals("gold", body.get("additionalAttributes").get("Tier").str());
        // every request says application/json, GETs included
        for (PureConnectEmulator.Received r : pc.received()) {
            assertEquals("application/json", r.header("content-type"), r.path());
        }
    }

    @Test
    void theDisplayNameFallsBack() {
        assertEquals("Nick", name(Js.obj("nickname", "Nick", "firstname", "Ada", "lastname", "L")));
        assertEquals("Ada L", name(Js.obj("firstname", "Ada", "lastname", "L")));
        assertEquals("Ada", name(Js.obj("firstname", "Ada")));
        assertEquals("Customer", name(Js.obj()));
    }

    private String name(Value form) {
        pc.reset();
        sent.clear();
        loadWith(rest());
        settle("startChat", Js.obj("form", form));
        settleIo();
        String n = chat().customerName;
        settle("endChat", null);
        return n;
    }

    @Test
    void urlsFollowUseHttpsAndTheProxy() {
        // given a page with no proxy, plain HTTP (item 1): the request goes to port 8018 of the host
        loadWith(Js.obj("type", "pureconnect-v4-rest", "hosts", Js.arr("CIC-A.example.test"), "useHttps", false));
        command("startChat", Js.obj("form", Js.obj("firstname", "Ada")));
        until(() -> !sent.isEmpty());
        assertEquals("http://cic-a.example.test:8018/icws/web-chat/start", sent.get(0).request.url);
    }

    @Test
    void theAgentEndsTheChat() {
        // given
        loadWith(rest());
        startChat();
        IcwsChat c = chat();
        c.join("Agent", "Grace");
        until(() -> events.contains("agentConnected"));
        // when the server disconnects the customer (item 13)
        c.disconnectCustomer();
        until(() -> events.contains("ended"));
        // then
        assertEquals(List.of("agentDisconnected", "clientDisconnected", "ended"), eventsNamed("agentDisconnected",
                "clientDisconnected", "ended"));
        until(() -> lines().contains("POST exit/" + c.customerId));
        assertNull(cookie("session"));
        Outcome s = settle("sendMessage", Js.obj("message", "still there?"));
        assertEquals("rejected", s.state);
    }

    @Test
    void chatEndedEndsTheChat() {
        // given
        loadWith(rest());
        startChat();
        // when a poll carries chatEnded (Q6: the original went silent)
        chat().flagChatEnded();
        until(() -> events.contains("ended"));
        // then
        assertEquals(List.of("pollingStopped", "clientDisconnected", "ended"),
                eventsNamed("pollingStopped", "clientDisconnected", "ended"));
        assertNull(cookie("session"));
    }

    private Value last(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).equals("messageReceived")) {
                Value ms = eventData.get(i).get("messages");
                for (int k = ms.length() - 1; k >= 0; k--) {
                    if (ms.at(k).get("type").str().equals(type)) {
                        return ms.at(k);
                    }
                }
            }
        }
        assertNotNull(null, "no item " + type);
        return null;
    }

    private static List<String> pcLines(IcwsChat c, String prefix) {
        return PureConnectEmulator.transcript(c).stream()
                .filter(l -> l.startsWith(prefix)).toList();
    }
}
