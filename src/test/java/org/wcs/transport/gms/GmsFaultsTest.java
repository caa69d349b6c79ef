package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.service.TestPage;
import org.wcs.value.Value;

/**
 * Reliability bar of issue 4: under each injected fault the page gets the documented events and recovers, and then
 * holds the emulator's transcript message for message, nothing lost, nothing twice.
 */
class GmsFaultsTest extends GmsFixture {

    @Override
    Value config() {
        return Js.obj("dataURL", dataUrl(), "ajaxTimeout", 400);
    }

    @Test
    void chatServerUnavailableBeyondTheLimitGoesOfflineAndComesBack() throws Exception { // spec §7.1
        GmsChat chat = start();
        gms.inject(GmsFault.statusOne(6));
        page.awaitEvent("chatServerWentOffline");
        assertEquals("connectionPending,chatServerWentOffline", names(page.takeEvents()));
        gms.agent(chat).joins("Grace").says("Back");
        page.awaitEvent("messageReceived");
        assertEquals("chatServerBackOnline,connectionRestored,reconnected,agentConnected,messageReceived",
                names(page.takeEvents()));
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void fewerUnavailableAnswersThanTheLimitOnlyWarn() throws Exception {
        GmsChat chat = start();
        gms.inject(GmsFault.statusOne(3));
        gms.agent(chat).says("still here");
        page.awaitEvent("messageReceived");
        assertEquals("connectionPending,connectionRestored,agentConnected,messageReceived",
                names(page.takeEvents()));
    }

    @Test
    void aFewDroppedConnectionsArePendingThenRestoredAndLoseNothing() throws Exception { // issue 11 item 4
        GmsChat chat = start();
        gms.inject(GmsFault.drop("refresh", 2));
        gms.agent(chat).joins("Grace").says("during the outage");
        page.awaitEvent("connectionRestored");
        sync(chat);
        assertEquals("connectionPending,connectionRestored,agentConnected,messageReceived",
                names(page.takeEvents()));
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void droppedConnectionsBeyondTheLimitPublishDisconnectedOnceThenReconnected() throws Exception {
        GmsChat chat = start();
        gms.inject(GmsFault.drop("refresh", 6));
        gms.agent(chat).joins("Grace").says("during the outage");
        page.awaitEvent("reconnected");
        sync(chat);
        assertEquals("connectionPending,disconnected,connectionRestored,reconnected,agentConnected,messageReceived",
                names(page.takeEvents()));
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void whileDisconnectedSendMessageIsKeptAndSentOnceReconnected() throws Exception {
        GmsChat chat = start();
        gms.inject(GmsFault.drop("refresh", 6));
        page.awaitEvent("disconnected");
        // the original resolved {statusCode: 1} and sent nothing (the message was lost): it is kept instead
        TestPage.Outcome kept = page.command("sendMessage", Js.obj("message", "kept"));
        assertEquals("pending", kept.state);
        page.awaitEvent("reconnected");
        page.tab.loop.runUntil(() -> !kept.state.equals("pending"), 60_000);
        assertEquals("resolved", kept.state);
        assertEquals("resolved", page.await("sendMessage", Js.obj("message", "again")).state);
        sync(chat);
        assertEquals(chat.lines(), transcript());
        assertTrue(chat.lines().get(chat.size() - 2).endsWith("Message Client kept"));
    }

    @Test
    void aSlowServerTimesOutAsADisconnection() throws Exception {
        GmsChat chat = start();
        gms.inject(GmsFault.delay("refresh", 900, 1));
        gms.agent(chat).says("slow");
        page.awaitEvent("connectionRestored");
        sync(chat);
        assertEquals(chat.lines(), transcript());
        assertTrue(page.events.contains("connectionPending"));
    }

    @Test
    void aMalformedAnswerIsAConnectionProblemNotACrash() throws Exception {
        GmsChat chat = start();
        gms.inject(GmsFault.malformed("refresh", 1));
        gms.agent(chat).says("after the garbage");
        page.awaitEvent("connectionRestored");
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void serverErrorsWithoutBodyAreInvalidServiceErrorsAndPollingGoesOn() throws Exception { // spec §2.5
        GmsChat chat = start();
        gms.inject(GmsFault.http("refresh", 500, 1));
        page.awaitEvent("error");
        Value error = page.data("error");
        assertEquals(500.0, error.get("status").num());
        assertEquals("InvalidService", error.get("errorReason").str());
        gms.agent(chat).says("fine again");
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void duplicatedAndReorderedEventsShowOnceInOrder() throws Exception { // spec §6.2
        GmsChat chat = start();
        gms.inject(GmsFault.duplicate(5));
        gms.agent(chat).joins("Grace").says("one").says("two");
        sync(chat);
        gms.inject(GmsFault.reorder());
        gms.agent(chat).says("three").says("four").says("five");
        sync(chat);
        tab.loop.advance(10_000);
        assertEquals(chat.lines(), transcript());
    }
}
