package org.wcs.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The agent console's API, the same for every back end:
 * {@code GET /sandbox/api/chats} lists the chats, {@code POST /sandbox/api/chats/<backend>/<id>/<action>} acts in
 * one (actions: join name, typing on, say text, url url, file fileName content, idle seconds, leave, end).
 * Only the sandbox's own pages (and clients that send no {@code Origin}, like tests) may use it.
 */
final class SandboxApi extends Handler.Abstract {
    static final String PREFIX = "/sandbox/api/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sandbox sandbox;

    SandboxApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange x = new Exchange(request, response, callback);
        if (!x.path.startsWith(PREFIX)) {
            return false;
        }
        // CORS keeps other sites from reading the answers; this keeps them from acting at all, since a plain form
        // POST from any page would reach the handler without a preflight.
        Access access = Access.of(request);
        if (access == null || !access.fromOwnOriginOrNone(request)) {
            Refusals.send(response, callback, 403, Refusals.FOREIGN_ORIGIN);
            return true;
        }
        if (x.preflight()) {
            return true;
        }
        String[] p = x.path.substring(PREFIX.length()).split("/");
        try {
            if (p.length == 1 && p[0].equals("chats")) {
                x.json(200, chats().toString());
            } else if (p.length == 1 && p[0].equals("config")) {
                ObjectNode c = JSON.createObjectNode();
                ArrayNode backends = c.putArray("backends");
                sandbox.desks().forEach(d -> backends.add(d.backend()));
                c.put("widgets", sandbox.widgetsDir != null);
                x.json(200, c.toString());
            } else if (p.length == 4 && p[0].equals("chats") && x.method().equals("POST")) {
                act(desk(p[1]), p[2], p[3], x.form());
                x.json(200, "{\"ok\":true}");
            } else {
                x.json(404, "{\"error\":\"no such API\"}");
            }
        } catch (IllegalArgumentException e) {
            x.json(400, JSON.createObjectNode().put("error", e.getMessage()).toString());
        }
        return true;
    }

    private AgentDesk desk(String backend) {
        for (AgentDesk d : sandbox.desks()) {
            if (d.backend().equals(backend)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no back end " + backend);
    }

    private ArrayNode chats() {
        ArrayNode out = JSON.createArrayNode();
        for (AgentDesk d : sandbox.desks()) {
            for (AgentDesk.DeskChat c : d.chats()) {
                ObjectNode o = out.addObject();
                o.put("backend", c.backend()).put("id", c.id()).put("customer", c.customer())
                        .put("agentJoined", c.agentJoined()).put("ended", c.ended())
                        .put("customerTyping", c.customerTyping() == null ? "" : c.customerTyping());
                ObjectNode ud = o.putObject("userData");
                c.userData().forEach(ud::put);
                ArrayNode t = o.putArray("transcript");
                c.transcript().forEach(t::add);
            }
        }
        return out;
    }

    private static void act(AgentDesk desk, String id, String action, Map<String, List<String>> form) {
        String text = value(form, "text");
        switch (action) {
            case "join" -> desk.join(id, value(form, "name").isEmpty() ? "Agent" : value(form, "name"));
            case "typing" -> desk.typing(id, !"false".equals(value(form, "on")));
            case "say" -> desk.say(id, text);
            case "url" -> desk.pushUrl(id, value(form, "url"));
            case "file" -> desk.sendFile(id, value(form, "fileName"), value(form, "content"));
            case "idle" -> desk.idleAlert(id, Integer.parseInt(value(form, "seconds").isEmpty() ? "30"
                    : value(form, "seconds")));
            case "leave" -> desk.leave(id);
            case "end" -> desk.end(id);
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    private static String value(Map<String, List<String>> form, String key) {
        String v = Exchange.first(form, key);
        return v == null ? "" : v;
    }
}
