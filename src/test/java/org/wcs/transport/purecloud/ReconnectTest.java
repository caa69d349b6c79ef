package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/**
 * Losing the event stream and getting it back (Client checklist 13.9, spec 6.4, 8.6), to the millisecond on the
 * virtual clock: the watchdog, the back-off, the catch-up, and that after every fault the page shows the server's
 * history message for message.
 */
class ReconnectTest extends ChatWithAlice {

    @BeforeEach
    void chatting() {
        alice.says("Hello Ada");
        p.loop.advance(10 + Inbox.REORDER_MS);
        p.take();
    }

    private void assertTranscriptIsTheServers() {
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
    }

    /** Virtual times of the socket opens since the first, relative to {@code t}. */
    private List<Long> opensAfter(double t) {
        List<Long> out = new ArrayList<>();
        for (long at : p.client.opens.subList(1, p.client.opens.size())) {
            out.add(at - (long) t);
        }
        return out;
    }

    @Test
    void heartbeatLossIsNoticedFourteenSecondsAfterTheLastHeartbeat() {
        // given the last heartbeat comes at 10 s
        p.loop.advance(10_000 - 10 - Inbox.REORDER_MS);
        p.server.heartbeats(false);
        double last = p.loop.now();
        // when no frame comes for 14 s
        p.loop.advance(13_999);
        assertEquals(List.of(), p.take());
        p.loop.advance(1);
        // then
        assertEquals(List.of("disconnected"), p.take());
        assertEquals(last + 14_000, p.loop.now());
        // and the next socket opens after the back-off (base 2 s, jitter 0.5: 1.5 s)
        p.server.heartbeats(true);
        p.loop.advance(1499);
        assertEquals(1, p.client.opens.size());
        p.loop.advance(1);
        assertEquals(List.of(15_500L), opensAfter(last));
        assertEquals(List.of("reconnected"), p.take());
        // then it catches up after the last message it showed
        String lastShown = c.transcript().get(c.transcript().size() - 1).path("id").asText();
        List<String> urls = new ArrayList<>();
        p.sent.subList(p.sent.size() - 3, p.sent.size()).forEach(r -> urls.add(r.method + " " + r.url
                .substring(r.url.indexOf("/conversations/") + 15 + c.id.length())));
        assertEquals(List.of("GET /messages?after=" + lastShown, "GET /members",
                "GET /members/" + c.guest().id), urls);
        assertTranscriptIsTheServers();
    }

    @Test
    void aHalfOpenSocketLosesNothing() {
        // given the socket goes silent (no close, no frames)
        p.server.stallSockets();
        // when both sides keep talking
        alice.says("Are you there?");
        alice.says("I sent you the invoice");
        Outcome sent = p.settle("sendMessage", Js.obj("message", "Yes, got it"));
        assertEquals("resolved", sent.state, "REST works without the socket");
        p.loop.advance(100);
        assertEquals(List.of(), p.take(), "nothing arrives");
        // then the watchdog gives the socket up and the catch-up brings all of it, once, in order
        p.loop.advance(14_000 + 1500);
        assertEquals(List.of("disconnected", "reconnected", "messageReceived"), p.take());
        assertTranscriptIsTheServers();
        List<Value> t = p.transcript();
        assertEquals("Yes, got it", t.get(t.size() - 1).get("text").str());
        assertEquals("Client", t.get(t.size() - 1).get("from").get("type").str());
    }

    @Test
    void aDroppedSocketReconnectsWithBackOffAndCatchesUp() {
        // given the server drops the socket and refuses two reconnects
        p.server.refuseUpgrades(2);
        p.server.dropSockets();
        double dropped = p.loop.now();
        p.loop.runDue();
        assertEquals(List.of("disconnected"), p.take(), "at once, not after the watchdog");
        alice.says("While you were away");
        // when time passes
        p.loop.advance(1500 + 3000 + 6000);
        // then three tries at 1.5 s, then +3 s, then +6 s; the third gets through
        assertEquals(List.of(1500L, 4500L, 10_500L), opensAfter(dropped));
        assertEquals(List.of("reconnected", "messageReceived"), p.take());
        assertTranscriptIsTheServers();
    }

    @Test
    void aSpentBudgetEndsInAnErrorAndKeepsTheSessionForARestore() {
        p.server.refuseUpgrades(1000);
        p.server.dropSockets();
        p.loop.advance(10 * 60_000);
        assertEquals(1 + ReconnectPolicy.RETRY_BUDGET, p.client.opens.size());
        Value error = p.last("error").get("errors").at(0);
        assertEquals(List.of("disconnected", "error"), p.take());
        assertEquals("purecloud-v2-sockets-connection", error.get("code").str());
        assertEquals(PureCloudTexts.CONNECTION_LOST, error.get("text").str());
        assertEquals(c.id, p.cookies.get(ChatPage.COOKIE + "ConversationID"));
        p.loop.advance(10 * 60_000);
        assertEquals(1 + ReconnectPolicy.RETRY_BUDGET, p.client.opens.size(), "no more tries");
    }

