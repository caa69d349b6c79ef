package org.wcs.jsapi;

import org.wcs.bus.BusApi;
import org.wcs.bus.Callback;
import org.wcs.bus.Deferred;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The session object's members (spec §8, §9): one function class for all of them, an op per member. Each command
 * checks its input and the session first (codes 2, 3, 50; spec §4.3) and then asks the core; every answer reaches the
 * page through the session's {@link Outbox}, on a later task.
 */
final class SessionApi implements JsFunction {
    private static final int SEND_MESSAGE = 0, SEND_TYPING = 1, LEAVE = 2, END = 3, GET_TRANSCRIPT = 4,
        GET_SESSION_ID = 5, SET_USER_DATA = 6, GET_USER_DATA = 7, DELETE_USER_DATA = 8, SEND_CUSTOM_NOTICE = 9,
        SEND_NOTIFICATION = 10, CALLBACK = 100;

    private final FacadeSession s;
    private final int op;

    private SessionApi(FacadeSession session, int op) {
        this.s = session;
        this.op = op;
    }

    static Value build(FacadeSession session) {
        Value o = Values.object();
        for (int i = 0; i < ChatServiceTexts.COMMANDS.length; i++) {
            o.set(ChatServiceTexts.COMMANDS[i], Values.function(new SessionApi(session, i)));
        }
        for (int i = 0; i < ChatServiceTexts.CALLBACKS.length; i++) {
            o.set(ChatServiceTexts.CALLBACKS[i], Values.function(new SessionApi(session, CALLBACK + i)));
        }
        return o;
    }

    @Override
    public Value call(Value self, Value[] args) {
        Value a = args.length > 0 ? args[0] : Values.undefined();
        if (op >= CALLBACK) {
            if (!s.ended()) {
                s.listeners.add(ChatServiceTexts.CALLBACKS[op - CALLBACK], a);
            }
            return s.object;
        }
        if (op == GET_SESSION_ID) {
            return s.state.get("chatId");
        }
        Deferred d = new Deferred();
        Value promise = BusApi.promise(s.api.bus, d);
        if (s.phase != FacadeSession.ACTIVE || !s.api.current(s)) {
            fail(d, ChatServiceTexts.UNKNOWN_SESSION);
            return promise;
        }
        switch (op) {
            case SEND_MESSAGE:
                sendMessage(d, a.isRecord() ? a.get("message") : a);
                break;
            case SEND_TYPING:
                Value typing = Values.object();
                if (a.get("message").isString()) {
                    typing.set("message", a.get("message"));
                }
                ask(d, "sendTyping", typing, Values.object());
                break;
            case LEAVE:
            case END:
                leave(d);
                break;
            case GET_TRANSCRIPT:
                transcript(d, a);
                break;
            case SET_USER_DATA:
                setUserData(d, a);
                break;
            case GET_USER_DATA:
                if (key(d, a)) {
                    Value mirror = s.state.get("userData");
                    Value out = Values.object();
                    if (mirror.isRecord() && mirror.has(a.str())) {
                        out.set(a.str(), mirror.get(a.str()));
                    }
                    s.outbox.settle(d, true, Values.object().set("userData", out));
                }
                break;
            case DELETE_USER_DATA:
                deleteUserData(d, a);
                break;
            default: // sendCustomNotice, sendNotification
                Value text = a.isRecord() ? a.get("message") : a;
                if (!text.isUndefined() && !text.isString()) {
                    fail(d, ChatServiceTexts.BAD_PARAMETER);
                } else {
                    ask(d, "sendCustomNotice", Values.object().set("message", text.str("")), null);
                }
        }
        return promise;
    }

    private void fail(Deferred d, int code) {
        s.outbox.settle(d, false, Failures.event(code));
    }

    /**
     * Sends a core command; its success resolves {@code d} with {@code result} (null: {@code {timestamp}}), its
     * failure rejects with the mapped code. While it is in flight a core error belongs to it, not to {@code onError}.
     */
    private void ask(Deferred d, String command, Value data, Value result) {
        s.pending++;
        s.command(command, data).done(new Answer(s, d, result, true)).fail(new Answer(s, d, null, false));
    }

    private void sendMessage(Deferred d, Value text) {
        if (text.isNullish()) {
            fail(d, ChatServiceTexts.MISSING_PARAMETER);
            return;
        }
        int max = s.connection.maxMessageLength();
        if (!text.isString() || text.str().trim().isEmpty()
                || max > 0 && text.str().codePointCount(0, text.str().length()) > max) {
            fail(d, ChatServiceTexts.BAD_PARAMETER);
            return;
        }
        if (s.interrupted) {
            fail(d, ChatServiceTexts.NETWORK); // not sent: the legacy core resolved {statusCode: 1} instead
            return;
        }
        ask(d, "sendMessage", Values.object().set("message", text).set("type", ChatServiceTexts.TEXT), Values.object());
    }

