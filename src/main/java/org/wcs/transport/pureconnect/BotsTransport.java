package org.wcs.transport.pureconnect;

import org.wcs.platform.Cancellable;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.StateCookies;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportTexts;
import org.wcs.util.Arr;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * PureConnect with chat bots ({@code transport.type = "pureconnect-v4-chatbots"}, spec pureconnect-v4.md §12): REST
 * start and sends to Genesys's cloud connector, events one message per frame over a WebSocket. The connector's
 * session id names the chat in every URL.
 *
 * <p>Fixed against the original: the connector's addresses can be configured ({@code transport.chatbotsRestBase},
 * {@code transport.chatbotsSocketUrl}; the defaults are the original's, Q11); a restore reads the history and reopens
 * the socket, a dropped socket reconnects with back-off, the end closes it (Q12); {@code botCustomData} is taken as
 * given (Q16); and the rest transport's fixes where they apply (Q1, Q3, Q4, Q6, Q9, Q13, Q14).
 */
public final class BotsTransport extends PureConnectTransport {
    public static final String TYPE = PureConnectTexts.BOTS;
    private static final String COOKIE = StateCookies.STATE + TYPE + ".";
    /** Connector sockets that fail before the first one opened: then the start is given up. */
    static final int OPEN_TRIES = 5;
    static final int START = 0, SEND = 1, TYPING = 2, QUIET = 3, END = 4, RESTORE = 5, HISTORY = 6, CATCH_UP = 7;

    private final String restBase;
    private final String socketBase;
    private int session;
    private String sid;
    private String chatId;
    private String pid;
    private String displayName;
    private BotsLink link;
    private Cancellable timer;
    /** A start waiting for its first socket, and the answer it resolves with. */
    private Reply pendingStart;
    private Value startAnswer;
    private boolean everOpened;
    private boolean offline;
    /**
     * Frames that came while a reopened socket's catch-up read of the history is on its way (they follow it), or
     * null when none is.
     */
    private Arr<String> held;

    public BotsTransport(TransportContext context) {
        super(context, TYPE, 1000);
        String env = settings.transport.get("environmentType").str("");
        String domain = env.equals("dev") ? "inindca.com" : env.equals("test") ? "inintca.com" : "mypurecloud.com";
        String gateway = env.equals("dev") ? "6napswoand" : env.equals("test") ? "o3u8hhtgb9" : "lr116vh029";
        restBase = settings.transport.get("chatbotsRestBase").str("https://pureconnect-chat.us-east-1." + domain
                + "/api/v1/start/");
        socketBase = settings.transport.get("chatbotsSocketUrl").str("wss://" + gateway
                + ".execute-api.us-east-1.amazonaws.com/v1");
    }

    // ---- what the service asks --------------------------------------------------------------------------------

    @Override
    public void start(Value request, Reply reply) {
        forget();
        Value t = settings.transport;
        Value fields = settings.startFields(request, listener.language(), t.get("additionalAttrs"),
                settings.interaction.get("routing").get("routingContexts"));
        displayName = fields.get("participantName").str();
        fields.set("reverseProxyUrl", settings.proxy).set("caasUrl", t.get("caasUrl").str(""))
                .set("useCaaS", t.get("useCaaS").truthy()).set("useHttps", settings.https).set("useWebhook", true);
        if (settings.interaction.get("botName").isString()) {
            fields.set("botName", settings.interaction.get("botName"));
        }
        Value custom = t.get("botCustomData");
        Value body = Values.object().set("pureConnectData", fields).set("botData", Values.object()
                .set("chatbots", t.get("chatBotData").str(""))
                .set("customInfo", custom.isNullish() ? Values.object() : custom));
        call(START, "POST", "/api/v1/start/{server}", body, true, reply);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        if (active(reply, TransportTexts.NO_ACTIVE_SESSION)) {
            call(QUIET, "POST", "/api/v1/activity/{server}/" + segment(sid), Values.object()
                    .set("typingIndicator", false), false, null);
            call(SEND, "POST", "/api/v1/send-message/{server}/" + segment(sid), Values.object().set("message", text)
                    .set("contentType", "text/plain"), false, reply);
        }
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        if (active(reply, PureConnectTexts.NO_ACTIVE_SESSION_STOP)) {
            call(TYPING, "POST", "/api/v1/activity/{server}/" + segment(sid), Values.object()
                    .set("typingIndicator", started), false, reply);
        }
    }

    /** The end goes out, the socket closes (the original left it open, Q12), and the chat is forgotten. */
    @Override
    public void end(Reply reply) {
        if (sid == null) {
            forget();
            reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            return;
        }
        call(END, "POST", "/api/v1/end/{server}/" + segment(sid), Values.undefined(), false, reply);
        forget();
    }

