package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.CometFault;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.TestPage;

/**
 * Under each fault the CometD emulator can play, the page gets the documented events (spec gms-v2 §13.5, §7.1),
 * recovers, and then holds the emulator's transcript event for event: nothing lost, nothing twice.
 */
class CometdFaultsTest extends CometdFixture {

    @BeforeEach
    void quickHolds() {
        comet.holdMs = 2_000;
    }

    @Test
    void lostConnectAnswersAreAskedForAgainAfterTheReconnect() {
        // given
        GmsChat chat = start();
        // when the answers carrying the agent's events are lost in transit
        comet.inject(CometFault.dropConnects(2));
        comet.agent(chat).joins("Grace").says("lost in transit?");
        page.awaitEvent("reconnected");
        sync(chat);
        // then
        assertEquals("disconnected,reconnected,agentConnected", kinds(page.takeEvents())); // one outage, announced once
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void garbledConnectAnswersAreADisconnectionNotACrash() {
        GmsChat chat = start();
        comet.inject(CometFault.malformedConnects(1));
        comet.agent(chat).says("after the garbage");
        page.awaitEvent("reconnected");
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void refusedAndUnsuccessfulConnectsAreDisconnectionsUntilOneSucceeds() {
        GmsChat chat = start();
        comet.inject(CometFault.refuseConnects(1));
        comet.inject(CometFault.failConnects(2));
        comet.agent(chat).joins("Grace").says("still there");
        page.awaitEvent("reconnected");
        sync(chat);
        // then: a connect held before the faults may still carry the join, so only the order of the connection
        // events and the single join are fixed
        String events = kinds(page.takeEvents());
        assertEquals("disconnected,reconnected",
                events.replace("agentConnected,", "").replace(",agentConnected", ""), events);
        assertEquals(1, events.split("agentConnected", -1).length - 1, events);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void aServerSideDisconnectIsRecoveredByANewHandshakeAndTheWatchdog() {
        // given
        GmsChat chat = start();
        tab.loop.runUntil(() -> comet.sessionCounts()[1] == 1, 10_000);
        // when the server ends the Bayeux session, and the agent talks meanwhile
        comet.dropSessions();
        comet.agent(chat).joins("Grace").says("did you miss me?");
        page.awaitEvent("reconnected");
        sync(chat);
        // then
        String events = kinds(page.takeEvents());
        assertTrue(events.startsWith("disconnected,reconnected"), events);
        assertEquals(chat.lines(), transcript());
        assertEquals(1, comet.sessionCounts()[0], "one new Bayeux session");
    }

    @Test
    void delayedPushesArriveLateButInOrder() {
        GmsChat chat = start();
        comet.inject(CometFault.delayPushes(500, 3));
        comet.agent(chat).joins("Grace").says("one").says("two").says("three");
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void pushesSayingTheServerIsUnavailableGoOfflineBeyondTheLimitThenComeBack() {
        GmsChat chat = start();
        comet.inject(CometFault.statusOne(6));
        GmsAgentSteps.says(comet.agent(chat).joins("Grace"), 6);
        page.awaitEvent("chatServerWentOffline");
        comet.agent(chat).says("back");
        sync(chat);
        String events = kinds(page.takeEvents());
        assertTrue(events.startsWith("connectionPending,chatServerWentOffline,chatServerBackOnline,"
                + "connectionRestored,reconnected,agentConnected"), events);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void whileDisconnectedSendMessageIsKeptAndSentOnceReconnected() {
        GmsChat chat = start();
        comet.inject(CometFault.refuseConnects(1));
        comet.agent(chat).says("wake the connect");
        page.awaitEvent("disconnected");
        // the original resolved {statusCode: 1} and sent nothing (the message was lost): it is kept instead
        TestPage.Outcome kept = page.command("sendMessage", Js.obj("message", "kept"));
        assertEquals("pending", kept.state);
        page.awaitEvent("reconnected");
        page.tab.loop.runUntil(() -> !kept.state.equals("pending"), 60_000);
        assertEquals("{\"statusCode\":0}", Js.json(kept.value));
        assertEquals("{\"statusCode\":0}", Js.json(page.await("sendMessage", Js.obj("message", "again")).value));
        sync(chat);
        assertEquals(chat.lines(), transcript());
        assertTrue(chat.lines().get(chat.size() - 2).endsWith("Message Client kept"));
        assertTrue(chat.lines().get(chat.size() - 1).endsWith("Message Client again"));
    }

    /** Scripted agent steps shared by the tests above. */
    static final class GmsAgentSteps {
        static void says(org.wcs.sandbox.gms.GmsAgent agent, int times) {
            for (int i = 1; i <= times; i++) {
                agent.says("message " + i);
            }
        }
    }
}
