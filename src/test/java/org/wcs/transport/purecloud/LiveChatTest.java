package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/**
 * A live conversation: members, messages, typing both ways and the end by the agent (Client checklist 13.4-13.8,
 * spec 7.2-7.4, 8.3-8.5), on the virtual clock.
 */
class LiveChatTest {
    private ChatPage p;
    private Conversation c;

    @BeforeEach
    void started() {
        p = ChatPage.loopback();
        p.load();
        c = p.start();
        p.loop.runDue();
        p.take();
    }

    private Participant agentJoined() {
        Participant alice = c.agent("Alice");
        alice.member.avatarImageUrl = "https://example.test/alice.png";
        alice.joins();
        p.untilEvent("messageReceived");
        p.take();
        return alice;
    }

    @Test
    void itemsHaveTheOriginalsKeys() { // issue 13 item 4: type, [text], restoring, index, timestamp, [id], [avatar], from
        // given the guest's own join shown at the start
        String from = "from:{id:string,name:string,type:string}}";
        Value transcript = p.settle("getTranscript", null).value.get("messages");
        assertEquals("{type:string,text:string,restoring:boolean,index:number,timestamp:number," + from,
                Js.shape(transcript.at(0)));
        // when an agent joins and talks
        Participant alice = agentJoined();
        alice.says("Hello");
        p.untilEvent("messageReceived");
        transcript = p.settle("getTranscript", null).value.get("messages");
        // then a join shown live has text "", as the original's, and the message its text
        String common = "restoring:boolean,index:number,timestamp:number,id:string,avatar:string,";
        assertEquals("{type:string,text:string," + common + from, Js.shape(transcript.at(1)));
        assertEquals("", transcript.at(1).get("text").str());
        assertEquals("{type:string,text:string," + common + from, Js.shape(transcript.at(2)));
        assertEquals(false, transcript.at(2).get("restoring").truthy());
    }

    @Test
    void anAgentJoinsOnceWithItsNameAndId() {
        // when
        Participant alice = c.agent("Alice");
        alice.alerting();
        alice.joins();
        p.untilEvent("messageReceived");
        // then: the member is fetched once, then one join item with a from, and agentConnected before it
        assertEquals(List.of("agentConnected", "messageReceived"), p.names());
        Value connected = p.last("agentConnected");
        assertEquals(1.0, connected.get("numAgentsConnected").num());
        assertEquals("Alice", connected.get("agents").get(alice.id()).get("name").str());
        Value item = p.last("messageReceived").get("messages").at(0);
        assertEquals("ParticipantJoined", item.get("type").str());
        assertEquals("{\"id\":\"" + alice.id() + "\",\"name\":\"Alice\",\"type\":\"Agent\"}",
                Js.json(item.get("from")));
        assertEquals(c.transcript().get(1).path("id").asText(), item.get("id").str());
        assertEquals(1, p.messagesReceived(), "no second, from-less join item (quirk Q7)");
        long memberCalls = p.sent.stream().filter(r -> r.url.endsWith("/members/" + alice.id())).count();
        assertEquals(1, memberCalls);
    }

    @Test
    void agentTypingShowsForExactlyThreeSecondsUnlessAMessageComes() {
        Participant alice = agentJoined();
        // when the agent types
        alice.types();
        p.loop.advance(Inbox.REORDER_MS);
        // then
        assertEquals(List.of("agentTypingStarted"), p.take());
        p.loop.advance(2999);
        assertEquals(List.of(), p.take());
        p.loop.advance(1);
        assertEquals(List.of("agentTypingTimeout"), p.take());
        // when the agent types, then says something within the three seconds
        alice.types();
        p.loop.advance(1000);
        alice.says("Here is your answer");
        p.loop.advance(Inbox.REORDER_MS);
        assertEquals(List.of("agentTypingStarted", "agentTypingStopped", "messageReceived"), p.take());
        p.loop.advance(10_000);
        assertFalse(p.take().contains("agentTypingTimeout"), "the timer went with the message");
    }