    @Test
    void aConnectionThatStayedUpEarnsTheBudgetBack() {
        // given a drop and a reconnect that needed two tries
        p.server.refuseUpgrades(1);
        p.server.dropSockets();
        double t0 = p.loop.now();
        p.loop.advance(1500 + 3000);
        assertEquals(List.of(1500L, 4500L), opensAfter(t0));
        // when the new socket stays up 30 s, then drops
        p.loop.advance(30_000);
        p.server.dropSockets();
        double t1 = p.loop.now();
        p.loop.advance(1500);
        // then the back-off starts again from its first step
        assertEquals(t1 + 1500 - t0, (long) opensAfter(t0).get(2));
        // but a socket that drops soon after opening does not
        p.server.dropSockets();
        double t2 = p.loop.now();
        p.loop.advance(3000);
        assertEquals(t2 + 3000 - t0, (long) opensAfter(t0).get(3));
        assertTranscriptIsTheServers();
    }

    @Test
    void aSocketClosingWarningMovesToANewSocketQuietly() {
        double t = p.loop.now();
        int requests = p.sent.size();
        p.server.socketClosing();
        alice.says("Maintenance is coming");
        p.loop.advance(10 + Inbox.REORDER_MS);
        assertEquals(List.of(0L), opensAfter(t), "at once");
        assertEquals(List.of("messageReceived"), p.take(), "no disconnected or reconnected");
        assertTrue(p.sent.get(requests).url.contains("/messages?after="), "still catches up");
        assertTranscriptIsTheServers();
    }

    @Test
    void sendingWhileDisconnectedIsKeptWithoutARequestAndSentOnceReconnected() {
        p.server.refuseUpgrades(1);
        p.server.dropSockets();
        p.loop.runDue();
        int requests = p.sent.size();
        // the original resolved {statusCode: 1} and sent nothing (the UI put the text back): the message is kept
        Outcome o = p.command("sendMessage", Js.obj("message", "Kept"));
        assertEquals("pending", o.state);
        assertEquals(requests, p.sent.size());
        p.loop.advance(4500);
        assertTrue(p.names().contains("reconnected"));
        p.until(() -> !o.state.equals("pending"));
        assertEquals("resolved", o.state);
        assertEquals("resolved", p.settle("sendMessage", Js.obj("message", "Back")).state);
        p.loop.advance(10 + Inbox.REORDER_MS);
        assertTranscriptIsTheServers();
    }

    @Test
    void aChatEndedDuringTheOutageEndsAfterTheCatchUp() {
        p.server.stallSockets();
        c.endByAgent();
        // the server closes the (stalled) socket after its grace; the page reconnects and learns the end
        p.loop.advance(5000 + 1500 + 10);
        assertEquals(List.of("disconnected", "reconnected", "agentDisconnected", "clientDisconnected",
                "messageReceived", "ended"), p.take());
        assertTranscriptIsTheServers();
        assertEquals(null, p.cookies.get(ChatPage.COOKIE + "ConversationID"));
    }

    @Test
    void aMessageBothHeldLiveAndCaughtUpIsShownOnce() {
        // given a new agent whose member call is slow, so its join and message wait in the queue
        p.server.slowNext("GET", "/members/", 3000);
        Participant bob = c.agent("Bob");
        bob.joins();
        bob.says("I am Bob");
        p.loop.advance(10);
        assertEquals(List.of(), p.take());
        // when the socket drops and the catch-up brings the same messages
        p.server.dropSockets();
        p.loop.advance(1500 + 10);
        // then each shows once, in order, and the late member answer changes nothing
        p.loop.advance(5000);
        assertTranscriptIsTheServers();
        List<String> ids = p.transcriptIds();
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(2, p.last("agentConnected").get("numAgentsConnected").num());
    }

    @Test
    void aFailedCatchUpIsReadAgainOnTheSameSocket() {
        p.server.dropSockets();
        p.loop.runDue();
        alice.says("One");
        p.server.failNext("GET", "/messages", 500, 2);
        p.loop.advance(1500 + 10);
        int sockets = p.client.opens.size();
        assertEquals(List.of("disconnected", "reconnected", "error"), p.take());
        assertFalse(p.transcriptIds().contains(c.transcript().get(c.transcript().size() - 1).path("id").asText()));
        // when the read is tried again after the back-off (2 s base, x2, full jitter 0.5: after 1 s it fails again,
        // after 2 s more it is answered)
        p.loop.advance(1000 + 2000 + 10);
        // then the message comes once, with no second outage and no new socket; the error was published once
        assertEquals(List.of("messageReceived"), p.take());
        assertTranscriptIsTheServers();
        assertEquals(sockets, p.client.opens.size(), "no new socket");
    }

