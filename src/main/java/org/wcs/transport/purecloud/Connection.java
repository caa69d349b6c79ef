package org.wcs.transport.purecloud;

import org.wcs.platform.Cancellable;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Texts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The event stream of one session: the socket in use, the heartbeat watchdog and reconnection (spec 6, 8.6).
 *
 * <p>The watchdog is armed by the first frame that carries an event body with metadata or a heartbeat, and re-armed
 * by each one after it; when it runs out the socket is given up. Losing the socket that way, or by any close the
 * session did not ask for, publishes {@code disconnected} once; reconnecting then follows {@link ReconnectPolicy}
 * (the widget retried at once, forever) and a successful open publishes {@code reconnected} before the session
 * catches up. A {@code v2.system.socket_closing} warning moves to a new socket at once, without either event.
 */
final class Connection implements Runnable {
    private final PureCloud t;
    final ReconnectPolicy policy;
    private Link link;
    private Cancellable watchdog;
    private Cancellable retry;
    private boolean lost;
    /** The stream opened once in this session: later opens are reconnections. */
    private boolean established;

    Connection(PureCloud transport) {
        this.t = transport;
        this.policy = new ReconnectPolicy(transport.reconnectMs, transport.platform.random);
    }

    long now() {
        return t.clock.now();
    }

    void open() {
        link = new Link(this, t.platform.webSockets, t.session.v[Session.STREAM]);
    }

    void opened() {
        boolean again = established;
        established = true;
        if (lost) {
            lost = false;
            t.out.connection(ConnectionStatus.ONLINE);
        }
        t.opened(again);
    }

    void frame(String text) {
        Value f = Call.json(text);
        if (f == null) {
            return;
        }
        Value body = f.get("eventBody");
        Value meta = f.get("metadata");
        if (body.isObject() && (meta.isObject() || "WebSocket Heartbeat".equals(body.get("message").str()))) {
            cancel();
            watchdog = t.clock.schedule(t.heartbeatMs, link);
        }
        if ("v2.system.socket_closing".equals(f.get("topicName").str())) {
            lose(link, false);
        } else if (meta.isObject()) {
            t.event(meta.get("type").str(""), body);
        }
    }

    /** {@code l} closed, or its watchdog ran out. */
    void closed(Link l) {
        lose(l, true);
    }

    /** Something the stream should have brought could not be had: start over with a new socket. */
    void silent() {
        lose(link, true);
    }

    /** The reconnect timer. */
    @Override
    public void run() {
        open();
    }

    /** Gives up {@code l} and plans the next socket; {@code loss}: the session is cut off until then. */
    private void lose(Link l, boolean loss) {
        l.kill();
        cancel();
        if (!established) {
            t.openFailed();
            return;
        }
        if (l.openedAt >= 0 && now() - l.openedAt >= ReconnectPolicy.STABLE_MS) {
            policy.reset();
        }
        if (loss && !lost) {
            lost = true;
            t.out.connection(ConnectionStatus.DISCONNECTED);
        }
        int wait = loss ? policy.delay() : 0;
        if (wait < 0) {
            t.error("purecloud-v2-sockets-connection", Texts.CONNECTION_LOST, 0, null);
        } else {
            retry = t.clock.schedule(wait, this);
        }
    }

    private void cancel() {
        if (watchdog != null) {
            watchdog.cancel();
        }
    }

    void close() {
        cancel();
        if (retry != null) {
            retry.cancel();
        }
        if (link != null) {
            link.kill();
        }
    }
}
