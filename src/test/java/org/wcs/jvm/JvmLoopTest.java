package org.wcs.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.platform.Cancellable;

/** The virtual clock every timer test relies on. */
class JvmLoopTest {
    private final JvmLoop loop = new JvmLoop();
    private final List<String> log = new ArrayList<>();

    @Test
    void timersFireAtTheirOwnMillisecondInOrder() {
        // given
        loop.schedule(100, () -> log.add("b@" + (long) (loop.now() - JvmLoop.EPOCH)));
        loop.schedule(50, () -> log.add("a@" + (long) (loop.now() - JvmLoop.EPOCH)));
        loop.schedule(100, () -> log.add("c@" + (long) (loop.now() - JvmLoop.EPOCH)));
        // when
        loop.advance(99);
        // then
        assertEquals(List.of("a@50"), log);
        loop.advance(1);
        assertEquals(List.of("a@50", "b@100", "c@100"), log);
    }

    @Test
    void cancelledTimersNeverRunAndZeroDelayWaitsForTheNextTurn() {
        Cancellable t = loop.schedule(10, () -> log.add("cancelled"));
        loop.schedule(0, () -> log.add("later"));
        t.cancel();
        assertEquals(List.of(), log);
        loop.advance(1000);
        assertEquals(List.of("later"), log);
        assertEquals(0, loop.pendingTimers());
    }

    @Test
    void runUntilJumpsOverIdleTime() {
        loop.schedule(60_000, () -> log.add("a minute later"));
        long realStart = System.nanoTime();
        loop.runUntil(() -> !log.isEmpty(), 120_000);
        assertEquals(JvmLoop.EPOCH + 60_000, loop.now());
        assertEquals(true, System.nanoTime() - realStart < 1_000_000_000L);
        assertThrows(AssertionError.class, () -> loop.runUntil(() -> false, 1000));
    }
}
