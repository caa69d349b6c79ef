package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsChat;

/** A whole chat over CometD against the emulator (spec gms-v2 §13; Client checklist 16). */
class CometdChatTest extends CometdFixture {

    @Test
    void startAgentMessagesBothWaysAndTheAgentEnds() {
        // given
        GmsChat chat = start();
        // when the agent joins and talks
        comet.agent(chat).joins("Grace").typing(true).says("Hello Ada");
        sync(chat);
        // then
        assertEquals("agentConnected,agentTypingStarted,agentTypingStopped", kinds(page.takeEvents()));
        // when the customer answers
        assertEquals("{\"statusCode\":0}", Js.json(page.await("sendMessage", Js.obj("message", "Hi")).value));
        sync(chat);
        assertEquals(chat.lines(), transcript());
        // when the agent ends
        comet.agent(chat).ends();
        page.awaitEvent("ended");
        assertEquals("agentDisconnected,ended", kinds(page.takeEvents()));
        tab.loop.runUntil(() -> comet.sessionCounts()[0] == 0, 10_000);
    }
}