    private void leave(Deferred d) {
        if (!s.leaving()) {
            fail(d, ChatServiceTexts.UNKNOWN_SESSION); // the session is ending: a second leave has nothing to end
            return;
        }
        s.pending++;
        s.command("endChat", Values.undefined()).done(new Left(s, d, true)).fail(new Left(s, d, false));
    }

    private void transcript(Deferred d, Value a) {
        Value from = a.isRecord() ? a.get("fromIndex") : a.isUndefined() ? Values.undefined() : Values.nul();
        if (!from.isUndefined() && (!from.isNumber() || from.num() < 0 || from.num() != Math.floor(from.num()))) {
            fail(d, ChatServiceTexts.BAD_PARAMETER);
            return;
        }
        int start = from.isNumber() ? (int) from.num() : 0;
        Value out = Values.array();
        for (int i = start; i < s.arrivals.transcript.length(); i++) {
            out.push(s.arrivals.transcript.at(i));
        }
        s.outbox.settle(d, true, Values.object().set("transcript", out));
    }

    private void setUserData(Deferred d, Value data) {
        if (data.isNullish()) {
            fail(d, ChatServiceTexts.MISSING_PARAMETER);
            return;
        }
        String[] keys = data.isRecord() ? data.keys() : new String[0];
        Value flat = Values.object();
        for (String k : keys) {
            Value v = data.get(k);
            if (!v.isString() && !v.isNumber() && !v.isBoolean()) {
                keys = new String[0];
                break;
            }
            flat.set(k, Values.text(v));
        }
        if (keys.length == 0) {
            fail(d, ChatServiceTexts.BAD_PARAMETER);
            return;
        }
        s.pending++;
        s.command("updateUserData", flat).done(new Mirror(s, d, flat, null)).fail(new Answer(s, d, null, false));
    }

    private void deleteUserData(Deferred d, Value key) {
        if (!key(d, key)) {
            return;
        }
        Value mirror = s.state.get("userData");
        if (!mirror.isRecord() || !mirror.has(key.str())) {
            s.outbox.settle(d, true, Values.object());
            return;
        }
        s.pending++;
        s.command("updateUserData", Values.object().set(key.str(), "")).done(new Mirror(s, d, null, key.str()))
                .fail(new Answer(s, d, null, false));
    }

    /** A key argument: missing gives 2, not a string 3; true when it is usable. */
    private boolean key(Deferred d, Value key) {
        if (key.isNullish()) {
            fail(d, ChatServiceTexts.MISSING_PARAMETER);
            return false;
        }
        if (!key.isString()) {
            fail(d, ChatServiceTexts.BAD_PARAMETER);
            return false;
        }
        return true;
    }

    /** A core command's answer to the page: the given result (or a notice's timestamp), or the mapped failure. */
    private static final class Answer implements Callback {
        private final FacadeSession s;
        private final Deferred d;
        private final Value result;
        private final boolean ok;

        Answer(FacadeSession s, Deferred d, Value result, boolean ok) {
            this.s = s;
            this.d = d;
            this.result = result;
            this.ok = ok;
        }

        @Override
        public void call(Value self, Value[] args) {
            s.pending--;
            if (ok) {
                s.outbox.settle(d, true, result != null ? result
                        : Values.object().set("timestamp", s.platform.scheduler.now()));
            } else {
                s.outbox.settle(d, false, Failures.fromCore(args.length > 0 ? args[0] : Values.undefined()));
            }
        }
    }

    /** {@code setUserData} / {@code deleteUserData} sent: the mirror changes, the state is written, then the page. */
    private static final class Mirror implements Callback {
        private final FacadeSession s;
        private final Deferred d;
        private final Value added;
        private final String deleted;

        Mirror(FacadeSession s, Deferred d, Value added, String deleted) {
            this.s = s;
            this.d = d;
            this.added = added;
            this.deleted = deleted;
        }

        @Override
        public void call(Value self, Value[] args) {
            s.pending--;
            Value mirror = s.state.get("userData");
            if (!mirror.isRecord()) {
                mirror = Values.object();
                s.state.set("userData", mirror);
            }
            if (deleted != null) {
                mirror.remove(deleted);
            } else {
                Values.assign(mirror, added);
            }
            if (!s.ended()) {
                s.writeState();
            }
            s.outbox.settle(d, true, Values.object());
        }
    }

    /** {@code leave}'s answer: confirmed or not, the session ends. */
    private static final class Left implements Callback {
        private final FacadeSession s;
        private final Deferred d;
        private final boolean confirmed;

        Left(FacadeSession s, Deferred d, boolean confirmed) {
            this.s = s;
            this.d = d;
            this.confirmed = confirmed;
        }

        @Override
        public void call(Value self, Value[] args) {
            s.pending--;
            s.left(d, confirmed);
        }
    }
}
