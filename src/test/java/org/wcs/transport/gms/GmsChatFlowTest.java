package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.service.TestPage;
import org.wcs.value.Value;

/** A whole chat against the emulator: start, the agent, messages both ways, typing, end. */
class GmsChatFlowTest extends GmsFixture {

    @Test
    void startSendsTheFormAndPublishesStartedThenPolls() throws Exception {
        // when
        TestPage.Outcome o = page.await("startChat", Js.obj("firstname", "Ada", "lastname", "Lovelace",
                "email", "ada@example.org", "subject", "Billing question", "userData", Js.obj("key1", "v 1")));
        // then
        GmsChat chat = gms.latestChat();
        assertEquals("resolved", o.state);
        assertEquals(chat.chatId, o.value.get("chatId").str(), "the raw GMS answer");
        GmsEmulator.Received request = gms.received("requestChat").get(gms.received("requestChat").size() - 1);
        assertEquals("Ada", request.field("firstName"));
        assertEquals("Lovelace", request.field("lastName"));
        assertEquals("ada@example.org", request.field("emailAddress"));
        assertEquals("Billing question", request.field("subject"));
        assertEquals("", request.field("text"));
        assertEquals("v 1", request.field("userData[key1]"));
        assertEquals("web", request.field("userData[_genesys_source]"));
        assertEquals("9.0.018.07", request.field("userData[_genesys_widgets]"));
        assertEquals("", request.field("secureKey"));
        assertEquals("{\"sessionID\":\"" + chat.chatId + "\",\"userId\":\"" + chat.userId + "\",\"secureKey\":\""
                + chat.secureKey + "\",\"alias\":\"" + chat.alias + "\"}", Js.json(page.data("started")));
        // and the first refresh replays the customer's join
        page.awaitEvent("messageReceived");
        assertEquals("data.sessionActive,started,pollingStarted,clientConnected,messageReceived",
                names(page.events));
        assertEquals("1", gms.received("refresh").get(0).field("transcriptPosition"));
    }

    @Test
    void agentJoinsTypesAndTalksThenTheCustomerEnds() throws Exception {
        // given
        GmsChat chat = start();
        // when
        gms.agent(chat).joins("Grace").typing(true);
        page.awaitEvent("messageReceived");
        // then
        assertEquals("agentConnected,data.agentTyping,agentTypingStarted,messageReceived", names(page.events));
        Value joined = page.data("agentConnected");
        assertEquals("Grace", joined.get("agents").get("2").get("name").str());
        assertEquals(1.0, joined.get("numAgentsConnected").num());
        page.takeEvents();
        // when the agent writes and the customer answers
        gms.agent(chat).says("Hi, how can I help?");
        page.awaitEvent("messageReceived");
        Value m = page.data("messageReceived").get("messages").at(0);
        assertEquals("{\"text\":\"Hi, how can I help?\",\"type\":\"Message\",\"index\":4,\"timestamp\":"
                + Math.round(m.get("timestamp").num()) + ",\"from\":{\"id\":2,\"type\":\"Agent\",\"name\":\"Grace\"}}",
                Js.json(m));
        assertEquals("text", page.data("messageReceived").get("originalMessages").at(0).get("messageType").str());
        assertEquals("resolved", page.await("sendMessage", Js.obj("message", "Thanks", "type", "text")).state);
        sync(chat);
        assertEquals(chat.lines(), transcript());
        page.takeEvents();
        // when the customer ends
        TestPage.Outcome end = page.await("endChat", null);
        // then
        assertEquals("resolved", end.state);
        assertEquals("pollingStopped,data.sessionActive,supervisorDisconnected,agentDisconnected,"
                + "clientDisconnected,ended", names(page.events));
        assertTrue(chat.ended());
        assertEquals(null, tab.cookies.get("_genesys.widgets.webchat.state.session"));
    }

    @Test
    void serverEndDeliversTheLastEventsThenEnds() throws Exception {
        GmsChat chat = start();
        gms.agent(chat).joins("Grace").says("Bye").ends();
        page.awaitEvent("ended");
        assertEquals("agentConnected,agentDisconnected,messageReceived,pollingStopped,data.sessionActive,ended",
                names(page.events));
        assertEquals(chat.lines(), transcript(), "the transcript outlives the chat");
        assertEquals(0, gms.received("disconnect").stream().filter(r -> r.chatId().equals(chat.chatId)).count());
    }

    @Test
    void typingSendsStartAndStopWithThePreview() throws Exception {
        GmsChat chat = start();
        page.command("registerTypingPreviewInput", Js.obj("input", Js.obj("type", "textarea", "value", "Hel")));
        page.await("sendTyping", null);
        tab.loop.runUntil(() -> !gms.received("stopTyping").isEmpty()
                && gms.received("stopTyping").get(gms.received("stopTyping").size() - 1).chatId().equals(chat.chatId),
                10_000);
        GmsEmulator.Received startTyping = gms.received("startTyping").get(gms.received("startTyping").size() - 1);
        assertEquals("Hel", startTyping.field("message"));
        assertEquals("Hel", chat.preview);
    }
}
