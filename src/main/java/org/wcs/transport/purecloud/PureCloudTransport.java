package org.wcs.transport.purecloud;

import org.wcs.platform.HttpRequest;
import org.wcs.platform.Platform;
import org.wcs.platform.Scheduler;
import org.wcs.transport.Backoff;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ChatItems;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Genesys Cloud guest chat ({@code transport.type: "purecloud-v2-sockets"}): REST for everything the guest does,
 * one WebSocket for everything the server tells (spec purecloud-v2-sockets.md). A session is created (start) or
 * found again in cookies (restore), becomes active when its event stream first opens, and ends when the guest leaves
 * ({@code endChat}), when the server says the guest left, or when a restore finds it over.
 *
 * <p>Deliberate differences from the widget are listed in the README; the main ones: reconnection backs off within
 * a budget, a reconnect catches up from the last message shown, nothing is ever shown twice or dropped as a batch,
 * messages from unannounced members are not held forever, and the socket is closed when the chat ends.
 */
public final class PureCloudTransport implements Transport {
    public static final String TYPE = "purecloud-v2-sockets";
    static final String ERROR_PREFIX = "purecloud-v2-sockets-";
    /** The shortest REST timeout the widget uses, and the one of its leave call. */
    static final int MIN_TIMEOUT_MS = 12_000;
    private static final String DESCENDING = "?sortOrder=descending&maxResults=";

    // REST operations (Call.op)
    static final int CREATE = 0, ME = 1, MEMBER = 2, MEMBERS = 3, PAGE = 4, SEND = 5, TYPING = 6, LEAVE = 7;
    // what pages and own-member checks are for (Call.kind)
    static final int START = 0, RESTORE = 1, HISTORY = 2, CATCH_UP = 3;
    /** How long a chat may go unheard before a restore is refused, by default (the documented 60 s). */
    static final int RESTORE_TIMEOUT_MS = 60_000;
    /** Failed reads of one catch-up before the stream is dropped and opened again. */
    static final int CATCH_UP_TRIES = 8;

    final Platform platform;
    final Scheduler clock;
    final TransportListener out;
    private final Value config;
    private final String dataUrl;
    final boolean pagination;
    final boolean bots;
    final int pageSize;
    final int heartbeatMs;
    final int reconnectMs;
    /** Failed reads of the catch-up under way: retried after this back-off, on the same socket. */
    private final Backoff catchUp;
    private final int timeoutMs;
    /** {@code webchat.restoreTimeout}: a chat no page heard from for this long is not restored. */
    private final int restoreTimeoutMs;
    final Session session;
    final Inbox inbox = new Inbox(this);
    /** The event stream of the session, from its create or restore check on; null without a session. */
    private Connection connection;

    /**
     * Bumped whenever a session ends here, so that answers to its calls are ignored (with the service's chat
     * generation, which a call also notes: see {@link #stale}).
     */
    int epoch;
    private boolean restoring;
    /** The start or restore waiting for the stream to open. */
    private Reply opening;
    private Reply history;
    /** Oldest message id shown, and whether older ones exist (from the last restore or history page). */
    private String oldest;
    private boolean more;
    private String guestName;
    /** A take-over reads what came after this message id (the newest its tab shows) once the stream opens. */
    private String resumeAfter;
    /** The take-over waiting for that read: answered once what it brought is reported. */
    private Reply caughtUp;

