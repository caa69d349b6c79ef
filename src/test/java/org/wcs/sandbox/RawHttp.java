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

/**
 * HTTP/1.1 written by hand, for what {@code java.net.http} will not send: any {@code Host} header, a WebSocket
 * upgrade. One request per connection.
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
