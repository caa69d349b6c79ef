package org.wcs.tabs;

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
 * The leader's side of a shared chat: the one real transport of the site in this browser. It carries out every
 * tab's calls in the order they arrive, answers each caller, and tells every tab what the transport reported, tagged
 * with the chat it belongs to. Dormant in the other tabs until this one is elected; then it picks the chat up from
 * this tab's own log ({@link #lead}).
 *
 * <p>The real transport reports here, never to a service: a report may come from inside a call, so nothing here calls
 * the transport back from a report (waiting calls run on a later turn).
 *
 * <p>A leader can lose the lock (only the lease of plain http pages can be lost: a page frozen or blocked past it is
 * replaced) and then steps down ({@link #stepDown}): its transport falls silent, and the tab follows the leader that
 * took over. Before it acts on anything (a timer of the back end, a call, a report, a tab's message) a leader asks the
 * lock whether it still holds it ({@link #awake}), so that a page that resumes sends nothing before it knows.
 */
final class TabHub implements TransportListener, Tabs.Leader {
    private static final int IDLE = 0, BUSY = 1, RESUMING = 2, ACTIVE = 3;

    private final TabClient local;
    private final Scheduler scheduler;
    Transport real;
    boolean leading;
    /**
     * This tab led and lost the lock: what its transport still does or says (a late answer, a timer) is dropped until
     * the lock is granted again.
     */
    private boolean stepped;
    /** Counts step-downs: an answer to a call this hub made before one is dropped (the caller asks the next leader). */
    private int term;
    /** The lock's port and name, or null when the chat is not shared (then nothing can take the lead away). */
    private Tabs tabs;
    private String lockName;
    private int state = IDLE;
    /** The chat the transport serves ({@link TabWire#CHAT}), or null between chats. */
    private String chat;
    private int chats;
    /** For the real transport: counts up at every start, restore and end, so that its late answers are dropped. */
    private int generation;
    ChatLog log = new ChatLog();
    /**
     * Whether a tab other than this one may show the chat: it began it, a tab was given the chat's snapshot, or the
     * chat was taken over (who shows it is not known then). Only then do transcript batches and the server's answers
     * (GMS's {@code ajaxResponse}, which carries the items too) go over the channel: a restored transcript that only
     * this tab shows is a large copy no other tab reads (measured: about a tenth of the script time of a 5,000-message
     * restore). A tab that joins later has the items from the snapshot.
     */
    private boolean shared;
    /** What the last restore answered, for the tabs that join the restored chat. */
    private Value restoreAnswer = Values.undefined();
    /**
     * This tab took the chat over from a leader that went: the tabs show it already, so a restored transcript (which
     * may come well after the restore's answer) only adds what they have not seen.
     */
    private boolean resumed;
    /**
     * The back end took the chat up from the log's newest item ({@link Transport#takeOver}): what it reads now is all
     * new to the tabs, so nothing of it is held against the log.
     */
    private boolean resumedAfter;
    /**
     * A take-over waits for the back end's replay of the transcript (which may come after the restore's answer, with
     * the first poll) before it runs the calls held for it: a message sent again must be compared with it.
     */
    private boolean replayPending;
    /** How long a take-over waits for that replay at most (a chat with nothing new may bring none). */
    static final int REPLAY_WAIT_MS = 3000;
    /** Calls held until a start, restore or take-over settles. */
    private final Arr<Value> waiting = new Arr<>();
    /** The calls this hub took, as {@code tab|id}: a tab may send a call again when it hears of this leader. */
    private Value taken = Values.object();
    /** Calls, as {@code tab|id}, that came before an earlier call of their tab: they wait to come again. */
    private final Arr<String> early = new Arr<>();
    /**
     * The session's identifiers as the tabs last heard them (JSON of both), or null: news carries them only when they
     * changed (a tab that joins gets them with the snapshot).
     */
    private String identity;
    /** The last typing preview a tab sent: GMS sends it with every poll. */
    private String preview = "";
    /** Which tabs are visible; the transport rests while none is. */
    final Resting resting;

    /** The id of this hub's tab. */
    String localId() {
        return local.id;
    }

    /** Asks {@code tab} (null: no tab) to tick for this leader while it is hidden (see {@link Resting}). */
    void pace(String tab) {
        local.emit(Values.object().set(TabWire.KIND, TabWire.PACE).set(TabWire.TAB, tab));
    }

    /** Every tab's messages not yet known to have reached the server. */
    final Outbox outbox;
    /** A take-over waits for the browser to be online: a restore now would fail and end the chat in every tab. */
    private boolean resumeLater;

    TabHub(TabClient local, Platform platform, Scheduler clock) {
        this.local = local;
        this.scheduler = clock;
        this.resting = new Resting(this, clock);
        this.outbox = new Outbox(this, platform);
        platform.page.onReturn(() -> returned());
    }

    /**
     * This tab now holds the connection: the lock was granted (the first tab, or the leader went away), or the chat
     * is not shared. A chat this tab shows is picked up where its log ends: the transport restores it, and only items
     * the log does not have go out, as news. Then every tab hears of the leader and sends its pending calls again.
     */
    void lead() {
        leading = true;
        stepped = false;
        identity = null; // the tabs heard the leader that went
        outbox.load();
        if (local.inChat && local.chat != null) {
            chat = local.chat;
            log = local.log.copy();
            state = RESUMING;
            resumed = true;
            shared = true;
            replayPending = true;
            scheduler.schedule(REPLAY_WAIT_MS, () -> {
                replayPending = false;
                flush();
            });
            generation++;
            if (outbox.online()) {
                resume();
            } else {
                resumeLater = true;
            }
        }
        local.emit(Values.object().set(TabWire.KIND, TabWire.LEADER).set(TabWire.TAB, local.id));
    }

    /** Asks {@code port} for the lock {@code name}: this hub leads when it is granted, and steps down if it is lost. */
    void elect(Tabs port, String name) {
        tabs = port;
        lockName = name;
        port.lead(name, this);
    }

    @Override
    public void granted() {
        lead();
    }

    @Override
    public void lost() {
        stepDown();
    }

    /**
     * Whether this tab's back end may act now: it leads and still holds the lock (asked again now: a page that
     * resumes may run a timer, a message or an answer before the lease's next look), or it never led. A leader that
     * finds the lock lost steps down here, before it acts.
     */
    boolean awake() {
        if (leading && tabs != null && !tabs.holds(lockName)) {
            stepDown();
        }
        return leading || !stepped;
    }

    /** Whether this hub leads, the lock asked again ({@link #awake}). */
    boolean leads() {
        return awake() && leading;
    }

    /**
     * Another tab took the lead while this one was silent (frozen, or blocked by a long task): this hub stops leading
     * at once. Its transport falls silent ({@link Transport#silence}: no request, timer or socket any more, the chat
     * neither ended on the server nor forgotten in the cookies); its answers and reports still on their way are
     * dropped, and so are the calls it held or carried out: their tabs send them again to the new leader when they
     * hear of it ({@link TabWire#LEADER}), which carries each out once (a message by the customer's count of its text,
     * {@link TabWire#SAID}, or found in the outbox it took from storage). This tab's own pending calls go to the new
     * leader too. The tab stays in the chat as a follower: its log and transcript stay, and the new leader's news
     * reach it as any tab's.
     */
    void stepDown() {
        if (!leading) {
            return;
        }
        leading = false;
        stepped = true;
        term++;
        generation++;
        state = IDLE;
        chat = null;
        log = new ChatLog();
        shared = false;
        resumed = false;
        resumedAfter = false;
        replayPending = false;
        resumeLater = false;
        restoreAnswer = Values.undefined();
        identity = null;
        preview = "";
        waiting.clear();
        early.clear();
        taken = Values.object();
        outbox.drop();
        resting.drop();
        if (real != null) {
            real.silence();
        }
        local.steppedDown();
    }

    /** The transport picks the chat of this tab's log up. */
    private void resume() {
        String resuming = chat;
        int now = term;
        Reply settle = new Reply() {
            @Override
            public void ok(Value result) {
                if (now == term) {
                    resumed(resuming, true);
                }
            }

            @Override
            public void fail(Value reason) {
                if (now == term) {
                    resumed(resuming, false);
                }
            }
        };
        resumedAfter = real.takeOver(log.originals, settle);
    }

    private void resumed(String resuming, boolean ok) {
        if (ok && resumedAfter && replayPending) { // what came after the log's newest item came with the answer
            replayPending = false;
            flush();
        }
        if (state == RESUMING) { // no outcome was reported: the answer says
            if (ok) {
                state = ACTIVE;
                connection(ConnectionStatus.ONLINE); // the tabs may have heard of an outage from the leader that went
                flush();
            } else {
                over(TabWire.ENDED);
            }
        }
        if (ok && state == ACTIVE && resuming.equals(chat)) {
            outbox.restored();
        }
    }

    /**
     * The page came back (the browser is online again, or the page visible): a take-over or a restore held while the
     * browser was offline goes now, and so do kept messages.
     */
    private void returned() {
        if (!leads() || !outbox.online()) {
            return;
        }
        if (resumeLater) {
            resumeLater = false;
            resume();
        }
        flush();
        outbox.opened();
    }

    /** Whether this hub serves a running chat (not starting, restoring or being taken over). */
    boolean serving() {
        return state == ACTIVE && leads();
    }

    /** Counts step-downs (see {@link #stepDown}). */
    int term() {
        return term;
    }

    // ------------------------------------------------------------------ calls from the tabs

    /**
     * Takes one tab's call (a {@link TabWire#CALL} message) as it arrives, and carries it out once, in the order
     * that tab made its calls. When a leader goes, each tab sends its pending calls again to the next, but a call
     * may reach the next leader before its tab heard of it: that one comes again, and a call made after one that went
     * to the leader that went (or to no leader) waits until that one comes again.
     */
    void take(Value m) {
        double n = m.get(TabWire.ID).num();
        if (n < 0) {
            call(m); // wants no answer, so it is never sent again
            return;
        }
        String tab = m.get(TabWire.TAB).str() + "|";
        String key = tab + Values.numberToString(n);
        if (m.get(TabWire.RETRY).truthy()) {
            int at = early.indexOf(key);
            if (at >= 0) {
                early.remove(at);
            } else if (taken.get(key).truthy()) {
                return;
            }
        } else {
            double oldest = m.get(TabWire.OLDEST).num();
            if (taken.get(key).truthy()) {
                return;
            }
            if (oldest < n && !taken.get(tab + Values.numberToString(oldest)).truthy()) {
                early.add(key);
                return;
            }
        }
        taken.set(key, true);
        call(m);
    }

    /** Carries out one tab's call. */
    void call(Value m) {
        int op = (int) m.get(TabWire.OP).num();
        boolean restoring = op == TabWire.RESTORE || op == TabWire.ASYNC_RESTORE || op == TabWire.SNAPSHOT_CALL;
        boolean offline = op != TabWire.SNAPSHOT_CALL && restoring && state != ACTIVE && !outbox.online();
        if (state == RESUMING || (state == BUSY && restoring) || offline || !waiting.isEmpty()) {
            waiting.add(m); // behind the held calls too, which run on a later turn: a tab's calls keep their order
            return;
        }
        Value a = m.get(TabWire.ARGS);
        switch (op) {
            case TabWire.START:
                if (state != IDLE) {
                    answer(m, false, Values.of(TabTexts.ALREADY_ACTIVE), null);
                    return;
                }
                outbox.end(TabTexts.ENDED_UNSENT); // what an earlier page kept belongs to a chat that is gone
                begin(m);
                real.start(a, replyTo(m));
                return;
            case TabWire.RESTORE:
            case TabWire.ASYNC_RESTORE:
                if (state == ACTIVE) {
                    answer(m, true, restoreAnswer, snapshot());
                    return;
                }
                begin(m);
                if (op == TabWire.RESTORE) {
                    real.restore(a, replyTo(m));
                } else {
                    real.asyncRestore(replyTo(m));
                }
                return;
            case TabWire.SNAPSHOT_CALL:
                answer(m, state == ACTIVE, Values.undefined(), state == ACTIVE ? snapshot() : null);
                return;
            case TabWire.END:
                end(m);
                return;
            case TabWire.SEND:
                if (state == ACTIVE) {
                    outbox.add(m);
                    return;
                }
                // no chat here: the back end answers as it does without one
                real.send(a.get(TabWire.TEXT).str(), a.get(TabWire.TYPE).str(), a.get(TabWire.PARENT).str(),
                        replyTo(m));
                return;
            case TabWire.TYPING:
                boolean on = a.get(TabWire.ON).truthy();
                preview = on ? a.get(TabWire.TEXT).str("") : "";
                real.typing(on, a.get(TabWire.TEXT).str(""), replyTo(m));
                return;
            default:
                other(op, a, replyTo(m));
        }
    }

    /** The calls that are only passed on. */
    private void other(int op, Value a, Reply reply) {
        switch (op) {
            case TabWire.HISTORY:
                real.fetchHistory(reply);
                break;
            case TabWire.NOTICE:
                real.customNotice(a.str(), reply);
                break;
            case TabWire.USER_DATA:
                real.updateUserData(a, reply);
                break;
            case TabWire.INTERACTION_DATA:
                real.updateInteractionData(a, reply);
                break;
            case TabWire.FILE_LIMITS:
                real.fileLimits(reply);
                break;
            case TabWire.SEND_FILE:
                real.sendFile(a, reply);
                break;
            case TabWire.START_POLL:
                real.startPoll(reply);
                break;
            case TabWire.STOP_POLL:
                real.stopPoll(reply);
                break;
            case TabWire.PAUSE_POLL:
                real.pausePoll(a.truthy(), reply);
                break;
            case TabWire.POLL:
                real.poll(reply);
                break;
            case TabWire.RESET_POLL:
                real.resetPollExceptions(reply);
                break;
            default: // RESET_IDLE
                real.resetIdle();
        }
    }

    /** A new chat (start or restore) for the calling tab: the others learn of it when the transport reports it. */
    private void begin(Value m) {
        identity = null; // the calling tab may not have heard the chat before
        chat = local.id + "." + Values.numberToString(++chats); // no Java int formatting in the bundle
        generation++;
        state = BUSY;
        resumed = false;
        resumedAfter = false;
        shared = !local.id.equals(m.get(TabWire.TAB).str());
        replayPending = false;
        log.reset();
        restoreAnswer = Values.undefined();
        local.emit(Values.object().set(TabWire.KIND, TabWire.BEGIN).set(TabWire.CHAT, chat)
                .set(TabWire.BY, m.get(TabWire.TAB)));
    }

    /**
     * The customer ends the chat from one tab: whatever the server answers, the chat is over. The other tabs hear it
     * as an end by the server; the caller from its answer, which comes after.
     */
    private void end(Value m) {
        outbox.end(TabTexts.ENDED_UNSENT);
        String ending = chat;
        int now = term;
        state = IDLE;
        chat = null;
        generation++;
        real.end(new Reply() {
            @Override
            public void ok(Value result) {
                ended(result, true);
            }

            @Override
            public void fail(Value reason) {
                ended(reason, false);
            }

            private void ended(Value v, boolean ok) {
                if (now != term) {
                    return; // this tab stepped down meanwhile: the caller asks the next leader
                }
                if (ending != null) {
                    local.emit(news(ending, TabWire.ENDED).set(TabWire.BY, m.get(TabWire.TAB)));
                }
                answer(m, ok, v, null);
                flush();
            }
        });
    }

    private Reply replyTo(Value m) {
        String begun = chat;
        int now = term;
        return new Reply() {
            @Override
            public void ok(Value result) {
                settled(m, begun, now, true, result);
            }

            @Override
            public void fail(Value reason) {
                settled(m, begun, now, false, reason);
            }
        };
    }

    private void settled(Value m, String begun, int t, boolean ok, Value v) {
        if (t != term) {
            return; // this tab stepped down meanwhile: the caller asks the next leader
        }
        int op = (int) m.get(TabWire.OP).num();
        if (op == TabWire.RESTORE || op == TabWire.ASYNC_RESTORE) {
            restoreAnswer = ok ? v : Values.undefined();
            if (ok && state == ACTIVE && begun != null && begun.equals(chat)) {
                outbox.restored(); // the transcript is in: what an earlier page kept goes now
            }
        }
        if (state == BUSY && begun != null && begun.equals(chat)) {
            if (!ok) {
                state = IDLE; // the start or restore failed without a report
            } else if (op == TabWire.RESTORE || op == TabWire.ASYNC_RESTORE) {
                state = IDLE; // answered without an outcome: nothing restored (e.g. no async chat)
            }
        }
        answer(m, ok, v, null);
        flush();
    }

    /** Sends a call's answer to its tab; {@code snapshot} (or null) lets a tab show a chat it joins. */
    void answer(Value m, boolean ok, Value data, Value snapshot) {
        if (m.get(TabWire.ID).num() < 0) {
            return; // a call that wants no answer
        }
        Value r = Values.object().set(TabWire.KIND, TabWire.REPLY).set(TabWire.TAB, m.get(TabWire.TAB))
                .set(TabWire.ID, m.get(TabWire.ID)).set(TabWire.OK, ok).set(TabWire.DATA, data);
        if (snapshot != null) {
            r.set(TabWire.SNAPSHOT, snapshot);
        }
        local.emit(r);
    }

    /** Everything a tab needs to show the running chat as if it had restored it itself. */
    private Value snapshot() {
        shared = true;
        ChatLog now = log.copy(); // this tab's own client reads it unsent: later items must not change it
        Value s = Values.object().set(TabWire.CHAT, chat).set(TabWire.DATA, now.messages)
                .set(TabWire.ORIGINALS, now.originals).set(TabWire.OLDER, now.older)
                .set(TabWire.RESTORED, log.restoredData)
                .set(TabWire.CONNECTION, TabWire.code(log.connection)).set(TabWire.SESSION, real.sessionData())
                .set(TabWire.ANSWER, real.sessionDataAnswer());
        if (log.capabilities != null) {
            s.set(TabWire.CAPABILITIES, log.capabilities);
        }
        return s;
    }

    /** Runs the held calls on a later turn, once nothing is starting, restoring or being taken over. */
    private void flush() {
        if (waiting.isEmpty() || state == BUSY || state == RESUMING || replayPending) {
            return;
        }
        scheduler.schedule(0, () -> {
            Arr<Value> held = waiting.copy();
            waiting.clear();
            for (int i = 0; i < held.size(); i++) {
                call(held.get(i));
            }
        });
    }

    // ------------------------------------------------------------------ reports of the real transport

    /**
     * A report as news for every tab: its chat, its kind, and the session's identifiers when they changed since the
     * last news (not with every poll's report: a tab keeps what it heard last).
     */
    private Value news(String about, int report) {
        Value n = Values.object().set(TabWire.KIND, TabWire.NEWS).set(TabWire.CHAT, about).set(TabWire.REPORT, report);
        if (real == null) {
            return n; // a report from the back end's constructor
        }
        Value session = real.sessionData();
        Value answer = real.sessionDataAnswer();
        String now = Values.stringify(Values.array().push(session).push(answer));
        if (now == null || !now.equals(identity)) {
            n.set(TabWire.SESSION, session).set(TabWire.ANSWER, answer);
            if (report != TabWire.EXCHANGED && report != TabWire.CAPABILITIES_REPORT) {
                identity = now; // the tabs of the chat take them from news of the chat only (TabClient.news)
            }
        }
        return n;
    }

    private void tell(int report, Value data, Object typed) {
        Value n = news(chat, report).set(TabWire.DATA, data);
        if (typed != null) {
            n.set(TabWire.TYPED, TabWire.code(typed));
        }
        local.emit(n);
    }

    /** The chat is over for the server: every tab hears it, the transport's late news of it is dropped. */
    private void over(int report) {
        outbox.end(TabTexts.ENDED_UNSENT);
        tell(report, Values.undefined(), null);
        state = IDLE;
        chat = null;
        generation++;
        flush();
    }

    @Override
    public int generation() {
        return generation;
    }

    // Every report below is dropped when this tab stepped down (or finds now that it must): another tab reports.

    @Override
    public void started(Value sessionData) {
        if (!awake()) {
            return;
        }
        state = ACTIVE;
        tell(TabWire.STARTED, sessionData, null);
        flush();
    }

    @Override
    public void restoreOutcome(RestoreOutcome outcome, Value data) {
        if (!awake()) {
            return;
        }
        boolean goesOn = outcome == RestoreOutcome.RESTORED || outcome == RestoreOutcome.RESTORED_OFFLINE;
        if (state == RESUMING) { // the tabs show the chat already: only its loss, and the link, are news
            if (goesOn) {
                state = ACTIVE;
                connection(outcome == RestoreOutcome.RESTORED ? ConnectionStatus.ONLINE : ConnectionStatus.OFFLINE);
                flush();
            } else {
                over(TabWire.ENDED);
            }
            return;
        }
        if (outcome == RestoreOutcome.RESTORED) {
            state = ACTIVE;
            log.restoredData = data == null || data.isUndefined() ? Values.object() : data;
        } else if (outcome == RestoreOutcome.RESTORED_OFFLINE) {
            log.connection = ConnectionStatus.OFFLINE;
        } else {
            state = IDLE;
        }
        tell(TabWire.RESTORE_OUTCOME, data, outcome);
        if (!goesOn) {
            chat = null;
            // A failed restore may be a server out of reach: what an earlier page kept stays for a later page's
            // restore. A chat that timed out or was lost takes its messages with it.
            if (outcome != RestoreOutcome.FAILED) {
                outbox.end(TabTexts.ENDED_UNSENT);
            }
        }
        flush();
    }

    @Override
    public void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        if (!awake()) {
            return;
        }
        if (replayPending && kind != BatchKind.HISTORY) {
            replayPending = false;
            scheduler.schedule(0, () -> flush()); // after this batch is in the log
        }
        if (resumed && kind == BatchKind.RESTORED) {
            if (!resumedAfter) {
                Value fresh = Values.array();
                Value raw = Values.array();
                Value tally = log.tally();
                for (int i = 0; i < messages.length(); i++) {
                    if (ChatLog.isNew(tally, messages.at(i))) {
                        fresh.push(messages.at(i));
                        raw.push(originals.isArray() ? originals.at(i) : Values.undefined());
                    }
                }
                if (fresh.length() == 0) {
                    return;
                }
                messages = fresh;
                originals = raw;
            }
            kind = BatchKind.LIVE;
        }
        if (kind != BatchKind.HISTORY) {
            log.add(messages, originals);
            outbox.pump(); // an unsure message may show in it
        } else {
            log.prepend(messages, originals);
        }
        Value n = news(chat, TabWire.BATCH).set(TabWire.DATA, messages).set(TabWire.MORE, originals)
                .set(TabWire.EXTRAS, extras).set(TabWire.TYPED, TabWire.code(kind));
        spread(n);
    }

    @Override
    public void agentTyping(Value from, AgentTyping typing) {
        if (!awake()) {
            return;
        }
        tell(TabWire.AGENT_TYPING, from, typing);
    }

    @Override
    public void connection(ConnectionStatus status) {
        if (!awake()) {
            return;
        }
        if (status == log.connection) {
            return; // tabs hear changes only, as the service publishes only changes
        }
        log.connection = status;
        tell(TabWire.CONNECTION_REPORT, Values.undefined(), status);
        if (status == ConnectionStatus.ONLINE) {
            outbox.opened();
        }
    }

    @Override
    public void error(Value data) {
        if (!awake()) {
            return;
        }
        outbox.lastError = data;
        tell(TabWire.ERROR, data, null);
    }

    @Override
    public void exchanged(Value body) {
        if (!awake()) {
            return;
        }
        spread(news(chat, TabWire.EXCHANGED).set(TabWire.DATA, body)); // a poll's answer carries its items too
    }

    /** News of the chat's transcript: for every tab when another may show the chat, else for this one alone. */
    private void spread(Value news) {
        if (shared) {
            local.emit(news);
        } else {
            local.receive(news);
        }
    }

    @Override
    public void polling(boolean running) {
        if (!awake()) {
            return;
        }
        tell(TabWire.POLLING, Values.undefined(), running ? Boolean.TRUE : Boolean.FALSE);
    }

    @Override
    public void ended() {
        if (!awake()) {
            return;
        }
        over(TabWire.ENDED);
    }

    @Override
    public void endedSilently() {
        if (!awake()) {
            return;
        }
        over(TabWire.ENDED_SILENTLY);
    }

    @Override
    public void capabilities(Value capabilities) {
        if (!awake()) {
            return;
        }
        String before = log.capabilities == null ? null : Values.stringify(log.capabilities);
        Value merged = Values.object();
        if (log.capabilities != null) {
            Values.assign(merged, log.capabilities);
        }
        log.capabilities = Values.assign(merged, capabilities);
        if (resumed && Values.stringify(log.capabilities).equals(before)) {
            return; // the back end says again what the tabs know: no news
        }
        tell(TabWire.CAPABILITIES_REPORT, capabilities, null);
    }

    @Override
    public void sessionData(Value sessionData) {
        if (!awake()) {
            return;
        }
        tell(TabWire.SESSION_DATA, sessionData, null);
    }

    @Override
    public String previewText() {
        String own = local.out.previewText();
        return own.isEmpty() ? preview : own;
    }

    @Override
    public String language() {
        return local.out.language();
    }

    @Override
    public String header(String name) {
        return local.out.header(name);
    }
}
