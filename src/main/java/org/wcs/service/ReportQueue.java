package org.wcs.service;

import org.wcs.platform.Cancellable;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportListener;
import org.wcs.util.Arr;
import org.wcs.value.Value;

/**
 * The one way in from the transport: every report, and every reply to a command, is queued with the chat generation
 * current when it was made, and delivered to {@link Reports} in order on a later turn of the event loop. So a
 * transport can never re-enter the service from inside a call, and news of an ended chat can never reach the next
 * one: a report whose generation is no longer current is dropped (replies are always delivered: a command must
 * settle; so are capabilities, which belong to the back end, not to a chat, and raw answers, which the original
 * publishes for every HTTP answer it gets, whichever chat it was for).
 */
final class ReportQueue implements TransportListener, Runnable {
    // What a queued entry is (plain ints: javac inlines them; an enum switch would cost a class in the bundle).
    private static final int STARTED = 0, RESTORE = 1, BATCH = 2, TYPING = 3, CONNECTION = 4, ERROR = 5,
        EXCHANGED = 6, POLLING_STARTED = 7, POLLING_STOPPED = 8, ENDED = 9, ENDED_SILENTLY = 10, CAPABILITIES = 11,
        SESSION_DATA = 12, REPLY_OK = 13, REPLY_FAIL = 14, JOINED = 15;

    private final WebChatService s;
    private final Arr<Entry> queue = new Arr<>();
    private Cancellable drain;

    ReportQueue(WebChatService service) {
        this.s = service;
    }

    /** One queued report or reply. */
    private static final class Entry {
        final int kind;
        final int generation;
        final Value data;
        final Value more;
        final Value extras;
        final Object typed;

        Entry(int kind, int generation, Value data, Value more, Value extras, Object typed) {
            this.kind = kind;
            this.generation = generation;
            this.data = data;
            this.more = more;
            this.extras = extras;
            this.typed = typed;
        }
    }

    private void add(int kind, Value data, Value more, Value extras, Object typed) {
        queue.add(new Entry(kind, s.generation, data, more, extras, typed));
        if (drain == null) {
            drain = s.platform.scheduler.schedule(0, this);
        }
    }

    /** Delivers what is queued, including what delivery itself queues, in order. */
    @Override
    public void run() {
        drain = null;
        while (queue.size() > 0) {
            Entry e = queue.get(0);
            queue.remove(0);
            deliver(e);
        }
    }

    private void deliver(Entry e) {
        Reports r = s.reports;
        if (e.kind == REPLY_OK) {
            ((Reply) e.typed).ok(e.data);
            return;
        }
        if (e.kind == REPLY_FAIL) {
            ((Reply) e.typed).fail(e.data);
            return;
        }
        if (e.generation != s.generation && e.kind != CAPABILITIES && e.kind != EXCHANGED) {
            return; // news of a chat that is over, or of a start or restore that was given up
        }
        switch (e.kind) {
            case STARTED:
                r.started(e.data);
                break;
            case JOINED:
                r.joined(e.data);
                break;
            case RESTORE:
                r.restoreOutcome((RestoreOutcome) e.typed, e.data);
                break;
            case BATCH:
                r.batch(e.data, e.more, (BatchKind) e.typed, e.extras);
                break;
            case TYPING:
                r.agentTyping(e.data, (AgentTyping) e.typed);
                break;
            case CONNECTION:
                r.connection((ConnectionStatus) e.typed);
                break;
            case ERROR:
                r.error(e.data);
                break;
            case EXCHANGED:
                r.exchanged(e.data);
                break;
            case POLLING_STARTED:
            case POLLING_STOPPED:
                r.polling(e.kind == POLLING_STARTED);
                break;
            case ENDED:
            case ENDED_SILENTLY:
                r.ended(e.kind == ENDED_SILENTLY);
                break;
            case CAPABILITIES:
                r.capabilities(e.data);
                break;
            default:
                r.sessionData(e.data);
        }
    }

    /** A reply to a command that settles through the queue, after the reports made before it. */
    Reply queued(Reply target) {
        return new Reply() {
            @Override
            public void ok(Value result) {
                add(REPLY_OK, result, null, null, target);
            }

            @Override
            public void fail(Value reason) {
                add(REPLY_FAIL, reason, null, null, target);
            }
        };
    }

    // ------------------------------------------------------------------ TransportListener

    @Override
    public int generation() {
        return s.generation;
    }

    @Override
    public void started(Value sessionData) {
        add(STARTED, sessionData, null, null, null);
    }

    @Override
    public void joined(Value data) {
        add(JOINED, data, null, null, null);
    }

    @Override
    public void restoreOutcome(RestoreOutcome outcome, Value data) {
        add(RESTORE, data, null, null, outcome);
    }

    @Override
    public void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        add(BATCH, messages, originals, extras, kind);
    }

    @Override
    public void agentTyping(Value from, AgentTyping state) {
        add(TYPING, from, null, null, state);
    }

    @Override
    public void connection(ConnectionStatus status) {
        add(CONNECTION, null, null, null, status);
    }

    @Override
    public void error(Value data) {
        add(ERROR, data, null, null, null);
    }

    @Override
    public void exchanged(Value body) {
        add(EXCHANGED, body, null, null, null);
    }

    @Override
    public void polling(boolean running) {
        add(running ? POLLING_STARTED : POLLING_STOPPED, null, null, null, null);
    }

    @Override
    public void ended() {
        add(ENDED, null, null, null, null);
    }

    @Override
    public void endedSilently() {
        add(ENDED_SILENTLY, null, null, null, null);
    }

    @Override
    public void capabilities(Value capabilities) {
        add(CAPABILITIES, capabilities, null, null, null);
    }

    @Override
    public void sessionData(Value sessionData) {
        add(SESSION_DATA, sessionData, null, null, null);
    }

    @Override
    public String previewText() {
        return s.previewText();
    }

    @Override
    public String language() {
        return s.language;
    }

    @Override
    public String header(String name) {
        return s.reports.header(name);
    }
}
