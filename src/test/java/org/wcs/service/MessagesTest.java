package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.AgentTyping;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Transcript batches: participants, typing, filters, preprocessors (spec C.5, D.2, F; G34-G36, G45-G48). */
class MessagesTest extends ServiceFixture {

    @BeforeEach
    void chat() {
        startChat();
    }

    @Test
    void messageReceivedCarriesAlignedMessagesAndTheSession() { // G34
        // when
        transport.messages(transport.item("ParticipantJoined", "", "Client", 1, "Ada"),
                transport.item("Message", "hi", "Client", 1, "Ada"));
        tab.loop.runDue();
        // then
        Value data = eventData.get(events.indexOf(events.stream().filter(e -> e.startsWith("messageReceived"))
                .findFirst().orElseThrow()));
        assertEquals(2, data.get("messages").length());
        assertEquals(2, data.get("originalMessages").length());
        assertEquals("text", data.get("originalMessages").at(1).get("messageType").str(), "server fields kept");
        assertEquals(false, data.get("restoring").truthy());
        assertEquals("CHAT1", data.get("sessionData").get("sessionID").str());
        assertTrue(data.get("oldMessages").isBoolean());
        Value m = data.get("messages").at(1);
        assertEquals("{\"index\":2,\"type\":\"Message\",\"text\":\"hi\",\"timestamp\":" + (long) tab.loop.now()
                + ",\"from\":{\"id\":1,\"type\":\"Client\",\"name\":\"Ada\"}}", Js.json(m));
    }

    @Test
    void agentJoinAndTypingComeBeforeTheBatchThatShowsThem() { // G35, G36, trace F
        // when
        transport.messages(transport.item("ParticipantJoined", "", "Agent", 3, "Alice"),
                transport.item("TypingStarted", "", "Agent", 3, "Alice"));
        tab.loop.runDue();
        // then
        assertEquals(List.of("agentConnected", "data.agentTyping true", "agentTypingStarted", "messageReceived"),
                names());
        Value connected = eventData.get(0);
        assertEquals(1.0, connected.get("numAgentsConnected").num());
        Value alice = connected.get("agents").get("3");
        assertEquals("{\"name\":\"Alice\",\"connected\":true,\"supervisor\":false,\"connectedTime\":"
                + (long) tab.loop.now() + ",\"disconnectedTime\":false}", Js.json(alice));
        assertEquals("Alice", eventData.get(2).get("from").get("name").str(), "typing data has from");
        // when the agent writes
        events.clear();
        eventData.clear();
        transport.messages(transport.item("Message", "Hello", "Agent", 3, "Alice"));
        tab.loop.runDue();
        assertEquals(List.of("data.agentTyping false", "agentTypingStopped", "messageReceived"), names());
        assertEquals("{}", Js.json(eventData.get(1)));
    }

    @Test
    void agentsAreKeyedByParticipantIdForGetAgents() { // G47
        transport.messages(transport.item("ParticipantJoined", "", "Agent", 3, "Alice"),
                transport.item("ParticipantJoined", "", "Supervisor", 4, "Sam"));
        tab.loop.runDue();
        Value agents = command("getAgents").value.get("agents");
        assertEquals("Alice", agents.get("3").get("name").str());
        assertTrue(agents.get("4").get("supervisor").truthy());
        assertTrue(names().contains("supervisorConnected"));
        // and the agent leaves
        tab.loop.advance(5000);
        transport.messages(transport.item("ParticipantLeft", "", "Agent", 3, "Alice"));
        tab.loop.runDue();
        Value left = command("getAgents").value.get("agents").get("3");
        assertEquals(false, left.get("connected").truthy());
        assertEquals((double) tab.loop.now(), left.get("disconnectedTime").num());
        Value event = eventData.get(names().indexOf("agentDisconnected"));
        assertEquals(1.0, event.get("numAgentsConnected").num(), "the supervisor is still there");
    }

