package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.Events;
import org.wcs.transport.StateCookies;
import org.wcs.value.Values;

/**
 * Answers of an earlier start, restore or chat are dropped (the session counter of the transport and the service's
 * chat generation, {@code listener.generation()}), on the transport alone with canned answers.
 */
class NexusGenerationTest {
    static final String KEYS = StateCookies.STATE + NexusTransport.TYPE + ".keys";
    static final String OTHER = "{\"sessionId\":\"S2\",\"transportId\":\"T2\",\"participantId\":\"P2\"}";

    @Test
    void aCreateAnsweredAfterTheStartWasGivenUpDoesNotTakeOverTheRestoreThatFollowed() {
        // given a start whose create answer is late
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.hold = true;
        n.answer(200, "{\"status\":{\"code\":0},\"data\":{\"clientToken\":\"" + CannedNexus.token(CannedNexus.CLAIMS)
                + "\"}}");
        CannedNexus.Outcome start = new CannedNexus.Outcome();
        n.transport.start(Js.obj("form", Js.obj("nickname", "Ada"), "userData", Js.obj()), start);
        // when the service gives it up and restores the session stored for this site (S2) instead
        n.generation++;
        n.transport.context.cookies.set(KEYS, CannedNexus.token(OTHER));
        n.read("[{\"index\":\"1\",\"type\":\"ParticipantJoined\",\"from\":{\"type\":\"Customer\"}}]");
        CannedNexus.Outcome restore = new CannedNexus.Outcome();
        n.transport.restore(Values.undefined(), restore);
        n.release();
        // then the late create changed nothing: no start, the restored session is S2, its cookie too
        assertFalse(n.calls.contains("started"), n.calls.toString());
        assertEquals("rejected", start.state);
        assertEquals("resolved", restore.state, restore.toString());
        assertEquals("S2", n.transport.sessionData().get("sessionId").str());
        assertEquals(CannedNexus.token(OTHER), n.transport.context.cookies.get(KEYS));
        assertTrue(n.calls.contains("report " + Events.RESTORED), n.calls.toString());
        for (int i = 2; i < n.requests.size(); i++) {
            assertTrue(n.requests.get(i).url.contains("/S2/"), n.requests.get(i).url);
        }
    }

    @Test
    void aReadAnsweredAfterTheGenerationMovedIsNotPublished() {
        // given a chat whose first read went well
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[{\"index\":\"1\",\"type\":\"ParticipantJoined\",\"from\":{\"type\":\"Customer\"}}]");
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        assertEquals(1, n.batches().size());
        // when the next read is answered only after the service moved on to another generation
        n.hold = true;
        n.read("[{\"index\":\"2\",\"type\":\"Text\",\"text\":\"late\",\"from\":{\"type\":\"Agent\"}}]");
        n.tab.loop.advance(3000);
        n.generation++;
        n.release();
        // then its messages are not published
        assertEquals(1, n.batches().size(), n.calls.toString());
    }
}
