package org.wcs.transport.gms;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;
import org.wcs.transport.TransportContext;
import org.wcs.value.Value;

/**
 * The refresh cadence of Widgets 9.0.018.07 (spec gms-v2 §6.1): a tick every {@code pollRateMin / 2} ms polls when
 * no refresh is in flight and at least the current interval has passed since the last one started; the interval
 * then grows ×{@code pollRateMult} up to {@code pollRateMax}. Sending resets it to {@code pollRateMin}; sleeping
 * polls every {@code pollRateSleep}; waking resets it to {@code pollRate}. Resting (no tab of the site visible) polls
 * every {@code pollRateSleep} too, and its end polls at once.
 */
final class GmsPoller {
    private final GmsTransport transport;
    private final Scheduler scheduler;
    final int rate;
    final int min;
    final int max;
    final int sleepRate;
    final double mult;
    final boolean dynamic;
    private Cancellable ticker;
    private int interval;
    private double last;
    private boolean sleeping;
    /** No tab shows the chat ({@link org.wcs.transport.Transport#rest}); kept across chats. */
    private boolean resting;
    /** While requests fail: no poll before this time (the back-off); -Infinity when none is due. */
    private double resumeAt = Double.NEGATIVE_INFINITY;

    GmsPoller(GmsTransport transport, TransportContext context, Value c) {
        this.transport = transport;
        this.scheduler = context.platform.scheduler;
        rate = within(context.number(c, "pollRate", 3000), 1000, 30000, 3000);
        int maxOption = context.number(c, "pollRateMax", context.number(c, "pollIntervalIdle_ms", -1));
        // pollRateMin is only taken together with pollRateMax, like the original's validation.
        int minOption = maxOption > 0 ? context.number(c, "pollRateMin", 500) : 500;
        min = minOption >= 250 ? minOption : 500;
        max = maxOption >= min && maxOption <= 30000 ? maxOption : Math.max(3000, min);
        double m = c.get("pollRateMult").num();
        mult = m > 1 ? m : 1.2;
        sleepRate = within(context.number(c, "pollRateSleep", 30000), 1000, 30000, 30000);
        dynamic = c.get("dynamicPolling").bool(true);
    }

    private static int within(int v, int low, int high, int fallback) {
        return v >= low && v <= high ? v : fallback;
    }

    boolean running() {
        return ticker != null;
    }

    void start() {
        interval = dynamic ? min : rate;
        last = Double.NEGATIVE_INFINITY;
        tick();
    }

    private void tick() {
        ticker = scheduler.schedule(min / 2, () -> {
            tick();
            if (scheduler.now() - last >= interval()) {
                poll();
            }
        });
    }

    /** A poll now, unless one is in flight or a back-off holds polls. */
    private void poll() {
        double now = scheduler.now();
        if (transport.refreshing == null && now >= resumeAt) {
            last = now;
            if (dynamic && !sleeping && !resting) {
                interval = (int) Math.min(max, Math.floor(interval * mult));
            }
            transport.refresh(null);
        }
    }

    /** The wait between two polls as things stand (sleeping, resting or not). */
    int interval() {
        return sleeping || resting ? sleepRate : interval;
    }

    /** Requests fail: the next poll waits {@code ms} from now. */
    void holdFor(int ms) {
        resumeAt = scheduler.now() + ms;
    }

    /** Requests get through again: back to the cadence. */
    void resume() {
        resumeAt = Double.NEGATIVE_INFINITY;
    }

    void stop() {
        ticker = Cancellable.cancel(ticker);
    }

    /** After the customer sent something: answers come sooner. */
    void fast() {
        if (dynamic) {
            interval = min;
        }
    }

    /** Every tab is hidden: polls every {@code pollRateSleep}; a tab is shown again: a poll at once, then the rate. */
    void rest(boolean on) {
        boolean woke = resting && !on;
        resting = on;
        if (woke) {
            interval = rate; // as a wake from sleep
            if (running()) {
                poll();
            }
        }
    }

    void sleep(boolean asleep) {
        sleeping = asleep;
        if (!asleep) {
            interval = rate;
        }
    }
}
