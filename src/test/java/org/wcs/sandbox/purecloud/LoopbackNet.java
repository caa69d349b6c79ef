package org.wcs.sandbox.purecloud;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wcs.jvm.JvmLoop;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.WebSockets;

/**
 * The emulator served in-process, on a test's {@link JvmLoop}: HTTP and WebSockets for {@code http://emulator.test}
 * and {@code ws://emulator.test} with no network. The server runs on the loop's virtual clock too (heartbeats, close
 * grace, timestamps), so a test can move time to the exact millisecond and see both sides react. Everything a side
 * sends arrives on a later turn of the loop, in order, as over a real connection. Each page gets its own
 * {@link Client}; unloading it closes its sockets and silences it, as leaving a page does.
 */
public final class LoopbackNet {
    public static final String HTTP = "http://emulator.test";
    public static final String WS = "ws://emulator.test";

    private final JvmLoop loop;
    public final GuestChatServer server;

    public LoopbackNet(JvmLoop loop) {
        this.loop = loop;
        this.server = new GuestChatServer(loop, WS);
    }

    public Client client() {
        return new Client();
    }

    /** One page's network: its requests, its sockets. */
    public final class Client implements Http, WebSockets {
        /** Requests as the page sent them. */
        public final List<HttpRequest> sent = new ArrayList<>();
        /** Virtual time of each socket the page opened. */
        public final List<Long> opens = new ArrayList<>();
        /** More sockets than this fails the test at once (a reconnect loop that never yields to the clock). */
        public int openLimit = 1000;
        private final List<Pipe> pipes = new ArrayList<>();
        private boolean unloaded;

        @Override
        public Cancellable send(HttpRequest r, Callback callback) {
            sent.add(r);
            boolean[] finished = {unloaded};
            Consumer<HttpResponse> finish = resp -> {
                if (!finished[0] && !unloaded) {
                    finished[0] = true;
                    callback.onResponse(resp);
                }
            };
            if (unloaded) {
                return () -> { };
            }
            if (!r.url.startsWith(HTTP + "/")) {
                loop.schedule(0, () -> finish.accept(new HttpResponse(0, "", "", false)));
                return () -> { };
            }
            String rest = r.url.substring(HTTP.length());
            int q = rest.indexOf('?');
            GuestChatServer.Answer a = server.handle(new GuestChatServer.Request(r.method,
                    q < 0 ? rest : rest.substring(0, q), q < 0 ? null : rest.substring(q + 1),
                    r.header("Authorization"), r.header("Content-Type"), r.body));
            if (r.timeoutMs > 0) {
                loop.schedule(r.timeoutMs, () -> finish.accept(new HttpResponse(0, "", "", true)));
            }
            HttpResponse resp = a.drop ? new HttpResponse(0, "", "", false)
                    : new HttpResponse(a.status, a.body, a.body == null ? "" : "application/json", false,
                            a.headers.get("Retry-After"));
            loop.schedule(a.delayMs, () -> finish.accept(resp));
            return () -> loop.schedule(0, () -> finish.accept(new HttpResponse(0, "", "", false)));
        }

        @Override
        public Socket open(String url, WebSockets.Listener listener) {
            opens.add((long) loop.now());
            if (opens.size() > openLimit) {
                throw new AssertionError("more than " + openLimit + " sockets");
            }
            Pipe pipe = new Pipe(listener);
            if (unloaded) {
                return pipe.clientEnd;
            }
            pipes.add(pipe);
            loop.schedule(0, () -> {
                if (pipe.closed) {
                    return;
                }
                String path = url.startsWith(WS) ? url.substring(WS.length()) : "";
                if (!server.accepts(path)) {
                    pipe.closed(1006, "refused");
                    return;
                }
                pipe.handle = server.attach(path, pipe.serverEnd);
                listener.onOpen();
            });
            return pipe.clientEnd;
        }

        /** The page goes away: its sockets close (the server sees them go), and it hears nothing more. */
        public void unload() {
            unloaded = true;
            for (Pipe p : pipes) {
                p.closed = true;
                server.detach(p.handle);
            }
        }
    }

    /** One connection: the server's end and the client's end. */
    private final class Pipe {
        final WebSockets.Listener listener;
        Object handle;
        boolean closed;

        Pipe(WebSockets.Listener listener) {
            this.listener = listener;
        }

        void closed(int code, String reason) {
            if (!closed) {
                closed = true;
                listener.onClose(code, reason);
            }
        }

        final GuestChatServer.Peer serverEnd = new GuestChatServer.Peer() {
            @Override
            public void send(String text) {
                loop.schedule(0, () -> {
                    if (!closed) {
                        listener.onMessage(text);
                    }
                });
            }

            @Override
            public void close(int code, String reason) {
                loop.schedule(0, () -> closed(code, reason));
            }

            @Override
            public void drop() {
                loop.schedule(0, () -> closed(1006, "dropped"));
            }
        };

        final WebSockets.Socket clientEnd = new WebSockets.Socket() {
            @Override
            public void send(String text) {
                loop.schedule(0, () -> {
                    if (!closed && handle != null) {
                        server.text(handle, text);
                    }
                });
            }

            @Override
            public void close(int code, String reason) {
                loop.schedule(0, () -> {
                    server.detach(handle);
                    closed(code, reason);
                });
            }
        };
    }
}
