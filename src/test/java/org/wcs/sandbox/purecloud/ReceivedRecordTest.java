package org.wcs.sandbox.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.JvmLoop;
import org.wcs.sandbox.RecentLog;

/** The server's record of the requests it received stays bounded however long it runs, and still counts them all. */
class ReceivedRecordTest {
    @Test
    void keepsTheNewestRequestsAndCountsThemAll() {
        // given
        GuestChatServer server = new GuestChatServer(new JvmLoop(), LoopbackNet.WS);
        int n = RecentLog.CAPACITY + 5;
        // when a long demo has sent more requests than the record keeps
        for (int i = 0; i < n; i++) {
            server.handle(new GuestChatServer.Request("GET", Wire.BASE + "/c" + i + "/messages", null, null, null,
                    null));
        }
        // then
        List<GuestChatServer.Request> kept = server.received();
        assertEquals(RecentLog.CAPACITY, kept.size());
        assertEquals(Wire.BASE + "/c5/messages", kept.get(0).path());
        assertEquals(Wire.BASE + "/c" + (n - 1) + "/messages", kept.get(kept.size() - 1).path());
        assertEquals(n, server.receivedCount());
    }
}
