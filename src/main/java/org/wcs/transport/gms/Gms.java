package org.wcs.transport.gms;

import org.wcs.transport.ChatItems;
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
        return n == n ? Values.of(n < 0 ? Math.ceil(n) : Math.floor(n)) : Values.of(""); // toward 0, as parseInt
    }

    /**
     * One raw event in the shape page code reads, key for key the original's (spec cxbus-contract C.5): {@code
     * [isTyping], [fileDetails], text, type, index, timestamp, html, bubble, userData, from:{id, type, name}}. Values
     * are the server's as they are, so keys it did not send are there but undefined (a join has no text); text comes
     * from structured content when there is some, the sender's id is an integer, and a bot-styled party is "Bot".
     */
    static Value convert(Value raw) {
        Value from = raw.get("from");
        String type = raw.get("type").str("");
        Value attributes = raw.get("eventAttributes");
        Value content = attributes.get("structured-content").get("genesys-chat").get("content");
        if (content.isString()) {
            content = Values.parseOr(content.str(), Values.undefined());
        }
        Value item = Values.object();
        if (type.equals(ChatItems.TYPING_STARTED) || type.equals(ChatItems.TYPING_STOPPED)) {
            item.set("isTyping", type.equals(ChatItems.TYPING_STARTED));
        }
        if (type.equals(ChatItems.FILE_UPLOADED)) {
            item.set("fileDetails", raw.get("userData"));
        }
        Value text = content.get("text");
        item.set("text", text.truthy() ? text : raw.get("text"));
        for (String k : new String[] {"type", "index", "utcTime", "html", "bubble", "userData"}) {
            item.set(k.equals("utcTime") ? "timestamp" : k, raw.get(k));
        }
        boolean sender = from.isRecord();
        boolean bot = "BOT".equals(attributes.get("GCTI_SYSTEM").get("party-info").get("style").str());
        return item.set("from", Values.object().set("id", sender ? participant(from.get("participantId")) : Values.of(""))
                .set("type", bot ? Values.of(ChatItems.BOT) : sender ? from.get("type") : Values.of(""))
                .set("name", sender ? from.get("nickname") : Values.of("")));
    }
}