    /** The socket closes and the chat is forgotten in memory only: the cookies keep it for a later restore. */
    @Override
    public void silence() {
        reset();
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        String s = context.cookies.get(COOKIE + "session");
        String p = context.cookies.get(COOKIE + "participantId");
        String c = context.cookies.get(COOKIE + "chatId");
        reset();
        if (s == null || p == null || s.isEmpty() || p.isEmpty()) {
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE));
            return;
        }
        sid = s;
        pid = p;
        chatId = c;
        // the original's body: the connector session under "chatId"
        call(RESTORE, "POST", "/api/v1/restore/{server}/" + segment(s), Values.object().set("chatId", s)
                .set("participantId", p), false, reply);
    }



    @Override
    public Value sessionData() {
        Value v = Values.object();
        if (sid != null) {
            v.set("sessionId", sid).set("participantId", pid).set("chatId", chatId);
            if (displayName != null) {
                v.set("displayName", displayName);
            }
        }
        return v;
    }




    @Override
    public void stopPoll(Reply reply) {
        reply.fail(Values.of(TransportTexts.NOT_POLLING));
    }

    // ---- the socket --------------------------------------------------------------------------------------------

    /** Opens (or reopens) the connector socket, now. */
    @Override
    public void run() {
        timer = Cancellable.cancel(timer);
        if (sid != null) {
            link = new BotsLink(this, context.platform.webSockets, socketBase + "?channel="
                    + context.platform.page.encodeUri(sid));
        }
    }

    void opened(BotsLink l) {
        if (l != link) {
            return;
        }
        backoff.reset();
        if (offline) {
            offline = false;
            listener.connection(ConnectionStatus.ONLINE);
        }
        if (everOpened) {
            // Not the chat's first socket (a restore, or a reconnect): the connector need not send a new socket what
            // it sent while none was open (spec 12.4 says nothing of it), or what it sent a closing page's socket
            // (the emulator counts that as read). What came after the last history read or frame is read again.
            held = held == null ? new Arr<String>() : held; // a catch-up on its way still holds what it held
            call(CATCH_UP, "GET", "{server}/" + segment(sid), Values.undefined(), false, null);
        }
        everOpened = true;
    }

    /** The catch-up read is answered ({@code list}: the history's messages) or failed (null): then the held frames. */
    private void caughtUp(Value list) {
        Arr<String> later = held;
        held = null;
        if (list != null) {
            passOn(roster.convert(list, true, true));
        }
        for (int i = 0; later != null && i < later.size() && sid != null; i++) {
            frame(later.get(i));
        }
    }

    /** A dropped socket is reopened after a back-off step (the original at once and without end, Q12). */
    void closed(BotsLink l) {
        if (l != link || sid == null) {
            return;
        }
        link = null;
        if (!everOpened && backoff.failures() + 1 >= OPEN_TRIES) {
            Reply r = pendingStart;
            pendingStart = null;
            forget();
            if (r != null) {
                listener.error(Values.object().set("errors", Values.array().push(Values.object().set("code", "")
                        .set("message", PureConnectTexts.SOCKET_FAILED))));
                r.fail(Values.of(PureConnectTexts.SOCKET_FAILED));
            }
            return;
        }
        if (everOpened && !offline) {
            offline = true;
            listener.connection(ConnectionStatus.DISCONNECTED);
        }
        timer = context.platform.scheduler.schedule(backoff.fail(0), this);
    }

    /** One frame: one message (spec 12.4). */
    void frame(String text) {
        if (held != null) {
            held.add(text);
            return;
        }
        Value m;
        try {
            m = Values.parse(text);
        } catch (JsError e) {
            return; // not JSON: nothing of the chat
        }
        if (!m.isRecord()) {
            return;
        }
        if (m.get("chatEnded").truthy()) {
            serverEnded();
            return;
        }
        Value[] batch = roster.convert(Values.arrayOf(m), false, true);
        Value started = roster.chatStarted;
        if (started != null) {
            pid = Values.text(started.get("participantId"));
            chatId = Values.text(started.get("chatId"));
            context.cookies.set(COOKIE + "chatId", chatId);
            context.cookies.set(COOKIE + "session", sid);
            context.cookies.set(COOKIE + "participantId", pid);
            listener.started(Values.object().set("data", sessionData()));
            if (pendingStart != null) {
                // ours: startChat resolves once the chat has started (the original resolved at the socket's open,
                // before started, when the chat could not take a message yet)
                Reply r = pendingStart;
                pendingStart = null;
                listener.exchanged(startAnswer);
                r.ok(startAnswer);
            }
        }
        passOn(batch);
    }

    /** Live items go out; the customer's leave ends the chat as the original did (its own end, spec 6.2). */
    private void passOn(Value[] batch) {
        if (batch[0].length() > 0) {
            listener.batch(batch[0], batch[1], BatchKind.LIVE, Values.undefined());
        }
        if (roster.customerLeft) {
            call(END, "POST", "/api/v1/end/{server}/" + segment(sid), Values.undefined(), false, null);
            serverEnded();
        }
    }

    private void serverEnded() {
        forget();
        listener.ended();
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    @Override
    public String url(String host, String path) {
        return restBase + path.replace("{server}", host);
    }

    @Override
    public Value headers() {
        return settings.transport.get("headers");
    }

    @Override
    public void succeeded(Call c, Value json) {
        int kind = c.kind;
        if (kind == CATCH_UP) {
            if (c.session == session) {
                Value list = json.get("messages");
                caughtUp(c.generation == listener.generation() && list.isArray() ? list : null);
            }
            return;
        }
        if (kind == END) {
            if (c.reply != null) {
                c.reply.ok(json.isUndefined() ? Values.object() : json);
            }
            return;
        }
        if (c.session != session || c.generation != listener.generation()) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        switch (kind) {
            case START:
                if (!json.get("sessionId").truthy()) {
                    listener.error(Values.object().set("errors", Values.array().push(json)));
                    c.reply.fail(json);
                    return;
                }
                sid = Values.text(json.get("sessionId"));
                pendingStart = c.reply;
                startAnswer = json;
                run();
                return;
            case RESTORE:
                listener.restoreOutcome(RestoreOutcome.RESTORED, Values.undefined());
                call(HISTORY, "GET", "{server}/" + segment(sid), Values.undefined(), false, c.reply);
                return;
            case HISTORY:
                Value[] batch = roster.convert(json.get("messages"), true, false);
                if (batch[0].length() > 0) {
                    listener.batch(batch[0], batch[1], BatchKind.RESTORED, Values.undefined());
                }
                if (roster.customerLeft) {
                    serverEnded();
                } else {
                    everOpened = true;
                    run(); // the original never reopened the socket after a restore (Q12)
                }
                c.reply.ok(json.isUndefined() ? Values.object() : json);
                return;
            default:
                if (c.reply != null) {
                    c.reply.ok(kind == SEND || json.isUndefined() ? Values.undefined() : json);
                }
        }
    }

    @Override
    public void failed(Call c, HttpResponse r, Value json) {
        int kind = c.kind;
        if (kind == CATCH_UP) {
            if (c.session == session) {
                caughtUp(null); // quietly: the frames that came meanwhile still count
            }
            return;
        }
        Value xhr = r.xhr(json);
        if (kind == END) {
            if (c.reply != null) {
                listener.error(Values.object().set("errors", Values.array().push(Values.object()
                        .set("code", r.status == 0 ? Values.of("") : Values.of(r.status)).set("message", ""))));
                c.reply.fail(xhr);
            }
            return;
        }
        if (c.session != session || c.generation != listener.generation()) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        if (kind == RESTORE) {
            listener.error(Values.object().set("errors", Values.array().push(xhr)));
            forget();
            listener.restoreOutcome(RestoreOutcome.FAILED, xhr);
            c.reply.fail(xhr);
            return;
        }
        if (kind == HISTORY) {
            listener.error(Call.error(TYPE, r, json));
            everOpened = true;
            run();
            c.reply.ok(Values.object());
            return;
        }
        if (kind != QUIET) {
            listener.error(Call.error(TYPE, r, json));
        }
        if (c.reply != null) {
            c.reply.fail(kind == SEND ? Values.undefined() : xhr);
        }
    }

    // ---- requests and state ------------------------------------------------------------------------------------

    private void call(int kind, String method, String path, Value body, boolean retryAnyFailure, Reply reply) {
        new Call(this, context.platform.http, hosts, settings.ajaxMs, kind, method, path, body, retryAnyFailure,
                reply, session, listener.generation()).send(null, null);
    }

    private boolean active(Reply reply, String text) {
        boolean on = sid != null && pid != null;
        if (!on) {
            reply.fail(Values.of(text));
        }
        return on;
    }

    private String segment(String id) {
        return context.platform.page.encodeSegment(id);
    }

    private void reset() {
        session++;
        timer = Cancellable.cancel(timer);
        if (link != null) {
            link.kill();
            link = null;
        }
        roster.reset();
        backoff.reset();
        pendingStart = null;
        startAnswer = null;
        held = null;
        everOpened = false;
        offline = false;
        sid = chatId = pid = displayName = null;
    }

    private void forget() {
        reset();
        context.cookies.remove(COOKIE + "chatId");
        context.cookies.remove(COOKIE + "session");
        context.cookies.remove(COOKIE + "participantId");
    }
}