    @Test
    void agentTypingCarriesTheAgentAsFrom() {
        Participant alice = agentJoined();
        alice.types();
        p.untilEvent("agentTypingStarted");
        assertEquals("{\"name\":\"Alice\",\"id\":\"" + alice.id() + "\",\"avatar\":\"https://example.test/alice.png\"}",
                Js.json(p.last("agentTypingStarted").get("from")));
        assertTrue(Js.json(p.last("agentTypingStarted")).startsWith("{\"from\":"), "the UI reads data.from");
    }

    @Test
    void theGuestsMessageIsShownOnceFromItsEcho() {
        // when
        Outcome o = p.settle("sendMessage", Js.obj("message", "Hi, I need help"));
        p.loop.advance(Inbox.REORDER_MS);
        // then: only {"body"} is posted, the command resolves with nothing (as the original's), and the echo is the
        // one item
        assertEquals("resolved", o.state);
        assertTrue(o.value.isUndefined(), o.toString());
        JsonNode stored = c.transcript().get(c.transcript().size() - 1);
        var post = p.sent.get(p.sent.size() - 1);
        assertEquals("POST", post.method);
        assertTrue(post.url.endsWith("/members/" + c.guest().id + "/messages"));
        assertEquals("{\"body\":\"Hi, I need help\"}", post.body);
        assertEquals(List.of("messageReceived"), p.names());
        Value item = p.last("messageReceived").get("messages").at(0);
        assertEquals("Message", item.get("type").str());
        assertEquals("Hi, I need help", item.get("text").str());
        assertEquals("Client", item.get("from").get("type").str());
        assertEquals(stored.path("id").asText(), p.cookies.get(ChatPage.COOKIE + "LastMsgId"));
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
    }

    @Test
    void oneTypingRequestPerBurstAndNothingWhenItStops() {
        int before = p.sent.size();
        p.settle("sendTyping", Js.obj());
        p.loop.advance(500);
        p.settle("sendTyping", Js.obj());
        p.loop.advance(1999);
        assertEquals(1, p.sent.size() - before);
        assertTrue(p.sent.get(before).url.endsWith("/typing"));
        assertNull(p.sent.get(before).body, "no body, but still a JSON content type");
        assertEquals("application/json", p.sent.get(before).header("Content-Type"));
        p.loop.advance(1);
        assertEquals(List.of("clientTypingStarted", "clientTypingStopped"), p.take(),
                "the guest's own typing indicator, echoed by the server, is not an agent typing");
        assertEquals(1, p.sent.size() - before);
    }

    @Test
    void theAgentEndsTheChat() {
        Participant alice = agentJoined();
        alice.says("Anything else?");
        p.untilEvent("messageReceived");
        p.take();
        // when
        c.endByAgent();
        p.untilEvent("ended");
        // then: both leaves come in one reorder window, so in one batch
        assertEquals(List.of("agentDisconnected", "clientDisconnected", "messageReceived", "ended"), p.names());
        assertEquals(0.0, p.last("agentDisconnected").get("numAgentsConnected").num());
        assertNull(p.cookies.get(ChatPage.COOKIE + "ConversationID"));
        p.loop.runDue();
        assertEquals(0, c.sockets(), "the page closed its socket (the widget left it open: Q3)");
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
        p.take();
        int requests = p.sent.size();
        p.loop.advance(120_000);
        assertEquals(requests, p.sent.size(), "nothing more once it ended");
        assertEquals(List.of(), p.take());
    }

    @Test
    void botsAreBotsAndTheirNoticesExternal() {
        Participant flow = c.bot("Flow");
        flow.joins();
        flow.says("I am a bot");
        flow.notice("Please wait");
        flow.leaves();
        p.loop.advance(1000);
        assertEquals(List.of("messageReceived"), p.names(), "no bot events unless enabled");
        Value items = p.last("messageReceived").get("messages");
        assertEquals(2, items.length(), "no join or leave items without bot events");
        assertEquals("Bot", items.at(0).get("from").get("type").str());
        assertEquals("Flow", items.at(0).get("from").get("name").str());
        assertEquals("External", items.at(1).get("from").get("type").str());
    }

