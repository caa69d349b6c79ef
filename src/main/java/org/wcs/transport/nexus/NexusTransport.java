package org.wcs.transport.nexus;

import org.wcs.platform.HttpRequest;
import org.wcs.transport.PageContext;
import org.wcs.transport.Reply;
import org.wcs.transport.StateCookies;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Genesys Multicloud CX v3 chat ("Nexus", {@code transport.type = "pureengage-v3-rest"}, spec pureengage-v3.md):
 * REST with short polling, a JWT client token per customer, and async chats kept in the integrator's store.
 *
 * <p>The session is the token's claims. It lives in memory; the site's cookies keep its id (and, without async mode,
 * the token) for the next page, and in async mode the integrator's store keeps the token. This class turns the
 * service's calls into requests; {@link Answers} handles what comes back, {@link Batch} the messages.
 */
public final class NexusTransport implements Transport {
    public static final String TYPE = "pureengage-v3-rest";
    private static final String COOKIE = StateCookies.STATE + TYPE + ".";
    /** Page size of a restore without async mode: the whole transcript. */
    static final int ALL = 10000;

    final TransportContext context;
    final TransportListener listener;
    final Config config;
    private final Wire wire;
    final Poller poller;
    /** The integrator's store; null without async mode. */
    final SessionStore store;
    final Answers answers;

    /** Generation of the session: bumped whenever one ends or another begins. */
    int session;
    /** Claims of the current (or resuming) session plus {@code token}; null when there is none. */
    Value claims;
    String token;
    private String sid;
    private String pid;
    /** Where this page stands in the session's transcript. */
    Position position;

    private boolean capabilitiesAnnounced;
    /** A session was had on this page (created, resumed or found stored): {@link #sessionData} is then {} not "". */
    private boolean hadSession;

    public NexusTransport(TransportContext context) {
        this.context = context;
        this.listener = context.listener;
        this.config = new Config(context);
        this.wire = new Wire(context.platform, config);
        this.poller = new Poller(this, context.platform, config);
        this.store = config.async ? new SessionStore(context, config.callbacks) : null;
        this.answers = new Answers(this);
        reset();
    }

    /** v3's capabilities, announced once per configuration, by the restore on page load (quirk 15). */
    private void announceCapabilities() {
        if (!capabilitiesAnnounced) {
            capabilitiesAnnounced = true;
            context.platform.scheduler.schedule(0, new Call(this, Call.CAPABILITIES, null));
        }
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
        // the command's headers stay for later calls; its dataURL serves this one request only (spec 3.2, 4.1)
        Value options = request.get("options");
        wire.replaceHeaders(options.get("headers"));
        String url = options.get("dataURL").str("");
        send(wire.form(wire.request("POST", url.isEmpty() ? config.base : url, null, config.ajaxMs), data),
                Call.CREATE, reply);
    }

    @Override
    public String noChatText(int what) {
        return TransportTexts.NO_ACTIVE_SESSION_DOT;
    }

