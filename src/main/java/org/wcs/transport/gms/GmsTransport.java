package org.wcs.transport.gms;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Events;
import org.wcs.transport.Form;
import org.wcs.transport.Reply;
import org.wcs.transport.Texts;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.util.Arr;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * GMS Chat API v2 over REST polling (spec gms-v2), the back end of a {@code _genesys.widgets.webchat} with a
 * {@code dataURL} and no {@code transport.type}. Every call is a urlencoded POST under {@code dataURL}; the chat's
 * news comes from {@code refresh} polls. Identity from every answer is kept in cookies so the next page restores.
 */
public final class GmsTransport implements Transport {
    static final int START = 0, REFRESH = 1, RESTORE = 2, SEND = 3, OTHER = 4, END = 5, LIMITS = 6, UPLOAD = 7;

    private final TransportContext context;
    private final TransportListener listener;
    private final Value config;
    final GmsSession session;
    final GmsPoller poller;
    private final String base;
    private final boolean trailingSlash;
    private final int ajaxTimeout;
    private final int uploadTimeout;

    boolean active;
    /** A refresh is in flight (only one at a time). */
    boolean polling;
    private boolean disconnected;
    private boolean offline;
    private int pollExceptions;
    /** An outage (statusCode 1) is under way and {@code connectionPending} went out. */
    private boolean pending;
    /** Set when the chat ended here: late answers of that chat are ignored. */
    private boolean over;
    private Cancellable startLock;

    public GmsTransport(TransportContext context) {
        this.context = context;
        this.listener = context.listener;
        this.config = context.config;
        this.session = new GmsSession(context.cookies);
        this.poller = new GmsPoller(this, context, config);
        String url = config.get("dataURL").str(config.get("serverURL").str(""));
        base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        trailingSlash = config.get("enableUrlTrailingSlash").bool(true);
        ajaxTimeout = context.number(config, "ajaxTimeout", 3000);
        uploadTimeout = context.number(config, "fileUploadTimeout", 0);
    }

    // ------------------------------------------------------------------ requests

    private String url(String op) {
        String chat = session.chatId();
        String path = trailingSlash || !chat.isEmpty() ? "/" + chat : "";
        return base + path + (op == null ? "" : "/" + op);
    }

    private HttpRequest request(String op, int timeout) {
        HttpRequest r = new HttpRequest("POST", url(op)).timeout(timeout)
                .credentials(config.get("xhrFields").get("withCredentials").truthy());
        Value apikey = config.get("apikey");
        if (apikey.isString() || apikey.isNumber()) {
            r.header("apikey", Values.text(apikey));
        }
        String auth = listener.header("Authorization");
        if (auth != null) {
            r.header("Authorization", auth);
        }
        return r;
    }

    /** The identity fields every call starts with. */
    private Form form() {
        return new Form(context.platform.page).add("alias", session.data.get("alias").str(""))
                .add("secureKey", session.data.get("secureKey").str(""))
                .add("userId", session.data.get("userId").str(""));
    }

    private void post(String op, Form form, int kind, Reply reply) {
        if (active && !session.stored()) {
            // Another tab ended the chat and took the cookies: end here too instead of talking to a closed chat.
            finish();
            reply.fail(Values.of(Texts.NO_ACTIVE_SESSION));
            return;
        }
        HttpRequest r = request(op, ajaxTimeout).body("application/x-www-form-urlencoded", form.toString());
        context.platform.http.send(r, new GmsCall(this, kind, reply, null));
    }

    /** Multipart call (limits, upload): alias, userId, secureKey after the file, as the original orders them. */
    private void postMultipart(String op, Value file, int kind, Reply reply) {
        HttpRequest r = request(op, uploadTimeout);
        if (file != null) {
            r.part("file", file);
        }
        for (String k : new String[] {"alias", "userId", "secureKey"}) {
            r.part(k, session.data.get(k));
        }
        context.platform.http.send(r, new GmsCall(this, kind, reply, file));
    }

