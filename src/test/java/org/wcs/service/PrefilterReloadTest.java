package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Values;

/** Filters survive a page reload through their cookie and die with the chat. */
class PrefilterReloadTest extends ServiceFixture {

    @Test
    void aReloadedPageKeepsHidingWhatItHid() {
        // given a filter added during a chat
        startChat();
        command("addPrefilter", Js.obj("filters", Values.regExp("^token:", "")));
        // when the page reloads (same cookies) and the chat comes back
        bootPage(config());
        startChat();
        transport.messages(transport.item("Message", "token:abc", "Client", 1, "Ada"));
        tab.loop.runDue();
        // then
        assertEquals(List.of(), events);
        // when the chat ends, the cookie goes
        transport.listener.ended();
        tab.loop.runDue();
        assertNull(tab.cookies.get("_genesys.widgets.webchat.state.filters"));
    }

    @Test
    void aDamagedFiltersCookieIsDropped() {
        tab.cookies.set("_genesys.widgets.webchat.state.filters", "not json", "; path=/");
        bootPage(config());
        assertNull(tab.cookies.get("_genesys.widgets.webchat.state.filters"));
    }
}
