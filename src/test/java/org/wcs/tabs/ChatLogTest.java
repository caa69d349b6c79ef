package org.wcs.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The tab log's older pages: where they go, and that they count for no re-sent message. */
class ChatLogTest {
    static {
        Js.init();
    }

    private static Value said(String role, String text) {
        return Js.obj("type", "Message", "text", text, "from", Js.obj("type", role));
    }

    private static String texts(ChatLog log) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < log.messages.length(); i++) {
            sb.append(i > 0 ? "," : "").append(log.messages.at(i).get("text").str());
        }
        return sb.toString();
    }

    @Test
    void historyPagesGoToTheFrontOldestFirst() {
        // given a log of two live items
        ChatLog log = new ChatLog();
        log.add(Js.arr(said("Agent", "c"), said("Client", "d")), Values.undefined());
        // when two history pages come, each newest first
        log.prepend(Js.arr(said("Agent", "b"), said("Client", "a")), Js.arr(Js.obj("id", "B"), Js.obj("id", "A")));
        log.prepend(Js.arr(said("Agent", "0")), Values.undefined());
        // then
        assertEquals("0,a,b,c,d", texts(log));
        assertEquals(3, log.older);
        assertEquals("A", log.originals.at(1).get("id").str());
        assertEquals(3, log.copy().older);
    }

    @Test
    void aCustomerTextInAnOlderPageIsNotCounted() {
        // given two tabs' logs of one chat: one paged back to where the customer said "ok" before, one did not
        ChatLog pagedBack = new ChatLog();
        ChatLog notPaged = new ChatLog();
        for (ChatLog log : new ChatLog[] {pagedBack, notPaged}) {
            log.add(Js.arr(said("Agent", "Anything else?"), said("Client", "ok")), Values.undefined());
        }
        pagedBack.prepend(Js.arr(said("Client", "ok")), Values.undefined());
        // then both count the customer's "ok" alike, as a re-sent message is judged by that count in any tab
        assertEquals(1, pagedBack.customerCount("ok"));
        assertEquals(1, notPaged.customerCount("ok"));
    }
}
