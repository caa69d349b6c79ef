package org.wcs.jvm;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.value.Value;

/**
 * {@link Http} over java.net.http, for JVM tests against real servers on loopback. Completions are posted to the
 * {@link JvmLoop}; the timeout is a loop timer, so it behaves like XMLHttpRequest's on the virtual clock. Multipart
 * parts whose value is an object are files: {@code {name, type, content}}. A binary read gives one char per byte.
 */
public final class JvmHttp implements Http {
    private static final List<String> RESTRICTED = List.of("connection", "content-length", "host", "upgrade");

    private final JvmLoop loop;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every request sent, in order, for assertions. */
    public final List<HttpRequest> sent = Collections.synchronizedList(new ArrayList<>());
    /** Every answer delivered to the page (none for a request timed out or cancelled), in the order delivered. */
    public final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

    /** A request and the answer the page got for it. */
    public record Answer(HttpRequest request, HttpResponse response) {
    }

    public JvmHttp(JvmLoop loop) {
        this.loop = loop;
    }

    @Override
    public Cancellable send(HttpRequest r, Callback callback) {
        sent.add(r);
        AtomicBoolean finished = new AtomicBoolean();
        java.net.http.HttpRequest.Builder b;
        try {
            b = java.net.http.HttpRequest.newBuilder(URI.create(r.url));
        } catch (IllegalArgumentException e) {
            loop.schedule(0, () -> callback.onResponse(new HttpResponse(0, "", "", false)));
            return () -> { };
        }
        for (int i = 0; i < r.headers.size(); i += 2) {
            if (!RESTRICTED.contains(r.headers.get(i).toLowerCase())) {
                b.header(r.headers.get(i), r.headers.get(i + 1));
            }
        }
        if (r.parts != null) {
            String boundary = "----wcsjvm" + System.nanoTime();
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(r.method, BodyPublishers.ofByteArray(multipart(r.parts, boundary)));
        } else {
            b.method(r.method, r.body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(r.body));
        }
        loop.beginIo();
        var future = client.sendAsync(b.build(), BodyHandlers.ofByteArray());
        var timer = r.timeoutMs > 0 ? loop.schedule(r.timeoutMs, () -> {
            if (finished.compareAndSet(false, true)) {
                callback.onResponse(new HttpResponse(0, "", "", true));
            }
        }) : null;
        future.whenComplete((resp, error) -> loop.complete(() -> {
            if (timer != null) {
                timer.cancel();
            }
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            HttpResponse answer = error != null ? new HttpResponse(0, "", "", false)
                    : new HttpResponse(resp.statusCode(), new String(resp.body(), r.binary
                            ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8),
                            resp.headers().firstValue("Content-Type").orElse(""), false,
                            resp.headers().firstValue("Retry-After").orElse(null));
            answers.add(new Answer(r, answer));
            callback.onResponse(answer);
        }));
        return () -> {
            if (finished.compareAndSet(false, true)) {
                future.cancel(true);
                loop.schedule(0, () -> callback.onResponse(new HttpResponse(0, "", "", false)));
            }
        };
    }

    private static byte[] multipart(org.wcs.util.Arr<Object> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i += 2) {
            String name = (String) parts.get(i);
            Value v = (Value) parts.get(i + 1);
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append('"');
            String content;
            if (v.isObject()) {
                head.append("; filename=\"").append(v.get("name").str("blob")).append("\"\r\n")
                        .append("Content-Type: ").append(v.get("type").str("application/octet-stream"));
                content = v.get("content").str("");
            } else {
                content = v.str("");
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
