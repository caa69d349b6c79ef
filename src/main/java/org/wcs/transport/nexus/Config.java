package org.wcs.transport.nexus;

import org.wcs.transport.Texts;
import org.wcs.transport.TransportContext;
import org.wcs.value.Value;

/**
 * The options of {@code _genesys.widgets.webchat} this transport reads (spec section 2), checked once. Numbers that
 * are missing or not numbers take their defaults; limits are applied as the original applies them.
 */
final class Config {
    /** {@code transport.dataURL}, e.g. {@code https://host/nexus/v3/chat/sessions}. */
    final String base;
    /** {@code base} without its first {@code /sessions}: the root of attachment URLs. */
    final String chat;
    /** {@code transport} itself, for the values sent as they are: headers, endpoint, clientType, stream. */
    final Value transport;
    final int pollMs;
    final double backoff;
    final int pageSize;
    final int ajaxMs;
    final boolean async;
    final Value userData;
    final Value callbacks;

    Config(TransportContext c) {
        Value webchat = c.config;
        Value t = webchat.get("transport");
        base = t.get("dataURL").str("");
        if (base.isEmpty()) {
            throw new IllegalArgumentException(Texts.INVALID_TRANSPORT);
        }
        int cut = base.indexOf("/sessions");
        chat = cut < 0 ? base : base.substring(0, cut) + base.substring(cut + 9);
        transport = t;
        pollMs = Math.max(100, c.number(t, "pollTimeout", 3000));
        double factor = t.get("pollIntervalMultiplier").num();
        backoff = factor >= 1 ? factor : 1.2;
        pageSize = Math.max(16, c.number(t, "maxMessagePageSize", 20));
        ajaxMs = c.number(webchat, "ajaxTimeout", 9000);
        callbacks = t.get("async");
        async = callbacks.get("enabled").truthy();
        if (async && !(callbacks.get("getSessionData").isFunction() && callbacks.get("setSessionData").isFunction())) {
            throw new IllegalArgumentException(Texts.NEXUS_NEEDS_CALLBACKS);
        }
        userData = webchat.get("userData");
    }
}
