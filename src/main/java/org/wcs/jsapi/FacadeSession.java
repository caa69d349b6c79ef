package org.wcs.jsapi;

import org.wcs.bus.Bus;
import org.wcs.bus.Deferred;
import org.wcs.bus.LocalPlugin;
import org.wcs.bus.Subscriber;
import org.wcs.platform.Cancellable;
import org.wcs.platform.MemoryCookies;
import org.wcs.platform.Platform;
import org.wcs.service.Events;
import org.wcs.service.Launcher;
import org.wcs.service.SiteCookies;
import org.wcs.service.WebChatService;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.gms.GmsTransport;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * One chat of the Chat Service JS API: a private core (the plugin's own {@link WebChatService}, transcript, prefilters
 * and GMS transport) on a private bus the page never sees, driven by bus commands, whose events become the session's
 * callbacks. The core's chat-state cookies live in memory (this API keeps its own state object, spec §7); the core is
 * in the page's one-chat registry, so the {@code WebChatService} plugin and this API never run two chats at once.
 *
 * <p>The private bus is synchronous: core events and command replies reach this class in the core's own order, and
 * everything for the page goes through the {@link Outbox}, on a later task.
 */
final class FacadeSession {
    static final int STARTING = 0, RESTORING = 1, ACTIVE = 2, ENDED = 3;
    static final String CORE = "WebChatService";
    static final String ME = "ChatService";
    /** How often the state's {@code ping} is refreshed while the chat is healthy (spec §7.1). */
    static final int PING_MS = 5000;

    final ChatService api;
    final Platform platform;
    final Connection connection;
    final StateStorage storage;
    final Listeners listeners;
    final Outbox outbox;
    final LocalPlugin me;
    final WebChatService core;
    private final LocalPlugin corePlugin;
    private final SiteCookies coreCookies;
    /** The page's session object. */
    final Value object;

    int phase;
    /** The state object as last written (identity, ping, username, subject, user data mirror). */
    Value state = Values.object();
    /** The transcript items' callbacks, and the local transcript behind {@code getTranscript}. */
    final Arrivals arrivals;
    /** Commands of the page in flight: a core error event belongs to one of them, not to {@code onError}. */
    int pending;
    boolean interrupted;
    private String cause;
    /** The last REST answer said the chat server is unavailable (statusCode 1). */
    private boolean serverTrouble;
    /** The core reported a fatal error for the chat (statusCode 2 with chatEnded). */
    private boolean fatal;
    private boolean leaving;
    /** The last core {@code error} event's data (a failed restore's reason comes that way). */
    Value lastError;
    /** Restore: the replay held until the promise is resolved, and whether the chat came back offline. */
    private final Value replay = Values.array();
    private boolean restoredOffline;
    private Cancellable pinger;
    /** A failed state write was told through {@code onError}: once per session (spec §7.1). */
    private boolean writeFailureTold;
    private double lastPing;

    FacadeSession(ChatService api, Connection connection, StateStorage storage, TransportFactory gms, int phase) {
        this.api = api;
        Platform page = api.platform;
        this.platform = page;
        this.connection = connection;
        this.storage = storage;
        this.phase = phase;
        this.listeners = new Listeners(page.page);
        this.outbox = new Outbox(page.scheduler, listeners);
        this.arrivals = new Arrivals(outbox);
        Platform own = new Platform(page.scheduler, page.http, page.webSockets, new MemoryCookies(), page.storage,
                page.page, page.random);
        Bus bus = new Bus(own.scheduler, own.page);
        bus.configure(Values.object().set("async", false));
        corePlugin = bus.registerPlugin(CORE);
        core = Launcher.privateCore(corePlugin, own, gms);
        coreCookies = new SiteCookies(own, page.page.window().get("_genesys").get("widgets").get("main"));
        me = bus.registerPlugin(ME);
        me.ready();
        String[] events = {Events.MESSAGE_RECEIVED, Events.ERROR, Events.ENDED, Events.AJAX_RESPONSE,
            Events.CONNECTION_PENDING, Events.SERVER_OFFLINE, Events.DISCONNECTED, Events.CHAT_SERVER_TIMEOUT,
            Events.RECONNECTED, Events.SERVER_ONLINE, Events.CONNECTION_RESTORED, Events.RESTORED_OFFLINE};
        for (int i = 0; i < events.length; i++) {
            me.subscribe(CORE + "." + events[i], new CoreEvent(this, events[i]));
        }
        object = SessionApi.build(this);
    }

