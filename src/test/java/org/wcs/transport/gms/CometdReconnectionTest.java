package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.transport.gms.HandBayeux.envelope;
import static org.wcs.transport.gms.HandBayeux.event;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.service.TestPage;
import org.wcs.transport.Backoff;
import org.wcs.browser.Transports;
import org.wcs.value.Value;

/**
 * CometD connection handling to the millisecond (spec gms-v2 §13.5), on the virtual clock against a Bayeux server
 * played by hand: back-off after failed connects, {@code reconnected} and {@code requestNotifications} from the
 * current position, re-handshakes, the {@code /meta/disconnect} watchdog and its {@code chatServerTimeout}.
 */
class CometdReconnectionTest {
    static {
        Js.init();
    }

    private final JvmLoop loop = new JvmLoop();
    private final HandBayeux server = new HandBayeux(loop);
    private TestPage page;

    @BeforeEach
    void startAChat() {
        page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), server.http),
                Js.obj("cometD", Js.obj("enabled", true, "cometURL", HandBayeux.URL)), new Transports());
        assertEquals("resolved", server.start(page).state);
    }

    /** The shared back-off as the Bayeux client uses it, on the page's random source. */
    private Backoff model() {
        return new Backoff(() -> page.tab.nextRandom, Bayeux.BACKOFF_MS, Backoff.DEFAULT_CAP_MS);
    }

    @Test
    void failedConnectsPublishDisconnectedOnceAndRetryAfterTheBackOff() {
        // given
        double t0 = loop.now();
        Backoff model = model();
        int first = model.fail(0);
        int second = model.fail(0);
        // when the held connect fails, twice
        server.connectRaw(0, "");
        assertEquals(List.of("disconnected"), page.takeEvents());
        loop.advance(first - 1);
        assertEquals(List.of(), server.http.open("/connect"));
        loop.advance(1);
        server.connectRaw(503, "");
        loop.advance(second);
        // then the retries came one back-off step after each failure
        List<Long> t = server.times("/connect", t0);
        assertEquals(List.of(0L, (long) first, (long) first + second), t.subList(t.size() - 3, t.size()));
        assertEquals(List.of(), page.takeEvents(), "the outage was announced once");
        // when the next connect succeeds
        server.connect();
        // then reconnected, and the chat is asked for again from the last index seen
        assertEquals(List.of("reconnected"), page.takeEvents());
        List<com.fasterxml.jackson.databind.JsonNode> asked = server.published("requestNotifications");
        assertEquals(1, asked.size());
        assertEquals(1, asked.get(0).get("transcriptPosition").asInt());
        assertEquals("K1", asked.get(0).get("secureKey").asText());
        assertEquals("C1", asked.get(0).get("chatId").asText());
        // and what it brings is shown once
        server.ack(true);
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "") + "," + event(2, "Message", "Agent",
                "missed")));
        assertEquals(List.of("messageReceived"), names(page.takeEvents()));
    }

    @Test
    void aPushThatOvertakesTheAnswerAfterALossIsDroppedAndComesBackInOrder() {
        // given an answer lost in transit, and a reconnect that asks again from the last index seen (1)
        server.connectRaw(0, "");
        loop.advance(1_000);
        server.connect();
        assertEquals(1, server.published("requestNotifications").get(0).get("transcriptPosition").asInt());
        page.takeEvents();
        // when a newer push overtakes the answer
        server.connect(envelope(0, event(3, "Message", "Agent", "newer")));
        // then it is not shown yet
        assertEquals(List.of(), names(page.takeEvents()));
        // and the answer (known by index 1) shows both, in order
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "") + "," + event(2, "Message", "Agent",
                "lost") + "," + event(3, "Message", "Agent", "newer")));
        Value shown = page.command("getTranscript", null).value.get("messages");
        assertEquals(3, shown.length());
        assertEquals("lost", shown.at(1).get("text").str());
        assertEquals("newer", shown.at(2).get("text").str());
    }

    @Test
    void anAnswerToTheRequestForTheChatThatNeverComesIsAskedForAgain() {
        // given a reconnect that asked for the chat again from the last index seen, and whose answer was lost
        server.connectRaw(0, "");
        loop.advance(1_000);
        server.connect();
        server.ack(true);
        assertEquals(1, server.published("requestNotifications").size());
        page.takeEvents();
        // when only newer pushes come (held back: they lack the index asked from)
        server.connect(envelope(0, event(3, "Message", "Agent", "newer")));
        loop.advance(GmsComet.ANSWER_MS - 1);
        assertEquals(1, server.published("requestNotifications").size());
        // then after ANSWER_MS the chat is asked for again, and its answer shows everything once, in order
        loop.advance(1);
        assertEquals(2, server.published("requestNotifications").size());
        assertEquals(1, server.published("requestNotifications").get(1).get("transcriptPosition").asInt());
        server.ack(true);
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "") + "," + event(2, "Message", "Agent",
                "lost") + "," + event(3, "Message", "Agent", "newer")));
        Value shown = page.command("getTranscript", null).value.get("messages");
        assertEquals(3, shown.length());
        assertEquals("newer", shown.at(2).get("text").str());
        // and an answer that came stops the timer
        loop.advance(GmsComet.ANSWER_MS);
        assertEquals(2, server.published("requestNotifications").size());
    }

    @Test
    void indexesThatSkipDoNotHideTheAnswer() {
        // given the server skipped index 2 (an event the customer does not get), so the position is 4
        server.connect(envelope(0, event(3, "Message", "Agent", "three")));
        // when an answer is lost and the client asks again from 3
        server.connectRaw(0, "");
        loop.advance(1_000);
        server.connect();
        assertEquals(3, server.published("requestNotifications").get(0).get("transcriptPosition").asInt());
        server.connect(envelope(0, event(6, "Message", "Agent", "six, overtaking")));
        server.connect(envelope(0, event(3, "Message", "Agent", "three") + "," + event(5, "Message", "Agent", "five")
                + "," + event(6, "Message", "Agent", "six, overtaking")));
        // then everything is shown once, in order
        Value shown = page.command("getTranscript", null).value.get("messages");
        assertEquals(List.of("", "three", "five", "six, overtaking"), java.util.stream.IntStream.range(0,
                shown.length()).mapToObj(i -> shown.at(i).get("text").str()).toList());
    }

    @Test
    void aPushWithoutEventsEndsTheWaitForTheAnswer() {
        // given a reconnect that asked again
        server.connectRaw(0, "");
        loop.advance(1_000);
        server.connect();
        page.takeEvents();
        // when the answer says the server is unavailable for now, then news comes later
        server.connect(envelope(1, ""));
        server.connect(envelope(0, event(2, "Message", "Agent", "later")));
        // then the news is shown
        assertTrue(names(page.takeEvents()).contains("messageReceived"));
    }

    @Test
    void backOffDoublesUpToTheCapWithJitter() {
        page.tab.nextRandom = 0.999;
        Backoff model = model();
        for (int failures = 1; failures <= 10; failures++) {
            // when the connect fails again
            server.connectRaw(0, "");
            double failed = loop.now();
            loop.advance(Backoff.DEFAULT_CAP_MS + 1_000);
            // then the next one comes after the shared back-off: doubling, at most webchat.backoffMax
            List<Long> t = server.times("/connect", failed);
            long wait = model.fail(0);
            assertEquals(wait, t.get(t.size() - 1), "after failure " + failures);
            assertTrue(wait <= Backoff.DEFAULT_CAP_MS);
        }
        assertTrue(model.fail(0) > Backoff.DEFAULT_CAP_MS / 2, "the cap is reached");
    }

    @Test
    void anUnknownClientHandshakesAgainAtOnceWithoutDisconnected() {
        // when the server forgot us
        double t0 = loop.now();
        server.refuseConnect("402::Unknown client", "handshake");
        // then a new handshake goes out in the same millisecond, and nothing is published
        List<Long> handshakes = server.times("/handshake", t0);
        assertEquals(2, handshakes.size());
        assertEquals(0L, handshakes.get(1));
        server.handshake();
        assertEquals(List.of(), page.takeEvents());
        // and the chat is asked for again from the last index seen
        assertEquals(1, server.published("requestNotifications").get(0).get("transcriptPosition").asInt());
    }

    @Test
    void aServerThatKeepsForgettingUsIsAskedLessAndLessOften() {
        List<Long> gaps = new java.util.ArrayList<>();
        Backoff model = model();
        List<Long> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long wait = model.fail(0);
            expected.add(i == 0 ? 0L : wait);
            // when every connect, even the first after a handshake, is refused as unknown
            server.refuseConnect("402::Unknown client", "handshake");
            double refused = loop.now();
            loop.advance(10_000);
            List<Long> t = server.times("/handshake", refused);
            gaps.add(t.get(t.size() - 1));
            server.handshake();
        }
        // then the first handshake comes at once, the next ones after the back-off: only a good connect resets it
        assertEquals(expected, gaps);
        assertEquals(List.of(), names(page.takeEvents()));
    }

    @Test
    void aServerSideDisconnectStartsTheWatchdogThatGivesUpAfterThirtyTries() {
        // when the server ends our Bayeux session
        server.connectRaw(200, "[{\"channel\":\"/meta/disconnect\",\"successful\":true}]");
        // then disconnected, and a new handshake at once
        assertEquals(List.of("disconnected"), page.takeEvents());
        server.handshake();
        assertEquals(1, server.published("requestNotifications").size(), "asked once the handshake is back");
        // and every 3000 ms the chat is asked for again, 30 times
        loop.advance(90_000);
        assertEquals(31, server.published("requestNotifications").size());
        assertEquals(List.of(), page.takeEvents());
        loop.advance(2_999);
        assertEquals(List.of(), page.takeEvents());
        loop.advance(1);
        assertEquals(List.of("chatServerTimeout"), page.takeEvents());
        loop.advance(30_000);
        assertEquals(31, server.published("requestNotifications").size(), "the watchdog stopped");
    }

    @Test
    void whileTheHandshakeFailsTheWatchdogDoesNotPileUpRequests() {
        server.connectRaw(200, "[{\"channel\":\"/meta/disconnect\",\"successful\":true}]");
        for (int i = 0; i < 4; i++) {
            loop.runDue();
            server.http.answer(server.http.open("/handshake").get(0), 0, "");
            loop.advance(10_000);
        }
        server.handshake();
        assertEquals(1, server.published("requestNotifications").size());
    }

    @Test
    void theWatchdogStopsAtTheFirstGoodPushAndTheChatIsBackOnline() {
        server.connectRaw(200, "[{\"channel\":\"/meta/disconnect\",\"successful\":true}]");
        server.handshake();
        server.ack(true);
        server.connect();
        loop.advance(6_000);
        assertEquals(3, server.published("requestNotifications").size());
        server.ack(true);
        // when a push with statusCode 0 arrives (the answer, from the last index seen)
        server.connect(envelope(0, event(1, "ParticipantJoined", "Client", "") + "," + event(2, "Message", "Agent",
                "back")));
        // then
        assertEquals(List.of("disconnected", "reconnected", "messageReceived"),
                names(page.takeEvents()));
        loop.advance(30_000);
        assertEquals(3, server.published("requestNotifications").size());
    }

    /** Event names, without the data keys. */
    private static List<String> names(List<String> events) {
        return events.stream().map(e -> e.split(" ")[0]).filter(e -> !e.startsWith("data.")).toList();
    }

    @Test
    void aSuccessfulConnectRefreshesThePingCookie() {
        loop.advance(5_000);
        server.connect();
        assertEquals(Long.toString((long) loop.now()), page.tab.cookies.get("_genesys.widgets.webchat.state.ping"));
        assertTrue(page.tab.cookies.get("_genesys.widgets.webchat.state.session") != null);
    }
}
