package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.Events;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/** Answers a page can compare with the original's, found by a scripted differential run (issue 13, item 15). */
class NexusAsTheOriginalTest extends NexusFixture {

    @Test
    void sessionDataIsAnEmptyStringUntilAChatThenAnEmptyObjectAfterIt() {
        // given a page with no chat stored (its restore on load found nothing)
        loadWith(transport());
        tab.loop.runDue();
        // then
        assertEquals("resolved:\"\"", settle("getSessionData", null).toString());
        // when a chat runs
        startChat();
        Value during = settle("getSessionData", null).value;
        assertEquals(session().id, during.get("sessionId").str());
        // without the token, as the original's (started carries it)
        assertTrue(during.get("token").isUndefined(), Js.json(during));
        assertFalse(data("started").get("data").get("token").isUndefined());
        // and ends
        settle("endChat", null);
        assertEquals("resolved:{}", settle("getSessionData", null).toString());
    }

    @Test
    void startPollWhilePollingReadsAtOnceAndSaysPollingStarted() {
        // given a chat between two reads
        loadWith(transport());
        startChat();
        int reads = polls();
        clearEvents();
        // when
        Outcome o = settle("startPoll", null);
        settleIo();
        // then a read went out now, announced as every read is
        assertEquals("resolved", o.state);
        assertEquals(reads + 1, polls());
        assertEquals(1, eventsNamed(Events.POLLING_STARTED).size());
        // and the cadence goes on from its answer, with one timer
        long answered = last("GET", "/messages").answeredAt;
        tab.loop.advance(answered + 2999 - tab.loop.now());
        assertEquals(reads + 1, polls());
        tab.loop.advance(1);
        assertEquals(reads + 2, polls());
    }

    private int polls() {
        return (int) sent.stream().filter(s -> s.request.method.equals("GET") && s.request.url.contains("/messages"))
                .count();
    }

    @Test
    void startPollWithoutAChatIsStillRefused() {
        loadWith(transport());
        tab.loop.runDue();
        assertEquals("rejected", settle("startPoll", Js.obj()).state);
    }
}
