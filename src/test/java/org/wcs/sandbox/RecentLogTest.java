package org.wcs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An emulator's record keeps the newest entries only, and still counts them all. */
class RecentLogTest {
    @Test
    void keepsTheNewestEntriesUpToItsCapacityAndCountsEveryOne() {
        // given
        RecentLog<Integer> log = new RecentLog<>(3);
        // when
        for (int i = 1; i <= 3; i++) {
            log.add(i);
        }
        // then it is full
        assertEquals(List.of(1, 2, 3), log.list());
        // when one more comes
        log.add(4);
        // then the oldest went, and the count did not stop
        assertEquals(List.of(2, 3, 4), log.list());
        assertEquals(3, log.size());
        assertEquals(4, log.added());
    }

    @Test
    void aLongDemoStaysAtTheDefaultCapacity() {
        RecentLog<Integer> log = new RecentLog<>();
        for (int i = 0; i < 5 * RecentLog.CAPACITY; i++) {
            log.add(i);
        }
        assertEquals(RecentLog.CAPACITY, log.size());
        assertEquals(5 * RecentLog.CAPACITY - 1, log.list().get(RecentLog.CAPACITY - 1));
        assertEquals(5L * RecentLog.CAPACITY, log.added());
    }

    @Test
    void clearingForgetsEntriesAndCount() {
        RecentLog<String> log = new RecentLog<>(2);
        log.add("a");
        log.clear();
        assertEquals(List.of(), log.list());
        assertEquals(0, log.added());
    }

    @Test
    void itsListIsACopyNobodyCanChange() {
        RecentLog<String> log = new RecentLog<>(2);
        log.add("a");
        List<String> seen = log.list();
        log.add("b");
        assertEquals(List.of("a"), seen);
        assertThrows(UnsupportedOperationException.class, () -> seen.add("c"));
    }
}
