package org.wcs.transport;

import org.wcs.value.Value;
import org.wcs.value.Values;

/** Builds transcript items in the shape page code reads: {@code {index, type, text, timestamp, from:{id,type,name}}}. */
public final class ChatItems {
    private ChatItems() {
    }

    public static Value item(double index, String type, String text, double timestamp, Value fromId, String fromType,
            String fromName) {
        return Values.object().set("index", index).set("type", type).set("text", text).set("timestamp", timestamp)
                .set("from", Values.object().set("id", fromId).set("type", fromType).set("name", fromName));
    }
}
