package org.wcs.sandbox.purecloud;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Emulator;
import org.wcs.sandbox.Exchange;
import org.wcs.sandbox.Sandbox;

/**
 * The Genesys Cloud guest chat emulator on the sandbox: {@code /api/v2/webchat/guest/...} over HTTP (with CORS for
 * pages on the origins the sandbox allows) and the event streams at {@code /channels/<id>} over WebSocket, all
 * answered by one {@link GuestChatServer} on wall-clock time. Tests reach it with
 * {@code sandbox.emulator(PureCloudEmulator.class)} and script or break it through {@link #server}.
 */
public final class PureCloudEmulator implements Emulator {
    /** The API and its state; set when the sandbox starts. */
    public GuestChatServer server;
    private RealTime time;
    private final PureCloudDesk desk = new PureCloudDesk(this);

    // The agent side (AgentDesk), for the scripted agent and the console.

    @Override
    public AgentDesk desk() {
        return desk;
    }

    /** Where event streams are, as the server knows it: answers offer them on the host the request named. */
    String wsBase;

    @Override
    public void install(Sandbox sandbox) {
        time = new RealTime();
        wsBase = "ws://127.0.0.1:" + sandbox.port();
        server = new GuestChatServer(time, wsBase);
        sandbox.route(new Rest(this));
        sandbox.webSocket(Wire.CHANNELS + "*", (request, response, callback) -> {
            String path = Request.getPathInContext(request);
            if (!server.accepts(path)) {
                Response.writeError(request, response, callback, 503, "event stream refused");
                return null;
            }
            // Subscribed before the handshake answer leaves, as a real server is: an event that happens between the
            // client seeing its socket open and Jetty calling onWebSocketOpen is kept for the socket, not lost.
            Channel channel = new Channel(server);
            channel.handle = server.attach(path, channel);
            return channel;
        });
    }

    /** The REST side: every request through {@link GuestChatServer#handle}, answered now or after its delay. */
    static final class Rest extends Handler.Abstract {
        private final PureCloudEmulator emulator;

        Rest(PureCloudEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Exchange ex = new Exchange(request, response, callback);
            if (!ex.path.startsWith("/api/v2/webchat/")) {
                return false;
            }
            if (ex.method().equals("OPTIONS")) {
                if (ex.cors()) {
                    response.getHeaders().put("Access-Control-Allow-Methods", "GET, POST, DELETE, PATCH, OPTIONS");
                    response.getHeaders().put("Access-Control-Max-Age", "600");
                }
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
            GuestChatServer.Answer a = emulator.server.handle(new GuestChatServer.Request(ex.method(), ex.path,
                    request.getHttpURI().getQuery(), ex.header("Authorization"), ex.header("Content-Type"),
                    ex.text()));
            if (a.drop) {
                ex.drop();
                return true;
            }
            if (a.lost) {
                ex.loseAnswer();
            }
            // The event stream is offered on the host the page asked for, as a real deployment's own host would be
            // (a page under a strict connect-src 'self' may open no other).
            String host = ex.header("Host");
            String body = a.body == null || host == null ? a.body : a.body.replace(emulator.wsBase, "ws://" + host);
            Runnable answer = () -> write(ex, a, body);
            if (a.delayMs > 0) {
                emulator.time.schedule(a.delayMs, answer);
            } else {
                answer.run();
            }
            return true;
        }

        private static void write(Exchange ex, GuestChatServer.Answer a, String body) {
            for (Map.Entry<String, String> h : a.headers.entrySet()) {
                ex.response.getHeaders().put(h.getKey(), h.getValue());
            }
            ex.response.getHeaders().put("Access-Control-Expose-Headers", "Retry-After, inin-correlation-id");
            ex.response.getHeaders().put(HttpHeader.PRAGMA, "no-cache");
            if (body == null) {
                ex.cors();
                ex.response.setStatus(a.status);
                ex.callback.succeeded();
            } else {
                ex.send(a.status, "application/json", body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** One event-stream socket (Jetty calls endpoint methods through method handles: the class must be public). */
    public static final class Channel extends Session.Listener.AbstractAutoDemanding implements GuestChatServer.Peer {
        private final GuestChatServer server;
        private Object handle;
        /** What was sent (or done) to the socket before Jetty opened it, in order; null once open. */
        private java.util.List<Runnable> early = new java.util.ArrayList<>();

        Channel(GuestChatServer server) {
            this.server = server;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            java.util.List<Runnable> before;
            synchronized (this) {
                before = early;
                early = null;
            }
            before.forEach(Runnable::run);
        }

        /** Runs {@code action} now if the socket is open, else when it opens. */
        private void whenOpen(Runnable action) {
            synchronized (this) {
                if (early != null) {
                    early.add(action);
                    return;
                }
            }
            action.run();
        }

        @Override
        public void onWebSocketText(String message) {
            server.text(handle, message);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            server.detach(handle);
        }

        @Override
        public void send(String text) {
            whenOpen(() -> {
                Session s = getSession();
                if (s != null && s.isOpen()) {
                    s.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
                }
            });
        }

        @Override
        public void close(int code, String reason) {
            whenOpen(() -> {
                Session s = getSession();
                if (s != null) {
                    s.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
                }
            });
        }

        @Override
        public void drop() {
            whenOpen(() -> {
                Session s = getSession();
                if (s != null) {
                    s.disconnect();
                }
            });
        }
    }
}
