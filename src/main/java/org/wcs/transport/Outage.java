package org.wcs.transport;

import org.wcs.platform.HttpResponse;

/**
 * An outage of a polled back end (GMS REST, v3) as it counts it: the failed requests in a row and the back-off they
 * earn. The first failure reports {@link ConnectionStatus#PENDING}, more than the limit
 * ({@code pollExceptionLimit}) {@link ConnectionStatus#DISCONNECTED}, the first success after them
 * {@link ConnectionStatus#ONLINE}; the service owns the status and publishes its changes.
 */
public final class Outage {
    private final TransportListener listener;
    private final Backoff backoff;
    private final int limit;

    public Outage(TransportListener listener, Backoff backoff, int limit) {
        this.listener = listener;
        this.backoff = backoff;
        this.limit = limit;
    }

    /** A request failed: reports the status it reached, and returns how long the next one waits (at least floorMs). */
    public int failed(int floorMs) {
        int wait = backoff.fail(floorMs);
        int failures = backoff.failures();
        if (failures == 1 || failures == limit + 1) {
            listener.connection(failures > limit ? ConnectionStatus.DISCONNECTED : ConnectionStatus.PENDING);
        }
        return wait;
    }

    /** A request got through; true (and {@link ConnectionStatus#ONLINE} reported) when it ended an outage. */
    public boolean succeeded() {
        if (backoff.failures() == 0) {
            return false;
        }
        backoff.reset();
        listener.connection(ConnectionStatus.ONLINE);
        return true;
    }

    /** More than the limit failed in a row. */
    public boolean disconnected() {
        return backoff.failures() > limit;
    }

    /** Forgets the outage without a report: a new chat, or polling stopped. */
    public void reset() {
        backoff.reset();
    }

    /** The server's {@code Retry-After} on a 429 or 503, in ms (see {@link Backoff#retryAfterMs}). */
    public int retryAfterMs(HttpResponse r) {
        return backoff.retryAfterMs(r);
    }
}
