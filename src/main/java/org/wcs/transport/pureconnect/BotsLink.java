package org.wcs.transport.pureconnect;

import org.wcs.platform.WebSockets;

/**
 * One connector socket of a chatbots chat. Once closed or given up ({@link #kill}) it says nothing more, so a late
 * frame or close of an old socket never reaches a chat that another socket (or another chat) has replaced.
 */
final class BotsLink implements WebSockets.Listener {
    private final BotsTransport transport;
    private final WebSockets.Socket socket;
    boolean dead;
    boolean opened;

    BotsLink(BotsTransport transport, WebSockets sockets, String url) {
        this.transport = transport;
        this.socket = sockets.open(url, this);
    }

    @Override
    public void onOpen() {
        if (!dead) {
            opened = true;
            transport.opened(this);
        }
    }

    @Override
    public void onMessage(String text) {
        if (!dead) {
            transport.frame(text);
        }
    }

    @Override
    public void onClose(int code, String reason) {
        if (!dead) {
            dead = true;
            transport.closed(this);
        }
    }

    void kill() {
        if (!dead) {
            dead = true;
            socket.close(1000, "");
        }
    }
}