    /** Completion of one call: the generic handling of spec §2.4/§2.5, then what the call itself needs. */
    void answer(GmsCall call, HttpResponse r) {
        if (call.kind == REFRESH || call.kind == RESTORE) {
            polling = false;
        }
        if (over && call.kind != END) {
            return;
        }
        Value body = null;
        if (r.ok()) {
            try {
                body = Values.parse(r.body);
            } catch (JsError e) {
                body = null;
            }
        }
        if (body == null || !body.isRecord()) {
            failed(call, r);
            return;
        }
        if (session.update(body) && active) {
            session.store();
            listener.sessionData(session.data);
        }
        if (disconnected) {
            disconnected = false;
            listener.report(Events.RECONNECTED, Values.object());
        }
        int status = (int) body.get("statusCode").num();
        if (body.get("chatEnded").truthy() && status == 2 && body.get("errors").length() > 0) {
            listener.report(Events.ERROR, body);
        }
        listener.report(Events.AJAX_RESPONSE, body);
        switch (call.kind) {
            case START:
                releaseStartLock();
                if (status == 0) {
                    active = true;
                    session.store();
                    listener.started(session.data);
                    call.reply.ok(body);
                    startPolling();
                } else {
                    call.reply.fail(body);
                }
                break;
            case REFRESH:
                health(status);
                take(body, false);
                call.reply.ok(body);
                break;
            case RESTORE:
                restored(call, body, status);
                break;
            case UPLOAD:
            case SEND:
                poller.fast();
                if (call.kind == UPLOAD && status != 0) {
                    call.reply.fail(body);
                    break;
                }
                call.reply.ok(body);
                if (body.get("chatEnded").truthy()) {
                    finish();
                }
                break;
            default:
                call.reply.ok(body);
        }
    }

