package org.wcs.transport.nexus;

import org.wcs.platform.Cancellable;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.Platform;
import org.wcs.transport.Backoff;
import org.wcs.transport.Outage;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.TransportListener;

/**
 * The cadence of message reads (spec 8): the first read at once, the next {@code pollTimeout} after each answer
 * (a delay, not a rate), one read in flight per tab. Every read publishes {@code pollingStarted}; stopping publishes
 * {@code pollingStopped} once.
 *
 * <p>After a failed read (no answer, a timeout, an HTTP error, 429 included, or a body that is not the read's JSON)
 * the next one waits as {@link Backoff} says: exponential from {@code pollTimeout}, capped at
 * {@code webchat.backoffMax}, full jitter, at least the server's {@code Retry-After} on 429 and 503; the first good
 * read resets it. The first failure of an outage reports {@link ConnectionStatus#PENDING}, more than
 * {@code pollExceptionLimit} in a row {@link ConnectionStatus#DISCONNECTED}, the first good read after them
 * {@link ConnectionStatus#ONLINE}; the service owns the status and publishes its changes.
 *
 * <p>While no tab of the site shows the chat ({@link #rest}) a read waits at least {@link #RESTING_MS} after the last
 * answer; the first tab shown again reads at once.
 *
 * <p>Every tab reads for itself: a read names the last index this tab has seen, so it does not depend on the server's
 * per-participant cursor, which tabs sharing one session would split between them. (The original made tabs take turns
 * through a localStorage flag, so each saw only part of the chat; there is no cross-tab guard any more.)
 */
final class Poller implements Runnable {
    private final NexusTransport transport;
    private final TransportListener listener;
    private final Platform platform;
    private final int base;
    private final Outage outage;
    int delay;
    boolean running;
    boolean paused;
    boolean reading;
    /** No tab shows the chat: reads come {@link #RESTING_MS} apart. Kept across chats. */
    private boolean resting;
    private Cancellable timer;

    /**
     * The resting cadence: v3 chats are asynchronous and the server keeps no per-poll timer (the original's sleep mode
     * stopped reading altogether), so a hidden chat may read rarely; GMS's {@code pollRateSleep} default, so that an
     * agent's message waits no longer on one back end than on the other.
     */
    static final int RESTING_MS = 30_000;

    Poller(NexusTransport transport, Platform platform, Config config) {
        this.transport = transport;
        this.listener = transport.listener;
        this.platform = platform;
        this.base = config.pollMs;
        this.outage = new Outage(listener, new Backoff(platform.random, config.pollMs, config.backoffCap),
                config.failureLimit);
    }

    void start() {
        if (!running) {
            running = true;
            paused = false;
            delay = base;
            outage.reset();
            run();
        }
    }

    /** Stops; a read still in flight is forgotten (its answer belongs to a finished session). */
    void stop() {
        cancel();
        paused = false;
        reading = false;
        outage.reset();
        if (running) {
            running = false;
            listener.polling(false);
        }
    }

    void pause() {
        paused = true;
        cancel();
    }

    void resume() {
        if (paused) {
            paused = false;
            run();
        }
    }

    /** No tab shows the chat ({@code true}): the next reads wait longer; one is shown again: a read now. */
    void rest(boolean on) {
        boolean woke = resting && !on;
        resting = on;
        if (woke) {
            run();
        }
    }

    /** Reads now unless stopped, paused or already reading. */
    @Override
    public void run() {
        cancel();
        if (!running || paused || reading) {
            return;
        }
        reading = true;
        listener.polling(true);
        transport.read();
    }

    /** A read came back good: the back-off starts over, and an outage is over. */
    void succeeded() {
        reading = false;
        delay = base;
        outage.succeeded();
    }

    /**
     * A read failed: the next one waits a back-off step (at least the server's {@code Retry-After}), and the outage
     * is reported as pending, or as disconnected past the limit.
     */
    void failed(HttpResponse r) {
        reading = false;
        delay = outage.failed(outage.retryAfterMs(r));
    }

    /** More than {@code pollExceptionLimit} reads in a row failed: per-request errors are no longer published. */
    boolean disconnected() {
        return outage.disconnected();
    }

    /** Schedules the next read one delay from now. */
    void next() {
        cancel();
        if (running && !paused && !reading) {
            timer = platform.scheduler.schedule(resting ? Math.max(delay, RESTING_MS) : delay, this);
        }
    }

    private void cancel() {
        timer = Cancellable.cancel(timer);
    }
}