    /** Configures the core (as itself, before it is ready); false when it refuses the configuration. */
    boolean configure() {
        Deferred d = corePlugin.command("configure", connection.config);
        return d.state().equals(Deferred.RESOLVED);
    }

    /** Hands the chat of {@code stored} to the core, as a page before would have left it in its cookies. */
    void seed(Value stored) {
        GmsTransport.seed(coreCookies, Values.object().set("sessionID", stored.get("chatId"))
                .set("secureKey", stored.get("secureKey")).set("alias", stored.get("alias"))
                .set("userId", stored.get("userId")));
    }

    /** A command to the core; the answer comes through the result's callbacks. */
    Deferred command(String name, Value data) {
        return me.command(CORE + "." + name, data);
    }

    boolean ended() {
        return phase == ENDED;
    }

    // ------------------------------------------------------------------ state

    /** The chat is running (start or restore): identity into the state, written, pings from now on. */
    void activate(Value base) {
        phase = ACTIVE;
        state = Values.assign(Values.object(), base).set("v", SessionState.VERSION)
                .set("mode", connection.mode).set("endpoint", connection.endpoint)
                .set("serviceName", connection.serviceName);
        identity(command("getSessionData", Values.undefined()).args()[0]);
        writeState();
        pinger = platform.scheduler.schedule(PING_MS, new Pinger(this));
    }

    /** Takes the chat's identity into the state; true when it changed. */
    private boolean identity(Value id) {
        String[][] fields = {{"sessionID", "chatId"}, {"secureKey", "secureKey"}, {"userId", "userId"},
            {"alias", "alias"}};
        boolean changed = false;
        for (String[] f : fields) {
            String v = id.get(f[0]).str("");
            if (!v.isEmpty() && !v.equals(state.get(f[1]).str(""))) {
                state.set(f[1], v);
                changed = true;
            }
        }
        return changed;
    }

    void writeState() {
        lastPing = platform.scheduler.now();
        state.set("ping", lastPing);
        write(state);
    }

    /** Writes through the storage; a failure is logged and told once through {@code onError} (code 52). */
    void write(Value s) {
        try {
            storage.write(s);
        } catch (RuntimeException e) {
            platform.page.log(ChatServiceTexts.STATE_WRITE_FAILED + e.getMessage());
            if (!ended() && !writeFailureTold) {
                writeFailureTold = true;
                outbox.fire(ChatServiceTexts.ON_ERROR, Failures.event(ChatServiceTexts.EXECUTION_ERROR));
            }
        }
    }

    /** Every {@value #PING_MS} ms while the chat is healthy: the state's ping, so the next page knows it is alive. */
    void ping() {
        pinger = null;
        if (phase != ACTIVE) {
            return;
        }
        if (!interrupted) {
            writeState();
        }
        pinger = platform.scheduler.schedule(PING_MS, new Pinger(this));
    }

    /** The chat is over here: no more callbacks after {@code onSessionEnded}, the core leaves the page registry. */
    void finish(String reason) {
        if (phase == ENDED) {
            return;
        }
        phase = ENDED;
        pinger = Cancellable.cancel(pinger);
        write(null);
        core.retire();
        api.forget(this);
        outbox.fire(ChatServiceTexts.ON_SESSION_ENDED, Values.object().set("reason", reason)
                .set("timestamp", platform.scheduler.now()));
        outbox.run(() -> listeners.clear());
    }

    /** A start or restore that did not give a chat: the core goes, nothing is told. */
    void abandon() {
        phase = ENDED;
        core.retire();
        api.forget(this);
    }

    // ------------------------------------------------------------------ core events

