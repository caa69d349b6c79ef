package org.wcs.jsapi;

import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.bus.Callback;
import org.wcs.bus.Deferred;
import org.wcs.platform.Platform;
import org.wcs.transport.TransportFactory;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The Chat Service JS API's entry points (spec §5): {@code startSession} and {@code restoreSession}, their checks and
 * guards, and the page's one session. Each session runs on a private core ({@link FacadeSession}); this class only
 * decides whether one may start or be restored, and from what.
 */
public final class ChatService {
    final Platform platform;
    private final TransportFactory gms;
    /** A bus of our own, only for the promise objects the page gets (the bus's jQuery-style deferreds). */
    final Bus bus;
    final Outbox outbox;
    /** The page's session: starting, restoring or active; null when there is none. */
    private FacadeSession current;
    /** The promise of the restore under way, which a second call shares. */
    private Deferred restoring;

    ChatService(Platform platform, TransportFactory gms) {
        this.platform = platform;
        this.gms = gms;
        this.bus = new Bus(platform.scheduler, platform.page);
        this.outbox = new Outbox(platform.scheduler, null);
    }

    boolean current(FacadeSession s) {
        return current == s;
    }

    /** The session ended or never came: the page may start another. */
    void forget(FacadeSession s) {
        if (current == s) {
            current = null;
        }
    }

    /** {@code startSession(options)}. */
    Value start(Value given) {
        Deferred d = new Deferred();
        Value promise = BusApi.promise(bus, d);
        Value options = options(given);
        int problem = options == null ? ChatServiceTexts.BAD_PARAMETER : check(options);
        if (problem == 0 && current != null) {
            problem = ChatServiceTexts.RUNNING_ON_THIS_PAGE;
        }
        StateStorage storage = problem == 0 ? storage(options) : null;
        Connection connection = problem == 0 ? Connection.resolve(options, webchat(), null) : null;
        if (problem == 0) {
            Value stored;
            try {
                stored = SessionState.parse(storage.read());
            } catch (RuntimeException e) {
                stored = null;
                problem = ChatServiceTexts.EXECUTION_ERROR;
            }
            if (stored != null && connection != null) {
                if (SessionState.live(stored, platform.scheduler.now(), connection.restoreTimeout())) {
                    problem = ChatServiceTexts.RUNNING_ON_ANOTHER_PAGE;
                } else {
                    clear(storage); // stale: the chat of an earlier page is over (spec §5.1 step 2)
                }
            }
        }
        if (problem == 0 && connection == null) {
            problem = ChatServiceTexts.MISSING_PARAMETER;
        }
        if (problem != 0) {
            outbox.settle(d, false, Failures.event(problem));
            return promise;
        }
        FacadeSession s = new FacadeSession(this, connection, storage, gms, FacadeSession.STARTING);
        if (s.core.pageBusy()) {
            s.abandon();
            outbox.settle(d, false, Failures.event(ChatServiceTexts.RUNNING_ON_THIS_PAGE));
            return promise;
        }
        if (!s.configure()) {
            s.abandon();
            outbox.settle(d, false, Failures.event(ChatServiceTexts.BAD_PARAMETER));
            return promise;
        }
        current = s;
        Value userData = options.get("userData").isRecord() ? Values.plainRecord(options.get("userData"))
                : Values.object();
        String username = options.get("username").str("");
        Value request = Values.object().set("nickname", username.isEmpty() ? ChatServiceTexts.DEFAULT_USERNAME
                : username).set("subject", options.get("subject").str("")).set("userData", userData);
        String[][] form = {{"FirstName", "firstname"}, {"LastName", "lastname"}, {"EmailAddress", "email"}};
        for (String[] f : form) {
            if (userData.get(f[0]).isString()) {
                request.set(f[1], userData.get(f[0]));
            }
        }
        Value base = Values.object().set("username", request.get("nickname")).set("subject", request.get("subject"))
                .set("userData", userData);
        s.pending++;
        s.command("startChat", request).done(new Started(s, d, base, true)).fail(new Started(s, d, null, false));
        return promise;
    }

    /** {@code restoreSession(options)}. */
    Value restore(Value given) {
        Value options = options(given);
        int problem = options == null ? ChatServiceTexts.BAD_PARAMETER : check(options);
        if (problem == 0 && current != null) {
            if (restoring != null) {
                return BusApi.promise(bus, restoring); // the restore under way answers both calls
            }
            Deferred d = new Deferred();
            if (current.phase == FacadeSession.ACTIVE) {
                outbox.settle(d, true, current.object);
            } else {
                outbox.settle(d, false, Failures.event(ChatServiceTexts.RUNNING_ON_THIS_PAGE));
            }
            return BusApi.promise(bus, d);
        }
        Deferred d = new Deferred();
        Value promise = BusApi.promise(bus, d);
        if (problem != 0) {
            outbox.settle(d, false, Failures.event(problem));
            return promise;
        }
        StateStorage storage = storage(options);
        Value stored;
        try {
            stored = SessionState.parse(storage.read());
        } catch (RuntimeException e) {
            outbox.settle(d, false, Failures.event(ChatServiceTexts.EXECUTION_ERROR));
            return promise;
        }
        Connection connection = stored == null ? null : Connection.resolve(options, webchat(), stored);
        if (stored == null || connection == null) {
            outbox.settle(d, false, Values.object()); // nothing to restore: no error (spec §5.2)
            return promise;
        }
        if (!SessionState.live(stored, platform.scheduler.now(), connection.restoreTimeout())) {
            clear(storage);
            outbox.settle(d, false, Values.object());
            return promise;
        }
        FacadeSession s = new FacadeSession(this, connection, storage, gms, FacadeSession.RESTORING);
        if (s.core.pageBusy() || !s.configure()) {
            boolean busy = s.core.pageBusy();
            s.abandon();
            outbox.settle(d, false, Failures.event(busy ? ChatServiceTexts.RUNNING_ON_THIS_PAGE
                    : ChatServiceTexts.BAD_PARAMETER));
            return promise;
        }
        current = s;
        restoring = d;
        s.state = Values.object().set("username", stored.get("username")).set("subject", stored.get("subject"))
                .set("userData", stored.get("userData").isRecord() ? stored.get("userData") : Values.object());
        s.seed(stored);
        s.command("restore", Values.undefined()).done(new Restored(this, s, d, storage, true))
                .fail(new Restored(this, s, d, storage, false));
        return promise;
    }

