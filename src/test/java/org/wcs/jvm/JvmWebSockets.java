package org.wcs.jvm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wcs.platform.WebSockets;

/** {@link WebSockets} over java.net.http; every listener call is posted to the {@link JvmLoop}. */
public final class JvmWebSockets implements WebSockets {
    private final JvmLoop loop;
    private final HttpClient client = HttpClient.newHttpClient();

    public JvmWebSockets(JvmLoop loop) {
        this.loop = loop;
    }

    @Override
    public Socket open(String url, Listener l) {
        AtomicBoolean closed = new AtomicBoolean();
        Runnable[] close = new Runnable[1];
        WebSocket[] socket = new WebSocket[1];
        StringBuilder partial = new StringBuilder();
        loop.beginIo();
        client.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket ws) {
                // Posted before the first frame can be (request(1) lets frames in): a browser never delivers a
                // message before its open event, and neither may this edge.
                loop.post(() -> {
                    socket[0] = ws;
                    if (!closed.get()) {
                        l.onOpen();
                    }
                });
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    loop.post(() -> {
                        if (!closed.get()) {
                            l.onMessage(text);
                        }
                    });
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                finish(code, reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                finish(1006, String.valueOf(error.getMessage()));
            }

            private void finish(int code, String reason) {
                loop.complete(() -> {
                    if (closed.compareAndSet(false, true)) {
                        l.onClose(code, reason);
                    }
                });
            }
        }).whenComplete((ws, error) -> {
            if (error != null) {
                loop.complete(() -> {
                    if (closed.compareAndSet(false, true)) {
                        l.onClose(1006, "connection failed: " + (error.getCause() instanceof java.net.http.WebSocketHandshakeException h ? "HTTP " + h.getResponse().statusCode() + " " + String.valueOf(h.getResponse().body()).replaceAll("\\s+", " ") : error));
                    }
                });
            }
        });
        close[0] = () -> {
            if (socket[0] != null) {
                socket[0].sendClose(1000, "").exceptionally(e -> null);
            }
        };
        return new Socket() {
            @Override
            public void send(String text) {
                if (socket[0] != null && !closed.get()) {
                    socket[0].sendText(text, true);
                }
            }

            @Override
            public void close(int code, String reason) {
                if (socket[0] != null && !closed.get()) {
                    socket[0].sendClose(code, reason).exceptionally(e -> {
                        socket[0].abort();
                        return null;
                    });
                }
            }
        };
    }
}