    void on(String event, Value data) {
        if (phase == ENDED) {
            return;
        }
        if (phase == ACTIVE && (event.equals(Events.AJAX_RESPONSE) || event.equals(Events.MESSAGE_RECEIVED))
                && identity(command("getSessionData", Values.undefined()).args()[0])) {
            writeState(); // spec §7.1: GMS handed out a new identity, which the next page must restore with
        }
        switch (event) {
            case Events.MESSAGE_RECEIVED:
                received(data);
                return;
            case Events.ERROR:
                lastError = data;
                Value body = Failures.body(data);
                fatal |= body.get("chatEnded").truthy() && body.get("statusCode").num() == 2;
                if (pending == 0 && phase == ACTIVE) {
                    outbox.fire(ChatServiceTexts.ON_ERROR, Failures.fromCore(data));
                }
                return;
            case Events.ENDED:
                if (!leaving && phase == ACTIVE) {
                    finish(fatal ? ChatServiceTexts.REASON_ERROR : ChatServiceTexts.REASON_SERVER);
                }
                return;
            case Events.AJAX_RESPONSE:
                double status = data.get("statusCode").num();
                serverTrouble = status == 1 || serverTrouble && status != 0;
                return;
            case Events.CONNECTION_PENDING:
                interrupt(null);
                return;
            case Events.SERVER_OFFLINE:
            case Events.CHAT_SERVER_TIMEOUT:
                interrupt(ChatServiceTexts.CAUSE_SERVER);
                return;
            case Events.DISCONNECTED:
                interrupt(ChatServiceTexts.CAUSE_NETWORK);
                return;
            case Events.RESTORED_OFFLINE:
                if (phase == RESTORING) {
                    restoredOffline = true;
                } else {
                    interrupt(ChatServiceTexts.CAUSE_SERVER);
                }
                return;
            default: // reconnected, chatServerBackOnline, connectionRestored
                if (interrupted && phase == ACTIVE) {
                    interrupted = false;
                    outbox.fire(ChatServiceTexts.ON_CONTINUED, Values.object().set("cause", cause));
                }
        }
    }

    /**
     * The first sign of an outage: {@code onInterrupted} once. {@code known} is null when the core does not say what
     * failed (its first failure of either kind): then the REST answer that comes with it, if any, decides, so the
     * cause is settled when the callback's turn comes.
     */
    private void interrupt(String known) {
        if (interrupted || phase == ENDED) {
            return;
        }
        interrupted = true;
        cause = known;
        outbox.run(new Interruption(this));
    }

    /** The callback of an interruption, on its turn. */
    void interruptionTold() {
        if (cause == null) {
            cause = serverTrouble ? ChatServiceTexts.CAUSE_SERVER : ChatServiceTexts.CAUSE_NETWORK;
        }
        int code = cause.equals(ChatServiceTexts.CAUSE_SERVER) ? ChatServiceTexts.SERVER_UNAVAILABLE
                : ChatServiceTexts.NETWORK;
        listeners.fire(ChatServiceTexts.ON_INTERRUPTED, Values.object().set("cause", cause)
                .set("error", Failures.event(code).get("error")));
    }

    /** A batch of transcript items: each one's callbacks at its position (spec §3 rule 2). */
    private void received(Value data) {
        Value items = data.get("messages");
        Value originals = data.get("originalMessages");
        boolean restoring = data.get("restoring").truthy();
        for (int i = 0; i < items.length(); i++) {
            Value e = Party.chatEvent(items.at(i), originals.at(i), restoring);
            if (restoring && phase == RESTORING) {
                replay.push(e); // told after restoreSession's promise (spec §5.2)
            } else {
                arrivals.take(e);
            }
        }
    }

    /** The restore succeeded: its promise first, then the replay, then an outage it came back into. */
    void restored(Deferred promise) {
        outbox.settle(promise, true, object);
        activate(state);
        for (int i = 0; i < replay.length(); i++) {
            arrivals.take(replay.at(i));
        }
        if (restoredOffline) {
            interrupt(ChatServiceTexts.CAUSE_SERVER);
        }
    }

    /** {@code leave}: the end's answer came (well or not); the promise, then {@code onSessionEnded}. */
    void left(Deferred promise, boolean confirmed) {
        outbox.settle(promise, true, Values.object().set("serverConfirmed", confirmed));
        finish(ChatServiceTexts.REASON_CLIENT);
    }

    /** Marks the session as leaving; false when a {@code leave} is already under way. */
    boolean leaving() {
        if (leaving) {
            return false;
        }
        leaving = true;
        return true;
    }

    /** One core event, subscribed on the private bus. */
    private static final class CoreEvent implements Subscriber {
        private final FacadeSession session;
        private final String name;

        CoreEvent(FacadeSession session, String name) {
            this.session = session;
            this.name = name;
        }

        @Override
        public void on(Value envelope) {
            session.on(name, envelope.get("data"));
        }
    }

    /** Tells an interruption when its turn in the outbox comes. */
    private static final class Interruption implements Runnable {
        private final FacadeSession session;

        Interruption(FacadeSession session) {
            this.session = session;
        }

        @Override
        public void run() {
            session.interruptionTold();
        }
    }

    private static final class Pinger implements Runnable {
        private final FacadeSession session;

        Pinger(FacadeSession session) {
            this.session = session;
        }

        @Override
        public void run() {
            session.ping();
        }
    }
}
