package org.wcs.jsapi;

import org.wcs.transport.ChatItems;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Event objects (spec §9.2) from the core's transcript items: each item as the core converted it (GMS type, text from
 * structured content, Bot for a bot-styled party) beside the server's original. Field names are GMS terms.
 */
final class Party {
    private Party() {
    }

    /** {@code {index, timestamp, messageType, party, text, userData, restoring}}. */
    static Value chatEvent(Value item, Value original, boolean restoring) {
        Value from = item.get("from");
        String type = from.get("type").str("");
        Value party = type.isEmpty() ? Values.undefined() : Values.object().set("id", from.get("id"))
                .set("type", type).set("nickname", from.get("name").str(""));
        String messageType = item.get("type").str("");
        Value text = messageType.equals(ChatItems.FILE_UPLOADED) ? original.get("text") : item.get("text");
        return Values.object().set("index", item.get("index")).set("timestamp", item.get("timestamp"))
                .set("messageType", messageType).set("party", party)
                .set("text", text.isNullish() ? Values.undefined() : Values.of(Values.text(text)))
                .set("userData", original.get("userData").isRecord() ? original.get("userData") : Values.undefined())
                .set("restoring", restoring);
    }

    /** Whether a message type goes to {@code onMessageReceived}. */
    static boolean message(String type) {
        return type.equals(ChatItems.MESSAGE) || type.equals(ChatItems.PUSH_URL) || type.equals(ChatItems.FILE_UPLOADED);
    }

    /** Whether a message type goes to {@code onNoticeReceived}. */
    static boolean notice(String type) {
        return type.equals(ChatItems.NOTICE) || type.equals(ChatServiceTexts.CUSTOM_NOTICE)
                || type.equals(ChatServiceTexts.IDLE_ALERT) || type.equals(ChatServiceTexts.IDLE_CLOSE);
    }

    /** Agents, supervisors and bots: whose joins and leaves the agent callbacks report. */
    static boolean agentLike(String partyType) {
        return ChatItems.staff(partyType) || partyType.equals(ChatItems.BOT);
    }
}
