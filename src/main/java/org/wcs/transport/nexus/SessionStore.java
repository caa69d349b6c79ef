package org.wcs.transport.nexus;

import org.wcs.transport.JsCookie;
import org.wcs.transport.StateCookies;
import org.wcs.transport.TransportContext;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The integrator's store of async sessions, reached through the three callbacks of {@code transport.async}
 * (spec 9.2), each called with the js-cookie {@code Cookie} object and the {@code CookieOptions} of the site:
 * {@code getSessionData({messageIndex, token}, ...)} stores, {@code setSessionData(openCookieName, ...)} gives back
 * what was stored, {@code deleteSessionData({sessionData, response}, ...)} forgets. A callback that throws or
 * answers garbage counts as "nothing stored"; it never breaks the chat.
 */
final class SessionStore {
    private final TransportContext context;
    private final Value callbacks;
    private Value cookie;

    SessionStore(TransportContext context, Value callbacks) {
        this.context = context;
        this.callbacks = callbacks;
    }

    /** Stores the current token and the (sanitized) index of the newest message seen. */
    void save(Value messageIndex, String token) {
        call("getSessionData", Values.object().set("messageIndex", messageIndex).set("token", token));
    }

    /** The stored token, or undefined. The store may answer the stored JSON text, the object, or the bare JWT. */
    Value token() {
        String open = context.cookies.name(StateCookies.STATE + NexusTransport.TYPE + ".open");
        Value stored = call("setSessionData", Values.of(open));
        if (stored.isString()) {
            Value parsed = Values.parseOr(stored.str(), null);
            if (parsed == null) {
                return stored;
            }
            stored = parsed;
        }
        return stored.get("token");
    }

    /** Tells the store the session is gone: {@code errorData} is {@code {sessionData, response}}. */
    void delete(Value errorData) {
        call("deleteSessionData", errorData);
    }

    private Value call(String name, Value arg) {
        Value fn = callbacks.get(name);
        if (!fn.isFunction()) {
            return Values.undefined();
        }
        if (cookie == null) {
            cookie = JsCookie.api(context.platform);
        }
        try {
            return fn.call(Values.undefined(), new Value[] {arg, cookie, context.cookies.optionsValue()});
        } catch (RuntimeException e) {
            JsError.surfaced(e); // the page's callback failed: the page sees its error, the chat goes on without it
            return Values.undefined();
        }
    }
}
