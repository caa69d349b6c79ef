package org.wcs.sandbox.pureconnect;

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
 * The HTTP side of the PureConnect emulator (spec pureconnect-v4 §15.1, §15.3, §15.4): ICWS web chat, proxy style
 * ({@code /icws-proxy/<host>/icws/web-chat/...}) or direct ({@code /icws/web-chat/...}, host "localhost"), and the
 * chatbots connector ({@code /pureconnect-bots/api/v1/start/...}, its doubled prefix included). Success bodies are
 * JSON or 204, never an empty 200; error bodies are {@code {errorId, message}} plus {@code status} unless switched off.
 */
final class IcwsRoutes extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICWS = "/icws/web-chat/";
    private final PureConnectEmulator emulator;

    IcwsRoutes(PureConnectEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String host;
        String rest;
        boolean bots = false;
        if (path.startsWith(PureConnectEmulator.PROXY + "/")) {
            String tail = path.substring(PureConnectEmulator.PROXY.length() + 1);
            int slash = tail.indexOf('/');
            if (slash < 0) {
                return false;
            }
            host = tail.substring(0, slash).toLowerCase();
            rest = tail.substring(slash);
        } else if (path.startsWith(ICWS)) {
            host = "localhost";
            rest = path;
        } else if (path.startsWith(PureConnectEmulator.BOTS_REST)) {
            bots = true;
            host = null;
            rest = path.substring(PureConnectEmulator.BOTS_REST.length());
        } else {
            return false;
        }
        if (!bots && !rest.startsWith(ICWS)) {
            return false;
        }
        Exchange ex = new Exchange(request, response, callback);
        if (ex.method().equals("OPTIONS")) {
            if (ex.cors()) {
                String asked = ex.header("Access-Control-Request-Headers");
                response.getHeaders().put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                response.getHeaders().put("Access-Control-Allow-Headers", asked == null ? "content-type" : asked);
            }
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
        String body = ex.text();
        String[] parts;
        String route;
        if (bots) {
            // "/api/v1/<verb>/<host>[/<sid>]" (after the doubled prefix), or "<host>/<sid>" for the history
            String t = rest;
            while (t.startsWith("/")) {
                t = t.substring(1);
            }
            String[] p = t.split("/");
            if (p.length >= 4 && p[0].equals("api") && p[1].equals("v1")) {
                route = "bots-" + p[2];
                host = p[3].toLowerCase();
                parts = new String[] {route, p.length > 4 ? p[4] : null};
            } else if (p.length == 2) {
                route = "bots-history";
                host = p[0].toLowerCase();
                parts = new String[] {route, p[1]};
            } else {
                route = null;
                parts = new String[] {null, null};
            }
        } else {
            String[] p = rest.substring(ICWS.length()).split("/");
            route = p[0];
            parts = new String[] {route, p.length > 1 ? p[1] : null};
        }
        emulator.record(new PureConnectEmulator.Received(ex.method(), path, host, headers(request), body));
        Fault fault = route == null ? null : emulator.takeFault(route);
        if (fault != null && fault.lost()) {
            ex.loseAnswer();
            fault = null;
        }
        if (fault != null) {
            if (fault.delayMs() > 0) {
                Thread.sleep(fault.delayMs());
            } else if (fault.dropped()) {
                ex.drop();
                return true;
            } else if (fault.rawBody() != null) {
                ex.json(fault.status(), fault.rawBody());
                return true;
            } else if (fault.garbled()) {
                ex.send(200, "text/html", "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8));
                return true;
            } else if (fault.emptyOk()) {
                ex.send(200, "application/json", new byte[0]);
                return true;
            } else {
                error(ex, fault.status(), fault.errorId(), fault.statusField() && emulator.statusInErrors,
                        fault.alternates());
                return true;
            }
        }
        List<String> alternates = emulator.downed(host);
        if (alternates != null) {
            error(ex, 503, "error.server.unavailable", emulator.statusInErrors, alternates.isEmpty() ? null
                    : alternates);
            return true;
        }
        Map<String, Object> json = parse(body);
        if (bots) {
            connector(ex, route, parts[1], json);
        } else {
            icws(ex, route, parts[1], json);
        }
        return true;
    }

    // ---- ICWS web chat (spec §15.3) ---------------------------------------------------------------------------

    private void icws(Exchange ex, String route, String pid, Map<String, Object> body) throws Exception {
        String method = ex.method();
        switch (method + " " + route) {
            case "POST start" -> {
                Object name = body.get("participantName");
                IcwsChat c = emulator.create(name instanceof String s && !s.isEmpty() ? s : "Customer", body, false);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("__type", "urn:inin.com:webChat:startChatResponse");
                out.put("chatId", c.chatId);
                out.put("participantId", c.customerId);
                if (emulator.pollWait != null) {
                    out.put("pollWaitSuggestion", emulator.pollWait);
                }
                out.put("dateFormat", "M/d/yyyy");
                out.put("timeFormat", "h:mm:ss tt");
                json(ex, 200, out);
            }
            case "GET messages" -> {
                IcwsChat c = pid == null ? null : emulator.byParticipant(pid);
                List<Map<String, Object>> news = c == null ? null : c.read(pid);
                if (news == null) {
                    error(ex, 400, "error.request.webChat.invalidParticipantId", emulator.statusInErrors, null);
                    return;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                if (emulator.pollWait != null) {
                    out.put("pollWaitSuggestion", emulator.pollWait);
                }
                out.put("messages", news);
                if (c.flagEnded) {
                    c.flagEnded = false;
                    out.put("chatEnded", true);
                }
                json(ex, 200, out);
            }
            case "POST send-message" -> {
                IcwsChat c = customerChat(pid);
                Object text = body.get("message");
                Object type = body.get("contentType") != null ? body.get("contentType") : body.get("type");
                if (c == null || !(text instanceof String)) {
                    error(ex, 400, "error.request.webChat.invalidParticipantId", emulator.statusInErrors, null);
                    return;
                }
                c.customerSays((String) text, type == null ? "text/plain" : String.valueOf(type));
                noContent(ex);
            }
            case "POST typing-state" -> {
                IcwsChat c = customerChat(pid);
                if (c == null) {
                    error(ex, 400, "error.request.webChat.invalidParticipantId", emulator.statusInErrors, null);
                    return;
                }
                c.customerTyping(Boolean.TRUE.equals(body.get("typingIndicator")));
                noContent(ex);
            }
            case "POST reconnect" -> {
                IcwsChat c = emulator.chat(String.valueOf(body.get("chatId")));
                if (c == null || c.ended() || !c.customerId.equals(body.get("participantId"))
                        || !c.reconnect(c.customerId)) {
                    error(ex, 400, "error.request.webChat.invalidChatId", emulator.statusInErrors, null);
                    return;
                }
                noContent(ex);
            }
            case "GET message-history" -> {
                IcwsChat c = pid == null ? null : emulator.byParticipant(pid);
                if (c == null) {
                    error(ex, 400, "error.request.webChat.invalidParticipantId", emulator.statusInErrors, null);
                    return;
                }
                json(ex, 200, Map.of("messages", c.messages()));
            }
            case "POST exit" -> {
                IcwsChat c = customerChat(pid);
                if (c != null && !c.ended()) {
                    c.customerLeaves();
                }
                noContent(ex); // always, even when already disconnected (spec §15.3)
            }
            default -> error(ex, 404, "error.request.notFound", emulator.statusInErrors, null);
        }
    }

    /** The chat whose customer is {@code pid}, or null. */
    private IcwsChat customerChat(String pid) {
        IcwsChat c = pid == null ? null : emulator.byParticipant(pid);
        return c != null && c.customerId.equals(pid) ? c : null;
    }

    // ---- the chatbots connector (spec §15.4) ------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void connector(Exchange ex, String route, String sid, Map<String, Object> body) throws Exception {
        IcwsChat c = sid == null ? null : emulator.bySession(sid);
        switch (ex.method() + " " + route) {
            case "POST bots-start" -> {
                Object data = body.get("pureConnectData");
                Object name = data instanceof Map<?, ?> m ? m.get("participantName") : null;
                IcwsChat chat = emulator.create(name instanceof String s && !s.isEmpty() ? s : "Customer", body, true);
                json(ex, 200, Map.of("sessionId", chat.botSession));
                return;
            }
            case "GET bots-history" -> {
                if (c != null) {
                    json(ex, 200, Map.of("messages", c.messages()));
                    return;
                }
            }
            case "POST bots-send-message" -> {
                if (c != null && body.get("message") instanceof String text) {
                    Object type = body.get("contentType");
                    c.customerSays(text, type == null ? "text/plain" : String.valueOf(type));
                    json(ex, 200, Map.of());
                    return;
                }
            }
            case "POST bots-activity" -> {
                if (c != null) {
                    c.customerTyping(Boolean.TRUE.equals(body.get("typingIndicator")));
                    json(ex, 200, Map.of());
                    return;
                }
            }
            case "POST bots-restore" -> {
                // the original widget sends the connector session as "chatId"; the chat's own id is taken too
                if (c != null && !c.ended() && (c.chatId.equals(body.get("chatId")) || sid.equals(body.get("chatId")))
                        && c.customerId.equals(body.get("participantId")) && c.reconnect(c.customerId)) {
                    // a restore is a new page: the old page's socket (a navigation closes it) gets nothing more
                    emulator.dropSockets(c);
                    json(ex, 200, Map.of());
                    return;
                }
            }
            case "POST bots-end" -> {
                if (c != null) {
                    if (!c.ended()) {
                        c.customerLeaves();
                    }
                    emulator.ended(c);
                    json(ex, 200, Map.of());
                    return;
                }
            }
            default -> {
            }
        }
        error(ex, 400, "error.request.webChat.invalidChatId", emulator.statusInErrors, null);
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    private static void json(Exchange ex, int status, Object body) throws Exception {
        ex.json(status, JSON.writeValueAsString(body));
    }

    private static void noContent(Exchange ex) {
        ex.cors();
        ex.response.setStatus(204);
        ex.callback.succeeded();
    }

    private static void error(Exchange ex, int status, String errorId, boolean statusField, List<String> alternates)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("errorId", errorId);
        out.put("message", "Emulated ICWS error " + status);
        if (statusField) {
            out.put("status", status);
        }
        if (alternates != null) {
            out.put("alternateHostList", alternates);
        }
        json(ex, status, out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Object o = JSON.readValue(body, Object.class);
            return o instanceof Map ? (Map<String, Object>) o : Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.put(f.getName().toLowerCase(), f.getValue());
        }
        return out;
    }
}
