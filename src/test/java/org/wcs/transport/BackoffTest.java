package org.wcs.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.platform.HttpResponse;

class BackoffTest {
    private double draw = 0.999999;
    private final Backoff backoff = new Backoff(() -> draw, 1000, 30000);

    @Test
    void ceilingsDoubleFromTheBaseUpToTheCap() {
        int[] seen = new int[8];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = backoff.fail(0);
        }
        assertEquals("[999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]", java.util.Arrays.toString(seen));
    }

    @Test
    void fullJitterDrawsFromZeroAndResetStartsOver() {
        draw = 0;
        assertEquals(0, backoff.fail(0));
        draw = 0.5;
        assertEquals(1000, backoff.fail(0));
        backoff.reset();
        assertEquals(500, backoff.fail(0));
        assertEquals(1, backoff.failures());
    }

    @Test
    void aFloorWinsOverASmallerDraw() {
        draw = 0.1;
        assertEquals(5000, backoff.fail(5000));
    }

    @Test
    void retryAfterCountsOnlyOn429And503InSecondsAndIsCapped() {
        assertEquals(7000, backoff.retryAfterMs(new HttpResponse(429, "", "", false, "7")));
        assertEquals(2000, backoff.retryAfterMs(new HttpResponse(503, "", "", false, " 2 ")));
        assertEquals(30000, backoff.retryAfterMs(new HttpResponse(503, "", "", false, "3600")));
        assertEquals(0, backoff.retryAfterMs(new HttpResponse(500, "", "", false, "7")));
        assertEquals(0, backoff.retryAfterMs(new HttpResponse(429, "", "", false, "Wed, 21 Oct 2026 07:28:00 GMT")));
        assertEquals(0, backoff.retryAfterMs(new HttpResponse(429, "", "", false, "-1")));
        assertEquals(0, backoff.retryAfterMs(new HttpResponse(429, "", "", false, null)));
    }
}
