package org.wcs.transport.nexus;

import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.Platform;
import org.wcs.transport.Form;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Requests as the Nexus API takes them (spec 3): the configured headers on every call, the client token in
 * {@code x-nexus-client-key}, jQuery-style form bodies ({@code data[...]} fields, {@code +} for spaces) with a fresh
 * {@code operationId}; and the shapes failures take for page code.
 */
final class Wire {
    static final String KEY = "x-nexus-client-key";

    private final Platform platform;
    /** {@code transport.headers}, until a startChat brings its own {@code headers} (spec 3.2). */
    private Value headers;

    Wire(Platform platform, Config config) {
        this.platform = platform;
        this.headers = config.transport.get("headers");
    }

    /** A startChat's {@code headers} replace the configured ones for this and every later call, as in the original. */
    void replaceHeaders(Value given) {
        Value plain = Values.plainRecord(given);
        if (plain != null) {
            headers = plain;
        }
    }

    /** A request with the current headers; {@code token} (may be null) goes under them. */
    HttpRequest request(String method, String url, String token, int timeoutMs) {
        HttpRequest r = new HttpRequest(method, url);
        Value h = headers;
        for (String name : h.isRecord() ? h.keys() : new String[0]) {
            Value v = h.get(name);
            if (!v.isObject() && !v.isNullish() && !v.isFunction()) {
                r.header(name, Values.text(v));
            }
        }
        if (token != null && r.header(KEY) == null) {
            r.header(KEY, token);
        }
        return r.timeout(timeoutMs);
    }

    /** Sets a form body: {@code data} (skipped when undefined), then {@code operationId}. */
    HttpRequest form(HttpRequest r, Value data) {
        if (r.header("Content-Type") == null) {
            r.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        }
        Form f = new Form(platform.page);
        if (!data.isUndefined()) {
            f.add("data", data);
        }
        r.body = f.add("operationId", operationId()).body();
        return r;
    }

    /** An opaque, random request id: hex in dash-separated groups. */
    String operationId() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            sb.append(i == 8 || i == 13 || i == 18 || i == 23 ? '-'
                    : Character.forDigit((int) (platform.random.next() * 16) & 15, 16));
        }
        return sb.toString();
    }

    /**
     * The nextgen error shape {@code {code, text, response}}: code {@code pureengage-v3-rest-<status.code>} (the bare
     * prefix when the server gave no string code), text the server's {@code status.message}.
     */
    static Value error(HttpResponse r, Value json) {
        Value status = json.get("status");
        Value text = status.get("message");
        return Values.object().set("code", NexusTexts.ERROR_PREFIX + status.get("code").str(""))
                .set("text", r.ok() ? Values.of(NexusTexts.BAD_REPLY) : text).set("response", r.xhr(json));
    }

    /** The server's {@code status.code} text, or "". */
    static String code(Value json) {
        return json.get("status").get("code").str("");
    }
}