    @Test
    void withBotEventsBotsJoinAndLeave() {
        ChatPage b = ChatPage.loopback();
        b.load(b.config("botEventsEnabled", true));
        Conversation bc = b.start();
        b.loop.runDue();
        b.take();
        Participant flow = bc.bot("Flow");
        flow.joins();
        flow.leaves();
        b.loop.advance(1000);
        assertEquals(List.of("botConnected", "botDisconnected", "messageReceived"), b.names());
        assertEquals(ChatPage.expectedIds(bc, false, true), b.transcriptIds());
    }

    @Test
    void theAcdMemberIsNotShownButAMediaRequestIs() {
        Participant acd = c.acd();
        acd.joins();
        Participant alice = agentJoined();
        alice.mediaRequest("Alice would like to share your screen");
        p.untilEvent("messageReceived");
        Value item = p.last("messageReceived").get("messages").at(0);
        assertEquals("Message", item.get("type").str());
        assertEquals("Alice would like to share your screen", item.get("text").str());
        acd.leaves();
        p.loop.advance(1000);
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
    }

    @Test
    void aMessageFromAnUnannouncedMemberIsShownWithWhatCanBeKnown() {
        // given a member the server never announced (and does not list)
        Participant ghost = c.agent("Ghost");
        // when it speaks, then a known agent speaks
        ghost.says("Boo");
        Participant alice = c.agent("Alice");
        alice.joins();
        p.loop.advance(1000);
        // then the member call fails (404), the message goes with only its sender's id, and nothing is blocked
        assertEquals("purecloud-v2-sockets-404", p.last("error").get("errors").at(0).get("code").str());
        List<Value> t = p.transcript();
        Value boo = t.get(t.size() - 2);
        assertEquals("Boo", boo.get("text").str());
        assertEquals("{\"id\":\"" + ghost.id() + "\"}", Js.json(boo.get("from")));
        assertEquals("ParticipantJoined", t.get(t.size() - 1).get("type").str());
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
    }

    @Test
    void aSlowMemberCallHoldsLaterMessagesForFiveSecondsAtMost() {
        // given the agent's member call takes 10 s
        p.server.slowNext("GET", "/members/", 10_000);
        Participant alice = c.agent("Alice");
        alice.joins();
        alice.says("First");
        p.loop.runDue();
        p.settle("sendMessage", Js.obj("message", "Second"));
        p.take();
        // when
        p.loop.advance(4999);
        assertEquals(List.of(), p.take(), "held in order behind the unknown sender");
        p.loop.advance(1);
        // then all three go, in order; the join without a known role is not shown
        assertEquals(List.of("messageReceived"), p.take());
        List<Value> t = p.transcript();
        assertEquals("First", t.get(t.size() - 2).get("text").str());
        assertEquals("{\"id\":\"" + alice.id() + "\"}", Js.json(t.get(t.size() - 2).get("from")));
        assertEquals("Second", t.get(t.size() - 1).get("text").str());
        // and once the member is known, its messages are the agent's again
        p.loop.advance(5000);
        alice.says("Third");
        p.untilEvent("messageReceived");
        assertEquals("Agent", p.last("messageReceived").get("messages").at(0).get("from").get("type").str());
    }

    @Test
    void aMalformedFrameIsIgnored() {
        p.server.broadcastRaw("{not json");
        p.server.broadcastRaw("{\"topicName\":\"v2.conversations.chats.x.messages\",\"eventBody\":{}}");
        p.server.broadcastRaw("{\"topicName\":\"t\",\"eventBody\":\"text\",\"metadata\":{\"type\":\"message\"}}");
        p.server.broadcastRaw("{\"topicName\":\"t\",\"eventBody\":{\"body\":\"no id\"},\"metadata\":{\"type\":"
                + "\"message\"}}");
        p.server.broadcastRaw("{\"topicName\":\"t\",\"eventBody\":{},\"metadata\":{\"type\":\"typing-indicator\"}}");
        p.loop.runDue();
        Participant alice = agentJoined();
        alice.says("Still here");
        p.untilEvent("messageReceived");
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
        assertEquals(List.of("messageReceived"), p.names());
        assertEquals(3, p.transcript().size(), "start, join and message: nothing from the garbage");
    }
}
