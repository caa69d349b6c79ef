package org.wcs.transport.nexus;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Platform;
import org.wcs.value.Values;

/**
 * The cadence of message reads (spec 8): the first read at once, the next {@code pollTimeout} after each answer
 * (a delay, not a rate), one read in flight; after a failed read (except HTTP 429) the delay is multiplied by
 * {@code pollIntervalMultiplier} and rounded down, compounding, until a read succeeds. Every read publishes
 * {@code pollingStarted}; stopping publishes {@code pollingStopped} once.
 *
 * <p>Tabs of one site share a guard in localStorage ({@value #GUARD}) so that only one of them reads at a time. The
 * original wrote {@code "true"} there and skipped reads for good while it said so, and a tab that closed mid-read
 * left it set (quirk 18). Here the guard holds the time a read's lease expires; a tab that finds a live lease skips
 * this turn and tries again one delay later, and a lease left behind expires.
 */
final class Poller implements Runnable {
    static final String GUARD = "_genesys.widgets.chatPollPending";
    static final int LEASE_MS = 60000;

    private final NexusTransport transport;
    private final Platform platform;
    private final int base;
    private final double factor;
    int delay;
    boolean running;
    boolean paused;
    boolean reading;
    /** The next read resumes after a pause or a failure: it names the last index seen. */
    private boolean resuming;
    private Cancellable timer;

    Poller(NexusTransport transport, Platform platform, Config config) {
        this.transport = transport;
        this.platform = platform;
        this.base = config.pollMs;
        this.factor = config.backoff;
    }

    void start() {
        if (!running) {
            running = true;
            paused = false;
            delay = base;
            run();
        }
    }

    /** Stops; a read still in flight is forgotten (its answer belongs to a finished session). */
    void stop() {
        cancel();
        paused = false;
        if (reading) {
            reading = false;
            platform.storage.remove(GUARD);
        }
        if (running) {
            running = false;
            transport.listener.polling(false);
        }
    }

    void pause() {
        paused = true;
        cancel();
    }

    void resume() {
        if (paused) {
            paused = false;
            resuming = true;
            run();
        }
    }

    /** Reads now unless stopped, paused, already reading or another tab holds the lease. */
    @Override
    public void run() {
        cancel();
        if (!running || paused || reading) {
            return;
        }
        double now = platform.scheduler.now();
        String lease = platform.storage.get(GUARD);
        double until = 0;
        for (int i = 0; lease != null && i < lease.length(); i++) {
            char c = lease.charAt(i);
            until = c >= '0' && c <= '9' ? until * 10 + c - '0' : 0;
        }
        if (until > now && until <= now + LEASE_MS) {
            next();
            return;
        }
        platform.storage.set(GUARD, Values.numberToString(now + LEASE_MS));
        reading = true;
        transport.listener.polling(true);
        transport.read(resuming);
        resuming = false;
    }

    /**
     * A read answered: {@code status} is its HTTP status (0 for none), {@code ok} whether it could be used. After a
     * failure the next read names the last index seen: the server may have counted the lost answer as delivered.
     */
    void answered(int status, boolean ok) {
        reading = false;
        platform.storage.remove(GUARD);
        resuming |= !ok;
        if (ok) {
            delay = base;
        } else if (status != 429) {
            delay = (int) (delay * factor);
        }
    }

    /** Schedules the next read one delay from now. */
    void next() {
        cancel();
        if (running && !paused && !reading) {
            timer = platform.scheduler.schedule(delay, this);
        }
    }

    private void cancel() {
        timer = Cancellable.cancel(timer);
    }
}
