package org.wcs.transport.purecloud;

import org.wcs.platform.Cancellable;
import org.wcs.platform.WebSockets;

/**
 * One WebSocket to the event stream, with its own heartbeat watchdog (it is the watchdog's timer task). The watchdog
 * is armed when the socket opens and re-armed by every frame, so a socket that opens and never says anything is
 * given up as surely as one that goes quiet later. Once given up ({@link #kill}) or closed it says nothing more, so a
 * late frame, close or watchdog of an old socket can never reach the session after another has replaced it.
 */
final class Link implements WebSockets.Listener, Runnable {
    private final Connection connection;
    private final WebSockets.Socket socket;
    private Cancellable watchdog;
    boolean dead;
    /** When it opened (scheduler ms), or -1 while it has not. */
    double openedAt = -1;

    Link(Connection connection, WebSockets sockets, String url) {
        this.connection = connection;
        this.socket = sockets.open(url, this);
    }

    @Override
    public void onOpen() {
        if (!dead) {
            openedAt = connection.now();
            arm();
            connection.opened(this);
        }
    }

    @Override
    public void onMessage(String text) {
        if (!dead) {
            arm();
            connection.frame(this, text);
        }
    }

    @Override
    public void onClose(int code, String reason) {
        if (!dead) {
            dead = true;
            watchdog = Cancellable.cancel(watchdog);
            connection.closed(this);
        }
    }

    /** The watchdog ran out: the socket is as good as gone, whatever its state. */
    @Override
    public void run() {
        watchdog = null;
        if (!dead) {
            connection.closed(this);
        }
    }

    private void arm() {
        Cancellable.cancel(watchdog);
        watchdog = connection.watch(this);
    }

    void kill() {
        watchdog = Cancellable.cancel(watchdog);
        if (!dead) {
            dead = true;
            socket.close(1000, "");
        }
    }
}
