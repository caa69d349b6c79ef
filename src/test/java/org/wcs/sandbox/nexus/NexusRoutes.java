package org.wcs.sandbox.nexus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wcs.sandbox.Exchange;

/**
 * The Nexus chat endpoints of spec 4 for the emulator, routed by path under {@link NexusEmulator#BASE}. Every answer
 * is JSON: {@code {status:{code:0}, data}} on success, {@code {status:{code:"<CODE>", message}}} on failure.
 */
final class NexusRoutes extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "x-nexus-client-key";
    /** The refusal of an image over the size limit, whether found while reading the body or after. */
    static final String LIMIT_FILE_SIZE = "LIMIT_FILE_SIZE";
    static final String FILE_TOO_LARGE = "File too large";

    private final NexusEmulator emulator;

    NexusRoutes(NexusEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals(NexusEmulator.BASE) && !path.startsWith(NexusEmulator.BASE + "/")) {
            return false;
        }
        Exchange ex = new Exchange(request, response, callback);
        if (ex.method().equals("OPTIONS")) {
            preflight(ex);
            return true;
        }
        String[] parts = path.substring(NexusEmulator.BASE.length()).split("/");
        String route = route(ex.method(), parts, ex.header(KEY) != null);
        if ("upload".equals(route)) {
            ex.limitUpload(emulator.maxImageBytes);
        }
        Map<String, Object> body;
        try {
            body = body(ex);
        } catch (Exchange.TooLarge e) { // refused while it is read, so before the checks that follow
            emulator.record(received(ex, Map.of()));
            error(ex, 400, LIMIT_FILE_SIZE, FILE_TOO_LARGE);
            return true;
        }
        emulator.record(received(ex, body));
        Fault fault = route == null ? null : emulator.takeFault(route);
        if (fault != null && fault.lost()) {
            ex = new Exchange(request, new LostAnswer(response), callback);
            fault = null;
        }
        Fault shape = fault != null && fault.shapesOnly() ? fault : null;
        fault = shape != null ? null : fault;
        if (fault != null) {
            if (fault.delayMs() > 0) {
                Thread.sleep(fault.delayMs());
            } else if (fault.dropped()) {
                ex.drop();
                return true;
            } else if (fault.garbled()) {
                ex.send(200, "application/json", "{\"status\":{\"code\":0},\"data\":".getBytes(StandardCharsets.UTF_8));
                return true;
            } else {
                if (fault.retryAfter() > 0) {
                    ex.response.getHeaders().put("Retry-After", Integer.toString(fault.retryAfter()));
                    ex.response.getHeaders().put("Access-Control-Expose-Headers", "Retry-After");
                }
                error(ex, fault.status(), fault.code(), fault.message());
                return true;
            }
        }
        if (!emulator.apiKeys.contains(ex.header("x-api-key"))) {
            error(ex, 401, "INVALID_CONTACT_CENTER", "Invalid x-api-key");
            return true;
        }
        if (route == null) {
            error(ex, 404, "NOT_FOUND", "No such resource");
            return true;
        }
        switch (route) {
            case "create", "resume" -> createOrResume(ex, data(body));
            default -> session(ex, route, parts, body, shape);
        }
        return true;
    }

    /** A response whose body is never sent: the connection is closed instead, after the request took effect. */
    private static final class LostAnswer extends Response.Wrapper {
        LostAnswer(Response response) {
            super(response.getRequest(), response);
        }

        @Override
        public void write(boolean last, java.nio.ByteBuffer content, Callback callback) {
            getRequest().getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new java.io.IOException("answer lost by fault injection"));
        }
    }

    /** The fault-injection route of a request: {@code /}, {@code /{sid}/messages}, ... (see ROUTES). */
    private static String route(String method, String[] parts, boolean hasKey) {
        int n = parts.length;
        if (n <= 1) {
            return method.equals("POST") ? hasKey ? "resume" : "create" : null;
        }
        String what = n > 2 ? parts[2] : "";
        return switch (method + " " + what + " " + n) {
            case "POST messages 3" -> "send";
            case "GET messages 3" -> "read";
            case "PUT userdata 3" -> "userdata";
            case "POST images 3" -> "upload";
            case "GET images 4" -> "image";
            case "DELETE participants 4" -> "delete";
            default -> null;
        };
    }

    private static NexusEmulator.Received received(Exchange ex, Map<String, Object> body) {
        return new NexusEmulator.Received(ex.method(), ex.path, ex.request.getHttpURI().getQuery(),
                headers(ex.request), body, ex.header("Content-Type"));
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.put(f.getName().toLowerCase(), f.getValue());
        }
        return out;
    }

    /** Form (bracket notation), multipart fields or JSON, plus the query string: one nested map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Exchange ex) throws Exception {
        String type = ex.header("Content-Type");
        Map<String, Object> parsed = BracketForm.parse(ex.form());
        if (type != null && type.startsWith("application/json")) {
            String text = ex.text();
            if (!text.isBlank()) {
                parsed.putAll(JSON.readValue(text, Map.class));
            }
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> body) {
        Object d = body.get("data");
        return d instanceof Map ? (Map<String, Object>) d : new LinkedHashMap<>();
    }

    // ---- create and resume (spec 4.1, 4.2) -----------------------------------------------------------------------

    private void createOrResume(Exchange ex, Map<String, Object> data) {
        String key = ex.header(KEY);
        boolean named = data.get("nickname") instanceof String && !((String) data.get("nickname")).isBlank();
        if (key != null) {
            Map<String, Object> claims = emulator.tokens.verify(key);
            NexusSession s = claims == null ? null : emulator.session(String.valueOf(claims.get("sessionId")));
            if (s != null && !s.closed()) {
                if (!s.customerId.equals(claims.get("participantId"))) {
                    error(ex, 401, "AUTHENTICATION_REQUIRED", "The client key does not belong to this session");
                    return;
                }
                ok(ex, 200, created(s), null);
                return;
            }
            if (!(named && emulator.createOnStaleKey)) {
                if (claims == null) {
                    error(ex, 401, "AUTHENTICATION_REQUIRED", "Invalid client key");
                } else {
                    error(ex, 404, "INVALID_SESSION", "Session not found");
                }
                return;
            }
        }
        if (!emulator.endpoints.contains(data.get("endpoint"))) {
            error(ex, 400, "INVALID_ENDPOINT", "Unknown endpoint");
            return;
        }
        if (!named) {
            error(ex, 400, "INVALID_NICKNAME", "First Name is required.");
            return;
        }
        NexusSession s = new NexusSession(emulator, emulator.uuid(), emulator.uuid(), emulator.uuid(),
                (String) data.get("nickname"), data);
        if (data.get("userData") instanceof Map<?, ?> userData) {
            userData.forEach((k, v) -> s.userData.put(String.valueOf(k), v));
        }
        emulator.sessions.put(s.id, s);
        s.append("ParticipantJoined", s.customer(), null);
        ok(ex, 200, created(s), null);
    }

    private Map<String, Object> created(NexusSession s) {
        String token = emulator.tokens.issue(s.id, s.transportId, s.customerId, emulator.random());
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", s.id);
        entity.put("selfUri", NexusEmulator.BASE + "/" + s.id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientToken", token);
        out.put("entity", entity);
        return out;
    }

    // ---- per-session calls ----------------------------------------------------------------------------------------

    private void session(Exchange ex, String route, String[] parts, Map<String, Object> body, Fault shape)
            throws Exception {
        String sid = parts[1];
        Map<String, Object> claims = emulator.tokens.verify(ex.header(KEY));
        if (claims == null) {
            error(ex, 401, "AUTHENTICATION_REQUIRED", "A valid client key is required");
            return;
        }
        if (!sid.equals(claims.get("sessionId"))) {
            error(ex, 401, "AUTHENTICATION_REQUIRED", "The client key is for another session");
            return;
        }
        NexusSession s = emulator.session(sid);
        if (s == null || s.closed() && !route.equals("read") && !route.equals("send")) {
            error(ex, 404, "INVALID_SESSION", "Session not found");
            return;
        }
        String pid = String.valueOf(claims.get("participantId"));
        switch (route) {
            case "send" -> send(ex, s, data(body));
            case "read" -> read(ex, s, pid, body, shape);
            case "userdata" -> {
                s.userData.putAll(data(body));
                ok(ex, 200, Map.of(), null);
            }
            case "upload" -> upload(ex, s);
            case "image" -> image(ex, s, parts[3]);
            default -> { // delete
                if (!parts[3].equals(pid)) {
                    error(ex, 403, "FORBIDDEN", "Not your participant");
                    return;
                }
                s.append("ParticipantLeft", s.customer(), null);
                s.close();
                ok(ex, 200, Map.of(), null);
            }
        }
    }

    private void send(Exchange ex, NexusSession s, Map<String, Object> data) {
        if (s.closed()) {
            ok(ex, 200, Map.of(), Boolean.TRUE);
            return;
        }
        String type = String.valueOf(data.get("type"));
        String text = data.get("text") instanceof String ? (String) data.get("text") : "";
        switch (type) {
            case "TypingStarted" -> s.customerTyping(true, text);
            case "TypingStopped" -> s.customerTyping(false, text);
            default -> {
                s.append(type, s.customer(), text);
                var reply = emulator.autoReply;
                if (reply != null && type.equals("Text") && reply.apply(text) != null) {
                    NexusSession.Agent agent = s.agent("Sandbox Agent");
                    if (s.messages().stream().noneMatch(m -> agent.participantId().equals(
                            ((Map<?, ?>) m.get("from")).get("participantId")))) {
                        agent.joins();
                    }
                    agent.says(reply.apply(text));
                }
            }
        }
        ok(ex, 200, Map.of(), null);
    }

    /** The four read variants of spec 4.4. */
    private void read(Exchange ex, NexusSession s, String pid, Map<String, Object> query, Fault shape)
            throws Exception {
        Object index = query.get("index");
        Object count = query.get("count");
        List<Map<String, Object>> page;
        if (count instanceof String c) {
            int n = Math.max(1, Integer.parseInt(c));
            page = index instanceof String i ? s.before(i, n) : s.latest(pid, n);
            if (page == null) {
                error(ex, 400, "INVALID_INDEX", "Unknown message index");
                return;
            }
        } else if (index instanceof String i) {
            if (emulator.longPollMs > 0) {
                s.awaitAfter(i, emulator.longPollMs);
            }
            page = s.after(pid, i);
        } else {
            if (emulator.longPollMs > 0) {
                s.awaitNews(pid, emulator.longPollMs);
            }
            page = s.undelivered(pid);
        }
        if (shape != null && page != null) {
            List<Map<String, Object>> shaped = new java.util.ArrayList<>();
            for (Map<String, Object> m : page) {
                shaped.add(m);
                shaped.add(m); // the only reshaping: each message twice
            }
            page = shaped;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chatEnded", s.closed());
        data.put("messages", page);
        ok(ex, 200, data, null);
    }

    private void upload(Exchange ex, NexusSession s) throws Exception {
        Exchange.Upload file = null;
        for (Exchange.Upload u : ex.files()) {
            if (u.field().equals("file")) {
                file = u;
            }
        }
        if (file == null || !file.contentType().startsWith(emulator.allowedImageTypes)) {
            error(ex, 400, "INVALID_FILE_TYPE", "Only Images are allowed");
        } else if (file.bytes().length > emulator.maxImageBytes) {
            error(ex, 400, LIMIT_FILE_SIZE, FILE_TOO_LARGE);
        } else if (s.imageCount() >= emulator.maxImages) {
            error(ex, 400, "LIMIT_FILE_COUNT", "Too many files");
        } else {
            Map<String, Object> part = s.imagePart(file.contentType(), file.bytes());
            s.append("Text", s.customer(), "", "content", List.of(part));
            ok(ex, 200, part, null);
        }
    }

    private void image(Exchange ex, NexusSession s, String imageId) {
        NexusSession.Image image = s.image(imageId);
        if (image == null) {
            error(ex, 404, "NOT_FOUND", "No such image");
        } else {
            ex.send(200, image.mime(), image.bytes());
        }
    }

    // ---- answers --------------------------------------------------------------------------------------------------

    /** Allows an origin the sandbox allows, the methods of the API and whatever headers the browser asks for. */
    private static void preflight(Exchange ex) {
        if (ex.cors()) {
            String asked = ex.header("Access-Control-Request-Headers");
            ex.response.getHeaders().put("Access-Control-Allow-Headers",
                    asked != null ? asked : "x-api-key, x-nexus-client-key, content-type");
        }
        ex.response.setStatus(204);
        ex.callback.succeeded();
    }

    private static void ok(Exchange ex, int status, Map<String, ?> data, Boolean chatEnded) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", Map.of("code", 0));
        out.put("data", data);
        if (chatEnded != null) {
            out.put("chatEnded", chatEnded);
        }
        json(ex, status, out);
    }

    private static void error(Exchange ex, int status, String code, String message) {
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("code", code);
        st.put("message", message);
        json(ex, status, Map.of("status", st));
    }

    private static void json(Exchange ex, int status, Object value) {
        try {
            ex.json(status, JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
