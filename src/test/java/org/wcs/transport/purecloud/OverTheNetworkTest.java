package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.SandboxTest;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.GuestChatServer;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.sandbox.purecloud.PureCloudEmulator;
import org.wcs.value.Value;

/**
 * The service and the real transport against the sandbox's emulator over real HTTP and WebSocket on loopback, with
 * faults; after each one the page's transcript must be the server's, message for message. Timers are shortened
 * (heartbeats every 300 ms, a 1.5 s watchdog, a 100 ms reconnect base) so that real time stays short.
 */
class OverTheNetworkTest extends SandboxTest {
    private static GuestChatServer server;
    private ChatPage p;
    private Conversation c;
    private Participant alice;

    @BeforeAll
    static void emulator() {
        server = sandbox.emulator(PureCloudEmulator.class).server;
    }

    private Value config() {
        return p.config("socketHeartbeatTrackerInterval", 4000, "socketReconnectInterval", 100);
    }

    @BeforeEach
    void chatting() {
        server.reset();
        server.heartbeatMs = 300;
        p = ChatPage.network(sandbox);
        p.load(config());
        c = p.start();
        alice = c.agent("Alice");
        alice.joins();
        p.untilEvent("agentConnected");
    }

    private void assertTranscriptIsTheServers(ChatPage page, boolean restored) {
        assertEquals(ChatPage.expectedIds(c, restored, false), page.transcriptIds());
    }

    /** Runs until the page shows every message the server has. */
    private void untilCaughtUp(ChatPage page, boolean restored) {
        page.until(() -> page.transcriptIds().size() >= ChatPage.expectedIds(c, restored, false).size());
    }

    @Test
    void aWholeChatBothWays() {
        // typing and messages both ways
        alice.types();
        p.untilEvent("agentTypingStarted");
        alice.says("How can I help?");
        p.untilEvent("agentTypingStopped");
        assertEquals("resolved", p.settle("sendTyping", Js.obj()).state);
        assertEquals("resolved", p.settle("sendMessage", Js.obj("message", "My invoice")).state);
        untilCaughtUp(p, false);
        assertTranscriptIsTheServers(p, false);
        assertTrue(server.received().stream().anyMatch(r -> r.path().endsWith("/typing")));
        // the guest ends it
        assertEquals("resolved", p.settle("endChat", null).state);
        assertTrue(p.names().contains("ended"));
        p.until(() -> c.sockets() == 0);
        assertEquals("DISCONNECTED", c.guest().state);
    }

    @Test
    void aDroppedSocketComesBackWithWhatWasSaidMeanwhile() {
        server.refuseUpgrades(1);
        server.dropSockets();
        p.untilEvent("disconnected");
        alice.says("Are you still there?");
        alice.says("I will wait");
        p.untilEvent("reconnected");
        untilCaughtUp(p, false);
        assertTranscriptIsTheServers(p, false);
        assertEquals("resolved", p.settle("sendMessage", Js.obj("message", "Yes")).state);
        untilCaughtUp(p, false);
        assertTranscriptIsTheServers(p, false);
    }

    @Test
    void aSilentSocketIsNoticedByTheWatchdog() {
        alice.says("Before");
        untilCaughtUp(p, false);
        server.stallSockets();
        alice.says("During");
        p.untilEvent("disconnected");
        p.untilEvent("reconnected");
        untilCaughtUp(p, false);
        assertTranscriptIsTheServers(p, false);
        List<String> names = p.names();
        assertEquals(1, names.stream().filter("disconnected"::equals).count());
    }

    @Test
    void aReloadRestoresTheChat() {
        alice.says("Hello Ada");
        p.settle("sendMessage", Js.obj("message", "Hello Alice"));
        untilCaughtUp(p, false);
        ChatPage next = p.reload(config());
        next.untilEvent("restored");
        untilCaughtUp(next, true);
        assertTranscriptIsTheServers(next, true);
        alice.says("Welcome back");
        untilCaughtUp(next, true);
        assertTranscriptIsTheServers(next, true);
        assertEquals("resolved", next.settle("endChat", null).state);
    }

    @Test
    void rateLimitedAndSlowAnswersLoseNothing() {
        server.rateLimitNext("POST", "/messages", 1, 1);
        server.slowNext("GET", "/members/", 300);
        Participant bob = c.agent("Bob");
        bob.joins();
        bob.says("Hi, Bob here");
        assertEquals("resolved", p.settle("sendMessage", Js.obj("message", "Hi Bob")).state);
        untilCaughtUp(p, false);
        assertTranscriptIsTheServers(p, false);
        assertEquals(2, server.received().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/messages")).count());
    }
}
