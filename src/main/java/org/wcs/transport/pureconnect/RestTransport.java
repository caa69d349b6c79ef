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
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Genesys PureConnect web chat ({@code transport.type = "pureconnect-v4-rest"}, spec pureconnect-v4.md): the ICWS
 * web-chat API under {@code /icws/web-chat/}, short-polled at the server's {@code pollWaitSuggestion}, across a pool
 * of hosts ({@link Hosts}). The chat's ids live in memory and in two cookies for the next page.
 *
 * <p>Fixed against the original (spec 14): restore without a stored chat rejects at once (Q1); a failed poll backs
 * off and polls on, reporting a lost connection (Q2); unknown messages and senders do not stop the batch (Q3); no
 * {@code interactionData} is no crash (Q4); polling starts at 1000 ms (Q5); a server-side end is an {@code ended}
 * (Q6, Q7); a failed restore deletes the cookies (Q9); each request tries each host once (Q10); capabilities say there
 * is no file upload (Q13); what the original let throw is rejected with a text (Q14); a send carries both
 * {@code contentType} and {@code type} (Q15).
 *
 * <p>It does not rest when every tab is hidden ({@link org.wcs.transport.Transport#rest}): the server sets the
 * cadence in every answer, and an Interaction Web Tools site may disconnect a visitor whose browser stops polling,
 * after a time the page cannot know.
 */
public final class RestTransport extends PureConnectTransport {
    public static final String TYPE = PureConnectTexts.REST;
    private static final String COOKIE = StateCookies.STATE + TYPE + ".";
    /** Interval between polls until the server suggests one (the original had none: a tight loop, Q5). */
    static final int POLL_MS = 1000;
    // Call kinds. From RECONNECT on, a call belongs to its chat: its answer is dropped once the chat is over.
    static final int START = 0, SEND = 1, TYPING = 2, QUIET = 3, END = 4, EXIT = 5, RECONNECT = 6, HISTORY = 7,
        POLL = 8, SWITCH = 9, CATCH_UP = 10;

    /** Counts chats begun and forgotten: answers of an earlier one are not acted on. */
    private int session;
    private String chatId;
    private String pid;
    private String displayName;
    private int interval = POLL_MS;
    private boolean polling;
    private boolean reading;
    private boolean offline;
    /**
     * A poll failed, or the chat moved host: messages may have left the server's queue for this page without
     * reaching it (ICWS has no read cursor in the request). The next read is then the history, seen messages skipped.
     */
    private boolean gap;
    private Cancellable timer;

    public RestTransport(TransportContext context) {
        super(context, TYPE, POLL_MS);
    }

    // ---- what the service asks --------------------------------------------------------------------------------

    @Override
    public void start(Value request, Reply reply) {
        reset();
        Value interaction = settings.interaction;
        Value body = settings.startFields(request, listener.language(), interaction.get("additionalAttrs"),
                interaction.get("routingContexts"));
        displayName = body.get("participantName").str();
        call(START, "POST", "start", body, true, reply);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        if (active(reply, TransportTexts.NO_ACTIVE_SESSION)) {
            // the original's typing stop before each text, sent and not waited for
            call(QUIET, "POST", "typing-state/" + segment(pid), Values.object().set("typingIndicator", false),
                    false, null);
            // ICWS wants contentType; the original sent type only (D1, Q15): both go
            call(SEND, "POST", "send-message/" + segment(pid), Values.object().set("message", text)
                    .set("contentType", "text/plain").set("type", "text/plain"), false, reply);
        }
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        if (active(reply, PureConnectTexts.NO_ACTIVE_SESSION_STOP)) {
            call(TYPING, "POST", "typing-state/" + segment(pid), Values.object().set("typingIndicator", started),
                    false, reply);
        }
    }

    /** Polling stops, the exit goes out, and the chat is forgotten here and in the cookies whatever the answer. */
    @Override
    public void end(Reply reply) {
        stopPolling();
        if (chatId == null) {
            forget();
            reply.fail(Values.of(TransportTexts.NO_ACTIVE_SESSION));
            return;
        }
        call(END, "POST", "exit/" + segment(pid), Values.undefined(), false, reply);
        forget();
    }

    /** Polling stops and the chat is forgotten in memory only: the cookies keep it for a later restore. */
    @Override
    public void silence() {
        reset();
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        String id = context.cookies.get(COOKIE + "session");
        String participant = context.cookies.get(COOKIE + "participantId");
        reset();
        if (id == null || participant == null || id.isEmpty() || participant.isEmpty()) {
            reply.fail(Values.of(TransportTexts.NOTHING_TO_RESTORE)); // the original never answered (Q1)
            return;
        }
        chatId = id;
        pid = participant;
        call(RECONNECT, "POST", "reconnect", Values.object().set("chatId", id).set("participantId", participant),
                false, reply);
    }

    /** The restore on page load; the first one also says there is no file upload (Q13). */


    /** {@code {sessionId: chatId, participantId, displayName}} during a chat (no name after a restore), else {}. */
    @Override
    public Value sessionData() {
        Value v = Values.object();
        if (chatId != null) {
            v.set("sessionId", chatId).set("participantId", pid);
            if (displayName != null) {
                v.set("displayName", displayName);
            }
        }
        return v;
    }




    @Override
    public void startPoll(Reply reply) {
        if (active(reply, TransportTexts.NO_ACTIVE_SESSION)) {
            startPolling();
            reply.ok(Values.undefined());
        }
    }

    @Override
    public void stopPoll(Reply reply) {
        if (polling) {
            stopPolling();
            reply.ok(Values.undefined());
        } else {
            reply.fail(Values.of(TransportTexts.NOT_POLLING));
        }
    }

    @Override
    public void poll(Reply reply) {
        if (active(reply, TransportTexts.NO_ACTIVE_SESSION)) {
            run();
            reply.ok(Values.undefined());
        }
    }

    // ---- polling (spec 7) --------------------------------------------------------------------------------------

    /** A poll now, unless polling stopped or one is in flight. */
    @Override
    public void run() {
        timer = Cancellable.cancel(timer);
        if (polling && !reading && chatId != null) {
            reading = true;
            if (gap) {
                call(CATCH_UP, "GET", "message-history/" + segment(pid), Values.undefined(), false, null);
            } else {
                call(POLL, "GET", "messages/" + segment(pid), Values.undefined(), false, null);
            }
        }
    }

    private void startPolling() {
        if (!polling) {
            polling = true;
            run();
            listener.polling(true);
        }
    }

    private void stopPolling() {
        timer = Cancellable.cancel(timer);
        reading = false;
        if (polling) {
            polling = false;
            listener.polling(false);
        }
    }

    private void nextPoll(int delay) {
        timer = Cancellable.cancel(timer);
        if (polling) {
            timer = context.platform.scheduler.schedule(delay, this);
        }
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    @Override
    public String url(String host, String path) {
        return settings.base(host) + PureConnectTexts.ICWS + path;
    }

    @Override
    public Value headers() {
        return Values.undefined();
    }

    @Override
    public void succeeded(Call c, Value json) {
        interval = Settings.interval(json.get("pollWaitSuggestion"), interval);
        int kind = c.kind;
        if (kind == END || kind == EXIT) {
            if (c.reply != null) {
                c.reply.ok(json.isUndefined() ? Values.object() : json);
            }
            return;
        }
        if (!current(c)) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        if (hosts.moved() && kind != SWITCH && chatId != null && kind != START) {
            // a 503 moved the chat to another host: that host is told of it, and the chat goes on (spec 3.2)
            gap = true;
            call(SWITCH, "POST", "reconnect", Values.object().set("chatId", chatId).set("participantId", pid),
                    false, null);
        }
        switch (kind) {
            case START:
                if (!json.get("chatId").truthy()) {
                    listener.error(Values.object().set("errors", Values.array().push(json)));
                    c.reply.fail(json);
                    return;
                }
                chatId = Values.text(json.get("chatId"));
                pid = Values.text(json.get("participantId"));
                context.cookies.set(COOKIE + "session", chatId);
                context.cookies.set(COOKIE + "participantId", pid);
                listener.started(Values.object().set("data", sessionData()));
                startPolling();
                listener.exchanged(json);
                c.reply.ok(json);
                return;
            case RECONNECT:
                listener.restoreOutcome(RestoreOutcome.RESTORED, Values.undefined());
                call(HISTORY, "GET", "message-history/" + segment(pid), Values.undefined(), false, c.reply);
                return;
            case HISTORY:
                publish(json, BatchKind.RESTORED);
                if (!customerLeft()) {
                    startPolling();
                }
                c.reply.ok(json.isUndefined() ? Values.object() : json);
                return;
            case CATCH_UP:
                reading = false;
                gap = false;
                publish(json, BatchKind.LIVE);
                if (!customerLeft()) {
                    run();
                }
                return;
            case POLL:
                reading = false;
                backoff.reset();
                if (offline) {
                    offline = false;
                    listener.connection(ConnectionStatus.ONLINE);
                }
                if (json.get("chatEnded").truthy()) { // ours: an ended, where the original went silent (Q6)
                    serverEnded();
                    return;
                }
                publish(json, BatchKind.LIVE);
                if (!customerLeft()) {
                    nextPoll(interval);
                }
                return;
            default: // SEND resolves with nothing, TYPING with the answer; QUIET and SWITCH have no caller
                if (c.reply != null) {
                    c.reply.ok(kind == SEND || json.isUndefined() ? Values.undefined() : json);
                }
        }
    }

    @Override
    public void failed(Call c, HttpResponse r, Value json) {
        int kind = c.kind;
        Value xhr = r.xhr(json);
        if (kind == END || kind == EXIT) {
            if (kind == END) {
                listener.error(Values.object().set("errors", Values.array().push(Values.object()
                        .set("code", r.status == 0 ? Values.of("") : Values.of(r.status)).set("message", ""))));
            }
            if (c.reply != null) {
                c.reply.fail(xhr);
            }
            return;
        }
        if (kind >= RECONNECT && !current(c)) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        switch (kind) {
            case RECONNECT:
                listener.error(Values.object().set("errors", Values.array().push(xhr)));
                forget(); // the original kept the stale cookies (Q9)
                listener.restoreOutcome(RestoreOutcome.FAILED, xhr);
                c.reply.fail(xhr);
                return;
            case HISTORY:
                listener.error(Call.error(TYPE, r, json));
                startPolling(); // the chat goes on without its earlier transcript
                c.reply.ok(Values.object());
                return;
            case POLL:
            case CATCH_UP:
                reading = false;
                gap = true;
                if (r.status == 0) {
                    if (!offline) {
                        offline = true;
                        listener.connection(ConnectionStatus.DISCONNECTED);
                    }
                } else {
                    listener.error(Call.error(TYPE, r, json));
                }
                nextPoll(Math.max(interval, backoff.fail(backoff.retryAfterMs(r)))); // polls on (Q2)
                return;
            case SWITCH:
                return;
            default: // START, SEND, TYPING, QUIET
                if (kind != QUIET) {
                    listener.error(Call.error(TYPE, r, json));
                }
                if (c.reply != null) {
                    c.reply.fail(kind == SEND ? Values.undefined() : xhr);
                }
        }
    }

    /** Publishes a poll's or a history's messages, if any. */
    private void publish(Value json, BatchKind kind) {
        Value[] batch = roster.convert(json.get("messages"), kind == BatchKind.RESTORED, kind == BatchKind.LIVE);
        if (batch[0].length() > 0) {
            listener.batch(batch[0], batch[1], kind, Values.undefined());
        }
    }

    /** After a batch: the customer's own state 4 (the server ended the chat) leaves it, as the original did. */
    private boolean customerLeft() {
        if (!roster.customerLeft) {
            return false;
        }
        stopPolling();
        call(EXIT, "POST", "exit/" + segment(pid), Values.undefined(), false, null);
        forget();
        listener.ended();
        return true;
    }

    private void serverEnded() {
        stopPolling();
        forget();
        listener.endedSilently();
    }

    // ---- requests and state ------------------------------------------------------------------------------------

    private void call(int kind, String method, String path, Value body, boolean retryAnyFailure, Reply reply) {
        new Call(this, context.platform.http, hosts, settings.ajaxMs, kind, method, path, body, retryAnyFailure,
                reply, session, listener.generation()).send(null, null);
    }

    private boolean current(Call c) {
        return c.session == session && c.generation == listener.generation();
    }

    private boolean active(Reply reply, String text) {
        if (chatId == null) {
            reply.fail(Values.of(text));
        }
        return chatId != null;
    }

    /** An id from the server or a cookie, kept to one path segment. */
    private String segment(String id) {
        return context.platform.page.encodeSegment(id);
    }

    /** Forgets the chat in memory (answers still on their way are dropped) and stops polling. */
    private void reset() {
        session++;
        stopPolling();
        roster.reset();
        backoff.reset();
        offline = false;
        gap = false;
        chatId = pid = displayName = null;
    }

    /** {@link #reset}, and the cookies too. */
    private void forget() {
        reset();
        context.cookies.remove(COOKIE + "session");
        context.cookies.remove(COOKIE + "participantId");
        context.cookies.remove(COOKIE + "open");
    }
}
