package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
        System.out.println(events);
        System.out.println(lines());
    }
}