    @Test
    void clientAndBotParticipantsHaveTheirOwnEvents() {
        transport.messages(transport.item("ParticipantJoined", "", "Client", 1, "Ada"),
                transport.item("ParticipantJoined", "", "Bot", 9, "Bot"),
                transport.item("ParticipantLeft", "", "Bot", 9, "Bot"));
        tab.loop.runDue();
        assertEquals(List.of("clientConnected", "botConnected", "botDisconnected", "messageReceived"), names());
    }

    @Test
    void coBrowseTokenAndCustomFiltersHideMessages() { // G45
        // given
        Outcome added = command("addPrefilter", Js.obj("filters", Values.regExp("secret", "i")));
        // then
        assertEquals("resolved", added.state);
        assertTrue(added.value.isArray(), "an array, as documented (issue 13 item 7)");
        assertEquals(1, added.value.length());
        assertTrue(added.value.at(0).isRegExp());
        assertEquals("{%22custom%22:[{%22source%22:%22secret%22%2C%22flags%22:%22i%22}]}",
                tab.cookies.get("_genesys.widgets.webchat.state.filters"));
        // when
        transport.messages(transport.item("Message", "{start:123456789}", "Client", 1, "Ada"),
                transport.item("Message", "my SECRET code", "Client", 1, "Ada"),
                transport.item("Message", "visible", "Client", 1, "Ada"));
        tab.loop.runDue();
        // then
        Value shown = eventData.get(names().indexOf("messageReceived")).get("messages");
        assertEquals(1, shown.length());
        assertEquals("visible", shown.at(0).get("text").str());
        assertEquals(1, command("getTranscript").value.get("originalMessages").length());
    }

    @Test
    void theSameFiltersAddedOnEveryLoadAreKeptOnce() { // issue 13 item 1: ChatDeflection adds two on every restored
        for (int load = 0; load < 3; load++) {
            Outcome o = command("addPrefilter", Js.obj("filters", Js.arr(Values.regExp("^deflect:", "i"),
                    Values.regExp("token [0-9]+", ""))));
            assertEquals(2, o.value.length(), "the answer lists each filter once");
            bootPage(config()); // a reload: the stored filters come back from the cookie
        }
        assertEquals("{%22custom%22:[{%22source%22:%22^deflect:%22%2C%22flags%22:%22i%22}%2C"
                + "{%22source%22:%22token%20[0-9]+%22%2C%22flags%22:%22%22}]}",
                tab.cookies.get("_genesys.widgets.webchat.state.filters"));
    }

    @Test
    void addPrefilterNeedsARegExp() { // G45
        String bad = "rejected:\"" + Texts.BAD_FILTERS + "\"";
        assertEquals(bad, command("addPrefilter", Js.obj("filters", "text")).toString());
        assertEquals(bad, command("addPrefilter", Js.obj()).toString());
        assertEquals(bad, command("addPrefilter", Js.obj("filters", Js.arr("x"))).toString());
        assertEquals("resolved", command("addPrefilter",
                Js.obj("filters", Js.arr(Values.regExp("a", ""), Values.regExp("b", "g")))).state);
    }

    @Test
    void sendFilteredMessageSendsAndHidesIt() {
        Outcome o = command("sendFilteredMessage", Js.obj("message", "code 42", "regex", Values.regExp("code", "")));
        assertEquals("resolved", o.state);
        assertEquals("code 42", transport.last("send").args[0].str());
        transport.messages(transport.item("Message", "code 42", "Client", 1, "Ada"));
        tab.loop.runDue();
        assertEquals(List.of(), names());
    }

    @Test
    void preprocessorsChainAndAFalsyReturnKeepsTheMessage() { // G46 and nextgen chaining
        // given
        Value upper = Values.function((s, a) -> a[0].set("text", a[0].get("text").str().toUpperCase()));
        Value none = Values.function((s, a) -> Values.undefined());
        Value tag = Values.function((s, a) -> Values.assign(Values.object(), a[0])
                .set("text", a[0].get("text").str() + "!"));
        Outcome registered = command("registerPreProcessor", Js.obj("preprocessor", upper));
        assertTrue(registered.value.same(upper));
        command("registerPreProcessor", Js.obj("preprocessor", none));
        command("registerPreProcessor", Js.obj("preprocessor", tag));
        // when
        transport.messages(transport.item("Message", "hi", "Agent", 3, "Alice"));
        tab.loop.runDue();
        // then
        assertEquals("HI!", eventData.get(names().indexOf("messageReceived")).get("messages").at(0).get("text").str());
        assertEquals("rejected:\"No preprocessor function provided. Type provided was 'number'.\"",
                command("registerPreProcessor", Js.obj("preprocessor", 5)).toString());
        assertEquals("rejected:\"No preprocessor function provided. Type provided was 'undefined'.\"",
                command("registerPreProcessor", Js.obj()).toString());
    }

