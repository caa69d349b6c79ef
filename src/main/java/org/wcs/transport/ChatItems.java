package org.wcs.transport;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Transcript items as page code reads them: {@code {index, type, text, timestamp, from:{id, type, name}}}, their item
 * types and their roles ({@code from.type}), in one place for the service and every transport.
 */
public final class ChatItems {
    private ChatItems() {
    }

    // Item types.
    public static final String MESSAGE = "Message";
    public static final String PARTICIPANT_JOINED = "ParticipantJoined";
    public static final String PARTICIPANT_LEFT = "ParticipantLeft";
    public static final String TYPING_STARTED = "TypingStarted";
    public static final String TYPING_STOPPED = "TypingStopped";
    public static final String PUSH_URL = "PushUrl";
    public static final String NOTICE = "Notice";
    public static final String FILE_UPLOADED = "FileUploaded";

    // Roles: who an item is from.
    public static final String AGENT = "Agent";
    public static final String SUPERVISOR = "Supervisor";
    public static final String CLIENT = "Client";
    public static final String BOT = "Bot";
    public static final String EXTERNAL = "External";

    /** Whether {@code role} is staff whose joins, leaves and typing the agent events report. */
    public static boolean staff(String role) {
        return role.equals(AGENT) || role.equals(SUPERVISOR);
    }

    public static Value item(double index, String type, String text, double timestamp, Value fromId, String fromType,
            String fromName) {
        return Values.object().set("index", index).set("type", type).set("text", text).set("timestamp", timestamp)
                .set("from", Values.object().set("id", fromId).set("type", fromType).set("name", fromName));
    }
}
