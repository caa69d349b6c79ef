package org.wcs.transport.purecloud;

import org.wcs.platform.WebSockets;

/**
 * One WebSocket to the event stream, and the timer task of its heartbeat watchdog. Once given up ({@link #kill}) or
 * closed it says nothing more, so a late frame, close or watchdog of an old socket can never reach the session after
 * a reconnect has replaced it.
 */
final class Link implements WebSockets.Listener, Runnable {
    private final Connection connection;
    private final WebSockets.Socket socket;
    boolean dead;
    /** When it opened (scheduler ms), or -1 while it has not. */
    long openedAt = -1;

    Link(Connection connection, WebSockets sockets, String url) {
        this.connection = connection;
        this.socket = sockets.open(url, this);
    }

    @Override
    public void onOpen() {
        if (!dead) {
            openedAt = connection.now();
            connection.opened();
        }
    }

    @Override
    public void onMessage(String text) {
        if (!dead) {
            connection.frame(text);
        }
    }

    @Override
    public void onClose(int code, String reason) {
        if (!dead) {
            dead = true;
            connection.closed(this);
        }
    }

    /** The watchdog ran out: the socket is as good as gone, whatever its state. */
    @Override
    public void run() {
        if (!dead) {
            connection.closed(this);
        }
    }

    void kill() {
        if (!dead) {
            dead = true;
            socket.close(1000, "");
        }
    }
}
