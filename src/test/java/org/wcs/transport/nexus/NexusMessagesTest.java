package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.nexus.Fault;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.service.Events;
import org.wcs.value.Value;

/**
 * Messages end to end (spec 6, 7; Client checklist "Behaviour"): participant events the UI relies on, agent typing
 * and its timeout to the millisecond, inlined images, and a chat the server ends.
 */
class NexusMessagesTest extends NexusFixture {

    @Test
    void theCustomersJoinIsAClientAndAgentsAreCountedByParticipantId() { // quirks 2, 4
        // given
        nexus.deterministic(() -> 1_714_650_000_000L, 3);
        loadWith(transport());
        startChat();
        // then the customer's own join is a Client join
        assertEquals(List.of("clientConnected", "messageReceived"), eventsNamed("clientConnected",
                "messageReceived"));
        // when an agent and a supervisor join and the agent leaves
        NexusSession s = session();
        s.agent("Grace").joins();
        s.agent("Sue", "Supervisor").joins();
        nextPoll();
        s.agent("Grace").leaves();
        nextPoll();
        // then
        assertEquals(List.of("clientConnected", "agentConnected", "supervisorConnected", "agentDisconnected"),
                eventsNamed("clientConnected", "agentConnected", "supervisorConnected", "agentDisconnected"));
        Value left = data("agentDisconnected");
        assertEquals(1, (int) left.get("numAgentsConnected").num(), "the supervisor is still there");
        Value grace = left.get("agents").get(s.agent("Grace").participantId());
        assertEquals(1_714_650_000_001L, (long) grace.get("connectedTime").num(), "utcTime of the join");
        assertEquals(1_714_650_000_003L, (long) grace.get("disconnectedTime").num());
        assertFalse(grace.get("connected").truthy());
        assertEquals("Grace", grace.get("name").str());
    }

    @Test
    void agentTypingTimesOutAfter3000msUnlessTheAgentWritesOrStops() { // quirk 3
        // given a chat with slow polling, so that only the typing timer runs
        loadWith(transport().set("pollTimeout", 60_000));
        startChat();
        NexusSession.Agent grace = session().agent("Grace").joins();
        grace.typing(true);
        // (the private poll command is refused to pages, and reads nothing)
        assertEquals("Access Denied to private command. Only WebChatService is allowed to invoke this command",
                settle("poll", null).text());
        tab.loop.advance(60_000);
        settleIo();
        assertEquals(List.of("agentTypingStarted"), eventsNamed("agentTypingStarted", "agentTypingTimeout"));
        // when 2999 ms pass nothing; at 3000 the timeout
        tab.loop.advance(2999);
        assertEquals(List.of("agentTypingStarted"), eventsNamed("agentTypingStarted", "agentTypingTimeout"));
        tab.loop.advance(1);
        assertEquals(List.of("agentTypingStarted", "agentTypingTimeout"), eventsNamed("agentTypingStarted",
                "agentTypingTimeout"));
        // when the agent types again and writes before the timeout
        grace.typing(true).says("Here you go");
        clearEvents();
        tab.loop.advance(60_000 - 3000);
        settleIo();
        tab.loop.advance(5000);
        // then the text ends the typing and no timeout follows
        assertEquals(List.of("agentTypingStarted", "agentTypingStopped"), eventsNamed("agentTypingStarted",
                "agentTypingStopped", "agentTypingTimeout"));
    }

    @Test
    void imagesAreInlinedAndAFailedDownloadDoesNotHoldTheBatch() { // quirk 5
        // given
        loadWith(transport());
        startChat();
        NexusSession.Agent grace = session().agent("Grace").joins();
        // when the agent sends two images, the second of which cannot be downloaded, then text
        grace.image("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        grace.image("image/gif", new byte[] {'G', 'I', 'F'}).says("see above");
        nexus.fault("image", 1, Fault.delay(10));
        nexus.fault("image", 1, Fault.http(500, "BROKEN", "no"));
        nextPoll();
        awaitMessage("see above");
        // then
        Value batch = data("messageReceived").get("messages");
        assertEquals(4, batch.length(), "join, two images, text: one batch, in order");
        String first = batch.at(1).get("content").at(0).get("url").str();
        String second = batch.at(2).get("content").at(0).get("url").str();
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N',
                'G', 0, (byte) 0xff});
        assertTrue(first.equals(png) || second.equals("data:image/gif;base64,R0lG"), first + " " + second);
        List<String> urls = List.of(first, second);
        assertEquals(1, urls.stream().filter(u -> u.startsWith("data:")).count(), urls.toString());
        assertEquals(1, urls.stream().filter(u -> u.startsWith(sandbox.url() + "/nexus/v3/chat/sessions/")).count(),
                "the failed one keeps its absolute URL: " + urls);
        assertEquals("Message", batch.at(1).get("type").str());
    }

    @Test
    void aChatTheServerEndsIsReportedAsEnded() { // quirk 1
        // given
        loadWith(transport());
        startChat();
        session().agent("Grace").joins().says("Bye").leaves();
        session().done();
        clearEvents();
        // when
        nextPoll();
        // then the last messages first, then the end; polling and the session are over
        assertEquals(List.of("agentConnected", "agentDisconnected", "messageReceived", "pollingStopped", "ended"),
                eventsNamed("agentConnected", "agentDisconnected", "messageReceived", "pollingStopped", "ended"));
        assertFalse(service.isActive());
        assertTrue(tab.cookies.all().isEmpty(), tab.cookies.all().toString());
        int requests = sent.size();
        tab.loop.advance(30_000);
        assertEquals(requests, sent.size());
    }

    @Test
    void theTranscriptHoldsHistoryOldestFirst() {
        // given an async chat with more than a page of history, restored on a reload
        nexus.decimalIndexes(true);
        loadWith(transport().set("async", async()));
        startChat();
        for (int i = 2; i <= 30; i++) {
            session().agent("Grace").says("m" + i);
        }
        nextPoll();
        loadWith(transport().set("async", async()));
        until(() -> events.contains("restored"));
        settleIo();
        // when
        settle("fetchHistory", null);
        // then the page came newest first, and the transcript is in order
        Value page = data("messageReceived");
        assertTrue(page.get("oldMessages").truthy());
        assertEquals("10", page.get("messages").at(0).get("index").str());
        Value transcript = settle("getTranscript", null).value.get("messages");
        assertEquals(30, transcript.length());
        for (int i = 0; i < 30; i++) {
            assertEquals(Integer.toString(i + 1), transcript.at(i).get("index").str());
        }
    }

    @Test
    void theCustomersOwnTextComesBackThroughTheServer() {
        loadWith(transport());
        startChat();
        settle("sendMessage", Js.obj("message", "Hi"));
        assertFalse(transcriptTexts().contains("Hi"), "not shown before the server has it");
        nextPoll();
        Value m = data("messageReceived").get("messages").at(0);
        assertEquals("Hi", m.get("text").str());
        assertEquals("Client", m.get("from").get("type").str());
    }
}
