package org.wcs.transport.pureconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.pureconnect.Fault;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Values;

/** Polling (spec pureconnect-v4 §7, §16 items 7, 11, 15, 17, 24; quirks Q2, Q3, Q5, Q8, Q14). */
class PureConnectRestPollingTest extends PureConnectFixture {
    @Test
    void pollWaitSuggestionIsReadAsTheOriginalReadsIt() {
        assertEquals(1000, Settings.interval(Values.of("0"), 300));
        assertEquals(100, Settings.interval(Values.of("50"), 300));
        assertEquals(1000, Settings.interval(Values.of("soon"), 300));
        assertEquals(2500, Settings.interval(Values.of("2500"), 300));
        assertEquals(2500, Settings.interval(Values.of(2500), 300));
        assertEquals(300, Settings.interval(Values.of(0), 300));
        assertEquals(300, Settings.interval(Values.nul(), 300));
        assertEquals(300, Settings.interval(Values.undefined(), 300));
    }

    @Test
    void eachPollFollowsTheLastAnswerBySuggestedWait() {
        // given a server that suggests 250 ms
        pc.pollWait("250");
        loadWith(rest());
        // when
        startChat();
        until(() -> polls().size() >= 4);
        // then: a fixed delay after each answer, not a rate
        List<Sent> polls = polls();
        for (int i = 1; i < 4; i++) {
            assertEquals(250, polls.get(i).at - polls.get(i - 1).answeredAt, "poll " + i);
        }
    }

    @Test
    void withoutASuggestionPollsEverySecond() {
        // given a server that never suggests (the original re-polled at once: Q5)
        pc.pollWait(null);
        loadWith(rest());
        startChat();
        until(() -> polls().size() >= 3);
        List<Sent> polls = polls();
        assertEquals(1000, polls.get(2).at - polls.get(1).answeredAt);
    }

    @Test
    void aFailedPollBacksOffAndPollsOn() {
        // given
        loadWith(rest());
        startChat();
        // when two polls answer 500 (the original stopped polling for the page: Q2)
        pc.fault("messages", 2, Fault.http(500, "error.server.unexpected"));
        until(() -> errors().size() >= 2);
        chat().say(chat().join("Agent", "Grace"), "still here");
        // then
        awaitText("still here");
        assertEquals("pureconnect-v4-rest-500", errors().get(0));
    }

    @Test
    void aLostConnectionIsDisconnectedThenReconnected() {
        // given
        loadWith(rest());
        startChat();
        // when a poll gets no answer at all (twice: the JVM's HTTP client retries a dropped GET once by itself)
        pc.fault("messages", 2, Fault.dropConnection());
        until(() -> events.contains("reconnected"));
        // then
        assertEquals(List.of("disconnected", "reconnected"), eventsNamed("disconnected", "reconnected"));
        assertEquals(List.of(), errors());
    }

    @Test
    void unknownTypesAndSendersDoNotLoseTheBatch() {
        // given
        loadWith(rest());
        startChat();
        IcwsChat c = chat();
        // when a batch carries a type ICWS web chat does not have and a text from nobody who joined (Q3)
        c.appendRaw(Map.of("__type", "urn:inin.com:webChat:chatUrlMessage", "participantId", c.customerId,
                "sequenceNumber", 90, "timestamp", "2026-12-06T10:00:00.000Z", "url", "https://example.org"));
        c.appendRaw(Map.of("__type", "urn:inin.com:webChat:chatTextMessage", "participantId", "nobody",
                "sequenceNumber", 91, "timestamp", "2026-12-06T10:00:01.000Z", "contentType", "text/plain",
                "value", "from nowhere"));
        c.say(c.join("Agent", "Grace"), "after them");
        // then
        awaitText("after them");
        assertTrue(texts().contains("from nowhere"));
        assertTrue(!texts().contains("https://example.org"));
    }

    @Test
    void typingGoesBothWays() {
        // given
        loadWith(rest());
        startChat();
        IcwsChat c = chat();
        String agent = c.join("Agent", "Grace");
        // when the customer types (item 15)
        settle("sendTyping", Js.obj("type", "TypingStarted"));
        until(c::customerTyping);
        tab.loop.advance(2100);
        until(() -> !c.customerTyping());
        // and the agent types, then stops (item 11)
        c.typing(agent, true);
        c.typing(agent, false);
        until(() -> events.contains("agentTypingStopped"));
        // then
        assertEquals(List.of("agentTypingStarted", "agentTypingStopped"), eventsNamed("agentTypingStarted",
                "agentTypingStopped", "agentTypingTimeout"));
        assertTrue(texts().contains("typingstarted"));
    }

    @Test
    void whatThisTransportLacksIsRejectedWithTheSpecsTexts() {
        // given
        loadWith(rest());
        startChat();
        // then (item 17, Q14)
        assertEquals("This transport doesn't support sending files.", reject("sendFile", Js.obj("files",
                Js.obj("files", Js.arr(Js.obj())))));
        assertEquals("This transport doesn't support file download.", reject("downloadFile", Js.obj("fileId", "x")));
        assertEquals("This transport doesn't support getFileLimits command.", reject("getFileLimits", null));
        assertEquals("This transport doesn't support sendCustomNotice command.", reject("sendCustomNotice",
                Js.obj("message", "hi")));
        assertEquals("This transport doesn't support any poll Exceptions.", reject("resetPollExceptions", null));
        assertEquals("This transport doesn't support polling.", reject("pausePoll", null));
        assertEquals("Fetching messages history applies to only Asynchronous chat.", reject("fetchHistory", null));
        assertEquals("This transport doesn't support updating userData during an active chat session.",
                reject("updateUserData", Js.obj("a", 1)));
        assertEquals("This transport doesn't support updating interactionData during an active chat session.",
                reject("updateInteractionData", Js.obj("a", 1)));
    }

    @Test
    void withoutAChatOrAFileTheOriginalsWordsComeFirst() {
        // given no chat yet (DifferentialIT against 9.0.018.07)
        loadWith(rest());
        // then
        assertEquals("This transport doesn't support sending files.", reject("sendFile", Js.obj()));
        assertEquals("There is no active chat session.", reject("sendTyping", Js.obj("isTyping", true)));
        assertEquals("No message text provided", reject("sendMessage", Js.obj()));
        assertEquals("There is no active chat session", reject("sendMessage", Js.obj("message", "hi")));
        // and during one, a missing file is still an unsupported upload
        startChat();
        assertEquals("This transport doesn't support sending files.", reject("sendFile", Js.obj()));
    }

    private String reject(String command, Object data) {
        Outcome o = settle(command, data);
        assertEquals("rejected", o.state, command);
        return o.value.str();
    }

    private List<Sent> polls() {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.line().startsWith("GET messages/") && s.answeredAt >= 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** Codes of the error events so far. */
    List<String> errors() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals("error")) {
                out.add(eventData.get(i).get("errors").at(0).get("code").str("?"));
            }
        }
        return out;
    }
}
