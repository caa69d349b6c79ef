package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Platform;
import org.wcs.sandbox.nexus.Fault;
import org.wcs.service.Launcher;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.Events;
import org.wcs.transport.Transports;

/**
 * Polling (spec 8; Client checklist "Behaviour"): cadence, back-off, 429, one read at a time, timeouts,
 * disconnection, and the cross-tab lease. Times are virtual and exact: a read goes out at the very millisecond its
 * timer is due, whatever the real network took.
 */
class NexusPollingTest extends NexusFixture {

    /** The live reads (no count, no index query), in order. */
    List<Sent> polls() {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.request.method.equals("GET") && s.request.url.contains("/messages?operationId=")) {
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

    @Test
    void pollTimeoutAndMultiplierAreConfigurableWithAFloorOf100() {
        loadWith(transport().set("pollTimeout", 10).set("pollIntervalMultiplier", 2));
        startChat();
        nexus.fault("read", 2, Fault.http(500, "SERVER_ERROR", "boom"));
        for (int i = 0; i < 4; i++) {
            nextPoll();
        }
        assertEquals(List.of(100L, 200L, 400L, 100L), gaps());
    }

    @Test
    void failedReadsBackOffByTimesOnePointTwoUntilOneSucceeds() {
        // given
        loadWith(transport());
        startChat();
        nexus.fault("read", 3, Fault.http(503, "UNAVAILABLE", "busy"));
        // when
        for (int i = 0; i < 5; i++) {
            nextPoll();
        }
        // then floor(3000 x 1.2) = 3600, then 4320, 5184; a success resets to 3000
        assertEquals(List.of(3000L, 3600L, 4320L, 5184L, 3000L), gaps());
        assertEquals(3, eventsNamed(Events.ERROR).size());
        Value503 error = new Value503(data(Events.ERROR));
        assertEquals("pureengage-v3-rest-UNAVAILABLE", error.code);
        assertEquals("busy", error.text);
        assertEquals(503, error.status);
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
    void http429IsReportedButDoesNotBackOff() {
        loadWith(transport());
        startChat();
        nexus.fault("read", 2, Fault.http(429, "TOO_MANY_REQUESTS", "slow down"));
        for (int i = 0; i < 3; i++) {
            nextPoll();
        }
        assertEquals(List.of(3000L, 3000L, 3000L), gaps());
        assertEquals(2, eventsNamed(Events.ERROR).size());
        assertEquals("pureengage-v3-rest-TOO_MANY_REQUESTS", new Value503(data(Events.ERROR)).code);
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

    @Test
    void pollsHaveNoTimeoutAndOtherCallsTheAjaxTimeout() {
        // given a configured ajaxTimeout, an async chat and one of everything
        load(Js.obj("ajaxTimeout", 4000, "transport", transport().set("async", async())));
        startChat();
        settle("sendMessage", Js.obj("message", "hi"));
        settle("updateUserData", Js.obj("k", "v"));
        settle("sendFile", Js.obj("files", Js.obj("files", Js.arr(Js.obj("name", "a.png", "type", "image/png",
                "content", "PNG")))));
        nextPoll();
        settle("fetchHistory", null);
        settleIo();
        settle("endChat", null);
        // then
        List<String> timeouts = new ArrayList<>();
        for (Sent s : sent) {
            timeouts.add(s.line().replaceAll("/[0-9a-f-]{36}", "/ID").replaceAll("index=[^&]+", "index=I") + " "
                    + s.request.timeoutMs);
        }
        assertEquals(List.of("POST  4000", "GET /ID/messages?operationId=X 0", "POST /ID/messages 4000",
                "PUT /ID/userdata 4000", "POST /ID/images 0", "GET /ID/messages?operationId=X 0",
                "GET /ID/images/img1 4000", "GET /ID/messages?index=I&count=20&operationId=X 0",
                "GET /ID/messages?operationId=X&index=I 0", "DELETE /ID/participants/ID 0"), timeouts);
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
        Outcome o = settle("sendMessage", Js.obj("message", "slow"));
        assertEquals("rejected", o.state);
        assertEquals(0, (int) o.value.get("status").num());
        assertEquals("pureengage-v3-rest-", new Value503(data(Events.ERROR)).code);
    }

    @Test
    void aReadWithoutAnAnswerMeansDisconnectedUntilOneSucceeds() {
        // given
        loadWith(transport());
        startChat();
        // when the next two reads find no server (the JDK client retries a dropped GET once: 2 faults per read)
        nexus.fault("read", 4, Fault.dropConnection());
        nextPoll();
        nextPoll();
        // then disconnected once, no errors, and sends fail fast without the network
        assertEquals(List.of(Events.DISCONNECTED), eventsNamed(Events.DISCONNECTED, Events.RECONNECTED,
                Events.ERROR));
        int requests = sent.size();
        Outcome o = settle("sendMessage", Js.obj("message", "lost?"));
        assertEquals("resolved:{\"statusCode\":1}", o.toString());
        assertEquals(requests, sent.size());
        // when a read succeeds again
        nextPoll();
        // then
        assertEquals(List.of(Events.DISCONNECTED, Events.RECONNECTED), eventsNamed(Events.DISCONNECTED,
                Events.RECONNECTED, Events.ERROR));
        assertEquals(List.of(3000L, 3600L, 4320L), gaps(), "failed reads back off too");
        assertEquals("resolved", settle("sendMessage", Js.obj("message", "back")).state);
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

    @Test
    void aLiveLeaseOfAnotherTabDefersTheReadWithoutStoppingPolling() {
        // given
        loadWith(transport());
        startChat();
        // when another tab holds the cross-tab lease
        tab.storage.set(Poller.GUARD, Long.toString(tab.loop.now() + 10_000));
        tab.loop.advance(3000);
        // then this tab skips its turn but tries again one delay later (the original stopped for good)
        assertEquals(1, polls().size());
        tab.loop.advance(3000);
        assertEquals(1, polls().size());
        tab.storage.remove(Poller.GUARD);
        tab.loop.advance(3000);
        assertEquals(2, polls().size());
        settleIo();
        assertNull(tab.storage.get(Poller.GUARD), "released after the read");
    }

    @Test
    void aLeaseLeftBehindExpiresAndTheOriginalsFlagIsIgnored() {
        loadWith(transport());
        startChat();
        // a tab closed in the middle of a read left its lease; after the lease time it no longer counts
        tab.storage.set(Poller.GUARD, Long.toString(tab.loop.now() + 4000));
        tab.loop.advance(3000);
        assertEquals(1, polls().size());
        tab.loop.advance(3000);
        assertEquals(2, polls().size());
        settleIo();
        // the original's "true" is not a lease
        tab.storage.set(Poller.GUARD, "true");
        nextPoll();
        assertEquals(3, polls().size());
    }

    @Test
    void twoTabsOfOneSiteTakeTurnsAndBothKeepPolling() {
        // given a chat in tab A and the same session restored in tab B (shared cookies, storage and clock)
        loadWith(transport());
        startChat();
        JvmPlatform second = new JvmPlatform(tab.loop, tab.cookies, tab.storage);
        Platform secondPlatform = platform(second);
        second.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj("transport",
                transport()), "main", Js.obj())));
        Launcher.start(secondPlatform, new Transports());
        // when both poll for a while against a slow server
        for (int i = 0; i < 6; i++) {
            nexus.fault("read", 1, Fault.delay(150));
            nextPoll();
        }
        // then reads never overlapped, and each tab read more than once
        List<Sent> reads = new ArrayList<>();
        for (Sent s : sent) {
            if (s.request.method.equals("GET")) {
                reads.add(s);
            }
        }
        reads.sort((a, b) -> Long.compare(a.at, b.at));
        for (int i = 1; i < reads.size(); i++) {
            assertTrue(reads.get(i).at >= reads.get(i - 1).answeredAt, "overlap at " + i);
        }
        assertEquals(1, reads.stream().filter(s -> s.request.url.contains("count=10000")).count(), "B restored");
        assertTrue(tab.http.sent.stream().filter(r -> r.method.equals("GET")).count() >= 2, "tab A polled");
        assertTrue(second.http.sent.stream().filter(r -> r.url.contains("/messages?operationId")).count() >= 2,
                "tab B polled");
    }
}