    public PureCloudTransport(TransportContext context) {
        platform = context.platform;
        clock = platform.scheduler;
        out = context.listener;
        config = context.config;
        Value t = config.get("transport");
        String url = t.get("dataURL").str();
        while (url != null && url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        dataUrl = url;
        pagination = t.get("pagination").bool(true);
        bots = t.get("botEventsEnabled").bool(false);
        pageSize = context.number(t, "maxMessagePageSize", 100);
        heartbeatMs = context.number(t, "socketHeartbeatTrackerInterval", 14_000);
        reconnectMs = context.number(t, "socketReconnectInterval", 2000);
        catchUp = new Backoff(platform.random, reconnectMs, Backoff.cap(context));
        timeoutMs = Math.max(MIN_TIMEOUT_MS, context.number(config, "ajaxTimeout", MIN_TIMEOUT_MS));
        restoreTimeoutMs = context.number(config, "restoreTimeout", RESTORE_TIMEOUT_MS);
        session = new Session(context.cookies);
        platform.page.onReturn(this::pageReturned);
        // The original announces them at ready, chat or not (its restore on ready always runs, and starts with
        // them); with a stored chat the restore on page load here does it.
        if (!session.load()) {
            out.capabilities(capabilities());
        }
    }

    private Value capabilities() {
        return Values.object().set("pagination", pagination).set("fileUpload", false);
    }

    /** The page came back online or into view: a stream whose retry budget is spent tries again. */
    private void pageReturned() {
        if (connection != null) {
            connection.revive();
        }
    }

    /** Whether the session's stream belongs to the chat the service runs: its news may still be reported. */
    boolean current() {
        return connection != null && connection.current();
    }

    /** The stream has opened in this session: it is active, and calls may be made in it. */
    private boolean streaming() {
        return connection != null && connection.established;
    }

    // ---- commands ----

    @Override
    public void start(Value request, Reply reply) {
        Value t = config.get("transport");
        Value o = request.get("options");
        // values given in the command win over the configured ones (spec 4.1 step 5)
        String deployment = o.get("deploymentKey").str(t.get("deploymentKey").str());
        String org = o.get("organizationId").str(o.get("orgGuid").str(
                t.get("organizationId").str(t.get("orgGuid").str())));
        if (dataUrl == null || deployment == null || org == null) {
            reply.fail(Values.of(PureCloudTexts.PURECLOUD_CONFIG));
            return;
        }
        begin(false, reply);
        Value body = CreateRequest.body(deployment, org, t.get("interactionData"), config.get("userData"), request,
                platform.page);
        guestName = body.get("memberInfo").get("displayName").str();
        call(CREATE, "POST", "", Values.stringify(body), START, null);
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        out.capabilities(capabilities());
        if (dataUrl == null || !session.load()) {
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
            return;
        }
        if (session.away(clock.now(), restoreTimeoutMs)) {
            // documented for Genesys Cloud too ("restoreTimeout", 60 s), though the original never applied it
            session.clear();
            out.restoreOutcome(RestoreOutcome.TIMED_OUT, Values.object());
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
            return;
        }
        begin(true, reply);
        call(ME, "GET", me(), null, RESTORE, null);
    }

    @Override
    public void asyncRestore(Reply reply) {
        restore(Values.undefined(), reply);
    }

    /**
     * Restores the stored session; once its stream is open, reads what came after the newest message the tab shows,
     * as a reconnect's catch-up does, and answers after that. History pages go on from the oldest one it shows.
     */
    @Override
    public boolean takeOver(Value shown, Reply reply) {
        String after = Transport.edge(shown, "id", true).str();
        if (after == null) {
            return Transport.super.takeOver(shown, reply);
        }
        restore(Values.undefined(), reply);
        if (opening != reply) {
            return false; // refused at once
        }
        resumeAfter = after;
        oldest = Transport.edge(shown, "id", false).str();
        more = true;
        return true;
    }

    @Override
    public String resumeCommand() {
        return session.load() ? "restore" : null;
    }

    @Override
    public String noChatText(int what) {
        return what == Transport.NO_CHAT_TYPING ? PureCloudTexts.TYPING_WITHOUT_CHAT
                : what == Transport.NO_CHAT_UPLOAD ? TransportTexts.NO_FILE_UPLOAD
                : TransportTexts.NO_ACTIVE_SESSION_DOT;
    }

    @Override
    public boolean uploads() {
        return false;
    }

    @Override
    public boolean checksTextFirst() {
        return true;
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        if (!streaming()) {
            reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            return;
        }
        call(SEND, "POST", me().concat("/messages"), Values.stringify(Values.object().set("body", text)), 0, null)
                .reply = reply;
    }

    /** One POST per burst; the API has no "stopped", so that answers at once. */
    @Override
    public void typing(boolean started, String preview, Reply reply) {
        if (!started || !streaming()) {
            reply.ok(Values.undefined());
            return;
        }
        call(TYPING, "POST", me().concat("/typing"), null, 0, null).reply = reply;
    }

    /** Leaves at once, locally: whatever the server answers, this page's session is over. */
    @Override
    public void end(Reply reply) {
        Call leave = call(LEAVE, "DELETE", me(), null, 0, null);
        leave.reply = reply;
        terminate(true);
    }

    /** The socket closes and nothing reconnects; the session stays (cookies included) for a later restore. */
    @Override
    public void silence() {
        terminate(false);
    }

    @Override
    public void fetchHistory(Reply reply) {
        // without a chat the original says there is nothing more to fetch (its cursor says so)
        String busy = !pagination ? PureCloudTexts.HISTORY_NOT_ENABLED : !streaming() ? TransportTexts.NO_MORE_MESSAGES
                : history != null ? PureCloudTexts.HISTORY_BUSY : !more ? TransportTexts.NO_MORE_MESSAGES : null;
        if (busy != null) {
            reply.fail(Values.of(busy));
            return;
        }
        // A chat started here pages back from the newest message shown (those already shown are not shown again),
        // as the original, which reads the newest page first; before anything is shown nothing is older.
        String before = oldest != null ? oldest : session.v[Session.LAST];
        if (before == null) {
            reply.ok(Values.undefined());
            return;
        }
        history = reply;
        page(HISTORY, DESCENDING.concat(Values.numberToString(pageSize)).concat("&before=")
                .concat(platform.page.encodeUri(before)));
    }

    @Override
    public Value sessionData() {
        return session.data();
    }

    // ---- session lifecycle ----

    private void begin(boolean restore, Reply reply) {
        terminate(false);
        restoring = restore;
        opening = reply;
        oldest = null;
        more = !restore; // a restore learns it from its page
        connection = new Connection(this);
    }

    /** The stream opened: the first time it makes the session active, later it catches up what was missed. */
    void opened(boolean again) {
        if (again) {
            inbox.holds++;
            String cursor = session.v[Session.LAST];
            page(CATCH_UP, cursor == null ? "" : "?after=".concat(platform.page.encodeUri(cursor)));
            return;
        }
        Reply r = opening;
        opening = null;
        if (restoring) {
            out.restoreOutcome(RestoreOutcome.RESTORED, Values.object());
            if (resumeAfter != null) {
                caughtUp = r;
                inbox.holds++;
                page(CATCH_UP, "?after=".concat(platform.page.encodeUri(resumeAfter)));
                resumeAfter = null;
                return;
            }
            r.ok(Values.undefined());
            inbox.holds++;
            page(RESTORE, pagination ? DESCENDING.concat(Values.numberToString(pageSize)) : "");
            return;
        }
        session.save();
        out.started(Values.object().set("data", session.data()));
        r.ok(Values.undefined()); // the original resolves with nothing; the session is in started and getSessionData
        out.exchanged(Values.object());
        double now = clock.now();
        Value joined = Items.started(now, session.v[Session.MEMBER],
                inbox.members.get(session.v[Session.MEMBER]).get("displayName").str("Client"));
        out.batch(Values.array().push(joined), Values.array().push(joined), BatchKind.LIVE, Values.undefined());
        call(ME, "GET", me(), null, START, null);
    }

    /** The first socket never opened. */
    void openFailed() {
        if (restoring) {
            restoreFailed(PureCloudTexts.SOCKET_FAILED, 0, false);
        } else {
            startFailed(error("StartFailed", PureCloudTexts.SOCKET_FAILED, 0, null));
        }
    }

    private void startFailed(Value reason) {
        Reply r = opening;
        opening = null;
        terminate(false);
        r.fail(reason);
    }

    private void restoreFailed(String text, int status, boolean forget) {
        Reply r = opening;
        opening = null;
        terminate(forget);
        out.restoreOutcome(RestoreOutcome.FAILED,
                status > 0 ? Values.object().set("status", status) : Values.object());
        r.fail(Values.of(text));
    }

    /** The server ended the chat for this guest. */
    void ended() {
        terminate(true);
        out.ended();
    }

    private void terminate(boolean forget) {
        epoch++;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (opening != null) { // a start or restore given up for another session
            opening.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            opening = null;
        }
        inbox.reset();
        resumeAfter = null;
        if (caughtUp != null) {
            caughtUp.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            caughtUp = null;
        }
        if (history != null) {
            history.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            history = null;
        }
        if (forget) {
            session.clear();
        }
    }

    // ---- server news ----

    /** An event from the stream (only ever after it opened, for the session's own generation). */
    void event(String type, Value body) {
        boolean typing = type.equals("typing-indicator");
        if (typing || type.equals("message") && body.get("id").isString()) {
            inbox.live(body, typing);
        }
    }

    @Override
    public int agentTypingTimeoutMs() {
        return Inbox.AGENT_TYPING_MS;
    }

    /** Fetches a member whose messages wait for it. */
    void member(String id) {
        call(MEMBER, "GET", base().concat("/members/").concat(encode(id)), null, 0, Values.of(id));
    }

    private void page(int kind, String query) {
        call(PAGE, "GET", base().concat("/messages").concat(query), null, kind, Values.array());
    }

    // ---- REST ----

    private String base() {
        return "/".concat(encode(session.v[Session.CONVERSATION]));
    }

    private String me() {
        return base().concat("/members/").concat(encode(session.v[Session.MEMBER]));
    }

    /** An id put in a URL path: it comes from the server or a cookie, and must stay one segment. */
    private String encode(String id) {
        return platform.page.encodeSegment(id);
    }

    /** Sends a call; {@code path} is below {@code /api/v2/webchat/guest/conversations}, or a server path. */
    private Call call(int op, String method, String path, String body, int kind, Value acc) {
        String url = dataUrl.concat(path.startsWith("/api/") ? path
                : "/api/v2/webchat/guest/conversations".concat(path));
        HttpRequest r = new HttpRequest(method, url).header("Content-Type",
                op == LEAVE ? "application/json; charset=utf-8" : "application/json")
                .timeout(op == LEAVE ? MIN_TIMEOUT_MS : timeoutMs);
        if (op != CREATE) {
            r.header("Authorization", "Bearer ".concat(session.v[Session.JWT]));
        }
        r.body = body;
        Call c = new Call(this, op, kind, acc, r);
        c.run();
        return c;
    }

    void done(Call c, int status, Value json) {
        boolean ok = status >= 200 && status < 300 && json != null && json.isObject();
        if (c.op == LEAVE) {
            if (status == 200 || status == 204) {
                c.reply.ok(Values.object());
            } else {
                Value e = Values.object().set("code", status).set("message", "");
                out.error(Values.object().set("errors", Values.array().push(e)));
                c.reply.fail(e);
            }
            return;
        }
        if (stale(c)) {
            // a call of a session that is over: only its command still needs an answer
            if (c.reply != null) {
                if (ok) {
                    c.reply.ok(Values.undefined());
                } else {
                    c.reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
                }
            }
            return;
        }
        switch (c.op) {
            case CREATE:
                created(ok, status, json);
                break;
            case ME:
                me(c.kind, ok, status, json);
                break;
            case MEMBER:
                inbox.member(c.acc.str(), ok ? json : Values.undefined());
                if (!ok) {
                    error(null, null, status, json);
                }
                break;
            case MEMBERS:
                members(c, ok, status, json);
                break;
            case PAGE:
                paged(c, ok, status, json);
                break;
            case SEND: // sends and typing resolve with nothing, as the original's (the UI reads only statusCode 1)
                if (ok) {
                    c.reply.ok(Values.undefined());
                } else {
                    c.reply.fail(error("MessageFailed", null, status, json));
                }
                break;
            default: // typing: failures are silent, as in the widget
                if (ok) {
                    c.reply.ok(Values.undefined());
                } else {
                    c.reply.fail(Values.of(PureCloudTexts.NO_TYPING_DATA));
                }
        }
    }

    /**
     * Whether {@code c} belongs to a session that is over: ended here ({@link #epoch}), or given up by the service
     * (a new chat generation: a start, restore or end came since it was sent). Never the leave call, which outlives
     * its session.
     */
    boolean stale(Call c) {
        return c.op != LEAVE && (c.epoch != epoch || c.generation != out.generation());
    }

    private void created(boolean ok, int status, Value json) {
        String id = ok ? json.get("id").str() : null;
        String jwt = ok ? json.get("jwt").str() : null;
        String uri = ok ? json.get("eventStreamUri").str() : null;
        String member = ok ? json.get("member").get("id").str() : null;
        if (id == null || jwt == null || uri == null || member == null) {
            startFailed(error("StartFailed", status >= 200 && status < 300 ? PureCloudTexts.NO_START_DATA : null, status,
                    json));
            return;
        }
        session.clear();
        String[] v = session.v;
        v[Session.JWT] = jwt;
        v[Session.CONVERSATION] = id;
        v[Session.MEMBER] = member;
        v[Session.STREAM] = uri;
        inbox.members.set(member, Values.object().set("id", member).set("role", "CUSTOMER")
                .set("displayName", guestName).set("state", "CONNECTED"));
        connection.open();
    }

    /** The guest's own member: must be CONNECTED to restore; DISCONNECTED after a catch-up means the chat ended. */
    private void me(int kind, boolean ok, int status, Value json) {
        String s = ok ? json.get("state").str("") : "";
        if (kind == RESTORE) {
            if (!ok) {
                restoreFailed(PureCloudTexts.NO_CONVERSATION_STATE, status,
                        status >= 400 && status < 500 && status != 429);
            } else if (!s.equals("CONNECTED")) {
                restoreFailed(PureCloudTexts.CUSTOMER_DISCONNECTED, 0, true);
            } else {
                inbox.members.set(session.v[Session.MEMBER], json);
                connection.open();
            }
        } else if (!ok) {
            error(null, null, status, json);
        } else {
            inbox.members.set(session.v[Session.MEMBER], json);
            if (kind == CATCH_UP && s.equals("DISCONNECTED")) {
                ended();
            }
        }
    }

    /**
     * A page of messages. Catch-up and a full restore follow {@code next} to the end; a paged restore and history
     * take one page and keep its oldest id for the next one. Then the member list, so every sender has a role.
     */
    private void paged(Call c, boolean ok, int status, Value json) {
        if (!ok) {
            pageFailed(c, status, json);
            return;
        }
        Value entities = json.get("entities");
        for (int i = 0; i < entities.length(); i++) {
            c.acc.push(entities.at(i));
        }
        String next = json.get("next").str("");
        boolean walk = c.kind == CATCH_UP || c.kind == RESTORE && !pagination;
        if (walk && !next.isEmpty() && entities.length() > 0 && c.pages < 100) {
            Call following = call(PAGE, "GET", next, null, c.kind, c.acc);
            following.pages = c.pages + 1;
            return;
        }
        if (!walk) {
            more = !next.isEmpty();
            if (entities.length() > 0) {
                oldest = entities.at(entities.length() - 1).get("id").str(oldest);
            }
        }
        call(MEMBERS, "GET", base().concat("/members"), null, c.kind, c.acc);
    }

    private void members(Call c, boolean ok, int status, Value json) {
        if (ok) {
            Value list = json.get("entities");
            for (int i = 0; i < list.length(); i++) {
                Value m = list.at(i);
                if (m.get("id").isString()) {
                    inbox.members.set(m.get("id").str(), m);
                }
            }
            // the list comes 25 a page: a chat that went through many agents needs the later pages too
            String next = json.get("nextUri").str("");
            if (!next.isEmpty() && list.length() > 0 && c.pages < 100) {
                call(MEMBERS, "GET", next, null, c.kind, c.acc).pages = c.pages + 1;
                return;
            }
        } else {
            error(null, null, status, json);
        }
        if (c.kind == HISTORY) {
            inbox.batch(c.acc, false, true, true);
            Reply r = history;
            history = null;
            r.ok(Values.undefined());
            return;
        }
        inbox.holds--;
        inbox.batch(c.acc, c.kind == RESTORE, false, c.kind == RESTORE && pagination);
        inbox.release();
        if (c.kind == CATCH_UP) {
            catchUp.reset();
            if (caughtUp != null) {
                Reply r = caughtUp;
                caughtUp = null;
                r.ok(Values.undefined());
            }
        }
        if (c.kind == CATCH_UP && !stale(c)) { // the batch may have shown the guest's leave
            call(ME, "GET", me(), null, CATCH_UP, null);
        }
    }

    /**
     * A history page fails the command. Missing what a restore or catch-up should have brought is not acceptable: a
     * catch-up page is read again after the back-off (at least the server's {@code Retry-After}) on the same socket,
     * live frames still held, {@code error} published once; after {@link #CATCH_UP_TRIES} failures, or for a restore,
     * the stream is dropped and reopened, and the catch-up after it starts again from the last message shown.
     */
    private void pageFailed(Call c, int status, Value json) {
        if (c.kind == CATCH_UP && catchUp.failures() < CATCH_UP_TRIES) {
            if (catchUp.failures() == 0) {
                error(null, null, status, json);
            }
            c.tries = 0; // a new run of its own 429 retries
            clock.schedule(catchUp.fail(catchUp.retryAfterMs(status, c.retryAfter)), c);
            return;
        }
        Value e = error(null, null, status, json);
        if (c.kind == HISTORY) {
            Reply r = history;
            history = null;
            r.fail(e);
        } else {
            catchUp.reset();
            inbox.holds--;
            connection.silent();
        }
    }



    /**
     * Publishes {@code error} as the widget does: {@code {errors:[{code, text, response}]}}, the code being the
     * operation's reason or {@code purecloud-v2-sockets-<status>} from the error body's status (quirk Q8), else the
     * HTTP status. Returns the error, which also rejects the command concerned.
     */
    Value error(String code, String text, int status, Value json) {
        Value body = json == null ? Values.undefined() : json;
        Value bodyStatus = body.get("status");
        Value e = Values.object().set("code", code != null ? code
                : ERROR_PREFIX.concat(Values.numberToString(bodyStatus.isNumber() ? bodyStatus.num() : status)))
                .set("text", text != null ? Values.of(text) : body.get("message"))
                .set("response", Values.object().set("status", status).set("responseJSON", body));
        out.error(Values.object().set("errors", Values.array().push(e)));
        return e;
    }
}
