package org.wcs.transport.nexus;

import org.wcs.transport.Backoff;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/**
 * The options of {@code _genesys.widgets.webchat} this transport reads (spec section 2), checked once. Numbers that
 * are missing or not numbers take their defaults; limits are applied as the original applies them.
 */
final class Config {
    /** Default time limits (ms) when {@code ajaxTimeout} is not set: calls, reads and the end, uploads. */
    static final int AJAX_MS = 9000, READ_MS = 12000, UPLOAD_MS = 60000;
    static final int FAILURE_LIMIT = 5;

    /** {@code transport.dataURL}, e.g. {@code https://host/nexus/v3/chat/sessions}. */
    final String base;
    /** {@code base} without its first {@code /sessions}: the root of attachment URLs. */
    final String chat;
    /** {@code transport} itself, for the values sent as they are: headers, endpoint, clientType, stream. */
    final Value transport;
    final int pollMs;
    /** The cap of the read back-off: {@code webchat.backoffMax}, default 30000 ms. */
    final int backoffCap;
    /** Failed reads in a row that still count as a pending outage: {@code webchat.pollExceptionLimit}, default 5. */
    final int failureLimit;
    final int pageSize;
    /** Time limits (ms): create, resume, send, user data; reads (live, restore, history), images and the end; uploads. */
    final int ajaxMs;
    final int readMs;
    final int uploadMs;
    final boolean async;
    final Value userData;
    final Value callbacks;

    Config(TransportContext c) {
        Value webchat = c.config;
        Value t = webchat.get("transport");
        base = t.get("dataURL").str("");
        if (base.isEmpty()) {
            throw new IllegalArgumentException(TransportTexts.INVALID_TRANSPORT);
        }
        int cut = base.indexOf("/sessions");
        chat = cut < 0 ? base : base.substring(0, cut) + base.substring(cut + 9);
        transport = t;
        pollMs = Math.max(100, c.number(t, "pollTimeout", 3000));
        backoffCap = Backoff.cap(c);
        int limit = c.number(webchat, "pollExceptionLimit", FAILURE_LIMIT);
        failureLimit = limit >= 0 ? limit : FAILURE_LIMIT;
        pageSize = Math.max(16, c.number(t, "maxMessagePageSize", 20));
        // every request has a time limit: ajaxTimeout when it is a positive number, else a default per kind
        int ajax = c.number(webchat, "ajaxTimeout", 0);
        ajaxMs = ajax > 0 ? ajax : AJAX_MS;
        readMs = ajax > 0 ? ajax : READ_MS;
        int upload = c.number(webchat, "fileUploadTimeout", 0);
        uploadMs = upload > 0 ? upload : Math.max(UPLOAD_MS, ajax);
        callbacks = t.get("async");
        async = callbacks.get("enabled").truthy();
        if (async && !(callbacks.get("getSessionData").isFunction() && callbacks.get("setSessionData").isFunction())) {
            throw new IllegalArgumentException(NexusTexts.NEEDS_CALLBACKS);
        }
        userData = webchat.get("userData");
    }
}
