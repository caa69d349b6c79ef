package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat operations published on {@code /service/chatV2/{service}} (spec gms-v2 §13.3), run on the REST emulator's
 * chats with its own call logic ({@link GmsCalls}): {@code requestChat}, {@code requestNotifications} (attach from a
 * position), {@code refresh}, {@code sendMessage}, {@code startTyping}, {@code stopTyping}, {@code customNotice},
 * {@code updateData}, {@code disconnect}. Each result is pushed to the publisher in the REST envelope with the events
 * it has not had yet; later events are pushed as they happen. Runs on the emulator's actor thread.
 */
final class CometdOps {
    static final String CHANNEL_PREFIX = "/service/chatV2/";

    private final CometdEmulator emulator;
    /** Chats whose events are watched (one watcher each, for every session following them). */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    CometdOps(CometdEmulator emulator) {
        this.emulator = emulator;
    }

    void operate(CometdEmulator.Session s, String channel, JsonNode data) throws Exception {
        s.channel = channel;
        String op = data.path("operation").asText("");
        Map<String, List<String>> form = form(data);
        if (op.equals("requestChat")) {
            Object created = emulator.gms.create(channel.substring(CHANNEL_PREFIX.length()), form, "cometd");
            if (created instanceof GmsChat chat) {
                follow(s, chat, 0);
                news(s, chat.envelope(0));
            } else {
                emulator.push(s, (ObjectNode) GmsChat.JSON.readTree((String) created));
            }
            return;
        }
        GmsChat chat = emulator.gms.chat(GmsEmulator.value(form, "chatId"));
        String refusal = GmsEmulator.refusal(chat, form, false);
        if (refusal != null) {
            emulator.push(s, (ObjectNode) GmsChat.JSON.readTree(refusal));
            return;
        }
        chat.lastCustomerActivity = emulator.gms.clock.getAsLong();
        String position = GmsEmulator.value(form, "transcriptPosition");
        int from = position.isEmpty() ? 1 : Math.max(1, (int) Double.parseDouble(position));
        switch (op) {
            case "requestNotifications" -> {
                follow(s, chat, from - 1);
                news(s, chat.envelope(0));
            }
            case "refresh" -> {
                ObjectNode a = chat.envelope(0);
                a.set("messages", position.equals("0") ? GmsChat.JSON.createArrayNode() : chat.from(from));
                emulator.push(s, a);
            }
            default -> {
                ObjectNode a = new GmsCalls(emulator.gms, chat, null, form, null)
                        .answer(op.equals("sendMessage") ? "send" : op);
                if (a == null) {
                    emulator.push(s, (ObjectNode) GmsChat.JSON.readTree("{\"statusCode\":2,\"errors\":[{\"code\":500,"
                            + "\"advice\":\"unknown operation " + op.replace("\"", "") + "\"}]}"));
                    return;
                }
                if (s.chat != chat) {
                    follow(s, chat, chat.size());
                }
                news(s, a);
            }
        }
    }

    /** The session follows the chat from after {@code delivered}. */
    private void follow(CometdEmulator.Session s, GmsChat chat, int delivered) {
        s.chat = chat;
        s.delivered = delivered;
        s.endPushed = false;
        if (watched.add(chat.chatId)) {
            chat.watchers.add(() -> emulator.actor.execute(() -> changed(chat)));
        }
    }

    /** Something happened in a chat: each follower gets what it has not had. */
    private void changed(GmsChat chat) {
        for (CometdEmulator.Session s : emulator.following(chat)) {
            if (chat.size() > s.delivered || chat.ended() && !s.endPushed) {
                news(s, chat.envelope(0));
            }
        }
    }

    /** Pushes {@code envelope} with the events after those the session had (or, faulted, an unavailable server). */
    private void news(CometdEmulator.Session s, ObjectNode envelope) {
        GmsChat chat = s.chat;
        if (emulator.take(CometFault.Kind.STATUS_ONE) != null) {
            ObjectNode a = chat.envelope(1);
            a.putArray("messages");
            emulator.push(s, a);
            return;
        }
        ArrayNode events = chat.from(s.delivered + 1);
        if (events.size() == 1 && emulator.has(CometFault.Kind.REORDER) && !envelope.path("chatEnded").asBoolean()) {
            return; // a reorder needs two events in one push: this one waits for the next
        }
        for (JsonNode e : events) {
            s.delivered = Math.max(s.delivered, e.get("index").asInt());
        }
        if (events.size() > 1 && emulator.take(CometFault.Kind.REORDER) != null) {
            ArrayNode reversed = GmsChat.JSON.createArrayNode();
            for (int i = events.size() - 1; i >= 0; i--) {
                reversed.add(events.get(i));
            }
            events = reversed;
        }
        s.endPushed |= envelope.path("chatEnded").asBoolean();
        envelope.set("messages", events);
        emulator.push(s, envelope);
    }

    /**
     * A publish's data as the REST form the shared call logic reads: {@code userData} keys in brackets, other objects
     * (eventAttributes) as JSON text, numbers and booleans as text.
     */
    static Map<String, List<String>> form(JsonNode data) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        data.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (f.getKey().equals("userData") && v.isObject()) {
                v.fields().forEachRemaining(u -> out.put("userData[" + u.getKey() + "]",
                        new ArrayList<>(List.of(u.getValue().isValueNode() ? u.getValue().asText()
                                : u.getValue().toString()))));
            } else {
                out.put(f.getKey(), new ArrayList<>(List.of(v.isContainerNode() ? v.toString()
                        : v.isNull() ? "" : v.asText())));
            }
        });
        return out;
    }
}