    void restoreOver() {
        restoring = null;
    }

    private void clear(StateStorage storage) {
        try {
            storage.write(null);
        } catch (RuntimeException e) {
            platform.page.log(ChatServiceTexts.STATE_WRITE_FAILED + e.getMessage());
        }
    }

    /** The call's options over {@code chatServiceConfig.defaults}; null when they are no object. */
    private Value options(Value given) {
        if (!given.isNullish() && !given.isRecord()) {
            return null;
        }
        Value defaults = platform.page.window().get("_genesys").get(ChatServiceTexts.CONFIG).get("defaults");
        Value merged = Values.object();
        if (defaults.isRecord()) {
            Values.assign(merged, defaults);
        }
        return given.isRecord() ? Values.assign(merged, given) : merged;
    }

    /** Wrong types (code 3; spec §4.3), or 0. */
    private static int check(Value o) {
        if (o.get("serverUrl").isString() && o.get("dataURL").isString()) {
            return ChatServiceTexts.BAD_PARAMETER;
        }
        String[] strings = {"serverUrl", "dataURL", "username", "subject", "serviceName", "apikey", "endpoint"};
        for (String k : strings) {
            if (!o.get(k).isUndefined() && !o.get(k).isString()) {
                return ChatServiceTexts.BAD_PARAMETER;
            }
        }
        Value transport = o.get("transport");
        if (!transport.isUndefined() && (!transport.isRecord() || hasFunction(transport))) {
            return ChatServiceTexts.BAD_PARAMETER;
        }
        if (!o.get("userData").isNullish() && (!o.get("userData").isRecord()
                || Values.plainRecord(o.get("userData")) == null)) {
            return ChatServiceTexts.BAD_PARAMETER;
        }
        Value storage = o.get("stateStorage");
        if (!storage.isNullish() && !PageStateStorage.fits(storage)) {
            return ChatServiceTexts.BAD_PARAMETER;
        }
        return 0;
    }

    private static boolean hasFunction(Value o) {
        for (String k : o.keys()) {
            if (o.get(k).isFunction()) {
                return true;
            }
        }
        return false;
    }

    private StateStorage storage(Value options) {
        Value given = options.get("stateStorage");
        return PageStateStorage.fits(given) ? new PageStateStorage(given) : new CookieStateStorage(platform);
    }

    private Value webchat() {
        return platform.page.window().get("_genesys").get("widgets").get("webchat");
    }

    /** The start's answer: a session for the page, or the mapped failure and no state. */
    private static final class Started implements Callback {
        private final FacadeSession s;
        private final Deferred d;
        private final Value base;
        private final boolean ok;

        Started(FacadeSession s, Deferred d, Value base, boolean ok) {
            this.s = s;
            this.d = d;
            this.base = base;
            this.ok = ok;
        }

        @Override
        public void call(Value self, Value[] args) {
            s.pending--;
            if (ok && s.phase == FacadeSession.STARTING) {
                s.outbox.settle(d, true, s.object); // first: a failing state write is told after it, to listeners
                s.activate(base);
            } else {
                s.abandon();
                s.outbox.settle(d, false, Failures.fromCore(args.length > 0 ? args[0] : Values.undefined()));
            }
        }
    }

    /** The restore's answer (spec §5.2 step 6). */
    private static final class Restored implements Callback {
        private final ChatService api;
        private final FacadeSession s;
        private final Deferred d;
        private final StateStorage storage;
        private final boolean ok;

        Restored(ChatService api, FacadeSession s, Deferred d, StateStorage storage, boolean ok) {
            this.api = api;
            this.s = s;
            this.d = d;
            this.storage = storage;
            this.ok = ok;
        }

        @Override
        public void call(Value self, Value[] args) {
            api.restoreOver();
            if (ok) {
                s.restored(d);
                return;
            }
            Value reason = args.length > 0 ? args[0] : Values.undefined();
            s.abandon();
            // A GMS body: the chat is over (chatEnded, or no chatEnded at all); no body: the request failed, and the
            // error event that came first says why, unless the chat is gone (GMS 404).
            Value why = reason.isRecord() ? reason : s.lastError != null ? s.lastError : Values.of("");
            if (reason.isRecord() || Failures.chatGone(why)) {
                api.clear(storage);
                s.outbox.settle(d, false, Values.object());
            } else {
                s.outbox.settle(d, false, Failures.fromCore(why));
            }
        }
    }
}
