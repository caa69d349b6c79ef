package org.wcs.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
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
    private byte[] body;

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

    public byte[] bytes() throws Exception {
        if (body == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var in = Content.Source.asInputStream(request)) {
                in.transferTo(out);
            }
            body = out.toByteArray();
        }
        return body;
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
            for (Upload p : multipart()) {
                if (p.fileName() == null) {
                    out.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(new String(p.bytes(),
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
            for (Upload p : multipart()) {
                if (p.fileName() != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** An uploaded file. */
    public record Upload(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** Every part, read while the parts are open (closing them releases their content). */
    private List<Upload> multipart() throws Exception {
        String boundary = MultiPart.extractBoundary(header("Content-Type"));
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxMemoryFileSize(Long.MAX_VALUE); // keep uploaded files in memory: there is no files directory
        List<Upload> parts = new ArrayList<>();
        try (MultiPartFormData.Parts all = parser.parse(new org.eclipse.jetty.io.content.ByteBufferContentSource(
                ByteBuffer.wrap(bytes()))).get()) {
            for (MultiPart.Part p : all) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                try (var in = Content.Source.asInputStream(p.getContentSource())) {
                    in.transferTo(content);
                }
                HttpField ct = p.getHeaders().getField(HttpHeader.CONTENT_TYPE);
                parts.add(new Upload(p.getName(), p.getFileName(), ct == null ? "application/octet-stream"
                        : ct.getValue(), content.toByteArray()));
            }
        }
        return parts;
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

    /** Allows the page's origin (with credentials) and the headers the clients send. */
    public void cors() {
        String origin = header("Origin");
        var h = response.getHeaders();
        h.put("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        h.put("Access-Control-Allow-Credentials", "true");
        h.put("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        h.put("Access-Control-Allow-Headers", "apikey, authorization, content-type, x-api-key, x-requested-with");
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

    public void send(int status, String contentType, byte[] bytes) {
        cors();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Drops the connection without an answer (a network failure as the client sees it). */
    public void drop() {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new java.io.IOException("dropped by fault injection"));
    }
}
