package org.wcs.tabs;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Platform;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The leader's messages (every tab's {@code sendMessage}) that are not yet known to have reached the server, in the
 * order they came, kept in localStorage (one key per site and back end) so that a reload or a take-over sends them.
 *
 * <p>A message that comes while the link is down (the transport's last connection report was not
 * {@link ConnectionStatus#ONLINE}) or the browser is offline is kept, not sent, and its command stays pending. One that
 * comes while messages wait goes behind them. Otherwise it goes at once, as without an outbox. A send that fails for
 * want of an answer ({@link SendFailure}) is kept as unsure: it may have reached the server.
 *
 * <p>When the link is back (an ONLINE report, the browser's {@code online} event, a restore or a take-over), the
 * messages go in order, one at a time, each command settling with the back end's answer. An unsure one is first looked
 * for in the transcript and, when found, settled as sent without sending it again; the transcript may still be catching
 * up (a socket opens before its catch-up read), so one not found is sent only after {@link #SETTLE_MS}. A message that fails
 * unanswered again while the link seems up waits twice as long each time, up to {@link #MAX_WAIT_MS}. When the chat ends first, every kept message's command rejects with
 * {@link TabTexts#ENDED_UNSENT} and the outbox is emptied.
 *
 * <p>Found in the transcript means: the customer said this text more often than the server is known to have had it
 * from them when the message was sent ({@link TabWire#ENTRY_SEEN}: the transcript's count, or the count this leader
 * knows from its own answered sends when the transcript lags behind them, plus the same text on its way before it).
 * Counting, rather than looking for the text after a position, keeps a message the customer says twice apart from its
 * earlier copy, and holds across a restore that replays the transcript with other items.
 */
final class Outbox implements Runnable {
    /** How long an unsure message waits, once the link is back, for the transcript to show it before it is sent. */
    static final int SETTLE_MS = 5000;
    /** The longest wait between two tries of a message that keeps failing unanswered while the link is up. */
    static final int MAX_WAIT_MS = 60000;
    /**
     * States ({@link TabWire#ENTRY_STATE}): never sent; on its way; sent without an answer; on its way when the chat
     * ended (its command settles with the back end's answer, as without an outbox).
     */
    static final int HELD = 0, FLIGHT = 1, UNSURE = 2, LEFT = 3;

    private final TabHub hub;
    private final Platform platform;
    /** The localStorage key, or null before the back end is known. */
    private String key;
    /** Entries {@code {call, st, seen, at}}, oldest first; the same objects go to storage. */
    private final Arr<Value> entries = new Arr<>();
    /**
     * Per text this leader sent in the chat: {@code {t, b, n}}, the transcript's count of it from the customer when it
     * was first sent, and how many of its sends reached the server since.
     */
    private final Arr<Value> known = new Arr<>();
    private Cancellable timer;
    /** Unanswered tries in a row, for the wait before the next. */
    private int tries;
    /** When the link last came back: unsure messages wait {@link #SETTLE_MS} from there. */
    private double openedAt;
    /** The transport's last {@code error} report since a send went: PureConnect's failed send says nothing itself. */
    Value lastError;

    Outbox(TabHub hub, Platform platform) {
        this.hub = hub;
        this.platform = platform;
    }

    /** The storage key of this site's chat on back end {@code type}. */
    void use(String type) {
        key = TabWire.PREFIX + type + TabWire.OUTBOX;
    }

    boolean online() {
        return platform.page.online();
    }

    /** Whether messages may go now: the hub serves a chat, its link is up, the browser online. */
    private boolean open() {
        return hub.serving() && hub.log.connection == ConnectionStatus.ONLINE && online();
    }

    /** A tab's SEND call during the chat. */
    void add(Value m) {
        if (m.get(TabWire.RETRY).truthy()) { // a tab sends its call again to a new leader
            if (find(m) != null) {
                return; // the leader that went had kept it: it goes from here, and its answer to the tab
            }
            Value a = m.get(TabWire.ARGS);
            // the tab counted its text from the customer when it made the call (see ChatLog.customerCount)
            if (hub.log.customerCount(a.get(TabWire.TEXT).str("")) > a.get(TabWire.SAID).num()) {
                hub.answer(m, true, Values.undefined(), null); // it reached the server before its answer was lost
                return;
            }
        }
        boolean waiting = false;
        for (int i = 0; i < entries.size(); i++) {
            waiting |= state(entries.get(i)) != FLIGHT;
        }
        Value e = Values.object().set(TabWire.ENTRY_CALL, m).set(TabWire.ENTRY_STATE, HELD)
                .set(TabWire.ENTRY_SEEN, 0).set(TabWire.ENTRY_AT, 0);
        entries.add(e);
        if (!waiting && open()) {
            attempt(e);
        } else {
            save();
            pump();
        }
    }

    private Value find(Value call) {
        for (int i = 0; i < entries.size(); i++) {
            Value c = entries.get(i).get(TabWire.ENTRY_CALL);
            if (c.get(TabWire.TAB).str("").equals(call.get(TabWire.TAB).str(""))
                    && c.get(TabWire.ID).num() == call.get(TabWire.ID).num()) {
                return entries.get(i);
            }
        }
        return null;
    }

    private static int state(Value e) {
        return (int) e.get(TabWire.ENTRY_STATE).num();
    }

    private static String text(Value e) {
        return e.get(TabWire.ENTRY_CALL).get(TabWire.ARGS).get(TabWire.TEXT).str("");
    }

    /** Sends {@code e}, noted in storage as on its way first: a page that goes meanwhile leaves it unsure. */
    private void attempt(Value e) {
        Value a = e.get(TabWire.ENTRY_CALL).get(TabWire.ARGS);
        String text = a.get(TabWire.TEXT).str("");
        double seen = serverCount(text);
        for (int i = 0; i < entries.size() && entries.get(i) != e; i++) {
            if (state(entries.get(i)) == FLIGHT && text.equals(text(entries.get(i)))) {
                seen++; // on its way before this one: it may reach the server first
            }
        }
        if (record(text) == null) {
            known.add(Values.object().set("t", text).set("b", hub.log.customerCount(text)).set("n", 0));
        }
        e.set(TabWire.ENTRY_SEEN, seen).set(TabWire.ENTRY_STATE, FLIGHT);
        save();
        lastError = null;
        hub.real.send(text, a.get(TabWire.TYPE).str(), a.get(TabWire.PARENT).str(), new Attempt(this, e, hub.term()));
    }

    /** How many messages with {@code text} the server is known to have from the customer. */
    private double serverCount(String text) {
        double logged = hub.log.customerCount(text);
        Value r = record(text);
        return r == null ? logged : Math.max(logged, r.get("b").num() + r.get("n").num());
    }

    private Value record(String text) {
        for (int i = 0; i < known.size(); i++) {
            if (text.equals(known.get(i).get("t").str())) {
                return known.get(i);
            }
        }
        return null;
    }

    /** A message with {@code text} reached the server. */
    private void reached(String text) {
        Value r = record(text);
        if (r != null) {
            r.set("n", r.get("n").num() + 1);
        }
    }

    /** The back end answered a send of {@code e}, made in the hub's term {@code term}. */
    void answered(Value e, int term, boolean ok, Value v) {
        if (term != hub.term()) {
            return; // sent before this tab stepped down: the tab asks the new leader
        }
        int at = entries.indexOf(e);
        if (at < 0) {
            if (state(e) == LEFT) {
                hub.answer(e.get(TabWire.ENTRY_CALL), ok, v, null);
            }
            return; // the chat ended meanwhile
        }
        if (!ok && SendFailure.unanswered(v, lastError)) {
            e.set(TabWire.ENTRY_STATE, UNSURE).set(TabWire.ENTRY_AT, platform.scheduler.now());
            tries++;
            save();
            pump();
            return;
        }
        entries.remove(at);
        if (ok) {
            reached(text(e));
        }
        tries = 0;
        save();
        hub.answer(e.get(TabWire.ENTRY_CALL), ok, v, null);
        pump();
    }

    /** Looks at the first message on a later turn: never from inside a report, the transport may be mid-call. */
    void pump() {
        if (entries.isEmpty()) {
            return;
        }
        timer = Cancellable.cancel(timer);
        timer = platform.scheduler.schedule(0, this);
    }

    /** The first message goes, or is found in the transcript, or waits. */
    @Override
    public void run() {
        timer = null;
        if (entries.isEmpty() || !open()) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (state(entries.get(i)) == FLIGHT) {
                return; // one at a time: its answer comes first
            }
        }
        Value e = entries.get(0);
        if (state(e) == UNSURE) {
            String text = text(e);
            if (hub.log.customerCount(text) > e.get(TabWire.ENTRY_SEEN).num()) {
                entries.remove(0);
                reached(text);
                tries = 0;
                save();
                hub.answer(e.get(TabWire.ENTRY_CALL), true, Values.undefined(), null);
                pump();
                return;
            }
            double now = platform.scheduler.now();
            double at = e.get(TabWire.ENTRY_AT).num();
            double due = (at > openedAt ? at : openedAt) + waitMs(); // an entry with no time waits from openedAt
            if (now < due) {
                timer = platform.scheduler.schedule((int) (due - now), this);
                return;
            }
        }
        attempt(e);
    }

    /** {@link #SETTLE_MS}, doubled for each unanswered try after the first, at most {@link #MAX_WAIT_MS}. */
    private int waitMs() {
        int wait = SETTLE_MS;
        for (int i = 1; i < tries && wait < MAX_WAIT_MS; i++) {
            wait *= 2;
        }
        return Math.min(wait, MAX_WAIT_MS);
    }

    /** The link is back, or may be (the browser is online again): the messages go. */
    void opened() {
        openedAt = platform.scheduler.now();
        pump();
    }

    /**
     * This tab now leads: the messages an earlier page or leader kept are taken from storage, ahead of any kept here
     * (none, as a rule: only a leader keeps messages). They wait until a restore or a take-over brings the chat back,
     * then go as above; no one waits on the commands of a page that is gone, and a tab that is still there gets its
     * answer as the call's (its call sent again to this leader finds its message here).
     */
    void load() {
        String kept = key == null ? null : platform.storage.get(key);
        Value stored = kept == null ? null : Values.parseOr(kept, null);
        if (stored == null || !stored.isArray()) {
            return;
        }
        Arr<Value> mine = entries.copy();
        entries.clear();
        for (int i = 0; i < stored.length(); i++) {
            Value s = stored.at(i);
            Value call = s.get(TabWire.ENTRY_CALL);
            if (call.get(TabWire.ARGS).get(TabWire.TEXT).isString() && find(call) == null) {
                entries.add(Values.object().set(TabWire.ENTRY_CALL, call)
                        .set(TabWire.ENTRY_STATE, state(s) == HELD ? HELD : UNSURE)
                        .set(TabWire.ENTRY_SEEN, s.get(TabWire.ENTRY_SEEN).num())
                        .set(TabWire.ENTRY_AT, platform.scheduler.now()));
            }
        }
        for (int i = 0; i < mine.size(); i++) {
            if (find(mine.get(i).get(TabWire.ENTRY_CALL)) == null) {
                entries.add(mine.get(i));
            }
        }
        save();
    }

    /**
     * The chat goes on here after a page's restore or a take-over, which brought its transcript: kept messages go
     * (unsure ones once looked for in it).
     */
    void restored() {
        tries = 0;
        opened();
    }

    /**
     * The chat is over (or another begins): every kept message's command rejects with {@code why}; one on its way
     * settles with the back end's answer when it comes.
     */
    void end(String why) {
        timer = Cancellable.cancel(timer);
        Arr<Value> left = entries.copy();
        entries.clear();
        known.clear();
        tries = 0;
        lastError = null;
        if (key != null) {
            platform.storage.remove(key);
        }
        for (int i = 0; i < left.size(); i++) {
            Value e = left.get(i);
            if (state(e) == FLIGHT) {
                e.set(TabWire.ENTRY_STATE, LEFT);
            } else {
                hub.answer(e.get(TabWire.ENTRY_CALL), false, Values.of(why), null);
            }
        }
    }

    /**
     * This tab stepped down: what it held is forgotten here, not in storage, which the new leader took it from (and
     * writes now). The tabs send their calls again to the new leader; the answers to sends still on their way here
     * are dropped.
     */
    void drop() {
        timer = Cancellable.cancel(timer);
        entries.clear();
        known.clear();
        tries = 0;
        lastError = null;
    }

    private void save() {
        if (key == null) {
            return;
        }
        if (entries.isEmpty()) {
            platform.storage.remove(key);
            return;
        }
        Value list = Values.array();
        for (int i = 0; i < entries.size(); i++) {
            list.push(entries.get(i));
        }
        String json = Values.stringify(list);
        if (json != null) {
            platform.storage.set(key, json);
        }
    }

    /** The answer to one send. */
    private static final class Attempt implements Reply {
        private final Outbox box;
        private final Value entry;
        private final int term;

        Attempt(Outbox box, Value entry, int term) {
            this.box = box;
            this.entry = entry;
            this.term = term;
        }

        @Override
        public void ok(Value result) {
            box.answered(entry, term, true, result);
        }

        @Override
        public void fail(Value reason) {
            box.answered(entry, term, false, reason);
        }
    }
}
