package org.wcs.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 written by hand, for what {@code java.net.http} will not send: any {@code Host} header, a WebSocket
 * upgrade, a body that goes on and on. One request per connection.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    public final OutputStream out;

    /** An answer: status, headers (names in lower case) and body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
    }

    /** Sends a request line and headers ({@code "Name: value"} each); a body, if any, follows on {@link #out}. */
    public RawHttp head(String method, String target, String... headers) throws IOException {
        StringBuilder b = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        out.write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends {@code bytes} as one chunk of a chunked body. */
    public void chunk(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An answer to a streamed body, and how many body bytes had been sent when it came. */
    public record Streamed(Answer answer, long sent) {
    }

    /**
     * Sends {@code prefix} and then up to {@code maxBytes} more as a chunked body, from another thread, while this one
     * waits for the answer; stops sending when the answer comes or the server stops taking bytes. The body never
     * ends, so a server that reads it whole before answering never answers (the read times out).
     */
    public Streamed streamUntilAnswered(byte[] prefix, long maxBytes) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicBoolean answered = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            byte[] filler = new byte[64 * 1024];
            java.util.Arrays.fill(filler, (byte) 'x');
            try {
                chunk(prefix);
                while (!answered.get() && sent.get() < maxBytes) {
                    chunk(filler);
                    sent.addAndGet(filler.length);
                }
            } catch (IOException e) {
                // the server closed the connection: it wants no more
            }
        }, "raw-http-body");
        writer.setDaemon(true);
        writer.start();
        try {
            return new Streamed(answer(), sent.get());
        } finally {
            answered.set(true);
            socket.close();
            writer.join(5_000);
        }
    }

    /** Reads the answer: its head, then a body of its {@code Content-Length} (none when it has none). */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        String[] lines = new String(readHead(in), StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed before the answer's head ended: " + head);
            }
            head.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
