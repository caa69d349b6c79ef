package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A conversation's co-browse and screen-share offers ({@code WebChatGuestMediaRequest}, spec 4.9): the SDK lists and
 * reads them and the guest answers one by PATCHing its state. The widget never calls these; the emulator has them so
 * that a custom widget can be built against them (emulator checklist 12.14). Runs under the server's lock.
 */
final class MediaRequests {
    /** The states a guest may answer with; every other one belongs to the agent's side. */
    static final Set<String> ANSWERS = Set.of("ACCEPTED", "DECLINED", "ERRORED");

    private final String conversationId;
    private final List<ObjectNode> offers = new ArrayList<>();

    MediaRequests(String conversationId) {
        this.conversationId = conversationId;
    }

    /** A new PENDING offer of {@code types} (COBROWSE, SCREENSHARE) named {@code name}. */
    ObjectNode offer(String name, String... types) {
        ObjectNode r = Wire.MAPPER.createObjectNode();
        String id = Wire.uuid();
        r.put("id", id).put("name", name);
        for (String t : types) {
            r.withArray("types").add(t);
        }
        r.put("state", "PENDING").put("communicationId", Wire.uuid()).put("securityKey", Wire.uuid())
                .put("selfUri", Wire.BASE + "/" + conversationId + "/mediarequests/" + id);
        offers.add(r);
        return r;
    }

    ObjectNode list() {
        ObjectNode out = Wire.MAPPER.createObjectNode();
        offers.forEach(out.putArray("entities")::add);
        return out;
    }

    /** The offer with that id, or a 404. */
    ObjectNode get(String id) {
        for (ObjectNode r : offers) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new GuestChatServer.Refusal(404, "media request " + id + " not found");
    }

    /** The guest's answer: only a PENDING offer changes, and only to one of {@link #ANSWERS}. */
    ObjectNode answer(String id, JsonNode body) {
        ObjectNode r = get(id);
        String state = body == null ? "" : body.path("state").asText("");
        if (!ANSWERS.contains(state)) {
            throw new GuestChatServer.Refusal(400, "state must be one of ACCEPTED, DECLINED, ERRORED");
        }
        if (!r.get("state").asText().equals("PENDING")) {
            throw new GuestChatServer.Refusal(400, "media request " + id + " is " + r.get("state").asText());
        }
        r.put("state", state);
        return r;
    }
}
