package org.wcs.transport.purecloud;

import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Reply;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * One REST call of the guest API and its answer, handed back to {@link PureCloudTransport#done} with the parsed JSON
 * body (null when there is none or it is not JSON). The widget never retries; here a call the server refused with 429
 * is sent again after its {@code Retry-After} (default 1 s), at most {@link #RETRIES} times: the server did not act on
 * it, so even a write is safe to repeat; but never once its session is over ({@link PureCloudTransport#stale}), so a
 * refused send of an ended chat or create of an abandoned start is not made again. Other failures are the caller's.
 */
final class Call implements Http.Callback, Runnable {
    static final int RETRIES = 3;
    /** A {@code Retry-After} longer than this is not waited for in full. */
    static final int MAX_RETRY_AFTER_MS = 60_000;

    final PureCloudTransport transport;
    final int op;
    /** What a page, member list or own-member call is for ({@link PureCloudTransport#RESTORE}, ...). */
    final int kind;
    final int epoch;
    /** The chat generation it was sent for. */
    final int generation;
    /** Messages gathered so far, for a walk over pages; the member id, for a member call. */
    final Value acc;
    final HttpRequest request;
    Reply reply;
    int tries;
    int pages;
    /** The last answer's {@code Retry-After}, or null. */
    String retryAfter;

    Call(PureCloudTransport transport, int op, int kind, Value acc, HttpRequest request) {
        this.transport = transport;
        this.op = op;
        this.kind = kind;
        this.epoch = transport.epoch;
        this.generation = transport.out.generation();
        this.acc = acc;
        this.request = request;
    }

    @Override
    public void run() {
        if (tries > 0 && transport.stale(this)) {
            transport.done(this, 0, null); // the retry of a session that is over is not sent
            return;
        }
        transport.platform.http.send(request, this);
    }

    @Override
    public void onResponse(HttpResponse r) {
        retryAfter = r.retryAfter;
        if (r.status == 429 && !transport.stale(this) && tries++ < RETRIES) {
            Value after = json(r.retryAfter);
            transport.clock.schedule(after != null && after.isNumber() && after.num() >= 0
                    ? (int) Math.min(MAX_RETRY_AFTER_MS, after.num() * 1000) : 1000, this);
            return;
        }
        transport.done(this, r.status, json(r.body));
    }

    /** The JSON value of {@code text}, or null when it is empty or not JSON. */
    static Value json(String text) {
        return text == null || text.isEmpty() ? null : Values.parseOr(text, null);
    }
}
