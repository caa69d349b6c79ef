package org.wcs.transport.gms;

import org.wcs.transport.ChatItems;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** GMS transcript events as page code reads them (spec gms-v2 §12.2), and small parsing helpers. */
final class Gms {
    private Gms() {
    }

    /** The leading integer of a decimal text ({@code parseInt} without the JDK's error strings); NaN if none. */
    static double number(String s) {
        double n = 0;
        int i = 0;
        boolean negative = s.startsWith("-");
        if (negative) {
            i++;
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            n = n * 10 + (s.charAt(i++) - '0');
        }
        return i == start ? Double.NaN : negative ? -n : n;
    }

    /** {@code parseInt(participantId)}, or "" when there is none. */
    private static Value participant(Value id) {
        double n = id.isNumber() ? id.num() : id.isString() ? number(id.str()) : Double.NaN;
        return n == n ? Values.of((double) (long) n) : Values.of("");
    }

    /**
     * One raw event in the shape page code reads: text from structured content when there is some, the sender's
     * integer id, "Bot" for a bot-styled party, {@code isTyping} for typing events, {@code fileDetails} for files.
     */
    static Value convert(Value raw) {
        Value from = raw.get("from");
        String type = raw.get("type").str("");
        Value attributes = raw.get("eventAttributes");
        String fromType = from.get("type").str("");
        if ("BOT".equals(attributes.get("GCTI_SYSTEM").get("party-info").get("style").str())) {
            fromType = ChatItems.BOT;
        }
        Value text = raw.get("text");
        Value content = attributes.get("structured-content").get("genesys-chat").get("content");
        if (content.isString()) {
            try {
                content = Values.parse(content.str());
            } catch (JsError e) {
                content = Values.undefined();
            }
        }
        if (content.get("text").isString()) {
            text = content.get("text");
        }
        Value item = ChatItems.item(raw.get("index").num(), type, text.str(""), raw.get("utcTime").num(),
                participant(from.get("participantId")), fromType, from.get("nickname").str(""));
        if (type.equals(ChatItems.TYPING_STARTED) || type.equals(ChatItems.TYPING_STOPPED)) {
            item.set("isTyping", type.equals(ChatItems.TYPING_STARTED));
        }
        Value userData = raw.get("userData");
        if (!userData.isUndefined()) {
            item.set("userData", userData);
            if (type.equals(ChatItems.FILE_UPLOADED)) {
                item.set("fileDetails", userData);
            }
        }
        for (String k : new String[] {"html", "bubble"}) {
            if (raw.has(k)) {
                item.set(k, raw.get(k));
            }
        }
        return item;
    }
}
