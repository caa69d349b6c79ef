package org.wcs.jvm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.wcs.platform.WebSockets;

/**
 * {@link WebSockets} over java.net.http; every listener call is posted to the {@link JvmLoop}. As in a browser, a
 * socket closed by the page hears no more messages, and one closed while it was still connecting is given up (it
 * never opens, and its close follows).
 */
public final class JvmWebSockets implements WebSockets {
    private final JvmLoop loop;
    private final HttpClient client = HttpClient.newHttpClient();

    public JvmWebSockets(JvmLoop loop) {
        this.loop = loop;
    }

    @Override
    public Socket open(String url, Listener l) {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicReference<WebSocket> opened = new AtomicReference<>();
        WebSocket[] socket = new WebSocket[1];
        StringBuilder partial = new StringBuilder();
        // The close the page hears, once (the I/O count was taken once), from any thread.
        BiConsumer<Integer, String> finish = (code, reason) -> {
            if (finished.compareAndSet(false, true)) {
                loop.complete(() -> {
                    if (closed.compareAndSet(false, true)) {
                        l.onClose(code, reason);
                    }
                });
            }
        };
        loop.beginIo();
        client.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.set(ws);
                if (closing.get()) { // the page closed it while it was connecting
                    ws.abort();
                    finish.accept(1006, "closed before it opened");
                    return;
                }
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
                        if (!closed.get() && !closing.get()) {
                            l.onMessage(text);
                        }
                    });
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                finish.accept(code, reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                finish.accept(1006, String.valueOf(error.getMessage()));
            }
        }).whenComplete((ws, error) -> {
            if (error != null) {
                finish.accept(1006, "connection failed: " + (error.getCause()
                        instanceof java.net.http.WebSocketHandshakeException h ? "HTTP " + h.getResponse().statusCode()
                        + " " + String.valueOf(h.getResponse().body()).replaceAll("\\s+", " ") : error));
            }
        });
        return new Socket() {
            @Override
            public void send(String text) {
                if (socket[0] != null && !closed.get() && !closing.get()) {
                    socket[0].sendText(text, true);
                }
            }

            @Override
            public void close(int code, String reason) {
                if (closed.get() || !closing.compareAndSet(false, true)) {
                    return;
                }
                WebSocket ws = opened.get();
                if (ws != null) { // else it is given up when it opens (see onOpen)
                    ws.sendClose(code, reason).exceptionally(e -> {
                        ws.abort();
                        return null;
                    });
                }
            }
        };
    }
}
