package org.wcs.transport.purecloud;

import org.wcs.platform.Cancellable;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ChatItems;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Where server messages become transcript batches, each message once and in order (spec 8.3, 8.4).
 *
 * <p>Live messages and typing indicators wait in one queue, ordered by the server's timestamp, for three things: a
 * short reorder window ({@link #REORDER_MS}, see there), their sender (so an item says who sent it), and a restore or
 * catch-up batch on its way ({@link #holds}), so that older messages are never shown after newer ones. An unknown
 * sender is fetched at once; if that takes longer than {@link #MEMBER_WAIT_MS} the message goes out with only the
 * sender's id (the widget waited forever: quirk Q5). Every message id is shown at most once, whichever way it came:
 * socket, catch-up, restore or history; a batch with an id already shown loses only that message (quirk Q6 dropped
 * the whole batch).
 */
final class Inbox implements Runnable {
    static final int MEMBER_WAIT_MS = 5000;
    static final int AGENT_TYPING_MS = 3000;
    /**
     * How long an event from the stream waits for older ones that the stream may still deliver after it. The stream
     * can deliver events out of order, and a message event carries no sequence number, so nothing on the socket says
     * that one is missing: only waiting can tell. Once a window has passed, the queue goes out in the server's order
     * (its timestamps; a REST read is ordered the same way). 50 ms stays well under the ~100 ms a person notices,
     * and is small next to the agent-to-guest path of a real chat; an event older than one already shown goes at
     * once, as waiting can no longer put it in its place. Typing indicators wait in the same queue, so a message that
     * ends the agent's typing never comes after the indicator of the next one.
     */
    static final int REORDER_MS = 50;

    private final PureCloudTransport t;
    /** Member id to {@code WebChatMemberInfo}, from member calls and member lists. */
    Value members = Values.object();
    private Value shown = Values.object();
    /** Held stream events, by server time; equal or missing times keep their order of arrival. */
    private final Arr<Held> queue = new Arr<>();
    /** The server time of the newest live event shown (0: none yet). */
    private double released;
    int holds;
    private String awaited;
    private Cancellable memberWait;
    private boolean left;

    Inbox(PureCloudTransport transport) {
        this.t = transport;
    }

    /** A message ({@code typing} false) or typing indicator from the socket. */
    void live(Value body, boolean typing) {
        Held h = new Held(body, typing);
        int i = queue.size();
        while (i > 0 && queue.get(i - 1).time > h.time) {
            i--;
        }
        queue.add(i, h);
        if (!typing && awaited == null) {
            known(body); // its sender is fetched while it waits out the window, not after
        }
        release();
    }

    /** Whether the sender of message {@code m} is known; when not, it is fetched unless it already is. */
    private boolean known(Value m) {
        String sender = m.get("sender").get("id").str("");
        if (sender.isEmpty() || members.has(sender)) {
            return true;
        }
        if (!sender.equals(awaited)) {
            awaited = sender;
            t.member(sender);
            Cancellable.cancel(memberWait);
            memberWait = t.clock.schedule(MEMBER_WAIT_MS, this);
        }
        return false;
    }

    /**
     * Sends out, in order, the queued events whose window has passed (or that are older than one shown) and whose
     * senders are known: messages as batches, typing indicators between them.
     */
    void release() {
        if (!t.current()) {
            return; // a timer of a chat the service has left: its news must not reach the next one
        }
        Value items = Values.array();
        Value originals = Values.array();
        double now = t.clock.now();
        while (holds == 0 && !queue.isEmpty()) {
            Held h = queue.get(0);
            Value m = h.body;
            if (!h.typing && !known(m) || !h.ripe && now - h.at < REORDER_MS && !(h.time <= released)) {
                break; // a member answer, the wait for it or the window's timer releases it
            }
            queue.remove(0);
            if (h.time > released) {
                released = h.time;
            }
            if (h.typing) {
                if (!left) { // else the guest's leave in this batch ends the chat
                    emit(items, originals, false, false);
                    items = Values.array();
                    originals = Values.array();
                    typing(m);
                }
            } else if (add(m, items, originals, true) && m.get("id").isString()) {
                t.session.cursor(m.get("id").str());
            }
        }
        emit(items, originals, false, false);
    }

    /** A member arrived (or could not be had: {@code info} undefined); messages waiting for it can go. */
    void member(String id, Value info) {
        members.set(id, info.isObject() ? info : Values.object().set("id", id));
        if (id.equals(awaited)) {
            awaited = null;
            memberWait.cancel();
        }
        release();
    }

    /** The member wait ran out. */
    @Override
    public void run() {
        if (awaited != null) {
            member(awaited, Values.undefined());
        }
    }

    /**
     * Messages from REST, as one batch: restore ({@code restoring}), history ({@code old}: newest first, as the UI
     * prepends them) or catch-up. Pages come in the server's order, newest first when {@code descending}; that order
     * is the time order (the server stamps each message later than the one before).
     */
    void batch(Value messages, boolean restoring, boolean old, boolean descending) {
        Value items = Values.array();
        Value originals = Values.array();
        int n = messages.length();
        boolean reverse = descending && !old;
        String newest = null;
        for (int i = 0; i < n; i++) {
            Value m = messages.at(reverse ? n - 1 - i : i);
            add(m, items, originals, !restoring && !old);
            newest = m.get("id").str(newest);
        }
        if (!old && newest != null) {
            t.session.cursor(newest);
        }
        emit(items, originals, restoring, old);
    }

    /** Converts {@code m} into the batch unless it was shown before; true when it is new. */
    private boolean add(Value m, Value items, Value originals, boolean live) {
        Value id = m.get("id");
        if (id.isString() && shown.has(id.str())) {
            return false;
        }
        if (id.isString()) {
            shown.set(id.str(), true);
        }
        String sender = m.get("sender").get("id").str("");
        boolean self = sender.equals(t.session.v[Session.MEMBER]);
        Value item = Items.item(m, members.get(sender), t.bots, live, self, t.clock.now());
        if (item != null) {
            String type = item.get("type").str();
            String from = item.get("from").get("type").str("");
            left |= live && self && type.equals(ChatItems.PARTICIPANT_LEFT);
            items.push(item);
            originals.push(m);
        }
        return true;
    }

    private void emit(Value items, Value originals, boolean restoring, boolean old) {
        if (items.length() > 0) {
            t.out.batch(items, originals, old ? BatchKind.HISTORY : restoring ? BatchKind.RESTORED : BatchKind.LIVE,
                    Values.undefined());
        }
        if (left) {
            t.ended();
        }
    }

    /**
     * A typing indicator: shown for a known agent only; the service ends it after {@link #AGENT_TYPING_MS} unless a
     * message comes first.
     */
    private void typing(Value body) {
        String sender = body.get("sender").get("id").str("");
        Value member = members.get(sender);
        if (!member.get("role").str("").equals("AGENT")) {
            return;
        }
        // avatar is always there, "" for an agent without one, as in the original
        t.out.agentTyping(Values.object().set("from", Values.object().set("name", member.get("displayName"))
                .set("id", sender).set("avatar", member.get("avatarImageUrl").str(""))), AgentTyping.STARTED);
    }

    /** Forgets the session: queue, timers, members and what was shown. */
    void reset() {
        queue.clear();
        released = 0;
        members = Values.object();
        shown = Values.object();
        holds = 0;
        awaited = null;
        left = false;
        if (memberWait != null) {
            memberWait.cancel();
        }
    }

    /** An event from the stream in the queue; its own timer closes its reorder window. */
    private final class Held implements Runnable {
        final Value body;
        final boolean typing;
        /** The server's time (epoch ms), NaN when it has none: such an event keeps its place of arrival. */
        final double time;
        /** When it arrived (scheduler ms): events that came together go out together. */
        final double at;
        /**
         * Its window's timer ran. It closes the window even if the clock says otherwise: a browser may run a timer a
         * millisecond before {@code Date.now()} shows the delay passed, and nothing else would come to release it.
         */
        boolean ripe;

        Held(Value body, boolean typing) {
            this.body = body;
            this.typing = typing;
            this.time = Values.time(body.get("timestamp").str());
            this.at = t.clock.now();
            t.clock.schedule(REORDER_MS, this); // once it ran, a release more does no harm: not cancelled
        }

        @Override
        public void run() {
            ripe = true;
            release();
        }
    }
}
