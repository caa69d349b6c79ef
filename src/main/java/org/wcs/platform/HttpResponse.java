package org.wcs.platform;

import org.wcs.value.Value;
import org.wcs.value.Values;

/** What came back: {@code status} 0 means no HTTP answer at all (network failure, CORS, timeout or abort). */
public final class HttpResponse {
    public final int status;
    public final String body;
    public final String contentType;
    public final boolean timedOut;
    /** The {@code Retry-After} header (seconds, as sent), or null; cross-origin only when the server exposes it. */
    public final String retryAfter;

    public HttpResponse(int status, String body, String contentType, boolean timedOut) {
        this(status, body, contentType, timedOut, null);
    }

    public HttpResponse(int status, String body, String contentType, boolean timedOut, String retryAfter) {
        this.retryAfter = retryAfter;
        this.status = status;
        this.body = body == null ? "" : body;
        this.contentType = contentType == null ? "" : contentType;
        this.timedOut = timedOut;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The jqXHR-like object the original's events and rejections carry: {status, responseText, responseJSON}. */
    public Value xhr(Value json) {
        return Values.object().set("status", status).set("responseText", body).set("responseJSON", json);
    }
}
