package org.wcs.jvm;

import java.util.ArrayList;
import java.util.List;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.WebSockets;

/**
 * A tab's way to the servers, which a test can cut ({@link #down}) and mend ({@link #up}), as Chromium's offline
 * network emulation or a server blocked by its URL does: while it is down a request fails on the next turn with status
 * 0 and reaches no server, and a socket fails to open (close 1006). Cutting it fails the requests on their way at once
 * (status 0; whatever the server does with them, its answers are lost) and closes the open sockets (1006). The page's
 * {@code navigator.onLine} is {@link JvmPage#online}, apart: a server can be out of reach while the browser is online.
 */
public final class JvmNetwork {
    private final JvmLoop loop;
    private boolean down;
    private final List<Request> requests = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    public JvmNetwork(JvmLoop loop) {
        this.loop = loop;
    }

    public boolean isDown() {
        return down;
    }

    /** Cuts the network: requests on their way fail, sockets close, nothing new gets through. */
    public void down() {
        down = true;
        for (Request r : List.copyOf(requests)) {
            r.lost();
        }
        for (Socket s : List.copyOf(sockets)) {
            s.lost();
        }
    }

    public void up() {
        down = false;
    }

    /** {@code inner} behind this network. */
    public Http http(Http inner) {
        return (request, callback) -> {
            Request r = new Request(callback);
            if (down) {
                loop.schedule(0, () -> r.lost());
                return () -> { };
            }
            requests.add(r);
            r.inner = inner.send(request, response -> r.answer(response));
            return () -> r.cancel();
        };
    }

    /** {@code inner} behind this network. */
    public WebSockets webSockets(WebSockets inner) {
        return (url, listener) -> {
            Socket s = new Socket(listener);
            if (down) {
                loop.schedule(0, () -> s.lost());
                return s;
            }
            sockets.add(s);
            s.inner = inner.open(url, s);
            return s;
        };
    }

    /** One request through this network: answered once, by the server or by a failure of the network. */
    private final class Request {
        private final Http.Callback callback;
        Cancellable inner;
        private boolean done;

        Request(Http.Callback callback) {
            this.callback = callback;
        }

        void answer(HttpResponse response) {
            requests.remove(this);
            if (!done) {
                done = true;
                callback.onResponse(response);
            }
        }

        void lost() {
            requests.remove(this);
            if (!done) {
                done = true;
                if (inner != null) {
                    inner.cancel();
                }
                loop.schedule(0, () -> callback.onResponse(new HttpResponse(0, "", "", false)));
            }
        }

        void cancel() {
            requests.remove(this);
            if (inner != null) {
                inner.cancel(); // its answer (status 0, on a later turn) comes through answer()
            }
        }
    }

    /** One socket through this network. */
    private final class Socket extends GatedListener implements WebSockets.Socket {
        WebSockets.Socket inner;
        private boolean closed;

        Socket(WebSockets.Listener listener) {
            super(listener);
        }

        @Override
        boolean shut() {
            return closed;
        }

        @Override
        void closing() {
            sockets.remove(this); // once closed, lost() has removed it already
            closed = true;
        }

        void lost() {
            sockets.remove(this);
            if (!closed) {
                closed = true;
                if (inner != null) {
                    inner.close(1000, "");
                }
                loop.schedule(0, () -> listener.onClose(1006, "network down"));
            }
        }

        @Override
        public void send(String text) {
            if (!closed && inner != null) {
                inner.send(text);
            }
        }

        @Override
        public void close(int code, String reason) {
            if (!closed && inner != null) {
                inner.close(code, reason);
            }
        }
    }
}
