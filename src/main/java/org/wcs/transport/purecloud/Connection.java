package org.wcs.transport.purecloud;

import org.wcs.platform.Cancellable;
import org.wcs.transport.ConnectionStatus;
import org.wcs.value.Value;

/**
 * The event stream of one session: the socket in use, reconnection and the retry budget (spec 6, 8.6). It belongs to
 * the chat generation it was made in; once that is over (or it is closed) nothing of it reaches the session.
 *
 * <p>Losing the socket (a close the session did not ask for, or its heartbeat watchdog, see {@link Link}) reports
 * {@link ConnectionStatus#DISCONNECTED} once; reconnecting then follows {@link ReconnectPolicy} (the widget retried
 * at once, forever) and the next open reports {@link ConnectionStatus#ONLINE} before the session catches up. When the
 * budget is spent the session stays stored and an {@code error} says so; {@link #revive} (the page came back online
 * or into view) grants one budget more, starting at once.
 *
 * <p>A {@code v2.system.socket_closing} warning moves to a new socket, spending the same budget: the first of a run
 * at once, later ones after the back-off. The warned socket keeps serving until its successor opens (or, once the
 * budget is spent, for as long as it lasts), so a move is quiet: no outage is reported unless a socket is really
 * lost. A server that warns on every socket thus gets at most a budget's worth of sockets, spaced by the back-off.
 */
final class Connection implements Runnable {
    static final String CLOSING = "v2.system.socket_closing";

    private final PureCloudTransport t;
    final ReconnectPolicy policy;
    /** The chat generation this stream was opened for. */
    private final int generation;
    /** The socket in use, or being opened. */
    private Link link;
    /** A socket the server is retiring, still in use until {@link #link} opens. */
    private Link old;
    private Cancellable retry;
    /** When the last socket was asked for (scheduler ms). */
    private double attemptAt;
    /** DISCONNECTED was reported and ONLINE not yet. */
    private boolean lost;
    /** The stream opened once in this session: later opens are reconnections. */
    boolean established;
    /** The budget is spent: nothing is tried until {@link #revive}. */
    private boolean spent;
    private boolean closed;

    Connection(PureCloudTransport transport) {
        this.t = transport;
        this.policy = new ReconnectPolicy(transport.reconnectMs, transport.platform.random);
        this.generation = transport.out.generation();
    }

    double now() {
        return t.clock.now();
    }

    /** Arms {@code l}'s heartbeat watchdog. */
    Cancellable watch(Link l) {
        return t.clock.schedule(t.heartbeatMs, l);
    }

    /** Whether this stream still belongs to the chat the service runs. */
    boolean current() {
        return !closed && generation == t.out.generation();
    }

    void open() {
        attemptAt = now();
        link = new Link(this, t.platform.webSockets, t.session.v[Session.STREAM]);
    }

    void opened(Link l) {
        if (!current() || l != link) {
            return;
        }
        if (old != null) {
            old.kill();
            old = null;
        }
        boolean again = established;
        established = true;
        t.session.ping(now());
        if (lost) {
            lost = false;
            t.out.connection(ConnectionStatus.ONLINE);
        }
        t.opened(again);
    }

    void frame(Link l, String text) {
        Value f = Call.json(text);
        if (f == null || !current()) {
            return;
        }
        t.session.ping(now()); // heartbeats included: the page is still with the chat
        if (CLOSING.equals(f.get("topicName").str())) {
            if (l == link) {
                move(l);
            }
            return;
        }
        Value meta = f.get("metadata");
        if (meta.isObject()) {
            t.event(meta.get("type").str(""), f.get("eventBody"));
        }
    }

    /** {@code l} closed, or its watchdog ran out. */
    void closed(Link l) {
        l.kill();
        if (!current()) {
            return;
        }
        if (l == old) {
            old = null; // it was retiring; its successor is on its way
        } else if (l == link && old != null) {
            // the successor failed while the retiring socket still works: stay on it, try again after the back-off
            link = old;
            old = null;
            move(link);
        } else if (l == link) {
            lose(l);
        }
    }

    /** Something the stream should have brought could not be had: start over with a new socket. */
    void silent() {
        if (link != null) {
            closed(link);
        }
    }

    /** The page came back online or into view: a spent budget is granted once more, the first try at once. */
    void revive() {
        if (spent && current()) {
            spent = false;
            policy.reset();
            open();
        }
    }

    /** The reconnect timer: a new socket; when the current one still works (a move), it serves until this opens. */
    @Override
    public void run() {
        retry = null;
        if (!current()) {
            return;
        }
        if (link != null && !link.dead) {
            old = link;
        }
        open();
    }

    /** The session is cut off from its stream until another socket opens. */
    private void lose(Link l) {
        if (!established) {
            t.openFailed();
            return;
        }
        if (stable(l)) {
            policy.reset();
        }
        if (!lost) {
            lost = true;
            t.out.connection(ConnectionStatus.DISCONNECTED);
        }
        if (retry == null) {
            plan(true);
        }
    }

    /** The server warned that {@code l} will close: plan its successor, unless one is planned already. */
    private void move(Link l) {
        if (retry != null) {
            return;
        }
        if (stable(l)) {
            policy.reset();
        }
        plan(false);
    }

    /** Schedules the next socket within the budget; {@code loss}: no socket serves meanwhile. */
    private void plan(boolean loss) {
        boolean first = policy.attempts() == 0;
        int wait = policy.delay();
        if (wait >= 0) {
            retry = t.clock.schedule(loss || !first ? wait : 0, this);
        } else if (loss) {
            spent = true;
            t.error("purecloud-v2-sockets-connection", PureCloudTexts.CONNECTION_LOST, 0, null);
        } // else: a warned socket that still works is kept for as long as it lasts
    }

    /**
     * {@code l} served {@link ReconnectPolicy#STABLE_MS} with no reconnect attempt meanwhile: the budget is earned
     * back.
     */
    private boolean stable(Link l) {
        double now = now();
        return l.openedAt >= 0 && now - l.openedAt >= ReconnectPolicy.STABLE_MS
                && now - attemptAt >= ReconnectPolicy.STABLE_MS;
    }

    void close() {
        closed = true;
        retry = Cancellable.cancel(retry);
        if (link != null) {
            link.kill();
        }
        if (old != null) {
            old.kill();
        }
    }
}
