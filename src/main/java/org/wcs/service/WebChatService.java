package org.wcs.service;

import org.wcs.bus.Command;
import org.wcs.bus.Plugin;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Platform;
import org.wcs.tabs.TabLayer;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.TransportTexts;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The WebChatService plugin: the session state, its configuration and the wiring to the bus. Commands are handled in
 * {@link Commands}, transport reports in {@link Reports}, transcript batches in {@link Intake}.
 */
public final class WebChatService {
    static final String NAME = "WebChatService";
    /** How long a restore on page load waits for the WebChat UI that App is loading too (see {@link #becomeReady}). */
    static final int WEBCHAT_WAIT_MS = 5000;

    final Plugin plugin;
    final Platform platform;
    /** The page's window when the core was made: the key of {@link PageChats}. */
    final Value window;
    final boolean hosted;
    private final TransportFactory factory;
    /** Opens {@link #tabs}: the build's choice of sharing the chat with the site's other tabs or not. */
    private final TabLayer.Maker layers;
    final SiteCookies cookies;
    final Prefilters prefilters;
    final Transcript transcript = new Transcript();
    final Intake intake = new Intake(this);
    final ClientTyping typing = new ClientTyping(this);
    final Reports reports = new Reports(this);
    private final WebEngagement webEngagement = new WebEngagement(this);
    /** The transport's only way in: reports and replies, queued and tagged with the generation. */
    final ReportQueue queue = new ReportQueue(this);

    Transport transport;
    /** The way to the transport: through the leader tab (this one's, when it leads or shares nothing), or direct. */
    private TabLayer tabs;
    /** {@code webchat.syncTabs}: the WebChat window's state in every tab; made the first time it is asked for. */
    private WindowSync windows;
    Value config = Values.object();
    Value userData = Values.object();
    Value interactionData = Values.object();
    final PreviewInput preview = new PreviewInput(this);
    String language;
    int maxMessageLength;
    boolean sleepEnabled;
    /** GMS over CometD: no polling to start, no sleep (spec cxbus-contract D.3.3). */
    boolean cometD;
    boolean configured;

    /** The chat's lifecycle (a {@link Lifecycle} constant): changed only through {@link #go}. */
    int state = Lifecycle.IDLE;
    /** The link to the server as last reported; events come from its changes ({@link Reports#connection}). */
    ConnectionStatus connection = ConnectionStatus.ONLINE;
    /** {@code connectionPending} went out in the current outage, so its end publishes {@code connectionRestored}. */
    boolean pendingAnnounced;
    /** Counts up at every start, restore and end; reports of another generation are dropped. */
    int generation;
    boolean sleeping;
    final Arr<Command> verifyQueue = new Arr<>();
    /** {@code startChat} commands that came during a restore: they go when it settles ({@link #releaseVerify}). */
    final Arr<Runnable> startsAfterRestore = new Arr<>();
    /** The resume command held until the WebChat UI is ready, or null. */
    String heldResume;
    private Cancellable heldResumeTimer;

    WebChatService(Plugin plugin, Platform platform, boolean hosted, TransportFactory factory,
            TabLayer.Maker layers) {
        this.plugin = plugin;
        this.platform = platform;
        this.hosted = hosted;
        this.factory = factory;
        this.layers = layers;
        this.window = platform.page.window();
        PageChats.add(this);
        this.cookies = new SiteCookies(platform, mainConfig());
        this.prefilters = new Prefilters(cookies);
        cookies.onUnavailable(() -> failure(Texts.COOKIES_UNAVAILABLE_REASON, Texts.COOKIES_UNAVAILABLE));
        plugin.registerEvents(Events.ALL);
        plugin.data("version", Values.of(platform.version));
        plugin.data("sleeping", Values.of(false));
        plugin.data("sessionActive", Values.of(false));
        for (int i = 0; i < Commands.NAMES.length; i++) {
            plugin.registerCommand(Commands.NAMES[i], new Commands(this, i));
        }
        plugin.subscribe("App.language", e -> language = e.get("data").str(language));
        plugin.subscribe("App.data.pageFocus", e -> focus(e.get("data").get("value").truthy()));
        plugin.subscribe("App.data.pageHidden", e -> focus(!e.get("data").get("value").truthy()));
        plugin.subscribe("WebChat.closed", e -> {
            if (!active()) {
                transcript.reset();
            }
        });
        plugin.subscribe("WebChat.ready", e -> reports.webChatReady());
        prefilters.load();
    }

