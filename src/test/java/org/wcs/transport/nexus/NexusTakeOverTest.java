package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A tab that takes an async v3 chat over from another tab of the browser ({@code Transport.takeOver}) reads what came
 * after the newest message it shows, not the latest page again, and its history pages go on from the oldest one it
 * shows. (The contract suite covers v3 without async mode against the emulator.)
 */
class NexusTakeOverTest {
    private static final String READ = "GET https://dc.example.test/nexus/v3/chat/sessions/S1/messages?";
    private static final String OPERATION = "operationId=44444444-4444-4444-4444-444444444444";

    private static String message(String index, String text) {
        return "{\"index\":\"" + index + "\",\"type\":\"Text\",\"utcTime\":1,\"text\":\"" + text + "\","
                + "\"from\":{\"nickname\":\"G\",\"type\":\"Agent\",\"participantId\":\"A\"}}";
    }

    @Test
    void anAsyncTakeOverReadsAfterTheNewestMessageAndPagesBackFromTheOldest() {
        // given an async session of this browser (store and session cookie), and a tab that shows messages 40 to 45
        String token = CannedNexus.token(CannedNexus.CLAIMS);
        Value config = CannedNexus.config();
        Value async = Js.obj("enabled", true,
                "getSessionData", Values.function((s, a) -> Values.undefined()),
                "setSessionData", Values.function((s, a) -> Values.of(token)),
                "deleteSessionData", Values.function((s, a) -> Values.undefined()));
        CannedNexus n = new CannedNexus(config.set("async", async));
        n.tab.cookies.set("_genesys.widgets.webchat.state.pureengage-v3-rest.session", "S1", "");
        Value shown = Values.array();
        for (int i = 40; i <= 45; i++) {
            shown.push(Values.parse(message(String.valueOf(i), "line " + i)));
        }
        // the server sends the newest one again, and one that is new
        n.read("[" + message("45", "line 45") + "," + message("46", "line 46") + "]");
        // when
        CannedNexus.Outcome taken = new CannedNexus.Outcome();
        boolean after = n.transport.takeOver(shown, taken);
        n.tab.loop.runDue();
        n.read("[]");
        n.transport.fetchHistory(new CannedNexus.Outcome());
        n.tab.loop.runDue();
        // then
        assertTrue(after, "read from a point");
        assertEquals("resolved", taken.state);
        List<String> urls = n.requests.stream().map(r -> r.method + " " + r.url).toList();
        assertEquals(READ + OPERATION + "&index=45", urls.get(0));
        assertEquals("46", n.indexes(), "only what the tab did not show");
        assertTrue(urls.contains(READ + "index=40&count=20&" + OPERATION), urls.toString());
        assertFalse(urls.stream().anyMatch(u -> u.startsWith(READ + "count=")), "read the latest page again: " + urls);
    }
}
