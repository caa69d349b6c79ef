package org.wcs.transport.gms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.wcs.jvm.HeldHttp;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.service.TestPage;

/**
 * A Bayeux server played by hand over {@link HeldHttp}: the test decides when and how each handshake, connect and
 * publish is answered, so timers can be checked to the millisecond on the virtual clock.
 */
final class HandBayeux {
    static final String URL = "http://gms.test/genesys/cometd";
    static final String CHANNEL = "/service/chatV2/customer-support";
    static final String IDENTITY = "\"chatId\":\"C1\",\"secureKey\":\"K1\",\"userId\":\"U1\",\"alias\":\"7\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    final JvmLoop loop;
    final HeldHttp http;

    HandBayeux(JvmLoop loop) {
        this.loop = loop;
        this.http = new HeldHttp(loop);
    }

    /** The (single) message of a request. */
    static JsonNode message(HeldHttp.Sent s) {
        try {
            return JSON.readTree(s.request.body).get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HeldHttp.Sent only(String suffix) {
        loop.runDue();
        List<HeldHttp.Sent> open = http.open(suffix);
        if (open.size() != 1) {
            throw new AssertionError("expected one open " + suffix + ", got " + open);
        }
        return open.get(0);
    }

    private String reply(HeldHttp.Sent s, String fields) {
        JsonNode m = message(s);
        return "{\"channel\":\"" + m.get("channel").asText() + "\",\"id\":\"" + m.get("id").asText() + "\"" + fields
                + "}";
    }

    /**
     * A start played through: startChat (nickname Ada), the handshake, the publish acknowledged, an empty connect,
     * then the push with the customer's join; the page's event log is cleared.
     */
    TestPage.Outcome start(TestPage page) {
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        handshake();
        ack(true);
        connect();
        connect(envelope(0, event(1, "ParticipantJoined", "Client", "")));
        page.takeEvents();
        return o;
    }

    void handshake() {
        HeldHttp.Sent s = only("/handshake");
        http.answer(s, 200, "[" + reply(s, ",\"successful\":true,\"clientId\":\"c1\",\"version\":\"1.0\","
                + "\"advice\":{\"reconnect\":\"retry\",\"interval\":0,\"timeout\":30000}") + "]");
        loop.runDue();
    }

    /** Answers the open connect, successfully, with these pushes (data objects as JSON). */
    void connect(String... pushes) {
        HeldHttp.Sent s = only("/connect");
        StringBuilder b = new StringBuilder("[").append(reply(s, ",\"successful\":true"));
        for (String p : pushes) {
            b.append(",{\"channel\":\"" + CHANNEL + "\",\"data\":").append(p).append('}');
        }
        http.answer(s, 200, b.append(']').toString());
        loop.runDue();
    }

    /** Answers the open connect with a body of our choosing. */
    void connectRaw(int status, String body) {
        http.answer(only("/connect"), status, body);
        loop.runDue();
    }

    /** Answers the open connect with {@code successful:false} and this error and advice. */
    void refuseConnect(String error, String reconnect) {
        HeldHttp.Sent s = only("/connect");
        http.answer(s, 200, "[" + reply(s, ",\"successful\":false,\"error\":\"" + error + "\",\"advice\":"
                + "{\"reconnect\":\"" + reconnect + "\",\"interval\":0}") + "]");
        loop.runDue();
    }

    /** Acknowledges every open publish ({@code ok}) or refuses it. */
    void ack(boolean ok) {
        loop.runDue();
        for (HeldHttp.Sent s : http.open("/cometd/")) {
            http.answer(s, 200, "[" + reply(s, ",\"successful\":" + ok) + "]");
        }
        loop.runDue();
    }

    /** The data of every publish of that operation so far. */
    List<JsonNode> published(String operation) {
        loop.runDue();
        List<JsonNode> out = new ArrayList<>();
        for (HeldHttp.Sent s : http.all("/cometd/")) {
            JsonNode data = message(s).get("data");
            if (data.get("operation").asText().equals(operation)) {
                out.add(data);
            }
        }
        return out;
    }

    /** Send times of the requests ending with {@code suffix}, relative to {@code origin}. */
    List<Long> times(String suffix, double origin) {
        List<Long> out = new ArrayList<>();
        for (HeldHttp.Sent s : http.all(suffix)) {
            out.add(s.at - (long) origin);
        }
        return out;
    }

    static String envelope(int statusCode, String messages) {
        return "{\"statusCode\":" + statusCode + "," + IDENTITY + ",\"chatEnded\":false,\"messages\":[" + messages
                + "]}";
    }

    static String event(int index, String type, String fromType, String text) {
        return "{\"index\":" + index + ",\"type\":\"" + type + "\",\"text\":\"" + text + "\",\"utcTime\":"
                + (JvmLoop.EPOCH + index) + ",\"from\":{\"nickname\":\"" + fromType + "\",\"participantId\":"
                + (fromType.equals("Client") ? 1 : 2) + ",\"type\":\"" + fromType + "\"}}";
    }
}
