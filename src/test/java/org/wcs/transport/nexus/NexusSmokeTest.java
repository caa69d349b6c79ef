package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.service.TestPage.Outcome;

/** The shortest whole chat: start, an agent's hello, the customer's answer, leave. */
class NexusSmokeTest extends NexusFixture {
    @Test
    void aShortChat() {
        loadWith(transport());
        tab.loop.runDue();
        Outcome o = startChat();
        assertEquals("resolved", o.state, o.toString());
        session().agent("Grace").joins().says("Hello Ada");
        awaitMessage("Hello Ada");
        Outcome s = settle("sendMessage", org.wcs.jvm.Js.obj("message", "Hi there"));
        assertEquals("resolved", s.state);
        awaitMessage("Hi there");
        Outcome e = settle("endChat", null);
        assertEquals("resolved", e.state, e.toString());
        // live reads name the last index this tab has seen (the first, having seen none, asks for the latest)
        assertEquals(List.of("POST ", "GET /" + session().id + "/messages?count=10000&operationId=X", "GET /"
                + session().id + "/messages?operationId=X&index=" + idx(0), "POST /" + session().id + "/messages",
                "GET /" + session().id + "/messages?operationId=X&index=" + idx(2), "DELETE /" + session().id
                + "/participants/" + session().customerId), lines());
        assertEquals(List.of("started", "clientConnected", "agentConnected", "ended"), eventsNamed("started",
                "clientConnected", "agentConnected", "ended"));
    }
}
