package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Session and participant ids (from a stored token) and message indexes (from the server) holding URL syntax stay
 * inside their path segment or query value.
 */
class HostileIdsTest {
    private static final String BASE = "https://dc.example.test/nexus/v3/chat/sessions/";
    private static final String SID = "s/../x?y=1#z %";
    private static final String SID_ENCODED = "s%2F..%2Fx%3Fy%3D1%23z%20%25";
    private static final String INDEX = "7/../8?i#j&count=1 %";
    /** The operation id CannedNexus's fixed randomness gives. */
    private static final String OPERATION = "44444444-4444-4444-4444-444444444444";
    private static final String INDEX_ENCODED = "7%2F..%2F8%3Fi%23j%26count%3D1%20%25";

    @Test
    void everyUrlOfAStoredSessionKeepsItsIdsAndIndexesInTheirPlace() {
        // given an async session in the store whose ids hold URL syntax, and a server whose index does too
        String token = CannedNexus.token("{\"sessionId\":" + Js.json(Js.wrap(SID))
                + ",\"transportId\":\"T1\",\"participantId\":\"p/../q\"}");
        Value async = Js.obj("enabled", true,
                "getSessionData", Values.function((s, a) -> Values.undefined()),
                "setSessionData", Values.function((s, a) -> Values.of(token)),
                "deleteSessionData", Values.function((s, a) -> Values.undefined()));
        CannedNexus n = new CannedNexus(CannedNexus.config().set("async", async));
        n.tab.cookies.set("_genesys.widgets.webchat.state.pureengage-v3-rest.session", SID_ENCODED, "");
        n.read("[{\"index\":" + Js.json(Js.wrap(INDEX)) + ",\"type\":\"Text\",\"utcTime\":1,\"text\":\"hi\","
                + "\"from\":{\"nickname\":\"G\",\"type\":\"Agent\",\"participantId\":\"A\"}}]");
        // when it is restored, polls, pages back and ends
        CannedNexus.Outcome restored = new CannedNexus.Outcome();
        n.transport.asyncRestore(restored);
        n.tab.loop.runDue();
        n.read("[]");
        n.tab.loop.advance(3000);
        n.read("[]");
        n.transport.fetchHistory(new CannedNexus.Outcome());
        n.tab.loop.runDue();
        n.transport.end(new CannedNexus.Outcome());
        n.tab.loop.runDue();
        // then
        assertEquals("resolved", restored.state);
        List<String> urls = n.requests.stream().map(r -> r.method + " " + r.url).toList();
        String read = "GET " + BASE + SID_ENCODED + "/messages?";
        assertTrue(urls.get(0).startsWith(read + "count="), urls.get(0));
        assertTrue(urls.contains(read + "operationId=" + OPERATION + "&index=" + INDEX_ENCODED), urls.toString());
        assertTrue(urls.contains(read + "index=" + INDEX_ENCODED + "&count=20&operationId=" + OPERATION),
                urls.toString());
        assertEquals("DELETE " + BASE + SID_ENCODED + "/participants/p%2F..%2Fq", urls.get(urls.size() - 1));
    }
}
