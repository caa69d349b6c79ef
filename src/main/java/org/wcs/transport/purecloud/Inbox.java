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
 * <p>Live messages wait in a queue until their sender is known (so an item says who sent it), and while a restore or
 * catch-up batch is on its way ({@link #holds}), so that older messages are never shown after newer ones. An unknown
 * sender is fetched at once; if that takes longer than {@link #MEMBER_WAIT_MS} the message goes out with only the
 * sender's id (the widget waited forever: quirk Q5). Every message id is shown at most once, whichever way it came:
 * socket, catch-up, restore or history; a batch with an id already shown loses only that message (quirk Q6 dropped
 * the whole batch).
 */
final class Inbox implements Runnable {
    static final int MEMBER_WAIT_MS = 5000;
    static final int AGENT_TYPING_MS = 3000;

    private final PureCloudTransport t;
    /** Member id to {@code WebChatMemberInfo}, from member calls and member lists. */
    Value members = Values.object();
    private Value shown = Values.object();
    private final Arr<Value> queue = new Arr<>();
    int holds;
    private String awaited;
    private Cancellable memberWait;
    private boolean left;

    Inbox(PureCloudTransport transport) {
        this.t = transport;
    }

    /** A message from the socket. */
    void live(Value m) {
        queue.add(m);
        release();
    }

    /** Sends out the queued messages whose senders are known, in order, as one batch. */
    void release() {
        Value items = Values.array();
        Value originals = Values.array();
        while (holds == 0 && !queue.isEmpty()) {
            Value m = queue.get(0);
            String sender = m.get("sender").get("id").str("");
            if (!sender.isEmpty() && !members.has(sender)) {
                if (!sender.equals(awaited)) {
                    awaited = sender;
                    t.member(sender);
                    memberWait = t.clock.schedule(MEMBER_WAIT_MS, this);
                }
                break;
            }
            queue.remove(0);
            if (add(m, items, originals, true) && m.get("id").isString()) {
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
    void typing(Value body) {
        String sender = body.get("sender").get("id").str("");
        Value member = members.get(sender);
        if (!member.get("role").str("").equals("AGENT")) {
            return;
        }
        String avatar = member.get("avatarImageUrl").str("");
        t.out.agentTyping(Values.object().set("from", Values.object().set("name", member.get("displayName"))
                .set("id", sender).set("avatar", avatar.isEmpty() ? null : avatar)), AgentTyping.STARTED);
    }

    /** Forgets the session: queue, timers, members and what was shown. */
    void reset() {
        queue.clear();
        members = Values.object();
        shown = Values.object();
        holds = 0;
        awaited = null;
        left = false;
        if (memberWait != null) {
            memberWait.cancel();
        }
    }
}
