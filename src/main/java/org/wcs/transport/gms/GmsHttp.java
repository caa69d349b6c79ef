package org.wcs.transport.gms;

import static org.wcs.transport.gms.GmsTransport.END;
import static org.wcs.transport.gms.GmsTransport.LIMITS;
import static org.wcs.transport.gms.GmsTransport.REFRESH;
import static org.wcs.transport.gms.GmsTransport.RESTORE;
import static org.wcs.transport.gms.GmsTransport.START;
import static org.wcs.transport.gms.GmsTransport.UPLOAD;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Form;
import org.wcs.transport.Reply;
import org.wcs.transport.TransportContext;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The HTTP side of the GMS transport: REST's urlencoded POSTs under {@code dataURL} (spec gms-v2 §2), the multipart
 * file calls of both modes, and the failures of all of them classified as §2.5 says; good bodies go to
 * {@link GmsTransport#handle}. Also the cross-tab start lock of REST mode (§8.1).
 */
final class GmsHttp {
    private final GmsTransport transport;
    private final TransportContext context;
    /**
     * The timeout of file calls when {@code fileUploadTimeout} is not a positive number (the original then has none,
     * so an upload to a server that never answers hangs for ever): two minutes.
     */
    static final int UPLOAD_TIMEOUT_MS = 120_000;

    private final Value config;
    private final String base;
    private final boolean trailingSlash;
    private final int ajaxTimeout;
    final int uploadTimeout;
    private Cancellable startLock;

    GmsHttp(GmsTransport transport, TransportContext context) {
        this.transport = transport;
        this.context = context;
        this.config = context.config;
        String url = config.get("dataURL").str(config.get("serverURL").str(""));
        base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        trailingSlash = config.get("enableUrlTrailingSlash").bool(true);
        ajaxTimeout = context.number(config, "ajaxTimeout", 3000);
        int upload = context.number(config, "fileUploadTimeout", 0);
        uploadTimeout = upload > 0 ? upload : UPLOAD_TIMEOUT_MS;
    }

    /**
     * The URL of a REST call on the current chat; {@code op} null for requestChat (§2.1). The chat id comes from the
     * server or a cookie, so it is encoded: whatever it holds stays one path segment.
     */
    String url(String op) {
        String chat = transport.session.chatId();
        String path = trailingSlash || !chat.isEmpty() ? "/" + context.platform.page.encodeSegment(chat) : "";
        return base + path + (op == null ? "" : "/" + op);
    }

    /** A POST with what every GMS call carries: the time limit, {@code xhrFields}, the apikey and Authorization. */
    HttpRequest request(String url, int timeout) {
        Value xhrFields = config.get("xhrFields");
        HttpRequest r = new HttpRequest("POST", url).timeout(timeout)
                .credentials(xhrFields.get("withCredentials").truthy())
                .fields(xhrFields.isObject() ? xhrFields : null);
        Value apikey = config.get("apikey");
        if (apikey.isString() || apikey.isNumber()) {
            r.header("apikey", Values.text(apikey));
        }
        String auth = context.listener.header("Authorization");
        if (auth != null) {
            r.header("Authorization", auth);
        }
        return r;
    }

    /** A urlencoded POST; REST sends {@code eventAttributes} as a JSON string. */
    GmsCall post(String url, Value fields, int kind, Reply reply) {
        Value attributes = fields.get("eventAttributes");
        if (attributes.isObject()) {
            fields.set("eventAttributes", Values.stringify(attributes));
        }
        HttpRequest r = request(url, ajaxTimeout).body("application/x-www-form-urlencoded",
                new Form(context.platform.page).addAll(fields).toString());
        return send(r, kind, reply, null);
    }

    GmsCall send(HttpRequest r, int kind, Reply reply, Value file) {
        GmsCall call = new GmsCall(this, kind, reply, file, context.listener.generation());
        context.platform.http.send(r, call);
        return call;
    }

    /**
     * Completion of one call: the generic handling of spec §2.4/§2.5, then what the call itself needs. Every good
     * answer is published as {@code ajaxResponse}, as the original publishes each one: the file calls' as the
     * server's text (the original overrides their MIME type and never parses them), the others parsed.
     */
    void answer(GmsCall call, HttpResponse r) {
        if (transport.refreshing == call) {
            transport.refreshing = null;
        }
        Value body = null;
        if (r.ok()) {
            body = Values.parseOr(r.body, null);
        }
        boolean good = body != null && body.isRecord();
        Value raw = call.kind == LIMITS || call.kind == UPLOAD ? Values.of(r.body) : body;
        if (call.generation != context.listener.generation() && call.kind != END) {
            // An answer for a chat that ended, or for a start or restore given up: it never touches the chat of now;
            // but it was an answer, and a command waiting for it still settles.
            if (good) {
                transport.answered(raw);
            }
            if (call.kind != START && call.kind != RESTORE) {
                if (good && (call.kind != UPLOAD || body.get("statusCode").num() == 0)) {
                    call.reply.ok(call.kind == LIMITS ? raw : body);
                } else {
                    call.reply.fail(good ? body : xhr(r));
                }
            }
            return;
        }
        if (!good) {
            failed(call, r);
            return;
        }
        transport.handle(call.kind, body, raw, call.reply);
    }

    /** A failed call as jQuery's jqXHR shows it: {@code status}, {@code responseText}, {@code responseJSON}. */
    private static Value xhr(HttpResponse r) {
        return r.xhr(r.body.isEmpty() ? Values.undefined() : Values.parseOr(r.body, Values.undefined()));
    }

    private void failed(GmsCall call, HttpResponse r) {
        Value xhr = xhr(r);
        Value json = xhr.get("responseJSON");
        if (call.kind == START) {
            releaseStartLock();
        }
        if (call.kind == UPLOAD) {
            uploadFailed(call, r, xhr, json);
            return;
        }
        if (call.kind == END) {
            call.reply.fail(xhr);
            return;
        }
        if (call.kind == LIMITS) {
            // as in the original: any failure of it is an error event, and none is part of an outage
            context.listener.error(xhr);
            call.reply.fail(xhr);
            return;
        }
        boolean gmsBody = json.get("errors").isArray();
        if (transport.active() && transport.comet == null && (r.status == 0 || r.ok() || !gmsBody
                || r.status == 429 || r.status == 503 || r.status == 504)) {
            // No GMS answer on the running chat: part of an outage, reported by its length, errors once per outage.
            String reason = r.status == 401 ? "Unauthorized" : r.status == 403 ? "Forbidden"
                    : !gmsBody && (r.status == 404 || r.status == 500 || r.status == 502) ? "InvalidService" : null;
            if (reason != null) {
                xhr.set("errorReason", reason);
            }
            transport.unreachable(r, reason == null ? null : xhr);
        } else if (r.status == 0 || (r.ok() && !json.isRecord())) {
            context.listener.error(xhr);
        } else {
            Value errors = json.get("errors");
            Value kept = Values.array();
            boolean invalidService = false;
            for (int i = 0; i < errors.length(); i++) {
                double code = errors.at(i).get("code").num();
                if (call.kind == REFRESH && code == 204) {
                    continue; // "message too long" caused by the typing preview: not an error of the poll
                }
                invalidService |= code == 306;
                kept.push(errors.at(i));
            }
            if (errors.isArray() && json.isRecord()) {
                json.set("errors", kept);
            }
            boolean bare = !errors.isArray() && (r.status == 404 || r.status == 500 || r.status == 502);
            if (bare || invalidService) {
                xhr.set("errorReason", "InvalidService");
            }
            if (bare || kept.length() > 0) {
                context.listener.error(xhr);
            }
        }
        if (call.kind == RESTORE) {
            transport.restoreFailed(call.reply);
        } else {
            call.reply.fail(xhr);
        }
    }

    /** Upload errors the UI knows how to show: 400 with errors[] (filename stamped in), or a network failure. */
    private void uploadFailed(GmsCall call, HttpResponse r, Value xhr, Value json) {
        String name = call.file.get("name").str("");
        if (r.status == 400 && json.get("errors").isArray()) {
            Value errors = json.get("errors");
            for (int i = 0; i < errors.length(); i++) {
                errors.at(i).set("filename", name);
            }
            xhr.set("responseText", Values.stringify(json));
            context.listener.error(xhr);
        } else if (r.status == 0) {
            context.listener.error(Values.object().set("status", 0)
                    .set("errorReason", "FileUploadError").set("filename", name).set("file", call.file));
        }
        call.reply.fail(xhr);
    }

    /** Whether another tab started a chat less than 2000 ms ago; if not, takes the lock for this one. */
    boolean locked() {
        String lock = context.cookies.get(GmsSession.START_LOCK);
        if (lock != null && context.platform.scheduler.now() - Gms.number(lock) < 2000) {
            return true;
        }
        lockStart();
        return false;
    }

    /** Tells other tabs a chat is being started, refreshed every 500 ms until the answer (spec §8.1). */
    private void lockStart() {
        context.cookies.set(GmsSession.START_LOCK, Values.numberToString(context.platform.scheduler.now()));
        startLock = context.platform.scheduler.schedule(500, this::lockStart);
    }

    void releaseStartLock() {
        if (startLock != null) {
            startLock.cancel();
            startLock = null;
            context.cookies.remove(GmsSession.START_LOCK);
        }
    }

    /** The one HTTP callback class of the transport: which call it answers, and to whom. */
    static final class GmsCall implements Http.Callback {
        private final GmsHttp http;
        final int kind;
        final Reply reply;
        final Value file;
        /** The chat generation the call was sent for. */
        final int generation;

        GmsCall(GmsHttp http, int kind, Reply reply, Value file, int generation) {
            this.http = http;
            this.kind = kind;
            this.reply = reply;
            this.file = file;
            this.generation = generation;
        }

        @Override
        public void onResponse(HttpResponse response) {
            http.answer(this, response);
        }
    }
}
