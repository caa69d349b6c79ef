package org.wcs.transport.gms;

import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Backoff;
import org.wcs.transport.Outage;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.StateCookies;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.transport.TransportTexts;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * GMS Chat API v2 (spec gms-v2), the back end of a {@code _genesys.widgets.webchat} with no {@code transport.type}.
 * Over REST polling every call is a urlencoded POST under {@code dataURL} and the chat's news comes from
 * {@code refresh} polls. With {@code cometD.enabled} the same calls are published over Bayeux ({@link GmsComet}) and
 * the news is pushed; both kinds of answer go through {@link #handle}, so identity, status codes, the transcript and
 * the end are processed one way. Identity from every answer is kept in cookies so the next page restores.
 */
public final class GmsTransport implements Transport {
    /** What an answer is for; {@code PUSH} is a CometD push that answers no call of ours. */
    static final int START = 0, REFRESH = 1, RESTORE = 2, SEND = 3, OTHER = 4, END = 5, LIMITS = 6, UPLOAD = 7,
        PUSH = 8;

    final TransportContext context;
    final TransportListener listener;
    private final Value config;
    final GmsSession session;
    final GmsPoller poller;
    /** REST calls, and the file calls of both modes. */
    final GmsHttp http;
    /** CometD mode (spec §13), or null for REST polling. */
    final GmsPush comet;

    /**
     * The chat generation ({@link TransportListener#generation}) of the chat running on this transport, or -1. A chat
     * runs here while that is still the service's current generation: a start, restore or end of the service moves
     * the generation on and so ends it here too, without the transport being told (the service owns the lifecycle).
     */
    private int chat = -1;
    /** The REST refresh (or restore) in flight, only one at a time; null when none (or in CometD mode). */
    GmsHttp.GmsCall refreshing;
    /** Refreshes in a row answered {@code statusCode: 1}. */
    private int pollExceptions;
    /**
     * REST: failed requests in a row on the running chat (network, timeout, an HTTP error without a GMS body,
     * garbage), and how long polls wait after each. Its count is the outage: wire mechanics, not the service's status.
     */
    final Outage outage;
    /** The error event of the current outage (401, 403, InvalidService) went out: once per outage. */
    private boolean outageErrorShown;

    /** {@code cometD}: how this build opens CometD, or null in a build that has none (REST polling only). */
    public GmsTransport(TransportContext context, GmsPushes cometD) {
        this.context = context;
        this.listener = context.listener;
        this.config = context.config;
        this.session = new GmsSession(context.cookies);
        this.poller = new GmsPoller(this, context, config);
        http = new GmsHttp(this, context);
        comet = cometD != null && config.get("cometD").get("enabled").truthy() ? cometD.open(this, context) : null;
        outage = new Outage(listener, new Backoff(context.platform.random, poller.rate, Backoff.cap(context)),
                context.number(config, "pollExceptionLimit", 5));
    }

    /**
     * Writes a chat's identity ({@code {sessionID, secureKey, alias, userId}}, as {@link #sessionData} gives it) into
     * {@code cookies} as an earlier page would have left it, so that the next {@code restore} takes that chat up: how
     * the Chat Service JS API, which keeps its own state object, hands a chat to the private core it restores on.
     */
    public static void seed(StateCookies cookies, Value identity) {
        GmsSession s = new GmsSession(cookies);
        s.update(Values.object().set("chatId", identity.get("sessionID")).set("secureKey", identity.get("secureKey"))
                .set("alias", identity.get("alias")).set("userId", identity.get("userId")));
        s.store();
    }

    /** Whether a chat runs on this transport: it started or was restored in the service's current generation. */
    boolean active() {
        return chat >= 0 && chat == listener.generation();
    }

    // ------------------------------------------------------------------ requests

    /** The identity fields every call starts with; the call's own fields are added after them, in order. */
    Value fields() {
        return Values.object().set("alias", session.data.get("alias")).set("secureKey", session.data.get("secureKey"))
                .set("userId", session.data.get("userId"));
    }

    /**
     * One call: {@code op} (REST's name, null for requestChat) with {@code fields}, by the mode's wire; returns the
     * REST call (null in CometD mode or when nothing was sent).
     */
    private GmsHttp.GmsCall call(String op, Value fields, int kind, Reply reply) {
        if (active() && !session.stored()) {
            // Another tab ended the chat and took the cookies: end here too instead of talking to a closed chat.
            finish();
            reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            return null;
        }
        if (comet != null) {
            comet.publish(op, fields, kind, reply);
            return null;
        }
        return http.post(http.url(op), fields, kind, reply);
    }

    /**
     * A multipart file call (limits, upload). REST: under {@code dataURL}, with alias, userId, secureKey after the
     * file, as the original orders them. CometD: to {@code cometD.apiURL}, with {@code operation} and
     * {@code secureKey} (§11).
     */
    private void files(String op, String operation, Value file, int kind, Reply reply) {
        if (comet != null && comet.apiUrl().isEmpty()) {
            reply.fail(Values.of(GmsTexts.COMETD_FAILED));
            return;
        }
        HttpRequest r = http.request(comet != null ? comet.apiUrl() : http.url(op), http.uploadTimeout);
        if (file != null) {
            r.part("file", file);
        }
        if (comet != null) {
            r.part("operation", Values.of(operation)).part("secureKey", session.data.get("secureKey"));
        } else {
            for (String k : new String[] {"alias", "userId", "secureKey"}) {
                r.part(k, session.data.get(k));
            }
        }
        http.send(r, kind, reply, file);
    }

    /**
     * A GMS answer, the body of a REST call or the data of a CometD push: the generic handling of spec §2.4 and §13.4
     * (identity, errors), then what the call it answers needs. In CometD mode an error push is an {@code error} even
     * when the chat goes on, and the connection state comes from Bayeux, not from answers. {@code raw} is what the
     * original publishes as {@code ajaxResponse} for it (see {@link GmsHttp#answer}), null for a push: it publishes
     * it after the answer's own events and before polling starts (its {@code startPoll} is a command, a turn later).
     */
    void handle(int kind, Value body, Value raw, Reply reply) {
        // An answer that comes once the chat is over (the end's own, a late poll) does not bring its identity back:
        // the identity stays empty, as the original's (issue 13)
        boolean ours = (active() || kind == START || kind == RESTORE) && kind != END;
        if (ours && session.update(body) && active()) {
            session.store();
            listener.sessionData(session.data);
        }
        if (comet == null) {
            reached();
        }
        int status = (int) body.get("statusCode").num();
        if (status == 2 && body.get("errors").length() > 0 && (comet != null || body.get("chatEnded").truthy())) {
            listener.error(body);
        }
        switch (kind) {
            case START:
                http.releaseStartLock();
                if (status == 0) {
                    chat = listener.generation(); // the answer's generation: a stale one never gets here
                    session.store();
                    listener.started(session.data);
                    answered(raw);
                    // CometD resolves {statusCode: 0}, as its original does and as its other calls do; REST the answer
                    reply.ok(comet != null ? Values.object().set("statusCode", 0) : body);
                    startPolling();
                    if (comet != null) {
                        take(body, false); // REST reads them again with the first refresh; a push is the news
                    }
                } else {
                    answered(raw);
                    reply.fail(body);
                }
                return;
            case RESTORE:
                restored(reply, body, raw, status);
                return;
            case PUSH:
            case REFRESH:
                health(status);
                take(body, false);
                reply.ok(body);
                break;
            case UPLOAD:
            case SEND:
                poller.fast();
                if (kind == UPLOAD && status != 0) {
                    reply.fail(body);
                    break;
                }
                reply.ok(body);
                if (body.get("chatEnded").truthy()) {
                    finish();
                }
                break;
            case LIMITS:
                reply.ok(raw); // the server's text, as the original resolves it (the WebChat UI parses it)
                break;
            default:
                reply.ok(body);
        }
        answered(raw);
    }

    /** {@code ajaxResponse} for an HTTP answer; none for a push. */
    void answered(Value raw) {
        if (raw != null) {
            listener.exchanged(raw);
        }
    }

    /**
     * REST: a GMS answer came for the running chat. If requests were failing, the outage is over: polls go back to
     * their cadence and {@link ConnectionStatus#ONLINE} is reported (a {@code statusCode: 1} in the same answer is
     * reported after it, by {@link #health}).
     */
    void reached() {
        if (outage.succeeded()) {
            outageErrorShown = false;
            poller.resume();
        }
    }

    /**
     * REST: a request on the running chat failed without a GMS answer (network, timeout, an HTTP error without a
     * usable body, garbage). Polls wait for the back-off (never less than their normal interval, nor than a 429 or
     * 503's {@code Retry-After}); the first failure of an outage is {@link ConnectionStatus#PENDING}, more than
     * {@code pollExceptionLimit} in a row {@link ConnectionStatus#DISCONNECTED}. {@code error}, when not null, is
     * published once per outage.
     */
    void unreachable(HttpResponse r, Value error) {
        poller.holdFor(outage.failed(Math.max(poller.interval(), outage.retryAfterMs(r))));
        if (error != null && !outageErrorShown) {
            outageErrorShown = true;
            listener.error(error);
        }
    }

    void restoreFailed(Reply reply) {
        session.clear();
        listener.restoreOutcome(RestoreOutcome.FAILED, Values.object());
        reply.fail(Values.undefined());
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
            session.savePosition();
            Value extras = Values.object();
            if (!body.get("idleTimerExpire").isUndefined()) {
                extras.set("idleTimeCountDown", body.get("idleTimerExpire"));
            }
            listener.batch(messages, originals, restoring ? BatchKind.RESTORED : BatchKind.LIVE, extras);
        }
        if (body.get("chatEnded").truthy() && active()) {
            finish();
        }
    }

    /**
     * statusCode of a refresh: 1 means the chat server is unavailable. The first one of an outage is
     * {@link ConnectionStatus#PENDING}; more than {@code pollExceptionLimit} in a row {@link ConnectionStatus#OFFLINE};
     * 0 is {@link ConnectionStatus#ONLINE}. The service turns the changes into events.
     */
    private void health(int status) {
        if (status == 1) {
            boolean pastLimit = ++pollExceptions > context.number(config, "pollExceptionLimit", 5);
            listener.connection(pastLimit ? ConnectionStatus.OFFLINE : ConnectionStatus.PENDING);
        } else if (status == 0) {
            listener.connection(ConnectionStatus.ONLINE);
            pollExceptions = 0;
        }
    }

    /** One refresh; {@code reply} is null for the poller's own ticks. */
    void refresh(Reply reply) {
        session.ping(context.platform.scheduler.now());
        refreshing = call("refresh", fields().set("transcriptPosition", session.position).set("message", listener.previewText()),
                REFRESH, reply == null ? Reply.IGNORE : reply);
    }

    private void startPolling() {
        if (comet != null) {
            return;
        }
        poller.start();
        listener.polling(true);
    }

    private void stopPolling() {
        if (poller.running()) {
            poller.stop();
            listener.polling(false);
        }
    }

    /** The chat is over on this page: no more polls, no more cookies; tells the service when it ended here. */
    private void finish() {
        boolean wasActive = active();
        chat = -1;
        stopPolling();
        session.forget();
        if (comet != null) {
            comet.close(true);
        }
        if (wasActive) {
            listener.ended();
        }
    }

    // ------------------------------------------------------------------ Transport

    @Override
    public void start(Value request, Reply reply) {
        if (comet == null && http.locked()) {
            reply.fail(Values.object().set("statusCode", 1));
            return;
        }
        forgetLink();
        session.forget();
        Value form = request.get("form");
        Value f = fields().set("nickname", form.get("nickname").str(""))
                .set("firstName", form.get("firstname").str(""))
                .set("lastName", form.get("lastname").str(""))
                .set("emailAddress", form.get("email").str(""))
                .set("subject", form.get("subject").str(""))
                .set("text", "")
                .set("userData", GmsStart.userData(context, request.get("userData")));
        if (config.get("endpoint").isString()) {
            f.set("endpoint", config.get("endpoint"));
        }
        call(null, f, START, reply);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        Value f = fields().set("message", text).set("messageType", type);
        if (parentMessageId != null) {
            f.set("eventAttributes", Values.object().set("general-properties",
                    Values.object().set("related-event-id", parentMessageId)));
        }
        call("send", f, SEND, reply);
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        call(started ? "startTyping" : "stopTyping", fields().set("transcriptPosition", session.position)
                .set("message", preview), OTHER, reply);
    }

    @Override
    public void end(Reply reply) {
        stopPolling();
        chat = -1; // the service's generation has moved on already; this says so before its answer comes
        // Sent before the identity is forgotten; the answer comes later, whatever happens next.
        if (comet != null) {
            comet.publish("disconnect", fields(), END, reply);
        } else {
            http.post(http.url("disconnect"), fields(), END, reply);
        }
        session.forget();
    }

    /** Polls stop, the CometD connection closes without a goodbye; the identity stays (cookies included). */
    @Override
    public void silence() {
        poller.stop();
        chat = -1;
        refreshing = null;
        if (comet != null) {
            comet.close(false);
        }
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        restoreFrom(1, reply);
    }

    /**
     * Restores from the newest index the tab shows: the server's answer starts with that item again (dropped as seen),
     * then what the tab lacks. GMS has no history pages outside async mode, so the oldest item does not matter.
     */
    @Override
    public boolean takeOver(Value shown, Reply reply) {
        double index = Transport.edge(shown, "index", true).num();
        if (!(index >= 1)) {
            return Transport.super.takeOver(shown, reply);
        }
        restoreFrom((int) index, reply);
        return true;
    }

    /** Restores the stored chat, its transcript read from {@code position} (1: all of it; more: that item is seen). */
    private void restoreFrom(int position, Reply reply) {
        if (!session.load()) {
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
            return;
        }
        double ping = session.lastPing();
        if (ping >= 0 && context.platform.scheduler.now() - ping >= context.number(config, "restoreTimeout", 60000)) {
            session.forget();
            listener.restoreOutcome(RestoreOutcome.TIMED_OUT, Values.object());
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
            return;
        }
        forgetLink();
        if (position > 1) {
            session.first(position);
        }
        refreshing = call("refresh", fields().set("transcriptPosition", position).set("message", ""), RESTORE, reply);
    }

    /** A new chat (start or restore): nothing of the link to the earlier one counts, its refresh blocks no poll. */
    private void forgetLink() {
        pollExceptions = 0;
        outage.reset();
        outageErrorShown = false;
        poller.resume();
        refreshing = null;
    }

    private void restored(Reply reply, Value body, Value raw, int status) {
        if (!Values.of(false).same(body.get("chatEnded"))) {
            session.forget();
            listener.restoreOutcome(RestoreOutcome.TIMED_OUT, Values.object());
            answered(raw);
            reply.fail(body);
            return;
        }
        chat = listener.generation();
        session.store();
        listener.restoreOutcome(RestoreOutcome.RESTORED, Values.object());
        take(body, true);
        if (status == 1) {
            listener.restoreOutcome(RestoreOutcome.RESTORED_OFFLINE, Values.object());
        }
        answered(raw);
        startPolling();
        reply.ok(body);
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
        reply.fail(Values.of(TransportTexts.HISTORY_NEEDS_ASYNC));
    }

    @Override
    public boolean sendsCustomNotices() {
        return true;
    }

    @Override
    public void customNotice(String message, Reply reply) {
        call("customNotice", fields().set("message", message), OTHER, reply);
    }

    @Override
    public void resetIdle() {
        call("customNotice", fields().set("eventAttributes", Values.object().set("purpose", "cancel-idle-timer")),
                OTHER, Reply.IGNORE);
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        call("updateData", fields().set("userData", data), OTHER, reply);
    }

    @Override
    public void fileLimits(Reply reply) {
        files("file/limits", "fileGetLimits", null, LIMITS, reply);
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        files("file", "fileUpload", file, UPLOAD, reply);
    }

    @Override
    public void downloadFile(String fileId, String fileName, Reply reply) {
        GmsSession keys = session;
        if (session.chatId().isEmpty()) {
            // A tab that shows another tab's chat (tabs share one connection) downloads itself, where the customer
            // clicked: the form opens a new window, which the browser lets only a tab with a recent click open. Its
            // own transport is idle there, and the chat's keys are in the cookies.
            keys = new GmsSession(context.cookies);
            keys.load();
        }
        String secureKey = keys.data.get("secureKey").str("");
        if (fileId == null) {
            reply.fail(Values.of(TransportTexts.NO_FILE_ID));
            return;
        }
        String url = comet == null ? http.url("file/" + context.platform.page.encodeSegment(fileId) + "/download")
                : comet.apiUrl();
        if (url.isEmpty()) {
            reply.fail(Values.of(GmsTexts.DOWNLOAD_MISCONFIGURED));
            return;
        }
        context.platform.page.submitForm(url, comet == null ? new String[] {"alias",
            keys.data.get("alias").str(""), "secureKey", secureKey, "userId", keys.data.get("userId").str("")}
            : new String[] {"secureKey", secureKey, "fileId", fileId, "operation", "fileDownload"});
        reply.ok(Values.undefined());
    }

    @Override
    public void startPoll(Reply reply) {
        if (comet != null) {
            reply.fail(Values.of(GmsTexts.POLLING_WITH_COMETD));
            return;
        }
        if (!poller.running()) {
            startPolling();
        }
        reply.ok(Values.undefined());
    }

    @Override
    public void stopPoll(Reply reply) {
        if (!poller.running()) {
            reply.fail(Values.of(TransportTexts.NOT_POLLING));
            return;
        }
        stopPolling();
        reply.ok(Values.undefined());
    }

    @Override
    public void poll(Reply reply) {
        if (comet != null) {
            reply.fail(Values.of(GmsTexts.POLLING_WITH_COMETD));
        } else if (refreshing != null) {
            reply.fail(Values.of(GmsTexts.POLL_PENDING));
        } else {
            refresh(reply);
        }
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        pollExceptions = 0;
        reply.ok(Values.undefined());
    }

    /** REST: polls every {@code pollRateSleep} while resting; CometD keeps its connection as it is. */
    @Override
    public void rest(boolean resting) {
        poller.rest(resting);
    }

    @Override
    public void sleep(boolean sleeping) {
        poller.sleep(sleeping);
        if (!sleeping) {
            resetIdle();
        }
    }
}
