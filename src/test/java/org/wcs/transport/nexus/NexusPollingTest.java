package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Platform;
import org.wcs.sandbox.nexus.Fault;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.service.Launcher;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.Events;
import org.wcs.browser.Transports;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;

/**
 * Polling (spec 8; Client checklist "Behaviour"): cadence, the capped back-off, 429 and 503 with Retry-After, one
 * read at a time, time limits on every request, the outage status, and two tabs of one chat. Times are virtual and exact: a read goes out at the very millisecond its
 * timer is due, whatever the real network took.
 */
class NexusPollingTest extends NexusFixture {

    /** The live reads of a chat started on this page (every read but history pages), in order. */
    List<Sent> polls() {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.request.method.equals("GET") && s.request.url.contains("/messages?")
                    && !s.request.url.contains("/messages?index=")) {
                out.add(s);
            }
        }
        return out;
    }

    /** Delay from each read's answer to the next read. */
    List<Long> gaps() {
        List<Sent> p = polls();
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < p.size(); i++) {
            out.add(p.get(i).at - p.get(i - 1).answeredAt);
        }
        return out;
    }

    @Test
    void theFirstReadGoesAtOnceAndEachNextOnePollTimeoutAfterTheAnswer() {
        // given
        loadWith(transport());
        startChat();
        // then the first read went out as the create was answered
        Sent create = sent.get(0);
        Sent first = polls().get(0);
        assertEquals(create.answeredAt, first.at);
        // and nothing is sent until 3000 ms after the first read's answer
        long due = first.answeredAt + 3000;
        tab.loop.advance(due - 1 - tab.loop.now());
        assertEquals(1, polls().size());
        tab.loop.advance(1);
        assertEquals(2, polls().size());
        assertEquals(due, polls().get(1).at);
        settleIo();
        nextPoll();
        nextPoll();
        assertEquals(List.of(3000L, 3000L, 3000L), gaps());
        assertEquals(4, events.stream().filter(e -> e.equals(Events.POLLING_STARTED)).count(), "one per read");
    }

    /** The wait after the k-th failure in a row (k from 1) when every draw is {@code draw}: Backoff's rule. */
    static long step(int base, int k, double draw) {
        long ceiling = base;
        for (int i = 1; i < k && ceiling < 30000; i++) {
            ceiling *= 2;
        }
        return (long) Math.floor(draw * Math.min(ceiling, 30000));
    }

    @Test
    void pollTimeoutIsTheBaseOfTheBackOffWithAFloorOf100() {
        draw = 0.5;
        loadWith(transport().set("pollTimeout", 10));
        startChat();
        nexus.fault("read", 2, Fault.http(500, "SERVER_ERROR", "boom"));
        for (int i = 0; i < 4; i++) {
            nextPoll();
        }
        assertEquals(List.of(100L, step(100, 1, 0.5), step(100, 2, 0.5), 100L), gaps());
    }

    @Test
    void failedReadsBackOffExponentiallyWithJitterUntilOneSucceeds() {
        // given
        draw = 0.5;
        loadWith(transport());
        startChat();
        nexus.fault("read", 3, Fault.http(503, "UNAVAILABLE", "busy"));
        // when
        for (int i = 0; i < 5; i++) {
            nextPoll();
        }
        // then a draw from 0..3000, 0..6000, 0..12000 (here halfway); a success resets to 3000
        assertEquals(List.of(3000L, 1500L, 3000L, 6000L, 3000L), gaps());
        assertEquals(List.of(step(3000, 1, 0.5), step(3000, 2, 0.5), step(3000, 3, 0.5)), gaps().subList(1, 4));
        assertEquals(3, eventsNamed(Events.ERROR).size());
        Value503 error = new Value503(data(Events.ERROR));
        assertEquals("pureengage-v3-rest-UNAVAILABLE", error.code);
        assertEquals("busy", error.text);
        assertEquals(503, error.status);
        // and the outage was pending (under pollExceptionLimit), then over
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.ERROR, Events.ERROR, Events.ERROR,
                Events.CONNECTION_RESTORED), eventsNamed(Events.CONNECTION_PENDING, Events.ERROR,
                Events.CONNECTION_RESTORED, Events.DISCONNECTED, Events.RECONNECTED));
    }

    /** The parts of an error event a test reads. */
    static final class Value503 {
        final String code;
        final String text;
        final int status;

        Value503(org.wcs.value.Value event) {
            org.wcs.value.Value e = event.get("errors").at(0);
            code = e.get("code").str();
            text = e.get("text").str();
            status = (int) e.get("response").get("status").num();
        }
    }

    @Test
    void http429And503WaitAtLeastTheirRetryAfterAndBackOffToo() {
        draw = 0.5;
        loadWith(transport());
        startChat();
        nexus.fault("read", 1, Fault.http(429, "TOO_MANY_REQUESTS", "slow down", 7));
        nexus.fault("read", 1, Fault.http(503, "UNAVAILABLE", "busy", 1));
        nexus.fault("read", 1, Fault.http(429, "TOO_MANY_REQUESTS", "slow down"));
        for (int i = 0; i < 5; i++) {
            nextPoll();
        }
        // 7 s asked for (more than the draw of 1500), then a draw of 3000 (more than the 1 s asked for), then 6000
        assertEquals(List.of(3000L, 7000L, step(3000, 2, 0.5), step(3000, 3, 0.5), 3000L), gaps());
        assertEquals(3, eventsNamed(Events.ERROR).size());
        assertEquals("pureengage-v3-rest-TOO_MANY_REQUESTS", new Value503(data(Events.ERROR)).code);
    }

    @Test
    void aFiveMinuteOutageMakesABoundedNumberOfReadsAndTheRecoveryIsSeenWithinOneStep() {
        // given a chat, and reads that draw the middle of each back-off range
        draw = 0.5;
        loadWith(transport());
        startChat();
        int before = polls().size();
        // when the server answers 503 for five minutes, and the agent speaks meanwhile
        nexus.fault("read", 10_000, Fault.http(503, "UNAVAILABLE", "down"));
        double outageStart = tab.loop.now();
        session().agent("Grace").says("are you there?");
        tab.loop.runUntil(() -> tab.loop.now() >= outageStart + 300_000, 400_000);
        settleIo();
        nexus.clearFaults();
        double outageEnd = tab.loop.now();
        int duringOutage = polls().size() - before;
        // then the waits grew to the cap (30 s, half of it drawn) and no further
        List<Long> g = gaps().subList(before - 1, gaps().size());
        assertEquals(3000L, g.get(0));
        for (int k = 1; k < g.size(); k++) {
            assertEquals(step(3000, k, 0.5), g.get(k), "wait after failure " + k);
        }
        long sum = 0;
        int bound = 0;
        for (int k = 1; sum < 300_000; k++) {
            sum += step(3000, k, 0.5);
            bound++;
        }
        assertTrue(duringOutage <= bound + 1, duringOutage + " reads in 5 minutes, bound " + bound);
        assertTrue(duringOutage >= bound - 1, "it kept trying: " + duringOutage);
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.DISCONNECTED), eventsNamed(Events.CONNECTION_PENDING,
                Events.DISCONNECTED, Events.RECONNECTED, Events.CONNECTION_RESTORED));
        assertEquals(Config.FAILURE_LIMIT, eventsNamed(Events.ERROR).size(), "errors until disconnected, then none");
        // and the first read after the outage comes within one capped step, and brings what was said
        awaitMessage("are you there?");
        Sent recovery = polls().get(before + duringOutage);
        assertTrue(recovery.at - outageEnd <= 15_000, "recovered after " + (recovery.at - outageEnd) + " ms");
        assertEquals(200, recovery.status);
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.DISCONNECTED, Events.CONNECTION_RESTORED,
                Events.RECONNECTED), eventsNamed(Events.CONNECTION_PENDING, Events.DISCONNECTED, Events.RECONNECTED,
                Events.CONNECTION_RESTORED));
    }

    @Test
    void oneReadAtATimeEvenWhenThePageWakesDuringOne() {
        // given a slow read in flight
        loadWith(transport().set("sleepEnabled", true));
        startChat();
        nexus.fault("read", 1, Fault.delay(600));
        tab.loop.advance(3000);
        assertEquals(2, polls().size());
        assertTrue(polls().get(1).answeredAt < 0, "in flight");
        // when the page sleeps and wakes meanwhile
        command("sleep", null);
        command("wake", null);
        settleIo();
        // then no second read was started while the first one ran
        List<Sent> p = polls();
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i).at >= p.get(i - 1).answeredAt, "reads overlap: " + lines());
        }
    }

    /** One of every request of an async chat, then each request's line and time limit. */
    List<String> timeLimits(Value webchat) {
        load(webchat.set("transport", transport().set("async", async())));
        startChat();
        settle("sendMessage", Js.obj("message", "hi"));
        settle("updateUserData", Js.obj("k", "v"));
        settle("sendFile", Js.obj("files", Js.obj("files", Js.arr(Js.obj("name", "a.png", "type", "image/png",
                "content", "PNG")))));
        nextPoll();
        settle("fetchHistory", null);
        settleIo();
        settle("endChat", null);
        List<String> out = new ArrayList<>();
        for (Sent s : sent) {
            out.add(s.line().replaceAll("/[0-9a-f-]{36}", "/ID").replaceAll("index=[^&]+", "index=I") + " "
                    + s.request.timeoutMs);
        }
        return out;
    }

    @Test
    void everyRequestHasTheAjaxTimeoutExceptUploads() {
        assertEquals(List.of("POST  4000", "GET /ID/messages?count=10000&operationId=X 4000", "POST /ID/messages 4000",
                "PUT /ID/userdata 4000", "POST /ID/images 60000", "GET /ID/messages?operationId=X&index=I 4000",
                "GET /ID/images/img1 4000", "GET /ID/messages?index=I&count=20&operationId=X 4000",
                "GET /ID/messages?operationId=X&index=I 4000", "DELETE /ID/participants/ID 4000"),
                timeLimits(Js.obj("ajaxTimeout", 4000)));
    }

    @Test
    void withoutAnAjaxTimeoutReadsAndTheEndGet12000AndUploads60000OrTheFileUploadTimeout() {
        assertEquals(List.of("POST  9000", "GET /ID/messages?count=10000&operationId=X 12000",
                "POST /ID/messages 9000", "PUT /ID/userdata 9000", "POST /ID/images 25000",
                "GET /ID/messages?operationId=X&index=I 12000", "GET /ID/images/img1 12000",
                "GET /ID/messages?index=I&count=20&operationId=X 12000",
                "GET /ID/messages?operationId=X&index=I 12000", "DELETE /ID/participants/ID 12000"),
                timeLimits(Js.obj("fileUploadTimeout", 25000)));
    }

    @Test
    void aHungReadTimesOutCountsAsAFailedReadAndPollingGoesOn() {
        // given a server that holds the next read longer than the time limit
        draw = 0.5;
        load(Js.obj("ajaxTimeout", 300, "transport", transport()));
        startChat();
        nexus.fault("read", 1, Fault.delay(1500));
        // when
        nextPoll();
        // then the read gave up after 300 ms, the outage is pending (no error: there was no answer), and the next
        // read goes one back-off step later and brings the chat back
        Sent hung = polls().get(1);
        assertEquals(0, hung.status);
        assertWithinTimeLimit(300, hung);
        assertEquals(List.of(Events.CONNECTION_PENDING), eventsNamed(Events.CONNECTION_PENDING, Events.ERROR,
                Events.CONNECTION_RESTORED));
        session().agent("Grace").says("still here");
        nextPoll();
        awaitMessage("still here");
        assertEquals(step(3000, 1, 0.5), polls().get(2).at - hung.answeredAt);
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.CONNECTION_RESTORED), eventsNamed(
                Events.CONNECTION_PENDING, Events.ERROR, Events.CONNECTION_RESTORED));
    }

    @Test
    void aHungEndSettlesEndChatAtItsTimeLimitAndTheChatEndsLocally() {
        load(Js.obj("ajaxTimeout", 300, "transport", transport()));
        startChat();
        nexus.fault("delete", 1, Fault.delay(1500));
        Outcome o = settle("endChat", null);
        Sent end = last("DELETE", "/participants/");
        assertEquals("rejected", o.state);
        assertEquals(0, (int) o.value.get("status").num());
        assertWithinTimeLimit(300, end);
        assertTrue(events.contains(Events.ENDED), events.toString());
        assertEquals("rejected", settle("sendMessage", Js.obj("message", "gone")).state);
    }

    @Test
    void theAjaxTimeoutDefaultsTo9000AndFailsASlowCall() {
        loadWith(transport());
        startChat();
        assertEquals(9000, sent.get(0).request.timeoutMs);
        // a send the server does not answer in time
        tab = new JvmPlatform();
        platform = platform(tab);
        load(Js.obj("ajaxTimeout", 200, "transport", transport()));
        startChat();
        nexus.fault("send", 1, Fault.delay(1500));
        Outcome o = command("sendMessage", Js.obj("message", "slow"));
        until(() -> events.contains(Events.ERROR));
        assertEquals("pureengage-v3-rest-", new Value503(data(Events.ERROR)).code);
        // the send timed out without an answer: it may have reached the server, so its message is kept and its
        // command waits; the server did store it (late), and the transcript shows it: it is not sent again
        assertEquals("pending", o.state);
        until(() -> !o.state.equals("pending"));
        assertEquals("resolved", o.state);
        assertEquals(1, sent.stream().filter(x -> x.request.method.equals("POST") && x.request.body != null
                && x.request.body.contains("slow")).count(), lines().toString());
        assertEquals(1, transcriptTexts().stream().filter("slow"::equals).count(), transcriptTexts().toString());
    }

    @Test
    void readsWithoutAnAnswerArePendingThenDisconnectedPastPollExceptionLimitUntilOneSucceeds() {
        // given a limit of one failed read
        draw = 0.5;
        load(Js.obj("pollExceptionLimit", 1, "transport", transport()));
        startChat();
        // when the next two reads find no server (the JDK client retries a dropped GET once: 2 faults per read)
        nexus.fault("read", 4, Fault.dropConnection());
        nextPoll();
        assertEquals(List.of(Events.CONNECTION_PENDING), eventsNamed(Events.CONNECTION_PENDING, Events.DISCONNECTED,
                Events.RECONNECTED, Events.ERROR));
        nextPoll();
        // then pending, then disconnected, no errors, and a send waits without the network (the original resolved
        // {statusCode: 1} and sent nothing: the message was lost)
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.DISCONNECTED), eventsNamed(Events.CONNECTION_PENDING,
                Events.DISCONNECTED, Events.RECONNECTED, Events.ERROR));
        int requests = sent.size();
        Outcome kept = command("sendMessage", Js.obj("message", "kept"));
        assertEquals("pending", kept.state);
        assertEquals(requests, sent.size());
        // when a read succeeds again
        nextPoll();
        // then
        assertEquals(List.of(Events.CONNECTION_PENDING, Events.DISCONNECTED, Events.CONNECTION_RESTORED,
                Events.RECONNECTED), eventsNamed(Events.CONNECTION_PENDING, Events.DISCONNECTED,
                Events.CONNECTION_RESTORED, Events.RECONNECTED, Events.ERROR));
        assertEquals(List.of(3000L, step(3000, 1, 0.5), step(3000, 2, 0.5)), gaps(), "failed reads back off too");
        until(() -> !kept.state.equals("pending"));
        assertEquals("resolved", kept.state, "the kept message went once the server answered again");
        assertEquals("resolved", settle("sendMessage", Js.obj("message", "back")).state);
    }

    @Test
    void byDefaultTheSixthFailedReadInARowIsDisconnectedAndErrorsStopThere() {
        draw = 0.1;
        loadWith(transport());
        startChat();
        nexus.fault("read", 7, Fault.malformedJson());
        for (int i = 0; i < 8; i++) {
            nextPoll();
        }
        List<String> outage = eventsNamed(Events.CONNECTION_PENDING, Events.DISCONNECTED, Events.RECONNECTED,
                Events.ERROR);
        List<String> expected = new ArrayList<>(List.of(Events.CONNECTION_PENDING));
        for (int i = 0; i < Config.FAILURE_LIMIT; i++) {
            expected.add(Events.ERROR);
        }
        expected.addAll(List.of(Events.DISCONNECTED, Events.RECONNECTED));
        assertEquals(expected, outage);
        assertEquals(5, Config.FAILURE_LIMIT, "the documented default");
    }

    @Test
    void messagesWhoseAnswerWasLostAreReadAgain() {
        // given
        nexus.decimalIndexes(true);
        loadWith(transport());
        startChat();
        // when the server hands out two messages but the answer never arrives (the JDK client's retry dropped too)
        session().agent("Grace").says("one").says("two");
        nexus.fault("read", 1, Fault.answerLost());
        nexus.fault("read", 1, Fault.dropConnection());
        nextPoll();
        assertEquals(List.of(), transcriptTexts().subList(1, transcriptTexts().size()));
        // then the next read asks for everything after the last index seen, and nothing is lost or doubled
        nextPoll();
        assertTrue(polls().get(polls().size() - 1).request.url.endsWith("&index=1"), lines().toString());
        session().agent("Grace").says("three");
        nextPoll();
        assertEquals(List.of("ParticipantJoined", "one", "two", "three"), transcriptTexts());
    }

    /** A second tab of the same site: same clock, cookies and storage, its own page and event record. */
    final class Tab {
        final JvmPlatform platform = new JvmPlatform(tab.loop, tab.cookies, tab.storage);
        final Value page;
        final List<Value> messages = new ArrayList<>();

        Tab(Value webchat) {
            Platform p = platform(platform);
            platform.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", webchat, "main", Js.obj())));
            Launcher.start(p, new Transports(), new SharedTabs());
            page = Js.call(platform.page.window().get("CXBus"), "registerPlugin", "Page");
            Js.call(page, "subscribe", "WebChatService.messageReceived", Js.fn(env -> {
                Value ms = env.get("data").get("messages");
                for (int k = 0; k < ms.length(); k++) {
                    messages.add(ms.at(k));
                }
            }));
        }
    }

    /** The indexes of the messages a tab was given, in order. */
    static List<String> indexes(List<Value> messages) {
        List<String> out = new ArrayList<>();
        for (Value m : messages) {
            out.add(m.get("index").str());
        }
        return out;
    }

    /** The emulator's transcript as the client indexes it (first "-" removed). */
    List<String> serverIndexes() {
        List<String> out = new ArrayList<>();
        for (var m : session().messages()) {
            out.add(((String) m.get("index")).replaceFirst("-", ""));
        }
        return out;
    }

    /** Every message published in tab A, from {@link #eventData}. */
    List<Value> tabAMessages() {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals(Events.MESSAGE_RECEIVED)) {
                Value ms = eventData.get(i).get("messages");
                for (int k = 0; k < ms.length(); k++) {
                    out.add(ms.at(k));
                }
            }
        }
        return out;
    }

    @Test
    void twoTabsOfOneChatEachSeeEveryMessageExactlyOnce() {
        // given a chat in tab A and the same session restored in tab B (shared cookies, storage and clock)
        loadWith(transport());
        startChat();
        Tab b = new Tab(Js.obj("transport", transport()));
        until(() -> !b.messages.isEmpty());
        // when the agent says 10 messages, some between reads, some while reads are on their way
        NexusSession.Agent grace = session().agent("Grace");
        grace.joins();
        for (int i = 1; i <= 10; i++) {
            grace.says("m" + i);
            if (i % 3 == 0) {
                nextPoll();
            }
        }
        until(() -> indexes(tabAMessages()).equals(serverIndexes()) && indexes(b.messages).equals(serverIndexes()));
        // then both tabs show the emulator's transcript, in order, each message once, and keep doing so
        nextPoll();
        nextPoll();
        assertEquals(serverIndexes(), indexes(tabAMessages()));
        assertEquals(serverIndexes(), indexes(b.messages));
        assertEquals(12, serverIndexes().size(), "the customer joined, the agent joined and spoke 10 times");
        // when the customer writes in tab A
        Outcome sentFromA = settle("sendMessage", Js.obj("message", "from tab A"));
        assertEquals("resolved", sentFromA.state);
        until(() -> b.messages.stream().anyMatch(m -> "from tab A".equals(m.get("text").str())));
        nextPoll();
        nextPoll();
        // then tab B shows it once, and both still match the server
        assertEquals(1, b.messages.stream().filter(m -> "from tab A".equals(m.get("text").str())).count());
        assertEquals(serverIndexes(), indexes(b.messages));
        assertEquals(serverIndexes(), indexes(tabAMessages()));
    }

    @Test
    void theOriginalsCrossTabFlagNoLongerHoldsReadsBack() {
        loadWith(transport());
        startChat();
        tab.storage.set("_genesys.widgets.chatPollPending", "true");
        nextPoll();
        nextPoll();
        assertEquals(3, polls().size());
        assertEquals("true", tab.storage.get("_genesys.widgets.chatPollPending"), "another tab's business");
    }

    /**
     * Answered by the time limit: {@code limitMs} after it was sent, give or take the millisecond the virtual clock can
     * move between the fixture noting the request and the loop arming its timer while other I/O is in flight.
     */
    private static void assertWithinTimeLimit(long limitMs, Sent s) {
        long took = s.answeredAt - s.at;
        assertTrue(took >= limitMs - 1 && took <= limitMs + 1, took + " ms");
    }
}
