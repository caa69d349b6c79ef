package org.wcs.transport.pureconnect;

import org.wcs.transport.ChatItems;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The participants of one chat and the conversion of its ICWS messages into transcript items (spec 5, 6). The
 * original threw on a message from a participant it had not seen join, or of an unknown type, which lost the batch and
 * stopped polling (quirk Q3): here an unknown type is skipped and an unknown sender becomes a placeholder
 * {@code {name: "", type: "External"}}.
 */
final class Roster {
    /** id → {@code {name, type}}; the System participant is always known, as {@code External}. */
    private Value participants;
    /** What the last {@link #convert} found: the customer left the chat (a {@code WebUser} state 4). */
    boolean customerLeft;
    /** What the last {@link #convert} found: the {@code startChatMessage} frame (chatbots), or null. */
    Value chatStarted;
    /** The highest sequence number converted so far: a live batch skips what it has already seen. */
    private double seen;

    Roster() {
        reset();
    }

    void reset() {
        seen = -1;
        participants = Values.object();
        participants.set(PureConnectTexts.SYSTEM_ID, Values.object().set("name", "System")
                .set("type", ChatItems.EXTERNAL));
    }

    /**
     * Converts {@code list} (wire messages, in server order) into {@code out[0]} items and {@code out[1]} originals
     * (the raw messages, given {@code from}, {@code index} and {@code type} in place as the original did), sorted by
     * sequence number. {@code dropTyping}: a restore's history, whose typing entries the original dropped.
     * {@code skipSeen}: leave out messages at or below the highest sequence number seen (a catch-up read of the
     * history after a failed poll, a repeated message); the original kept every one.
     */
    Value[] convert(Value list, boolean dropTyping, boolean skipSeen) {
        customerLeft = false;
        chatStarted = null;
        int n = list.length();
        Value[] items = new Value[n];
        Value[] raws = new Value[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Value w = list.at(i);
            Value seq = w.get("sequenceNumber");
            if (skipSeen && seq.isNumber() && seq.num() <= seen) {
                continue;
            }
            Value item = w.isRecord() ? item(w, dropTyping) : null;
            if (item == null) {
                continue;
            }
            int at = k++;
            double index = item.get("index").num();
            seen = index > seen ? index : seen;
            while (at > 0 && items[at - 1].get("index").num() > index) { // stable insertion sort: nearly sorted
                items[at] = items[at - 1];
                raws[at] = raws[at - 1];
                at--;
            }
            items[at] = item;
            raws[at] = w;
        }
        Value messages = Values.array();
        Value originals = Values.array();
        for (int i = 0; i < k; i++) {
            messages.push(items[i]);
            originals.push(raws[i]);
        }
        return new Value[] {messages, originals};
    }

    private Value item(Value w, boolean dropTyping) {
        String urn = w.get("__type").str("");
        String kind = urn.startsWith(PureConnectTexts.URN) ? urn.substring(PureConnectTexts.URN.length()) : "";
        String id = Values.text(w.get("participantId"));
        String type;
        String text = null;
        if (kind.equals(PureConnectTexts.STATE)) {
            int state = (int) w.get("state").num();
            if (state == 2) {
                String role = w.get("participantType").str("");
                participants.set(id, Values.object().set("name", w.get("displayName"))
                        .set("type", role.equals("WebUser") ? ChatItems.CLIENT : role));
                type = PureConnectTexts.JOINED;
            } else if (state == 4) {
                type = PureConnectTexts.LEFT;
                customerLeft |= ChatItems.CLIENT.equals(sender(id).get("type").str());
            } else {
                type = PureConnectTexts.STATE_ITEM;
            }
        } else if (kind.equals(PureConnectTexts.TEXT)) {
            type = ChatItems.staff(sender(id).get("type").str("")) ? PureConnectTexts.AGENT_TEXT
                    : PureConnectTexts.OTHER_TEXT;
            text = Values.text(w.get("value"));
        } else if (kind.equals(PureConnectTexts.TYPING)) {
            if (dropTyping) {
                return null;
            }
            type = w.get("value").truthy() ? PureConnectTexts.TYPING_STARTED : PureConnectTexts.TYPING_STOPPED;
        } else if (kind.equals(PureConnectTexts.FILE)) {
            type = PureConnectTexts.FILE_ITEM;
        } else if (kind.equals(PureConnectTexts.CHAT_STARTED)) {
            type = PureConnectTexts.STARTED_ITEM;
            chatStarted = w;
        } else {
            return null; // not an ICWS web-chat message (Q3)
        }
        Value who = sender(id);
        Value index = w.get("sequenceNumber");
        Value item = Values.object().set("type", type);
        if (text != null) {
            item.set("text", text);
        }
        item.set("index", index.isNumber() ? index : Values.of(Values.time(null)))
                .set("timestamp", Values.time(w.get("timestamp").str()))
                .set("from", Values.object().set("participantId", id).set("id", id).set("name", who.get("name"))
                        .set("type", who.get("type")));
        w.set("from", Values.object().set("name", who.get("name")).set("type", who.get("type")).set("id", id))
                .set("index", item.get("index")).set("type", type);
        return item;
    }

    /** A known participant, or the placeholder for one that never joined (Q3). */
    private Value sender(String id) {
        Value p = participants.get(id);
        if (!p.isRecord()) {
            p = Values.object().set("name", "").set("type", ChatItems.EXTERNAL);
            participants.set(id, p);
        }
        return p;
    }
}