    @Override
    public boolean checksTextFirst() {
        return true;
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
                    Values.object().set("type", type).set("text", text)), Call.SEND, reply);
        }
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        if (active(reply)) {
            send(wire.form(wire.request("PUT", url("/userdata"), token, config.ajaxMs), data), Call.USER_DATA, reply);
        }
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        if (active(reply)) {
            send(wire.request("POST", url("/images"), token, config.uploadMs).part("file", file)
                    .part("operationId", Values.of(wire.operationId())), Call.UPLOAD, reply);
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
        HttpRequest r = wire.form(wire.request("DELETE", url("/participants/" + encode(pid)), token, config.readMs),
                Values.undefined());
        Call c = new Call(this, Call.END, reply);
        c.subject = claims;
        forget();
        context.platform.http.send(r, c);
    }

    /** Polls stop and the chat is forgotten in memory only: the cookies (or the site's store) keep it. */
    @Override
    public void silence() {
        reset();
    }

    /** {@code restore({sessionData: "<JWT>"})} resumes that token in async mode; otherwise the stored session. */
    @Override
    public void restore(Value sessionData, Reply reply) {
        restore(sessionData, Values.of(TransportTexts.NOTHING_TO_RESTORE), null, null, reply);
    }

    /** What the page loads with: the stored session (cookies, or the integrator's store), if any. */
    @Override
    public void asyncRestore(Reply reply) {
        announceCapabilities();
        restore(Values.undefined(), Values.undefined(), null, null, reply);
    }

    /**
     * The stored session read after the newest message the tab shows, as a live read would (the server may send that
     * one again: it counts as seen); history pages start from the oldest one it shows. A token this browser does not
     * know yet (async mode) is resumed and read as on a page load.
     */
    @Override
    public boolean takeOver(Value shown, Reply reply) {
        String after = Transport.edge(shown, "index", true).str();
        if (after == null) {
            return Transport.super.takeOver(shown, reply);
        }
        announceCapabilities();
        return restore(Values.undefined(), Values.undefined(), after, Transport.edge(shown, "index", false).str(), reply);
    }

    /**
     * Agent typing times out 3000 ms after the last "typing started" unless the agent stops, writes or leaves first
     * (the original kept a stale timer running and let text leave the indicator on).
     */
    @Override
    public int agentTypingTimeoutMs() {
        return 3000;
    }

    @Override
    public String resumeCommand() {
        return "asyncRestore";
    }

    /**
     * The token's claims; without a session, what the original answers: "" until this page had one (its restore on
     * page load decodes a missing token to ""), {} after one ended.
     */
    @Override
    public Value sessionData() {
        return claims != null ? claims : hadSession ? Values.object() : Values.of("");
    }

    /** The claims without the token, as the original's {@code getSessionData} (started still carries it). */
    @Override
    public Value sessionDataAnswer() {
        if (claims == null) {
            return sessionData();
        }
        Value answer = Values.object();
        String[] keys = claims.keys();
        for (int i = 0; i < keys.length; i++) {
            if (!keys[i].equals("token")) {
                answer.set(keys[i], claims.get(keys[i]));
            }
        }
        return answer;
    }

    /** One more page of older messages (async only), before the oldest one this page has seen (spec 10). */
    @Override
    public void fetchHistory(Reply reply) {
        if (store == null) {
            reply.fail(Values.of(TransportTexts.HISTORY_NEEDS_ASYNC));
        } else if (active(reply)) {
            if (position.exhausted || position.anchor == null) {
                poller.resume();
                reply.fail(Values.of(TransportTexts.NO_MORE_MESSAGES));
                return;
            }
            poller.pause();
            read("index=" + context.platform.page.encodeUri(position.anchor) + "&count="
                    + Values.numberToString(config.pageSize) + "&", "", Call.HISTORY, reply);
        }
    }

    /** While polling, a read now (publishing {@code pollingStarted}, as every read does), unless one is in flight. */
    @Override
    public void startPoll(Reply reply) {
        if (active(reply)) {
            if (poller.running) {
                poller.run();
            } else {
                poller.start();
            }
            reply.ok(Values.undefined());
        }
    }

    @Override
    public void stopPoll(Reply reply) {
        if (poller.running) {
            poller.stop();
            reply.ok(Values.undefined());
        } else {
            reply.fail(Values.of(TransportTexts.NOT_POLLING));
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
                reply.fail(Values.of(NexusTexts.POLL_PENDING));
            } else {
                poller.run();
                reply.ok(Values.undefined());
            }
        }
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        reply.fail(Values.of(NexusTexts.NO_POLL_EXCEPTIONS));
    }

    @Override
    public void rest(boolean resting) {
        poller.rest(resting);
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
            reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
        }
        return sid != null;
    }

    private String url(String tail) {
        return config.base + "/" + encode(sid) + tail;
    }

    /** A session or participant id put in a URL path: it comes from a token or a cookie, and must stay one segment. */
    private String encode(String id) {
        return context.platform.page.encodeSegment(id);
    }

    private void send(HttpRequest r, int kind, Reply reply) {
        context.platform.http.send(r, new Call(this, kind, reply));
    }

    /** Configured user data, the {@code _genesys_*} keys, then {@code extra}. */
    private Value userData(Value extra) {
        return Values.assign(PageContext.add(Values.assign(Values.object(), config.userData),
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
     * in the session cookie) is read at once; a token from elsewhere is resumed first, which renews it. With
     * {@code after} ({@link #takeOver}) the read starts after that raw index, history pages from {@code anchor}, and
     * the answer is whether it did.
     */
    private boolean restore(Value jwt, Value noSession, String after, String anchor, Reply reply) {
        boolean explicit = store != null && jwt.isString() && !jwt.str().isEmpty();
        Value t = explicit ? jwt : store != null ? store.token() : Values.of(context.cookies.get(COOKIE + "keys"));
        Value found = Jwt.claims(t);
        String known = context.cookies.get(COOKIE + "session");
        reset();
        if (found == null) {
            reply.fail(explicit ? Values.of(NexusTexts.CANNOT_RESTORE_ASYNC) : noSession);
            return false;
        }
        claims = found;
        hadSession = true;
        if (explicit || store != null && !found.get("sessionId").str().equals(known)) {
            Value data = Values.object();
            session(data, userData(Values.undefined()));
            send(wire.form(wire.request("POST", config.base, t.str(), config.ajaxMs), data), Call.RESUME, reply);
            return false;
        }
        adopt(found);
        if (after == null) {
            readPage(reply);
            return false;
        }
        position.firstSight(after, Batch.key(after), true);
        position.anchor = anchor;
        read("", "&index=" + context.platform.page.encodeUri(after), Call.RESTORE, reply);
        return true;
    }

    void readPage(Reply reply) {
        read("count=" + Values.numberToString(store != null ? config.pageSize : ALL) + "&", "", Call.RESTORE, reply);
    }

    /**
     * A live read, called by the poller. It names the raw index of the newest message this tab has seen (spec 4.4,
     * 4b: what comes after it), so that it does not depend on the server's per-participant cursor, which tabs of one
     * session share; the server may include that message again, which is dropped as already seen. Before this tab
     * has seen any message it asks for the latest ones (4c), for the same reason.
     */
    void read() {
        String last = position.lastRaw;
        if (last == null) {
            read("count=" + ALL + "&", "", Call.POLL, null);
        } else {
            read("", "&index=" + context.platform.page.encodeUri(last), Call.POLL, null);
        }
    }

    /** {@code GET .../messages?<before>operationId=<id><after>}: the query orders of spec 4.0 exactly. */
    private void read(String before, String after, int kind, Reply reply) {
        send(wire.request("GET", url("/messages?" + before + "operationId=" + wire.operationId() + after), token,
                config.readMs), kind, reply);
    }

    /** Fetches an image attachment with the session's headers, to inline it. */
    void download(Value part, Batch batch) {
        HttpRequest r = wire.request("GET", part.get("url").str(), token, config.readMs);
        r.binary = true;
        Call c = new Call(this, Call.IMAGE, null);
        c.subject = part;
        c.batch = batch;
        context.platform.http.send(r, c);
    }

    // ---- session state -----------------------------------------------------------------------------------------

    /** Takes a token's claims as the session; false when there are none. */
    boolean adopt(Value found) {
        if (found == null) {
            return false;
        }
        claims = found;
        hadSession = true;
        token = found.get("token").str();
        sid = found.get("sessionId").str();
        pid = found.get("participantId").str("");
        return true;
    }

    /** Keeps the session for the next page: its id in a cookie, the token in a cookie or in the store. */
    void persist() {
        context.cookies.set(COOKIE + "session", sid);
        if (store == null) {
            context.cookies.set(COOKIE + "keys", token);
        } else {
            store.save(position.index(), token);
        }
    }

    /** Forgets the session in memory (a new generation begins) and stops polling. */
    private void reset() {
        session++;
        poller.stop();
        answers.reset();
        claims = null;
        token = sid = pid = null;
        position = new Position();
    }

    /** {@link #reset} and the session cookies too. */
    void forget() {
        reset();
        context.cookies.remove(COOKIE + "session");
        context.cookies.remove(COOKIE + "keys");
    }
}
