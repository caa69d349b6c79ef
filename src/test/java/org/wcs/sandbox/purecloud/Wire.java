package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The emulator's protocol vocabulary: paths, topics, frame envelopes, error bodies and times (spec 3, 5, 6). */
public final class Wire {
    static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String BASE = "/api/v2/webchat/guest/conversations";
    public static final String CHANNELS = "/channels/";
    public static final String HEARTBEAT = "WebSocket Heartbeat";
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String iso(long epochMs) {
        return ISO.format(Instant.ofEpochMilli(epochMs));
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static JsonNode parse(String text) {
        try {
            return text == null || text.isEmpty() ? null : MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    static String text(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A conversation event: {@code {topicName, version:"2", eventBody, metadata:{CorrelationId, type}}}. */
    static String event(String conversationId, String topic, String type, JsonNode body) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topicName", "v2.conversations.chats." + conversationId + "." + topic).put("version", "2");
        o.set("eventBody", body);
        o.putObject("metadata").put("CorrelationId", uuid()).put("type", type);
        return text(o);
    }

    /** A frame on {@code channel.metadata} (heartbeat, pong): no metadata object. */
    static String system(String topic, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topicName", topic);
        o.putObject("eventBody").put("message", message);
        return text(o);
    }

    /** An {@code ErrorBody} (spec 3.4) with the code for its status. */
    static String error(int status, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", status).put("code", code(status)).put("message", message)
                .put("messageWithParams", message).put("contextId", uuid());
        o.putObject("messageParams");
        o.putArray("details");
        o.putArray("errors");
        return text(o);
    }

    static String code(int status) {
        switch (status) {
            case 400:
                return "bad.request";
            case 401:
                return "authentication.required";
            case 403:
                return "missing.permissions";
            case 404:
                return "not.found";
            case 429:
                return "too.many.requests";
            case 503:
                return "service.unavailable";
            default:
                return status >= 500 ? "internal.server.error" : "bad.request";
        }
    }
}
