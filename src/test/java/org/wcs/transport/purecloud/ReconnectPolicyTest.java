package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-off as a value: no timers, randomness injected. */
class ReconnectPolicyTest {
    private double random;
    private final ReconnectPolicy policy = new ReconnectPolicy(2000, () -> random);

    private List<Integer> spend() {
        List<Integer> out = new ArrayList<>();
        for (int d = policy.delay(); d >= 0; d = policy.delay()) {
            out.add(d);
        }
        return out;
    }

    @Test
    void doublesFromTheBaseUpToTheCapWithinTheBudget() {
        // given the lowest jitter draw
        random = 0;
        // when the whole budget is spent
        List<Integer> delays = spend();
        // then each step waits half its step, steps double from 2 s and stop at 30 s
        assertEquals(List.of(1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000), delays);
        assertEquals(ReconnectPolicy.RETRY_BUDGET, delays.size());
        assertEquals(ReconnectPolicy.RETRY_BUDGET, policy.attempts());
    }

    @Test
    void jitterStaysWithinTheUpperHalfOfEachStep() {
        random = 0.999_999;
        assertEquals(List.of(1999, 3999, 7999, 15999, 29999, 29999, 29999, 29999), spend());
        random = 0.5;
        policy.reset();
        assertEquals(List.of(1500, 3000, 6000, 12000, 22500, 22500, 22500, 22500), spend());
    }

    @Test
    void aSpentBudgetSaysSoUntilReset() {
        random = 0;
        spend();
        assertEquals(-1, policy.delay());
        assertEquals(-1, policy.delay());
        policy.reset();
        assertEquals(0, policy.attempts());
        assertEquals(1000, policy.delay());
    }

    @Test
    void theBaseIsTheConfiguredReconnectInterval() {
        random = 0;
        ReconnectPolicy fast = new ReconnectPolicy(100, () -> random);
        assertEquals(50, fast.delay());
        assertEquals(100, fast.delay());
        ReconnectPolicy nonsense = new ReconnectPolicy(-5, () -> random);
        assertEquals(0, nonsense.delay(), "a base below 1 ms counts as 1 ms");
    }
}
