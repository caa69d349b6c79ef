package org.wcs.platform;

/** WebSocket client. Listener calls arrive on the event loop; after {@code onClose} none follow. */
public interface WebSockets {
    Socket open(String url, Listener listener);

    interface Socket {
        void send(String text);

        void close(int code, String reason);
    }

    interface Listener {
        void onOpen();

        void onMessage(String text);

        /** The connection is gone, whether it was closed, refused or broken; {@code code} 1006 when abnormal. */
        void onClose(int code, String reason);
    }
}
