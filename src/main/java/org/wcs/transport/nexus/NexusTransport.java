package org.wcs.transport.nexus;

import org.wcs.platform.Cancellable;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Base64;
import org.wcs.transport.Events;
import org.wcs.transport.GenesysKeys;
import org.wcs.transport.Reply;
import org.wcs.transport.SiteCookies;
import org.wcs.transport.Texts;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Genesys Multicloud CX v3 chat ("Nexus", {@code transport.type = "pureengage-v3-rest"}, spec pureengage-v3.md):
 * REST with short polling, a JWT client token per customer, and async chats kept in the integrator's store.
 *
 * <p>The session is the token's claims. It lives in memory; the site's cookies keep its id (and, without async mode,
 * the token) for the next page, and in async mode the integrator's store keeps the token. Every answer is handled in
 * {@link #answer}; an answer for a session that has since ended is not acted on.
 */
public final class NexusTransport implements Transport {
    public static final String TYPE = "pureengage-v3-rest";
    private static final String COOKIE = SiteCookies.STATE + TYPE + ".";
    static final int AGENT_TYPING_MS = 3000;
    /** Page size of a restore without async mode: the whole transcript. */
    static final int ALL = 10000;

    // Kinds of Call. From RESUME on, a step belongs to a session and is dropped once that session is over.
    static final int CREATE = 0, SEND = 1, USER_DATA = 2, UPLOAD = 3, END = 4, IMAGE = 5, CAPABILITIES = 6,
        TYPING_TIMEOUT = 7, RESUME = 8, RESTORE = 9, POLL = 10, HISTORY = 11;

    final TransportContext context;
    final TransportListener listener;
    final Config config;
    private final Wire wire;
    private final Poller poller;
    /** The integrator's store; null without async mode. */
    private final SessionStore store;

    /** Generation of the session: bumped whenever one ends or another begins. */
    int session;
    /** Claims of the current (or resuming) session plus {@code token}; null when there is none. */
    private Value claims;
    private String token;
    private String sid;
    private String pid;
    /** Sanitized indexes already published in this session. */
    private Value seen;
    /** Raw index of the newest message seen live, and its sanitized form. */
    private String lastRaw;
    private String newest;
    /** What the store was last told; the original sent it backwards while paging (quirk 13). */
    private String saved;
    /** Raw index history pages start from, and whether nothing older is left. */
    private String anchor;
    private boolean exhausted;
    private boolean disconnected;
    private Cancellable agentTyping;

    public NexusTransport(TransportContext context) {
        this.context = context;
        this.listener = context.listener;
        this.config = new Config(context);
        this.wire = new Wire(context.platform, config);
        this.poller = new Poller(this, context.platform, config);
        this.store = config.async ? new SessionStore(context, config.callbacks) : null;
        reset();
    }

    // ---- what the service asks --------------------------------------------------------------------------------

    @Override
    public void start(Value request, Reply reply) {
        reset();
        Value form = request.get("form");
        Value first = form.get("firstname");
        Value nick = form.get("nickname");
        Value data = Values.object().set("firstName", first).set("lastName", form.get("lastname"))
                .set("nickname", nick.truthy() ? nick : first.truthy() ? first : form.get("firstName"));
        // form.userData is merged, not a replacement of everything else (quirk 11)
        Value userData = Values.assign(userData(form.get("userData")), request.get("userData"));
        if (!userData.get("phone").isNullish()) {
            userData.set("PhoneNumber", Values.text(userData.get("phone")));
        }
        session(data, userData);
        for (String k : form.keys()) {
            if (!(k.equals("firstname") || k.equals("lastname") || k.equals("nickname") || k.equals("userData"))) {
                data.set(k, form.get(k));
            }
        }
        send(wire.form(wire.request("POST", config.base, null, config.ajaxMs), data), CREATE, reply);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        message(Values.lower(type).equals("text") ? "Text" : type, text, reply);
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        message(started ? "TypingStarted" : "TypingStopped", preview, reply);
    }

    private void message(String type, String text, Reply reply) {
        if (active(reply)) {
            send(wire.form(wire.request("POST", url("/messages"), token, config.ajaxMs),
                    Values.object().set("type", type).set("text", text)), SEND, reply);
        }
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        if (active(reply)) {
            send(wire.form(wire.request("PUT", url("/userdata"), token, config.ajaxMs), data), USER_DATA, reply);
        }
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        if (active(reply)) {
            send(wire.request("POST", url("/images"), token, 0).part("file", file)
                    .part("operationId", Values.of(wire.operationId())), UPLOAD, reply);
        }
    }

    /** Leaves the chat. Polling stops first; the session is forgotten here and in the store whatever the answer. */
    @Override
    public void end(Reply reply) {
        poller.stop();
        if (sid == null) {
            forget();
            reply.ok(Values.object());
            return;
        }
        HttpRequest r = wire.form(wire.request("DELETE", url("/participants/" + pid), token, 0), Values.undefined());
        Call c = new Call(this, END, reply);
        c.subject = claims;
        forget();
        context.platform.http.send(r, c);
    }

    /** {@code restore({sessionData: "<JWT>"})} resumes that token in async mode; otherwise the stored session. */
    @Override
    public void restore(Value sessionData, Reply reply) {
        restore(sessionData, Values.of(Texts.NOTHING_TO_RESTORE), reply);
    }

    /** What the page loads with: the stored session (cookies, or the integrator's store), if any. */
    @Override
    public void asyncRestore(Reply reply) {
        context.platform.scheduler.schedule(0, new Call(this, CAPABILITIES, null));
        restore(Values.undefined(), Values.undefined(), reply);
    }

    @Override
    public String resumeCommand() {
        return "asyncRestore";
    }

    @Override
    public Value sessionData() {
        return claims == null ? Values.object() : claims;
    }

    /** One more page of older messages (async only), before the oldest one this page has seen (spec 10). */
    @Override
    public void fetchHistory(Reply reply) {
        if (store == null) {
            reply.fail(Values.of(Texts.HISTORY_NEEDS_ASYNC));
        } else if (active(reply)) {
            if (exhausted || anchor == null) {
                poller.resume();
                reply.fail(Values.of(Texts.NO_MORE_MESSAGES));
                return;
            }
            poller.pause();
            read("index=" + anchor + "&count=" + config.pageSize + "&", "", HISTORY, 0, reply);
        }
    }

    @Override
    public void startPoll(Reply reply) {
        if (active(reply)) {
            poller.start();
            reply.ok(Values.undefined());
        }
    }

    @Override
    public void stopPoll(Reply reply) {
        if (poller.running) {
            poller.stop();
            reply.ok(Values.undefined());
        } else {
            reply.fail(Values.of(Texts.NOT_POLLING));
        }
    }

    @Override
    public void pausePoll(boolean pause, Reply reply) {
        sleep(pause);
        reply.ok(Values.undefined());
    }

    @Override
    public void poll(Reply reply) {
        if (active(reply)) {
            if (poller.reading || poller.paused) {
                reply.fail(Values.of(Texts.NEXUS_POLL_PENDING));
            } else {
                poller.run();
                reply.ok(Values.undefined());
            }
        }
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        reply.fail(Values.of(Texts.NEXUS_NO_POLL_EXCEPTIONS));
    }

    @Override
    public void sleep(boolean sleeping) {
        if (sleeping) {
            poller.pause();
        } else {
            poller.resume();
        }
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    private boolean active(Reply reply) {
        if (sid == null) {
            reply.fail(Values.of(Texts.NO_ACTIVE_SESSION));
        }
        return sid != null;
    }

    private String url(String tail) {
        return config.base + "/" + sid + tail;
    }

    private void send(HttpRequest r, int kind, Reply reply) {
        context.platform.http.send(r, new Call(this, kind, reply));
    }

    /** Configured user data, the {@code _genesys_*} keys, then {@code extra}. */
    private Value userData(Value extra) {
        return Values.assign(GenesysKeys.add(Values.assign(Values.object(), config.userData),
                context.platform.page), extra);
    }

    /** The fields a create and a resume share; {@code clientType} and {@code stream} only when configured. */
    private void session(Value data, Value userData) {
        data.set("endpoint", config.transport.get("endpoint")).set("userData", userData);
        for (String k : new String[] {"clientType", "stream"}) {
            if (!config.transport.get(k).isNullish()) {
                data.set(k, config.transport.get(k));
            }
        }
    }

    /**
     * Restores {@code jwt} (async mode only) or the stored session. A session this browser already knows (its id is
     * in the session cookie) is read at once; a token from elsewhere is resumed first, which renews it.
     */
    private void restore(Value jwt, Value noSession, Reply reply) {
        boolean explicit = store != null && jwt.isString() && !jwt.str().isEmpty();
        Value t = explicit ? jwt : store != null ? store.token() : Values.of(context.cookies.get(COOKIE + "keys"));
        Value found = Jwt.claims(t);
        String known = context.cookies.get(COOKIE + "session");
        reset();
        if (found == null) {
            reply.fail(explicit ? Values.of(Texts.NEXUS_CANNOT_RESTORE_ASYNC) : noSession);
            return;
        }
        claims = found;
        if (explicit || store != null && !found.get("sessionId").str().equals(known)) {
            Value data = Values.object();
            session(data, userData(Values.undefined()));
            send(wire.form(wire.request("POST", config.base, t.str(), config.ajaxMs), data), RESUME, reply);
        } else {
            adopt(found);
            readPage(reply);
        }
    }

    private void readPage(Reply reply) {
        read("count=" + (store != null ? config.pageSize : ALL) + "&", "", RESTORE, config.ajaxMs, reply);
    }

    /** A live read; after a pause it names the last index seen (spec 4.4, 4b). Called by the poller. */
    void read(boolean afterPause) {
        read("", afterPause && lastRaw != null ? "&index=" + lastRaw : "", POLL, 0, null);
    }

    /** {@code GET .../messages?<before>operationId=<id><after>}: the query orders of spec 4.0 exactly. */
    private void read(String before, String after, int kind, int timeoutMs, Reply reply) {
        send(wire.request("GET", url("/messages?" + before + "operationId=" + wire.operationId() + after), token,
                timeoutMs), kind, reply);
    }

    /** Fetches an image attachment with the session's headers, to inline it. */
    void download(Value part, Batch batch) {
        HttpRequest r = wire.request("GET", part.get("url").str(), token, config.ajaxMs);
        r.binary = true;
        Call c = new Call(this, IMAGE, null);
        c.subject = part;
        c.batch = batch;
        context.platform.http.send(r, c);
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    /** An answer to a request ({@code r}), or a timer ({@code r} null). */
    void answer(Call c, HttpResponse r) {
        int kind = c.kind;
        if (r == null) {
            if (kind == CAPABILITIES) {
                listener.capabilities(Values.object().set("async", config.async).set("asyncClose", "endChat")
                        .set("pagination", config.async).set("fileUpload", true));
            } else if (c.session == session) {
                agentTyping = null;
                listener.agentTyping(Values.undefined(), Events.AGENT_TYPING_TIMEOUT);
            }
            return;
        }
        if (kind == IMAGE) {
            if (r.ok()) {
                c.subject.set("url", "data:" + c.subject.get("mime").str() + ";base64," + Base64.encode(r.body));
            }
            c.batch.done();
            return;
        }
        Value json = Values.object();
        boolean ok = r.ok();
        if (!r.body.isEmpty()) {
            try {
                json = Values.parse(r.body);
            } catch (JsError e) {
                json = Values.undefined();
                ok &= kind == UPLOAD; // an upload answers text
            }
        }
        Value data = json.get("data");
        if (kind == END) {
            if (store != null) {
                store.delete(Values.object().set("sessionData", c.subject).set("response", Wire.xhr(r, json)));
            }
            if (r.ok()) {
                c.reply.ok(json);
            } else {
                c.reply.fail(Wire.xhr(r, json));
            }
            return;
        }
        if (kind >= RESUME && c.session != session) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        // a new session needs a token that names it; a read needs its data object
        if (!(ok && (kind == CREATE || kind == RESUME ? adopt(Jwt.claims(data.get("clientToken")))
                : kind < RESUME || data.isRecord()))) {
            failed(c, r, json);
            return;
        }
        switch (kind) {
            case CREATE:
                persist();
                listener.started(Values.object().set("data", claims));
                poller.start();
                listener.report(Events.AJAX_RESPONSE, json);
                c.reply.ok(json);
                return;
            case RESUME:
                persist();
                listener.sessionData(claims);
                readPage(c.reply);
                return;
            case SEND:
                Value flag = json.get("chatEnded");
                if (c.session == session && flag.truthy() && (flag.isBoolean() || flag.num() == 1)) {
                    serverEnded(json);
                }
                c.reply.ok(json);
                return;
            case UPLOAD:
                c.reply.ok(Values.of(r.body));
                return;
            case POLL:
                poller.answered(200, true);
                if (disconnected) {
                    disconnected = false;
                    listener.report(Events.RECONNECTED, Values.object());
                }
                new Batch(this, Batch.LIVE, json, null);
                return;
            case RESTORE:
            case HISTORY:
                new Batch(this, kind == RESTORE ? Batch.RESTORE : Batch.HISTORY, json, c.reply);
                return;
            default: // USER_DATA
                c.reply.ok(json);
        }
    }

    /**
     * A failed request (spec 11). A poll without an answer means disconnected. 404 or INVALID_SESSION for a known
     * session, or 401 while restoring, means the session is gone: it is forgotten (store included) with
     * {@code sessionLost} and {@code error}. A failed restore publishes {@code restoreFailed}. Anything else is an
     * {@code error} (not for user data, as in the original, nor while disconnected). The caller's reply fails with the
     * jqXHR-like answer.
     */
    private void failed(Call c, HttpResponse r, Value json) {
        int kind = c.kind;
        Value xhr = Wire.xhr(r, json);
        Value error = Values.object().set("errors", Values.array().push(Wire.error(r, json)));
        boolean restoring = kind == RESUME || kind == RESTORE;
        if (kind == POLL) {
            poller.answered(r.status, false);
            if (r.status == 0 && !disconnected) {
                disconnected = true;
                listener.report(Events.DISCONNECTED, Values.object());
            }
        } else if (kind == HISTORY) {
            poller.resume();
        }
        if (claims != null && c.session == session && (r.status == 404 || Wire.code(json).equals("INVALID_SESSION")
                || r.status == 401 && restoring)) {
            Value gone = Values.object().set("sessionData", claims).set("response", xhr);
            forget();
            if (store != null) {
                store.delete(gone);
            }
            listener.report(Events.SESSION_LOST, xhr);
            listener.report(Events.ERROR, error);
        } else {
            if (restoring) {
                forget();
                listener.report(Events.RESTORE_FAILED, xhr);
            }
            if (kind != USER_DATA && !disconnected) {
                listener.report(Events.ERROR, error);
            }
            if (kind == POLL) {
                poller.next();
            }
        }
        if (c.reply != null) {
            c.reply.fail(kind == RESUME && r.ok() ? Values.of(Texts.NEXUS_CANNOT_START_ASYNC) : xhr);
        }
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    /** The first (oldest) index of a restore or history page; null for an empty history page. */
    void pageStart(String firstRaw, boolean history) {
        if (!history) {
            anchor = firstRaw;
        } else if (firstRaw == null || Batch.compare(Batch.key(firstRaw), Batch.key(anchor)) >= 0) {
            exhausted = true;
        } else {
            anchor = firstRaw;
        }
    }

    /** Whether a message is new to this session; live and restore ones also move the newest index. */
    boolean firstSight(String raw, String key, boolean live) {
        if (seen.has(key)) {
            return false;
        }
        seen.set(key, true);
        if (live) {
            if (newest == null || Batch.compare(key, newest) > 0) {
                newest = key;
                lastRaw = raw;
            }
            if (anchor == null) {
                // a chat started on this page can page back too (quirk 7)
                anchor = raw;
            }
        }
        return true;
    }

    /** A batch is ready: publish it, tell the store, then carry on as its kind requires. */
    void published(Batch b) {
        if (b.session != session) {
            if (b.reply != null) {
                b.reply.fail(Values.undefined());
            }
            return;
        }
        if (b.kind == Batch.RESTORE) {
            listener.report(Events.RESTORED, Values.object().set("async", config.async));
        }
        Value m = b.messages;
        if (m.length() > 0) {
            if (b.kind != Batch.HISTORY) {
                watchAgentTyping(m);
            }
            listener.messages(m, b.originals, b.kind == Batch.RESTORE, b.kind == Batch.HISTORY, Values.undefined());
        }
        if (store != null && newest != null && !newest.equals(saved)) {
            saved = newest;
            store.save(Values.of(newest), token);
        }
        if (b.kind == Batch.LIVE) {
            if (b.ended) {
                serverEnded(b.response);
            } else {
                poller.next();
            }
            return;
        }
        if (b.kind == Batch.RESTORE) {
            poller.start();
        } else {
            poller.resume();
        }
        b.reply.ok(b.response);
    }

    /**
     * Agent typing times out {@value #AGENT_TYPING_MS} ms after the last "typing started" unless the agent stops,
     * writes or leaves first (the original kept a stale timer running and let text leave the indicator on).
     */
    private void watchAgentTyping(Value messages) {
        for (int i = 0; i < messages.length(); i++) {
            Value m = messages.at(i);
            String from = m.get("from").get("type").str("");
            if (from.equals("Agent") || from.equals("Supervisor")) {
                stopAgentTyping();
                if (m.get("type").str("").equals("TypingStarted")) {
                    agentTyping = context.platform.scheduler.schedule(AGENT_TYPING_MS,
                            new Call(this, TYPING_TIMEOUT, null));
                }
            }
        }
    }

    private void stopAgentTyping() {
        if (agentTyping != null) {
            agentTyping.cancel();
            agentTyping = null;
        }
    }

    // ---- session state -----------------------------------------------------------------------------------------

    /** Takes a token's claims as the session; false when there are none. */
    private boolean adopt(Value found) {
        if (found == null) {
            return false;
        }
        claims = found;
        token = found.get("token").str();
        sid = found.get("sessionId").str();
        pid = found.get("participantId").str("");
        return true;
    }

    /** Keeps the session for the next page: its id in a cookie, the token in a cookie or in the store. */
    private void persist() {
        context.cookies.set(COOKIE + "session", sid);
        if (store == null) {
            context.cookies.set(COOKIE + "keys", token);
        } else {
            store.save(newest == null ? Values.of(0) : Values.of(newest), token);
        }
    }

    /** The server ended the chat: it is forgotten, here and in the store, and reported as ended (quirk 1). */
    private void serverEnded(Value response) {
        Value data = Values.object().set("sessionData", claims).set("response", response);
        forget();
        if (store != null) {
            store.delete(data);
        }
        listener.ended();
    }

    /** Forgets the session in memory (a new generation begins) and stops polling. */
    private void reset() {
        session++;
        poller.stop();
        stopAgentTyping();
        claims = null;
        token = sid = pid = lastRaw = newest = saved = anchor = null;
        seen = Values.object();
        exhausted = false;
        disconnected = false;
    }

    /** {@link #reset} and the session cookies too. */
    private void forget() {
        reset();
        context.cookies.remove(COOKIE + "session");
        context.cookies.remove(COOKIE + "keys");
    }
}