    private void failed(GmsCall call, HttpResponse r) {
        Value xhr = Values.object().set("status", r.status).set("responseText", r.body);
        Value json;
        try {
            json = r.body.isEmpty() ? Values.undefined() : Values.parse(r.body);
        } catch (JsError e) {
            json = Values.undefined();
        }
        xhr.set("responseJSON", json);
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
        if (r.status == 0 || (r.ok() && !json.isRecord())) {
            if (active) {
                disconnected = true;
                listener.report(Events.DISCONNECTED, Values.object());
            } else {
                listener.report(Events.ERROR, xhr);
            }
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
                listener.report(Events.ERROR, xhr);
            }
        }
        if (call.kind == RESTORE) {
            session.clear();
            listener.report(Events.RESTORE_FAILED, Values.object());
            call.reply.fail(Values.undefined());
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
            listener.report(Events.ERROR, xhr);
        } else if (r.status == 0) {
            listener.report(Events.ERROR, Values.object().set("status", 0).set("errorReason", "FileUploadError")
                    .set("filename", name).set("file", call.file));
        }
        call.reply.fail(xhr);
    }

    // ------------------------------------------------------------------ transcript and health

    /** New transcript events of a refresh: in index order, each index once, then the end if the server says so. */
    private void take(Value body, boolean restoring) {
        Value raw = body.get("messages");
        Arr<Value> fresh = new Arr<>();
        for (int i = 0; i < raw.length(); i++) {
            Value m = raw.at(i);
            double index = m.get("index").num();
            if (m.isRecord() && index == index) {
                int at = fresh.size();
                while (at > 0 && fresh.get(at - 1).get("index").num() > index) {
                    at--;
                }
                fresh.add(at, m);
            }
        }
        Value messages = Values.array();
        Value originals = Values.array();
        for (int i = 0; i < fresh.size(); i++) {
            Value m = fresh.get(i);
            if (session.first(m.get("index").num())) {
                messages.push(Gms.convert(m));
                originals.push(m);
            }
        }
        if (messages.length() > 0) {
            Value extras = Values.object();
            if (!body.get("idleTimerExpire").isUndefined()) {
                extras.set("idleTimeCountDown", body.get("idleTimerExpire"));
            }
            listener.messages(messages, originals, restoring, false, extras);
        }
        if (body.get("chatEnded").truthy() && active) {
            finish();
        }
    }

    /**
     * statusCode of a refresh: 1 means the chat server is unavailable. The first one of an outage publishes
     * {@code connectionPending}; more than {@code pollExceptionLimit} in a row publish {@code chatServerWentOffline};
     * the first 0 after that publishes {@code chatServerBackOnline}, {@code connectionRestored} and
     * {@code reconnected} (only {@code connectionRestored} if the outage never reached the limit).
     */
    private void health(int status) {
        if (status == 1) {
            if (!pending) {
                pending = true;
                listener.report(Events.CONNECTION_PENDING, Values.object());
            }
            if (++pollExceptions > context.number(config, "pollExceptionLimit", 5)) {
                listener.report(Events.SERVER_OFFLINE, Values.object());
                pollExceptions = 0;
                offline = true;
            }
        } else if (status == 0) {
            if (offline) {
                listener.report(Events.SERVER_ONLINE, Values.object());
            }
            if (pending) {
                listener.report(Events.CONNECTION_RESTORED, Values.object());
            }
            if (offline) {
                listener.report(Events.RECONNECTED, Values.object());
            }
            offline = false;
            pending = false;
            pollExceptions = 0;
        }
    }

    /** One refresh; {@code reply} is null for the poller's own ticks. */
    void refresh(Reply reply) {
        polling = true;
        session.ping(context.platform.scheduler.now());
        post("refresh", form().add("transcriptPosition", Values.numberToString(session.position))
                .add("message", listener.previewText()), REFRESH, reply == null ? GmsCall.NONE : reply);
    }

    private void startPolling() {
        poller.start();
        listener.report(Events.POLLING_STARTED, Values.object());
    }

    private void stopPolling() {
        if (poller.running()) {
            poller.stop();
            listener.report(Events.POLLING_STOPPED, Values.object());
        }
    }

    /** The chat is over on this page: no more polls, no more cookies; tells the service when it ended here. */
    private void finish() {
        boolean wasActive = active;
        active = false;
        over = true;
        stopPolling();
        session.forget();
        if (wasActive) {
            listener.ended();
        }
    }

    // ------------------------------------------------------------------ Transport

    @Override
    public void start(Value request, Reply reply) {
        long now = context.platform.scheduler.now();
        String lock = context.cookies.get(GmsSession.START_LOCK);
        if (lock != null && now - Gms.number(lock) < 2000) {
            reply.fail(Values.object().set("statusCode", 1));
            return;
        }
        lockStart();
        over = false;
        offline = false;
        pending = false;
        disconnected = false;
        pollExceptions = 0;
        session.forget();
        Value form = request.get("form");
        Form f = form().add("nickname", form.get("nickname").str(""))
                .add("firstName", form.get("firstname").str(""))
                .add("lastName", form.get("lastname").str(""))
                .add("emailAddress", form.get("email").str(""))
                .add("subject", form.get("subject").str(""))
                .add("text", "")
                .add("userData", GmsStart.userData(context, request.get("userData")));
        if (config.get("endpoint").isString()) {
            f.add("endpoint", config.get("endpoint").str());
        }
        post(null, f, START, reply);
    }

    /** Tells other tabs a chat is being started, refreshed every 500 ms until the answer (spec §8.1). */
    private void lockStart() {
        context.cookies.set(GmsSession.START_LOCK, Values.numberToString(context.platform.scheduler.now()));
        startLock = context.platform.scheduler.schedule(500, this::lockStart);
    }

    private void releaseStartLock() {
        if (startLock != null) {
            startLock.cancel();
            startLock = null;
            context.cookies.remove(GmsSession.START_LOCK);
        }
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        Form f = form().add("message", text).add("messageType", type);
        if (parentMessageId != null) {
            f.add("eventAttributes", Values.stringify(Values.object().set("general-properties",
                    Values.object().set("related-event-id", parentMessageId))));
        }
        post("send", f, SEND, reply);
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        post(started ? "startTyping" : "stopTyping", form().add("transcriptPosition",
                Values.numberToString(session.position)).add("message", preview), OTHER, reply);
    }

    @Override
    public void end(Reply reply) {
        stopPolling();
        HttpRequest r = request("disconnect", ajaxTimeout).body("application/x-www-form-urlencoded",
                form().toString());
        active = false;
        over = true;
        session.forget();
        context.platform.http.send(r, new GmsCall(this, END, reply, null));
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        if (!session.load()) {
            reply.fail(Values.of(Texts.NOTHING_TO_RESTORE));
            return;
        }
        long ping = session.lastPing();
        if (ping >= 0 && context.platform.scheduler.now() - ping >= context.number(config, "restoreTimeout", 60000)) {
            session.forget();
            listener.report(Events.RESTORE_TIMEOUT, Values.object());
            reply.fail(Values.of(Texts.NOTHING_TO_RESTORE));
            return;
        }
        over = false;
        polling = true;
        post("refresh", form().add("transcriptPosition", "1").add("message", ""), RESTORE, reply);
    }

    private void restored(GmsCall call, Value body, int status) {
        if (!Values.of(false).same(body.get("chatEnded"))) {
            session.forget();
            listener.report(Events.RESTORE_TIMEOUT, Values.object());
            call.reply.fail(body);
            return;
        }
        active = true;
        session.store();
        listener.report(Events.RESTORED, Values.object());
        take(body, true);
        startPolling();
        if (status == 1) {
            offline = true;
            listener.report(Events.RESTORED_OFFLINE, Values.object());
        }
        call.reply.ok(body);
    }

    @Override
    public String resumeCommand() {
        return session.stored() ? "restore" : null;
    }

    @Override
    public Value sessionData() {
        return session.data;
    }

    @Override
    public void fetchHistory(Reply reply) {
        reply.fail(Values.of(Texts.HISTORY_NEEDS_ASYNC));
    }

    @Override
    public void customNotice(String message, Reply reply) {
        post("customNotice", form().add("message", message), OTHER, reply);
    }

    @Override
    public void resetIdle() {
        post("customNotice", form().add("eventAttributes", "{\"purpose\":\"cancel-idle-timer\"}"), OTHER,
                GmsCall.NONE);
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        post("updateData", form().add("userData", data), OTHER, reply);
    }

    @Override
    public void fileLimits(Reply reply) {
        postMultipart("file/limits", null, LIMITS, reply);
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        postMultipart("file", file, UPLOAD, reply);
    }

    @Override
    public void downloadFile(String fileId, String fileName, Reply reply) {
        context.platform.page.submitForm(url("file/" + fileId + "/download"), new String[] {
            "alias", session.data.get("alias").str(""), "secureKey", session.data.get("secureKey").str(""),
            "userId", session.data.get("userId").str("")});
        reply.ok(Values.undefined());
    }

    @Override
    public void startPoll(Reply reply) {
        if (!poller.running()) {
            startPolling();
        }
        reply.ok(Values.undefined());
    }

    @Override
    public void stopPoll(Reply reply) {
        if (!poller.running()) {
            reply.fail(Values.of(Texts.NOT_POLLING));
            return;
        }
        stopPolling();
        reply.ok(Values.undefined());
    }

    @Override
    public void poll(Reply reply) {
        if (polling) {
            reply.fail(Values.of(Texts.POLL_PENDING));
        } else {
            refresh(reply);
        }
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        pollExceptions = 0;
        offline = false;
        pending = false;
        reply.ok(Values.undefined());
    }

    @Override
    public void sleep(boolean sleeping) {
        poller.sleep(sleeping);
        if (!sleeping) {
            resetIdle();
        }
    }

    /** The one HTTP callback class of this transport: which call it answers, and to whom. */
    static final class GmsCall implements Http.Callback {
        static final Reply NONE = new Reply() {
            @Override
            public void ok(Value result) {
            }

            @Override
            public void fail(Value reason) {
            }
        };

        private final GmsTransport transport;
        final int kind;
        final Reply reply;
        final Value file;

        GmsCall(GmsTransport transport, int kind, Reply reply, Value file) {
            this.transport = transport;
            this.kind = kind;
            this.reply = reply;
            this.file = file;
        }

        @Override
        public void onResponse(HttpResponse response) {
            transport.answer(this, response);
        }
    }
}
