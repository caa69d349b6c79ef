package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A member of a conversation ({@code WebChatMemberInfo}): the guest, an agent, a bot (WORKFLOW) or the ACD. */
public final class Member {
    public final String id;
    public final String role;
    public final String displayName;
    public volatile String state;
    volatile String joinDate;
    volatile String leaveDate;
    public volatile String avatarImageUrl;
    /** A guest created with a {@code memberAuthToken} ([I] the API's {@code authenticatedGuest} flag). */
    volatile boolean authenticatedGuest;
    final JsonNode customFields;

    Member(String id, String role, String displayName, String state, JsonNode customFields) {
        this.id = id;
        this.role = role;
        this.displayName = displayName;
        this.state = state;
        this.customFields = customFields;
    }

    ObjectNode json() {
        ObjectNode o = Wire.MAPPER.createObjectNode();
        o.put("id", id).put("displayName", displayName).put("role", role).put("state", state);
        if (joinDate != null) {
            o.put("joinDate", joinDate);
        }
        if (leaveDate != null) {
            o.put("leaveDate", leaveDate);
        }
        if (avatarImageUrl != null) {
            o.put("avatarImageUrl", avatarImageUrl);
        }
        if (customFields != null) {
            o.set("customFields", customFields);
        }
        if (authenticatedGuest) {
            o.put("authenticatedGuest", true);
        }
        return o;
    }
}
