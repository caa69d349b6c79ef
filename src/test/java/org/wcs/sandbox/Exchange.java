package org.wcs.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Request and response helpers for emulators: bodies as forms, multipart or text; JSON answers with CORS. */
public final class Exchange {
    public final Request request;
    public final Response response;
    public final Callback callback;
    /** The path within the server, e.g. "/genesys/2/chat/customer-support/CHAT1/refresh". */
    public final String path;
    /**
     * The most a body may hold unless its route says otherwise: every body is read into memory, and no request but an
     * upload needs more than a few kilobytes.
     */
    public static final long BODY_LIMIT = 1024 * 1024;
    /** Room for the multipart boundaries, part headers and small fields around an uploaded file. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final int CHUNK = 16 * 1024;
    private byte[] body;
    private long bodyLimit = BODY_LIMIT;
    /** The answer is lost in transit ({@link #loseAnswer}). */
    private boolean lost;

    public Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.path = Request.getPathInContext(request);
    }

    public String method() {
        return request.getMethod();
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /**
     * Sets the most this request's body may hold ({@link #BODY_LIMIT} unless a route says otherwise); call it before
     * the body is read.
     */
    public Exchange limitBody(long maxBytes) {
        bodyLimit = maxBytes;
        return this;
    }

    /** Lets the body carry one file of up to {@code maxFileBytes}, with {@link #MULTIPART_OVERHEAD} around it. */
    public Exchange limitUpload(long maxFileBytes) {
        return limitBody(maxFileBytes + MULTIPART_OVERHEAD);
    }

    /**
     * The whole body. It is read in chunks, and reading stops at the first chunk past the limit: a body that says
     * or turns out to be too large is refused with {@link TooLarge} having cost at most the limit plus one chunk.
     */
    public byte[] bytes() throws Exception {
        if (body == null) {
            long declared = request.getLength();
            if (declared > bodyLimit) {
                throw new TooLarge(bodyLimit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK];
            try (var in = Content.Source.asInputStream(request)) {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    if (out.size() + (long) n > bodyLimit) {
                        throw new TooLarge(bodyLimit);
                    }
                    out.write(chunk, 0, n);
                }
            }
            body = out.toByteArray();
        }
        return body;
    }

    /** A body larger than its route accepts; nothing more of it is read. */
    public static final class TooLarge extends java.io.IOException {
        public TooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    public String text() throws Exception {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Fields of a urlencoded or multipart body, plus the query string; repeated keys keep every value in order.
     * Multipart file parts are returned by {@link #files()}.
     */
    public Map<String, List<String>> form() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null) {
            parseUrlEncoded(query, out);
        }
        String type = header("Content-Type");
        if (type != null && type.startsWith("multipart/form-data")) {
            for (Part p : multipart()) {
                if (p.fileName() == null) {
                    out.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(new String(p.bytes(),
                            StandardCharsets.UTF_8));
                }
            }
        } else if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parseUrlEncoded(text(), out);
        }
        return out;
    }

    /** The first value of a form field, or null. */
    public static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Uploaded files of a multipart body: field name, file name, content type and bytes. */
    public List<Upload> files() throws Exception {
        List<Upload> out = new ArrayList<>();
        String type = header("Content-Type");
        if (type != null && type.startsWith("multipart/form-data")) {
            for (Part p : multipart()) {
                if (p.fileName() != null) {
                    out.add(new Upload(p.name(), p.fileName(), p.contentType(), p.bytes()));
                }
            }
        }
        return out;
    }

    /** An uploaded file. */
    public record Upload(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** A part of a multipart body. */
    private record Part(String name, String fileName, String contentType, byte[] bytes) {
    }

    /** A plain multipart/form-data parser: enough for browsers' FormData and the JVM edge's bodies. */
    private List<Part> multipart() throws Exception {
        String type = header("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
        byte[] all = bytes();
        String latin = new String(all, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = latin.indexOf(boundary);
        while (at >= 0) {
            int headStart = at + boundary.length();
            if (latin.startsWith("--", headStart)) {
                break;
            }
            int headEnd = latin.indexOf("\r\n\r\n", headStart);
            int next = latin.indexOf("\r\n" + boundary, headEnd);
            if (headEnd < 0 || next < 0) {
                break;
            }
            String head = latin.substring(headStart, headEnd);
            byte[] content = java.util.Arrays.copyOfRange(all, headEnd + 4, next);
            String contentType = "application/octet-stream";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            parts.add(new Part(attribute(head, "name"), attribute(head, "filename"), contentType, content));
            at = next + 2;
        }
        return parts;
    }

    private static String attribute(String head, String key) {
        int i = head.indexOf("; " + key + "=\"");
        if (i < 0) {
            return null;
        }
        int start = i + key.length() + 4;
        return new String(head.substring(start, head.indexOf('"', start)).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
    }

    private static void parseUrlEncoded(String s, Map<String, List<String>> out) {
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    /**
     * Allows the page's origin (with credentials) and the headers the clients send, when the sandbox's {@link Access}
     * lets that origin read this path; otherwise adds nothing, and the browser keeps the answer from the page.
     * Returns whether it allowed.
     */
    public boolean cors() {
        Access access = Access.of(request);
        if (access == null || !access.corsAllowed(request)) {
            return false;
        }
        var h = response.getHeaders();
        h.put("Access-Control-Allow-Origin", header("Origin"));
        h.put("Access-Control-Allow-Credentials", "true");
        h.put("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        h.put("Access-Control-Allow-Headers", "apikey, authorization, content-type, x-api-key, x-requested-with");
        return true;
    }

    /** Answers a CORS preflight; returns true when this was one. */
    public boolean preflight() {
        if (!method().equals("OPTIONS")) {
            return false;
        }
        cors();
        response.setStatus(204);
        callback.succeeded();
        return true;
    }

    public void json(int status, String json) {
        send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request takes effect as usual, but its answer is lost in transit: its head and half its body go out, then
     * the connection breaks (the client sees a network failure, status 0). Closing before anything is written is not
     * a loss a browser sees: Chromium quietly sends the request again.
     */
    public Exchange loseAnswer() {
        lost = true;
        return this;
    }

    public void send(int status, String contentType, byte[] bytes) {
        if (lost) {
            cut(status, contentType, bytes);
            return;
        }
        cors();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Writes the head and half of {@code bytes}, then breaks the connection: an answer lost in transit. */
    public void cut(int status, String contentType, byte[] bytes) {
        cors();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length + 100L));
        response.write(false, ByteBuffer.wrap(bytes, 0, bytes.length / 2), Callback.from(() -> {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new java.io.IOException("answer cut by fault injection"));
        }, callback::failed));
    }

    /** Drops the connection without an answer (a network failure as the client sees it). */
    public void drop() {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new java.io.IOException("dropped by fault injection"));
    }
}