    /**
     * A fault of ours caught where the browser called into Java (see the browser edge's Guard): the page learns of
     * it through the {@code error} event ({@code errorReason: "InternalError"}), on a later turn, never as an
     * exception.
     */
    public void fault(String message) {
        failure(Texts.INTERNAL_ERROR_REASON, message);
    }

    private void failure(String reason, String message) {
        queue.error(Values.object().set("errorReason", reason).set("message", message));
    }

    /** {@code _genesys.widgets.main}, where deploymentID, cookieOptions and header live. */
    Value mainConfig() {
        return platform.page.window().get("_genesys").get("widgets").get("main");
    }

    /** Reads the global {@code _genesys.widgets.webchat}, configures itself with it, then becomes ready. */
    void configureFromPage() {
        Value webchat = platform.page.window().get("_genesys").get("widgets").get("webchat");
        if (hosted && (!webchat.isObject() || webchat.keys().length == 0)) {
            return;
        }
        plugin.command("configure", webchat);
    }

    /** Applies a configuration; returns the rejection text, or null when it was taken. */
    String configure(Value data) {
        if (!data.isObject() || data.keys().length == 0) {
            return Texts.INVALID_CONFIGURATION;
        }
        if (state == Lifecycle.ACTIVE || state == Lifecycle.STARTING || state == Lifecycle.ENDING) {
            return Texts.ALREADY_ACTIVE;
        }
        Transport chosen;
        if (tabs == null) {
            tabs = layers.open(platform, data, queue);
        }
        try {
            chosen = factory.create(new TransportContext(tabs.platformFor(platform), cookies, data,
                    tabs.hubListener()));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (chosen == null) {
            return data.get("transport").get("type").truthy() ? TransportTexts.INVALID_TRANSPORT
                    : Texts.INVALID_CONFIGURATION;
        }
        transport = tabs.use(chosen, data.get("transport").get("type").str("gms"));
        config = data;
        Value configured = Values.plainRecord(data.get("userData"));
        if (configured != null) {
            userData = Values.assign(Values.assign(Values.object(), userData), configured);
        }
        Value interaction = Values.plainRecord(data.get("transport").get("interactionData"));
        if (interaction != null) {
            interactionData = interaction;
        }
        Value max = data.get("maxMessageLength");
        maxMessageLength = max.isNumber() && max.num() > 0 ? (int) max.num() : 0;
        cometD = data.get("cometD").get("enabled").truthy();
        sleepEnabled = !cometD && (data.get("sleepEnabled").bool(false)
                || data.get("transport").get("sleepEnabled").bool(false));
        plugin.data("userData", userData);
        plugin.data("interactionData", interactionData);
        boolean syncTabs = data.get("syncTabs").bool(false);
        if (syncTabs && windows == null) {
            windows = new WindowSync(plugin);
        }
        if (windows != null) {
            windows.use(syncTabs ? tabs : null);
        }
        if (gms()) {
            webEngagement.watch();
        }
        return null;
    }

    /**
     * Whether the configuration is a GMS one (REST or CometD): no {@code transport.type}, the rule by which the
     * original's loader picked its GMS service over the others.
     */
    boolean gms() {
        return !config.get("transport").get("type").truthy();
    }

    /**
     * First successful configuration: ready, sticky {@code ready}, then pick up a session an earlier page left. On a
     * Genesys page whose App is loading the WebChat UI as well (it is in the auto-load list) but which has not got it
     * yet, the restore waits for {@code WebChat.ready}, at most {@value #WEBCHAT_WAIT_MS} ms: otherwise its
     * {@code restored} and the transcript's {@code messageReceived} go out before the UI listens, and the UI reopens an
     * empty chat (spec C.7).
     */
    void becomeReady() {
        if (configured) {
            return;
        }
        configured = true;
        plugin.ready();
        plugin.republish(Events.READY, Values.object());
        String resume = transport.resumeCommand();
        if (resume == null) {
            return;
        }
        if (hosted && autoLoaded("WebChat") && !reports.subscribed("WebChat")) {
            go(Lifecycle.RESTORING); // a start now would race the chat this restore brings back
            heldResume = resume;
            heldResumeTimer = platform.scheduler.schedule(WEBCHAT_WAIT_MS, this::resumeHeld);
        } else {
            plugin.command(resume, Values.object());
        }
    }

    /** Runs the held resume command now (the UI is ready, or waited for long enough). */
    void resumeHeld() {
        String resume = heldResume;
        dropHeldResume();
        if (resume != null) {
            state = Lifecycle.IDLE; // held, not yet sent: the command takes it from here
            plugin.command(resume, Values.object());
        }
    }

    /** Forgets the held resume: the UI asked for a restore itself. */
    void dropHeldResume() {
        heldResume = null;
        heldResumeTimer = Cancellable.cancel(heldResumeTimer);
    }

    void publish(String event, Value data) {
        plugin.publish(event, data);
    }

    String previewText() {
        return preview.text();
    }

    /** Moves the lifecycle on if the table allows it; false (and no change) when it does not. */
    boolean go(int next) {
        if (!Lifecycle.canGo(state, next)) {
            return false;
        }
        state = next;
        return true;
    }

    /** A new chat generation: whatever the transport reported for the one before is dropped. */
    void nextGeneration() {
        generation++;
    }

    boolean active() {
        return state == Lifecycle.ACTIVE;
    }

    /** A chat is going: starting, restoring (not merely held for the UI), active or ending. */
    boolean busy() {
        return state != Lifecycle.IDLE && state != Lifecycle.ENDED && heldResume == null;
    }

    /** Whether another chat core of this page (the plugin's, or one behind the Chat Service JS API) has a chat. */
    public boolean pageBusy() {
        return PageChats.busyBesides(this);
    }

    /** This core is done for good (a JS API session ended): the page's registry forgets it. */
    public void retire() {
        PageChats.remove(this);
    }

    /**
     * Back to online without a word: the chat is over, or the page dismissed the outage. (Only an active chat's
     * reports move the status, so it is online whenever a chat starts or is restored.)
     */
    void forgetOutage() {
        connection = ConnectionStatus.ONLINE;
        pendingAnnounced = false;
    }

    /** The session became active (start or restore). */
    void activate(Value sessionData) {
        plugin.data("sessionActive", Values.of(true));
        plugin.data("WebChatService.sessionData", sessionData);
    }

    /**
     * The session is over, whoever ended it: state, filters and typing are reset; the transcript stays readable as an
     * archive, its agents and statistics are emptied. The events are the caller's to publish.
     */
    void deactivate() {
        forgetOutage();
        transcript.end();
        sleeping = false;
        typing.end(false);
        if (intake.agentTyping) {
            intake.typing(false, Values.object());
        }
        plugin.data("sessionActive", Values.of(false));
        prefilters.clear();
    }

    /**
     * Tells App (hosted mode only: standalone pages have no App) whether to load us on the next page. Not when the
     * list already says so: early in a page App rewrites the whole {@code autoLoadList} cookie from what it knows,
     * which would drop WebChat from it and keep the restored chat's window from coming back.
     */
    void autoLoad(boolean on) {
        if (!hosted) {
            return;
        }
        if (on && autoLoaded(NAME)) {
            return;
        }
        plugin.command(on ? "App.registerAutoLoad" : "App.deregisterAutoLoad", Values.object());
    }

    /** Whether App's auto-load list (its cookie) says {@code plugin} is loaded on every page of this chat. */
    private boolean autoLoaded(String plugin) {
        String list = cookies.get("_genesys.widgets.app.autoLoadList");
        return list != null && list.contains("\"" + plugin + "\":true");
    }

    /** Page focus or visibility changed: sleep when it is gone, wake when it is back. */
    private void focus(boolean present) {
        plugin.command(present ? "wake" : "sleep", Values.object());
    }

    /** Any customer action wakes a sleeping session first, as in the original. */
    void wake(boolean resetIdle) {
        if (sleeping && active()) {
            sleeping = false;
            plugin.data("sleeping", Values.of(false));
            publish(Events.WAKING, Values.object());
            transport.sleep(false);
        } else if (resetIdle && active()) {
            transport.resetIdle();
        }
    }

    void sleep() {
        if (sleepEnabled && active() && !sleeping) {
            sleeping = true;
            plugin.data("sleeping", Values.of(true));
            publish(Events.SLEEPING, Values.object());
            transport.sleep(true);
        }
    }

    /** Answers the {@code verifySession} calls that waited for a restore to settle. */
    void releaseVerify() {
        Arr<Command> waiting = verifyQueue.copy();
        verifyQueue.clear();
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).resolve(Values.object().set("sessionActive", active()));
        }
        Arr<Runnable> starts = startsAfterRestore.copy();
        startsAfterRestore.clear();
        for (int i = 0; i < starts.size(); i++) {
            starts.get(i).run();
        }
    }

    /** Exposed for tests and the entry point. */
    public boolean isActive() {
        return active();
    }

}
