package org.wcs.tabs;

import org.wcs.platform.Page;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Platform;
import org.wcs.platform.Scheduler;
import org.wcs.platform.Tabs;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportListener;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The transport as one tab's service sees it when the tabs of a site share one chat. Calls go to the leader tab's
 * {@link TabHub} (this tab's own when it leads) and settle with its answer; the leader's news of the chat this tab
 * shows reaches the service as the transport's reports, in the leader's order. A tab that is not in a chat when
 * another tab starts or restores one joins it: the service hears {@code joined}, then the transcript so far.
 *
 * <p>What a transport says about itself (texts, capabilities, the resume command) comes from this tab's own copy of
 * the back end, which sends nothing unless this tab leads.
 */
public final class TabClient implements Transport, TabLayer, Tabs.Receiver {
    /** The lock and channel of the tabs of a site that share a chat over the back end of {@code type}. */
    public static String channel(String type) {
        return TabWire.PREFIX + type + TabWire.VERSION;
    }
    final String id;
    final TransportListener out;
    private final TabHub hub;
    private final Scheduler scheduler;
    /** The back end's clock (see {@link #platformFor}). */
    private final PumpedClock clock;
    /** How often a visible tab ticks for a hidden leader: a hidden tab's own timers fire once a second at best. */
    static final int TICK_MS = 1000;
    /** Whether the leader asked this tab to tick, and the next tick. */
    private boolean pacing;
    private Cancellable ticker;
    private final Tabs.Channel channel;
    private final Page page;
    private Transport real;
    /** Hears other tabs' WebChat window state ({@code webchat.syncTabs}), or null. */
    private WindowMirror mirror;
    /** The chat this tab shows or is starting ({@link TabWire#CHAT}), or null. */
    String chat;
    /** Whether the service has a chat (started, restored or joined) that has not ended. */
    boolean inChat;
    ChatLog log = new ChatLog();
    private Value sessionData;
    private Value sessionAnswer;
    private int calls;
    /** Calls sent and not answered, and their replies (same places). */
    private final Arr<Value> pending = new Arr<>();
    private final Arr<Reply> replies = new Arr<>();
    /** The id of this tab's start or restore on its way, or -1: another tab's chat is joined after it settles. */
    private int lifecycle = -1;
    private boolean joinAfter;
    private boolean joining;

    /**
     * {@code name}: the channel and lock of the site's chat, or null when this tab keeps its chat to itself (it
     * leads at once and tells no one).
     */
    public TabClient(Platform platform, String name, TransportListener out) {
        this.id = Values.numberToString(Math.floor(platform.random.next() * 1e15)) + "-"
                + Values.numberToString(platform.scheduler.now());
        this.out = out;
        this.scheduler = platform.scheduler;
        this.clock = new PumpedClock(platform.scheduler);
        this.hub = new TabHub(this, platform, clock);
        clock.hub = hub;
        this.channel = name == null ? null : platform.tabs.join(name, this);
        this.page = platform.page;
        page.onVisibility(() -> showing());
        if (channel != null) {
            hub.elect(platform.tabs, name);
            platform.tabs.onLeave(() -> emit(Values.object().set(TabWire.KIND, TabWire.BYE).set(TabWire.TAB, id)));
            showing();
        }
    }

    /** The back end's listener: the hub, which reports to every tab. */
    @Override
    public TransportListener hubListener() {
        return hub;
    }

    /**
     * Takes the back end built for this configuration ({@code type}: its {@code transport.type}, "gms" for GMS); a tab
     * that shares nothing leads from now on.
     */
    @Override
    public TabClient use(Transport transport, String type) {
        real = transport;
        hub.outbox.use(type);
        hub.real = transport;
        hub.resting.adopt(transport);
        sessionData = transport.sessionData();
        sessionAnswer = transport.sessionDataAnswer();
        if (channel == null && !hub.leading) {
            hub.lead();
        }
        return this;
    }

    // ------------------------------------------------------------------ the channel

    /** Gives a message to this tab (the hub's own) and posts it to the others; false when it cannot be copied. */
    boolean emit(Value m) {
        receive(m);
        return channel == null || channel.post(m);
    }

    @Override
    public void receive(Value m) {
        switch ((int) m.get(TabWire.KIND).num()) {
            case TabWire.CALL:
                if (!id.equals(m.get(TabWire.TAB).str()) && hub.leads()) {
                    hub.take(m);
                }
                break;
            case TabWire.REPLY:
                if (id.equals(m.get(TabWire.TAB).str())) {
                    settle(m);
                }
                break;
            case TabWire.BEGIN:
                if (id.equals(m.get(TabWire.BY).str())) {
                    chat = m.get(TabWire.CHAT).str();
                    log.reset();
                }
                break;
            case TabWire.NEWS:
                news(m);
                break;
            case TabWire.LEADER:
                if (!id.equals(m.get(TabWire.TAB).str())) {
                    // A leader that hears of another asks its lock (it steps down if it lost it); a holder of the
                    // lease that merely outlived a silent new leader keeps leading, and that one steps down.
                    hub.awake();
                }
                follow();
                break;
            case TabWire.REST:
            case TabWire.BYE:
                if (hub.leads()) {
                    hub.resting.seen(m.get(TabWire.TAB).str(), m.get(TabWire.ON).truthy());
                }
                break;
            case TabWire.PACE:
                pacing = id.equals(m.get(TabWire.TAB).str());
                if (pacing && ticker == null) {
                    tick();
                }
                break;
            case TabWire.TICK:
                if (hub.leads()) {
                    clock.pump();
                }
                break;
            case TabWire.WINDOW:
                if (mirror != null) {
                    mirror.minimized(m.get(TabWire.ON).truthy());
                }
                break;
            default:
        }
    }

    /**
     * A new leader: this tab's pending calls go to it (the leader that had them may be gone), and its visibility. A
     * tab that ticked for the leader before stops: the new one asks for ticks when it needs them.
     */
    private void follow() {
        pacing = false;
        for (int i = 0; i < pending.size(); i++) {
            route(pending.get(i).set(TabWire.RETRY, true));
        }
        showing(); // the new leader knows no tab's visibility yet
    }

    /**
     * This tab's hub stepped down (another tab took the lead while this one was frozen): its pending calls go to the
     * new leader on a later turn, as when it hears of it; in case that message never comes (a frozen page may miss
     * it), or came before. A leader takes a call sent twice once.
     */
    void steppedDown() {
        scheduler.schedule(0, () -> follow());
    }

    /** Ticks for a hidden leader every {@link #TICK_MS} while it asks this tab to (see {@link Resting}). */
    private void tick() {
        ticker = null;
        if (pacing && channel != null) {
            channel.post(Values.object().set(TabWire.KIND, TabWire.TICK));
            ticker = scheduler.schedule(TICK_MS, () -> tick());
        }
    }

    /**
     * The clock the back end runs on: this tab's, and ticks from a visible tab run its due timers when this tab leads
     * hidden. Its timers and requests wait for nothing, but run only while this tab may act ({@link TabHub#awake}).
     */
    @Override
    public Platform platformFor(Platform platform) {
        return new Platform(clock, new GatedHttp(platform.http, scheduler, hub), platform.webSockets, platform.cookies,
                platform.storage, platform.page, platform.random, platform.version, platform.tabs);
    }

    /** Tells the leader (this tab's hub when it leads) whether this tab is visible now. */
    private void showing() {
        emit(Values.object().set(TabWire.KIND, TabWire.REST).set(TabWire.TAB, id).set(TabWire.ON, page.visible()));
    }

    /** {@code webchat.syncTabs}: {@code m} hears the other tabs' window state; null stops it. */
    @Override
    public void mirror(WindowMirror m) {
        mirror = m;
    }

    /** Tells the other tabs that this tab's WebChat window was minimised or restored. */
    @Override
    public void window(boolean minimized) {
        if (channel != null) {
            channel.post(Values.object().set(TabWire.KIND, TabWire.WINDOW).set(TabWire.TAB, id)
                    .set(TabWire.ON, minimized));
        }
    }

    /** A call to the leader: this tab's hub when it leads, else over the channel. */
    private void call(int op, Value args, Reply reply) {
        int n = reply == null ? -1 : ++calls;
        Value m = Values.object().set(TabWire.KIND, TabWire.CALL).set(TabWire.TAB, id).set(TabWire.ID, n)
                .set(TabWire.OP, op).set(TabWire.ARGS, args);
        if (reply != null) {
            pending.add(m);
            replies.add(reply);
        }
        // The oldest call this tab still waits for: a leader that has not taken it holds this one until it comes
        // again (a leader that went had it), so that this tab's calls are carried out in the order it made them.
        m.set(TabWire.OLDEST, pending.isEmpty() ? n : pending.get(0).get(TabWire.ID).num());
        if (op == TabWire.START || op == TabWire.RESTORE || op == TabWire.ASYNC_RESTORE) {
            lifecycle = n; // before it goes: this tab's own hub may answer at once
        }
        if (!route(m) && reply != null) {
            pending.remove(pending.indexOf(m));
            replies.remove(replies.indexOf(reply));
            if (lifecycle == n) {
                lifecycle = -1;
            }
            reply.fail(Values.of(TabTexts.NOT_CARRIED));
        }
    }

    private boolean route(Value m) {
        if (hub.leads()) {
            hub.take(m);
            return true;
        }
        return channel != null && channel.post(m);
    }

    private void settle(Value m) {
        int at = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).get(TabWire.ID).num() == m.get(TabWire.ID).num()) {
                at = i;
            }
        }
        if (at < 0) {
            return; // answered already (a call sent again to a new leader)
        }
        int op = (int) pending.get(at).get(TabWire.OP).num();
        int n = (int) m.get(TabWire.ID).num();
        pending.remove(at);
        Reply reply = replies.remove(at);
        Value snapshot = m.get(TabWire.SNAPSHOT);
        if (snapshot.isObject()) {
            adopt(snapshot, op != TabWire.SNAPSHOT_CALL);
        }
        if (op == TabWire.SNAPSHOT_CALL) {
            joining = false;
        } else if (op == TabWire.END) {
            inChat = false;
            chat = null;
        }
        if (m.get(TabWire.OK).truthy()) {
            reply.ok(m.get(TabWire.DATA));
        } else {
            reply.fail(m.get(TabWire.DATA));
        }
        if (n == lifecycle) {
            lifecycle = -1;
            if (joinAfter && !inChat) {
                join();
            }
            joinAfter = false;
        }
    }

    /** Shows a running chat from the leader's snapshot: as a restore ({@code restoring}) or as a join. */
    private void adopt(Value s, boolean restoring) {
        chat = s.get(TabWire.CHAT).str();
        inChat = true;
        log.reset();
        Value items = s.get(TabWire.DATA);
        Value raws = s.get(TabWire.ORIGINALS);
        log.add(items, raws);
        log.older = (int) s.get(TabWire.OLDER).num();
        log.restoredData = s.get(TabWire.RESTORED);
        log.connection = (ConnectionStatus) TabWire.constant((int) s.get(TabWire.CONNECTION).num());
        identity(s);
        Value capabilities = s.get(TabWire.CAPABILITIES);
        if (capabilities.isObject()) {
            log.capabilities = capabilities;
            out.capabilities(capabilities);
        }
        if (restoring) {
            out.restoreOutcome(RestoreOutcome.RESTORED, log.restoredData);
        } else {
            out.joined(log.restoredData);
        }
        if (items.length() > 0) {
            // the snapshot's own lists, not the log's: the service reads a batch on a later turn, and by then the log
            // may have grown by news that the service hears on its own as well (an item shown twice)
            out.batch(items, raws, BatchKind.RESTORED, Values.undefined());
        }
        if (log.connection != null && log.connection != ConnectionStatus.ONLINE) {
            out.connection(log.connection);
        }
    }

    private void identity(Value m) {
        if (m.get(TabWire.SESSION).isObject()) {
            sessionData = m.get(TabWire.SESSION);
            sessionAnswer = m.get(TabWire.ANSWER);
        }
    }

    /** Asks the leader for the running chat, to show it here too. */
    private void join() {
        joining = true;
        call(TabWire.SNAPSHOT_CALL, Values.undefined(), new Reply() {
            @Override
            public void ok(Value result) {
            }

            @Override
            public void fail(Value reason) {
            }
        });
    }

    /** The leader's news: this tab's chat reaches the service; another tab's new chat is joined. */
    private void news(Value m) {
        int report = (int) m.get(TabWire.REPORT).num();
        Value d = m.get(TabWire.DATA);
        if (report == TabWire.EXCHANGED || report == TabWire.CAPABILITIES_REPORT) {
            deliver(report, m, d); // about an HTTP answer or the back end, not about a chat
            return;
        }
        String about = m.get(TabWire.CHAT).str();
        if (about == null ? chat == null : about.equals(chat)) {
            if (report != TabWire.ENDED || !id.equals(m.get(TabWire.BY).str())) { // an end of ours settles by its answer
                identity(m);
                deliver(report, m, d);
            }
            return;
        }
        Object typed = TabWire.constant((int) m.get(TabWire.TYPED).num());
        boolean begins = report == TabWire.STARTED
                || (report == TabWire.RESTORE_OUTCOME && typed == RestoreOutcome.RESTORED);
        if (begins && !inChat && !joining) {
            if (lifecycle >= 0) {
                joinAfter = true;
            } else {
                join();
            }
        }
    }

    private void deliver(int report, Value m, Value d) {
        Object typed = TabWire.constant((int) m.get(TabWire.TYPED).num());
        switch (report) {
            case TabWire.STARTED:
                inChat = true;
                out.started(d);
                break;
            case TabWire.RESTORE_OUTCOME:
                RestoreOutcome outcome = (RestoreOutcome) typed;
                if (outcome == RestoreOutcome.RESTORED) {
                    inChat = true;
                    log.restoredData = d.isUndefined() ? Values.object() : d;
                } else if (outcome != RestoreOutcome.RESTORED_OFFLINE) {
                    inChat = false;
                    chat = null; // as the leader: what follows (an error) is about no chat
                }
                out.restoreOutcome(outcome, d);
                break;
            case TabWire.BATCH:
                BatchKind kind = (BatchKind) typed;
                if (kind != BatchKind.HISTORY) {
                    log.add(d, m.get(TabWire.MORE));
                } else {
                    log.prepend(d, m.get(TabWire.MORE));
                }
                out.batch(d, m.get(TabWire.MORE), kind, m.get(TabWire.EXTRAS));
                break;
            case TabWire.AGENT_TYPING:
                out.agentTyping(d, (AgentTyping) typed);
                break;
            case TabWire.CONNECTION_REPORT:
                log.connection = (ConnectionStatus) typed;
                out.connection(log.connection);
                break;
            case TabWire.ERROR:
                out.error(d);
                break;
            case TabWire.EXCHANGED:
                out.exchanged(d);
                break;
            case TabWire.POLLING:
                out.polling(typed == Boolean.TRUE);
                break;
            case TabWire.ENDED:
            case TabWire.ENDED_SILENTLY:
                inChat = false;
                chat = null;
                if (report == TabWire.ENDED) {
                    out.ended();
                } else {
                    out.endedSilently();
                }
                break;
            case TabWire.CAPABILITIES_REPORT:
                log.capabilities = Values.assign(log.capabilities == null ? Values.object() : log.capabilities, d);
                out.capabilities(d);
                break;
            default: // SESSION_DATA
                out.sessionData(d);
        }
    }

    // ------------------------------------------------------------------ Transport: calls go to the leader

    @Override
    public void start(Value request, Reply reply) {
        call(TabWire.START, request, reply);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        call(TabWire.SEND, Values.object().set(TabWire.TEXT, text).set(TabWire.TYPE, type)
                .set(TabWire.PARENT, parentMessageId).set(TabWire.SAID, log.customerCount(text)), reply);
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        call(TabWire.TYPING, Values.object().set(TabWire.ON, started).set(TabWire.TEXT, preview), reply);
    }

    @Override
    public void end(Reply reply) {
        chat = null; // what the leader reports from now on is no longer about the chat (the service moved on too)
        call(TabWire.END, Values.undefined(), reply);
    }

    @Override
    public void restore(Value stored, Reply reply) {
        call(TabWire.RESTORE, stored, reply);
    }

    @Override
    public void asyncRestore(Reply reply) {
        call(TabWire.ASYNC_RESTORE, Values.undefined(), reply);
    }

    @Override
    public Value sessionData() {
        return hub.leading ? real.sessionData() : sessionData;
    }

    @Override
    public Value sessionDataAnswer() {
        return hub.leading ? real.sessionDataAnswer() : sessionAnswer;
    }

    @Override
    public int agentTypingTimeoutMs() {
        return real.agentTypingTimeoutMs();
    }

    @Override
    public String resumeCommand() {
        return real.resumeCommand();
    }

    @Override
    public void fetchHistory(Reply reply) {
        call(TabWire.HISTORY, Values.undefined(), reply);
    }

    @Override
    public String noChatText(int what) {
        return real.noChatText(what);
    }

    @Override
    public boolean checksTextFirst() {
        return real.checksTextFirst();
    }

    @Override
    public boolean uploads() {
        return real.uploads();
    }

    @Override
    public boolean sendsCustomNotices() {
        return real.sendsCustomNotices();
    }

    @Override
    public void customNotice(String message, Reply reply) {
        call(TabWire.NOTICE, Values.of(message), reply);
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        call(TabWire.USER_DATA, data, reply);
    }

    @Override
    public void updateInteractionData(Value data, Reply reply) {
        call(TabWire.INTERACTION_DATA, data, reply);
    }

    @Override
    public void fileLimits(Reply reply) {
        call(TabWire.FILE_LIMITS, Values.undefined(), reply);
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        call(TabWire.SEND_FILE, file, reply);
    }

    /**
     * Carried out in this tab, not by the leader: a download opens a window, which the browser allows only in the tab
     * the customer clicked in (GMS, the one back end with downloads, finds the chat's keys in the cookies).
     */
    @Override
    public void downloadFile(String fileId, String fileName, Reply reply) {
        real.downloadFile(fileId, fileName, reply);
    }

    @Override
    public void startPoll(Reply reply) {
        call(TabWire.START_POLL, Values.undefined(), reply);
    }

    @Override
    public void stopPoll(Reply reply) {
        call(TabWire.STOP_POLL, Values.undefined(), reply);
    }

    @Override
    public void pausePoll(boolean pause, Reply reply) {
        call(TabWire.PAUSE_POLL, Values.of(pause), reply);
    }

    @Override
    public void poll(Reply reply) {
        call(TabWire.POLL, Values.undefined(), reply);
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        call(TabWire.RESET_POLL, Values.undefined(), reply);
    }

    @Override
    /**
     * This tab's page sleeps or wakes ({@code sleepEnabled}). Alone, the back end sleeps with it, as in the original.
     * Shared, one tab's sleep must not slow the others' chat: the connection rests only when no tab is visible
     * ({@link Resting}); a tab that wakes still tells the server the customer is back (where it has an idle timer).
     */
    public void sleep(boolean sleeping) {
        if (channel == null) {
            real.sleep(sleeping);
        } else if (!sleeping) {
            resetIdle();
        }
    }

    @Override
    public void resetIdle() {
        call(TabWire.RESET_IDLE, Values.undefined(), null);
    }
}
