package org.wcs.transport.gms;

import org.wcs.platform.Cancellable;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.TransportContext;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The CometD mode of the GMS transport (spec gms-v2 §13): each call is published on the service channel as
 * {@code {operation, chatId, alias, secureKey, userId, ...}} (§13.3) and every push on it is a GMS answer that
 * {@link GmsTransport#handle} processes as it would a REST one (§13.4). A start or restore is settled by the first
 * push after it (start success needs {@code statusCode:0}); the other calls resolve {@code {statusCode:0}} when their
 * publish is acknowledged.
 *
 * <p>Connection (§13.5): the Bayeux client is opened by the first call. A failed handshake or connect during a chat
 * publishes {@code disconnected}; the next good connect publishes {@code reconnected} and asks for the chat's events
 * again ({@code requestNotifications}), as does every handshake during a chat. Five failed handshakes or connects
 * without a good connect between give a pending start up ({@code {statusCode:1}}) or fail a pending restore. When
 * the server drops us ({@code /meta/disconnect}), {@code disconnected} is published, the chat is offline, and a
 * watchdog asks again every 3000 ms; 3000 ms after the 30th try without a {@code statusCode:0} push it publishes
 * {@code chatServerTimeout}. The chat's end closes the connection. Beyond the original: a start or restore whose
 * publish was acknowledged but that no push answers within {@value #ANSWER_MS} ms, or whose connection is given up
 * after the acknowledgement, is failed like one whose handshakes failed, instead of waiting for ever.
 *
 * <p>Order: after a loss, pushes that left the server before it took our {@code requestNotifications} may overtake
 * its answer. The request asks from the last index seen, so the answer is the first push that brings that index (or
 * no events at all); until it comes, pushes whose events lack it are dropped, as the answer brings them again, in
 * order. This needs no contiguous indexes, which GMS does not promise.
 */
final class GmsComet implements Runnable, GmsPush {
    static final String CHANNEL = "/service/chatV2/customer-support";
    /** Failed handshakes or connects (no good connect between) after which a waiting start or restore gives up. */
    static final int FAILURES = 5;
    static final int WATCHDOG_MS = 3000;
    static final int WATCHDOG_TRIES = 30;
    /** How long a start or restore waits for the push that answers it: the server's usual connect hold. */
    static final int ANSWER_MS = 30_000;

    private final GmsTransport transport;
    final Bayeux bayeux;
    private final String apiUrl;
    /** The start or restore waiting for its first push ({@code PUSH}: none), and its reply. */
    private int pendingKind = GmsTransport.PUSH;
    private Reply pending;
    /** A connect failed: the next good one asks for the chat's events again. */
    private boolean linkDown;
    private Cancellable answerTimer;
    private Cancellable watchdog;
    private int tries;
    /**
     * While not 0, the index our last {@code requestNotifications} asked from: a push with events but without one at
     * or below it left the server before the request was taken, and is dropped; the answer brings its events again,
     * after those that were lost before them.
     */
    private int resync;
    /** Asks again when the answer to the last {@code requestNotifications} does not come in time. */
    private Cancellable resyncTimer;
    /**
     * The chat generation the Bayeux connection serves, noted when a start or restore opens it (a connection left by
     * an earlier chat is closed first, so its late answers and pushes are dropped by the client's epoch). A push or
     * an acknowledgement of another generation never touches the current chat.
     */
    private int generation = -1;

    GmsComet(GmsTransport transport, TransportContext context) {
        this.transport = transport;
        Value c = context.config.get("cometD");
        apiUrl = c.get("apiURL").str("");
        bayeux = new Bayeux(this, context, c.get("cometURL").str(""), c.get("channel").str(CHANNEL));
    }

    @Override
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public void publish(String op, Value fields, int kind, Reply reply) {
        if (bayeux.url.isEmpty()) {
            reply.fail(Values.of(GmsTexts.COMETD_FAILED));
            return;
        }
        String operation = op == null ? "requestChat" : op.equals("send") ? "sendMessage"
                : op.equals("refresh") ? "requestNotifications" : op;
        if (kind == GmsTransport.START || kind == GmsTransport.RESTORE) {
            close(); // a connection of an earlier chat (its end not acknowledged yet) goes, with what it still brings
            generation = transport.listener.generation();
            pendingKind = kind;
            pending = reply;
            bayeux.backoff.reset();
        }
        Value data = Values.object().set("operation", operation).set("chatId", transport.session.chatId());
        bayeux.publish(Values.assign(data, fields), kind, reply);
    }

    /**
     * Asks for the chat's events again, after a reconnect, a new handshake or a drop: from the last index seen rather
     * than the position, so that the answer is known by that index even where the server's indexes skip.
     */
    private void renotify(boolean askAgain) {
        resync = Math.max(1, transport.session.position - 1);
        // An answer lost in transit would hold every later push back for good: ask again after ANSWER_MS (the
        // watchdog, which asks every WATCHDOG_MS until it gives up, does without).
        resyncTimer = Cancellable.cancel(resyncTimer);
        if (askAgain) {
            resyncTimer = transport.context.platform.scheduler.schedule(ANSWER_MS, () -> {
                resyncTimer = null;
                if (resync > 0 && transport.active() && watchdog == null) {
                    renotify(true);
                }
            });
        }
        publish("refresh", transport.fields().set("transcriptPosition", resync).set("message", ""),
                GmsTransport.PUSH, Reply.IGNORE);
    }

    /** Closes with a goodbye to the server. */
    void close() {
        close(true);
    }

    @Override
    public void close(boolean bye) {
        resync = 0;
        resyncTimer = Cancellable.cancel(resyncTimer);
        watchdog = Cancellable.cancel(watchdog);
        giveUp();
        bayeux.close(bye);
    }

    /** Fails the start ({@code {statusCode:1}}) or restore still waiting for its answer, if any. */
    private void giveUp() {
        answerTimer = Cancellable.cancel(answerTimer);
        Reply reply = pending;
        int kind = pendingKind;
        pending = null;
        pendingKind = GmsTransport.PUSH;
        if (reply == null) {
            return;
        }
        if (kind == GmsTransport.START) {
            reply.fail(Values.object().set("statusCode", 1));
        } else {
            transport.restoreFailed(reply);
        }
    }

    // ------------------------------------------------------------------ from the Bayeux client

    void handshaken() {
        if (transport.active()) {
            renotify(true);
        }
    }

    void connected() {
        if (transport.active()) {
            transport.session.ping(transport.context.platform.scheduler.now());
            if (linkDown) {
                linkDown = false;
                transport.listener.connection(ConnectionStatus.ONLINE);
                renotify(true);
            }
        }
    }

    /** A handshake or connect failed (the Bayeux client retries, unless this gives up). */
    void failed() {
        if (bayeux.failures() >= FAILURES && (pending != null || !transport.active())) {
            close(); // fails the waiting start or restore
        } else if (transport.active()) {
            linkDown = true; // the service publishes `disconnected` once per outage: only changes are news
            transport.listener.connection(ConnectionStatus.DISCONNECTED);
        }
    }

    /** The server ended our Bayeux session (the Bayeux client handshakes again). */
    void dropped() {
        if (transport.active()) {
            // The server dropped the session: an outage of the server, announced as `disconnected` (spec §13.5).
            transport.listener.connection(ConnectionStatus.DISCONNECTED);
            watchdog = Cancellable.cancel(watchdog);
            tries = 0;
            watchdog = transport.context.platform.scheduler.schedule(WATCHDOG_MS, this);
        }
    }

    /** A watchdog tick. */
    @Override
    public void run() {
        if (++tries > WATCHDOG_TRIES) {
            watchdog = null;
            transport.listener.connection(ConnectionStatus.TIMED_OUT);
            return;
        }
        if (bayeux.handshaken()) { // else the handshake, when it succeeds, asks
            renotify(false);
        }
        watchdog = transport.context.platform.scheduler.schedule(WATCHDOG_MS, this);
    }

    /**
     * A publish was acknowledged ({@code ok}) or not; {@code why} is the ack, or what stood in for it. One published
     * for another chat generation ({@code sent}) only settles its command: no error, no close, no resync.
     */
    void acked(int kind, Reply reply, boolean ok, Value why, int sent) {
        boolean stale = sent != transport.listener.generation();
        if (stale && kind != GmsTransport.START && kind != GmsTransport.RESTORE) {
            if (ok) {
                reply.ok(Values.object().set("statusCode", 0));
            } else {
                reply.fail(why);
            }
            return;
        }
        switch (kind) {
            case GmsTransport.PUSH:
                if (!ok) {
                    resync = 0; // no answer will come
                    resyncTimer = Cancellable.cancel(resyncTimer);
                }
                return;
            case GmsTransport.START:
            case GmsTransport.RESTORE:
                if (pending != reply) {
                    return; // already answered
                }
                if (ok) {
                    answerTimer = Cancellable.cancel(answerTimer);
                    answerTimer = transport.context.platform.scheduler.schedule(ANSWER_MS, this::close);
                } else {
                    close(); // fails it
                }
                return;
            default:
                if (ok) {
                    reply.ok(Values.object().set("statusCode", 0));
                } else {
                    if (transport.active()) {
                        transport.listener.error(why);
                    }
                    reply.fail(why);
                }
                if (kind == GmsTransport.END) {
                    close();
                }
        }
    }

    /** A push on the service channel: the answer to a pending start or restore, or the chat's news. */
    void pushed(Value data) {
        if (generation != transport.listener.generation() || (!transport.active() && pending == null)
                || !data.isRecord()) {
            return; // news of an earlier chat, or of none
        }
        Value events = data.get("messages");
        boolean answer = events.length() == 0;
        for (int i = 0; i < events.length(); i++) {
            answer |= events.at(i).get("index").num() <= resync;
        }
        if (resync > 0) {
            if (!answer) {
                return;
            }
            resync = 0;
            resyncTimer = Cancellable.cancel(resyncTimer);
        }
        if (data.get("statusCode").num() == 0) {
            watchdog = Cancellable.cancel(watchdog);
        }
        int kind = pendingKind;
        Reply reply = pending;
        pendingKind = GmsTransport.PUSH;
        pending = null;
        answerTimer = Cancellable.cancel(answerTimer);
        transport.handle(kind, data, null, reply == null ? Reply.IGNORE : reply);
        if (kind != GmsTransport.PUSH && !transport.active()) {
            close(); // the start was refused or the restored chat is over
        }
    }
}