    @Test
    void aCatchUpThatKeepsFailingDropsTheSocketAndStartsOver() {
        p.server.dropSockets();
        p.loop.runDue();
        alice.says("One");
        p.server.failNext("GET", "/messages", 500, PureCloudTransport.CATCH_UP_TRIES + 1);
        p.loop.advance(5 * 60_000);
        List<String> events = p.take();
        assertEquals(List.of("disconnected", "reconnected", "error", "error", "disconnected", "reconnected",
                "messageReceived"), events);
        assertTranscriptIsTheServers();
    }

    @Test
    void aServerThatWarnsOnEverySocketGetsABudgetOfSocketsSpacedByTheBackOff() {
        // given a server in endless maintenance: every socket is warned as soon as it is attached
        p.client.openLimit = 3 * ReconnectPolicy.RETRY_BUDGET;
        p.server.socketClosing(true);
        p.server.socketClosing();
        double t = p.loop.now();
        // when five minutes pass
        p.loop.advance(5 * 60_000);
        // then the first warning moves at once, later ones wait out the back-off (2 s base, x2, jitter 0.5), and the
        // budget bounds the whole run: no tight loop
        assertEquals(List.of(0L, 3000L, 9000L, 21_000L, 43_500L, 66_000L, 88_500L, 111_000L), opensAfter(t));
        assertEquals(ReconnectPolicy.RETRY_BUDGET, opensAfter(t).size());
        // and it was quiet: each warned socket served until its successor opened, and the last one still does
        assertEquals(List.of(), p.take(), "no disconnected, reconnected or error");
        alice.says("Still here");
        p.loop.advance(10 + Inbox.REORDER_MS);
        assertEquals(List.of("messageReceived"), p.take());
        assertTranscriptIsTheServers();
    }

    @Test
    void aSocketStalledFromItsFirstMomentIsReplaced() {
        // given the server drops the socket, and the next one it accepts never says anything
        p.server.stallNewSockets(true);
        p.server.dropSockets();
        double dropped = p.loop.now();
        p.loop.advance(1500);
        assertEquals(List.of(1500L), opensAfter(dropped));
        assertEquals(List.of("disconnected", "reconnected"), p.take());
        p.server.stallNewSockets(false);
        alice.says("Can you read me?");
        // when no frame comes on it for 14 s from its open
        p.loop.advance(13_999);
        assertEquals(List.of(), p.take());
        p.loop.advance(1);
        // then it is given up, and the next socket (after 3 s: the second step) catches up
        assertEquals(List.of("disconnected"), p.take());
        p.loop.advance(3000);
        assertEquals(List.of(1500L, 1500L + 14_000 + 3000), opensAfter(dropped));
        assertEquals(List.of("reconnected", "messageReceived"), p.take());
        assertTranscriptIsTheServers();
    }

    @Test
    void aSpentBudgetIsGrantedAgainWhenThePageComesBack() {
        // given the budget is spent while the server refuses every socket
        p.server.refuseUpgrades(1000);
        p.server.dropSockets();
        p.loop.advance(10 * 60_000);
        assertEquals(List.of("disconnected", "error"), p.take());
        int sockets = p.client.opens.size();
        alice.says("Are you still there?");
        alice.says("I will wait");
        // when the page comes back (online, or visible again) and the server accepts again
        p.server.refuseUpgrades(0);
        p.page.comeBack();
        p.loop.advance(10);
        // then one socket at once, and what the agent said meanwhile, once
        assertEquals(sockets + 1, p.client.opens.size());
        assertEquals(List.of("reconnected", "messageReceived"), p.take());
        assertTranscriptIsTheServers();
        // and coming back while connected changes nothing
        p.page.comeBack();
        p.loop.advance(60_000);
        assertEquals(sockets + 1, p.client.opens.size());
        assertEquals(List.of(), p.take());
    }

    @Test
    void comingBackGrantsAWholeBudgetOnlyOnceItIsSpent() {
        // given an outage in its back-off
        p.server.refuseUpgrades(1000);
        p.server.dropSockets();
        p.loop.advance(1500 + 10);
        int sockets = p.client.opens.size();
        // when the page comes back meanwhile, nothing extra is tried
        p.page.comeBack();
        p.loop.advance(10);
        assertEquals(sockets, p.client.opens.size());
        // but once the budget is spent, coming back grants a new one: a try at once, then the back-off again
        p.loop.advance(10 * 60_000);
        sockets = p.client.opens.size();
        double t = p.loop.now();
        p.take();
        p.page.comeBack();
        p.loop.advance(10 * 60_000);
        assertEquals(sockets + 1 + ReconnectPolicy.RETRY_BUDGET, p.client.opens.size());
        assertEquals(0L, p.client.opens.get(sockets) - t);
        assertEquals(1500L, p.client.opens.get(sockets + 1) - p.client.opens.get(sockets));
        assertEquals(List.of("error"), p.take(), "one error per spent budget, no second disconnected");
    }
}