    @Test
    void aThrowingPreprocessorDoesNotLoseTheMessage() {
        command("registerPreProcessor", Js.obj("preprocessor", Values.function((s, a) -> {
            throw new org.wcs.value.JsError("bad");
        })));
        transport.messages(transport.item("Message", "kept", "Agent", 3, "Alice"));
        tab.loop.runDue();
        assertEquals("kept", eventData.get(names().indexOf("messageReceived")).get("messages").at(0)
                .get("text").str());
    }

    @Test
    void restoringBatchesFlagEveryMessage() {
        transport.batch(true, transport.item("Message", "old", "Agent", 3, "Alice"));
        tab.loop.runDue();
        Value data = eventData.get(names().indexOf("messageReceived"));
        assertTrue(data.get("restoring").truthy());
        assertTrue(data.get("messages").at(0).get("restoring").truthy());
    }

    @Test
    void statsSpanTheTranscript() {
        transport.messages(transport.item("Message", "a", "Client", 1, "Ada"));
        tab.loop.advance(4000);
        transport.messages(transport.item("Message", "b", "Agent", 3, "Alice"));
        tab.loop.runDue();
        Value stats = command("getStats").value;
        assertEquals(4000.0, stats.get("duration").num());
        assertEquals((double) tab.loop.now(), stats.get("endTime").num());
    }

    @Test
    void emptyStatsAreFalse() {
        assertEquals("{\"agents\":{},\"startTime\":false,\"endTime\":false,\"duration\":false}",
                Js.json(command("getStats").value));
    }

    @Test
    void transportReportedTypingTimesOutOnTheServicesTimer() {
        // given a back end whose typing indications last 3000 ms
        transport.typingTimeoutMs = 3000;
        Value from = Js.obj("from", Js.obj("id", "a1", "name", "Alice"));
        transport.listener.agentTyping(from, AgentTyping.STARTED);
        tab.loop.runDue();
        // when a second start comes 2000 ms later, it re-arms the timer
        tab.loop.advance(2000);
        transport.listener.agentTyping(from, AgentTyping.STARTED);
        tab.loop.advance(2999);
        assertEquals(List.of("data.agentTyping true", "agentTypingStarted", "agentTypingStarted"), names());
        // then the timeout comes 3000 ms after the last start
        tab.loop.advance(1);
        assertEquals(List.of("data.agentTyping true", "agentTypingStarted", "agentTypingStarted",
                "data.agentTyping false", "agentTypingTimeout"), names());
    }

    @Test
    void theAgentsTextEndsTypingAndItsTimer() {
        transport.typingTimeoutMs = 3000;
        transport.listener.agentTyping(Js.obj(), AgentTyping.STARTED);
        transport.messages(transport.item("Message", "hi", "Agent", 2, "Alice"));
        tab.loop.advance(5000);
        assertEquals(List.of("data.agentTyping true", "agentTypingStarted", "data.agentTyping false",
                "agentTypingStopped", "messageReceived"), names());
    }

    @Test
    void backEndsThatSayWhenTypingStopsHaveNoTimer() {
        transport.listener.agentTyping(Js.obj(), AgentTyping.STARTED);
        tab.loop.advance(60_000);
        assertEquals(List.of("data.agentTyping true", "agentTypingStarted"), names());
    }

    private List<String> names() {
        return events.stream().map(e -> e.split(" ")[0].equals("data.agentTyping") ? e : e.split(" ")[0]).toList();
    }
}
