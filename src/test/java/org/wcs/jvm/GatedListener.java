package org.wcs.jvm;

import org.wcs.platform.WebSockets;

/**
 * A socket's listener that passes nothing on once {@link #shut} (its tab closed, or the network lost the socket), as
 * a browser says nothing more to a page that is gone or about a socket it has closed.
 */
abstract class GatedListener implements WebSockets.Listener {
    final WebSockets.Listener listener;

    GatedListener(WebSockets.Listener listener) {
        this.listener = listener;
    }

    abstract boolean shut();

    /** A close passes: what the wrapper does then, before the page hears it. */
    void closing() {
    }

    @Override
    public void onOpen() {
        if (!shut()) {
            listener.onOpen();
        }
    }

    @Override
    public void onMessage(String text) {
        if (!shut()) {
            listener.onMessage(text);
        }
    }

    @Override
    public void onClose(int code, String reason) {
        if (!shut()) {
            closing();
            listener.onClose(code, reason);
        }
    }
}
