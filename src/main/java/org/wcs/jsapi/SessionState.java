package org.wcs.jsapi;

import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The state object of spec §7.2 (version 1): what a storage gives back is checked here, and nothing else reads it.
 * A JSON text is parsed; anything that is not a version-1 state with a chat id and a known mode counts as no state.
 */
final class SessionState {
    static final int VERSION = 1;

    private SessionState() {
    }

    /** The state in {@code stored}, or null when it holds none. */
    static Value parse(Value stored) {
        Value v = stored;
        if (v == null) {
            return null;
        }
        if (v.isString()) {
            try {
                v = Values.parse(v.str());
            } catch (JsError e) {
                return null;
            }
        }
        if (!v.isRecord() || v.get("v").num() != VERSION || !v.get("chatId").isString()
                || v.get("chatId").str().isEmpty() || !v.get("endpoint").isString()) {
            return null;
        }
        String mode = v.get("mode").str("");
        return mode.equals(ChatServiceTexts.REST) || mode.equals(ChatServiceTexts.COMETD) ? v : null;
    }

    /** Whether the chat of {@code state} was last seen alive less than {@code restoreTimeoutMs} ago. */
    static boolean live(Value state, double now, int restoreTimeoutMs) {
        Value ping = state.get("ping");
        return ping.isNumber() && now - ping.num() < restoreTimeoutMs;
    }
}
