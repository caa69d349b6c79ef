package org.wcs.fake;

import org.wcs.transport.BatchKind;
import java.util.ArrayList;
import java.util.List;
import org.wcs.transport.ChatItems;
import org.wcs.transport.Reply;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A transport under the test's control: it records every call with its {@link Reply}, answers only when told to
 * (or at once, in {@link #autoReply} mode, as the browser test page uses it), and plays the server side through the
 * listener. Plain core Java, so it also compiles to JS for the browser test bundle.
 */
public final class ScriptedTransport implements Transport {
    /** One recorded call. */
    public static final class Call {
        public final String name;
        public final Value[] args;
        public final Reply reply;

        Call(String name, Value[] args, Reply reply) {
            this.name = name;
            this.args = args;
            this.reply = reply;
        }
    }

    public final TransportContext context;
    public final TransportListener listener;
    public final List<Call> calls = new ArrayList<>();
    public boolean autoReply;
    public String resume;
    public Value session = empty();
    private int nextIndex = 1;

    public ScriptedTransport(TransportContext context) {
        this.context = context;
        this.listener = context.listener;
    }

    static Value empty() {
        return Values.object().set("sessionID", "").set("userId", "").set("secureKey", "").set("alias", "");
    }

    private void record(String name, Reply reply, Value... args) {
        Call c = new Call(name, args, reply);
        calls.add(c);
        if (autoReply && reply != null) {
            context.platform.scheduler.schedule(0, () -> answer(c));
        }
    }

    /** What {@link #autoReply} answers: a started chat for start, a plain {statusCode:0} otherwise. */
    private void answer(Call c) {
        if (c.name.equals("start")) {
            startSucceeds(c);
        } else if (c.name.equals("end")) {
            session = empty();
            c.reply.ok(Values.object());
        } else if (c.name.equals("send")) {
            c.reply.ok(Values.object().set("statusCode", 0));
            messages(item("Message", c.args[0].str(), "Client", 1, "Customer"));
        } else {
            c.reply.ok(Values.object().set("statusCode", 0));
        }
    }

    /** Plays a successful start for {@code c}: session data, {@code started}, then the reply. */
    public void startSucceeds(Call c) {
        session = Values.object().set("sessionID", "CHAT1").set("userId", "USER1").set("secureKey", "SK1")
                .set("alias", "117");
        listener.started(session);
        c.reply.ok(Values.object().set("statusCode", 0).set("chatId", "CHAT1"));
    }

    /** The most recent call of that name, or null. */
    public Call last(String name) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).name.equals(name)) {
                return calls.get(i);
            }
        }
        return null;
    }

    public int count(String name) {
        int n = 0;
        for (Call c : calls) {
            n += c.name.equals(name) ? 1 : 0;
        }
        return n;
    }

    /** A transcript item from {@code fromType}/{@code fromId}, with the next index and the current time. */
    public Value item(String type, String text, String fromType, double fromId, String fromName) {
        return ChatItems.item(nextIndex++, type, text, context.platform.scheduler.now(), Values.of(fromId), fromType,
                fromName);
    }

    /** Delivers items as one batch; the originals are copies with a server-only field, as a real back end's are. */
    public void messages(Value... items) {
        batch(false, items);
    }

    public void batch(boolean restoring, Value... items) {
        Value converted = Values.array();
        Value originals = Values.array();
        for (Value m : items) {
            converted.push(m);
            originals.push(Values.assign(Values.object(), m).set("messageType", "text"));
        }
        listener.batch(converted, originals, restoring ? BatchKind.RESTORED : BatchKind.LIVE, Values.undefined());
    }

    @Override
    public void start(Value request, Reply reply) {
        record("start", reply, request);
    }

    @Override
    public void send(String text, String type, String parentMessageId, Reply reply) {
        record("send", reply, Values.of(text), Values.of(type), Values.of(parentMessageId));
    }

    @Override
    public void typing(boolean started, String preview, Reply reply) {
        record(started ? "typingStarted" : "typingStopped", reply, Values.of(preview));
    }

    @Override
    public void end(Reply reply) {
        record("end", reply);
    }

    @Override
    public void restore(Value sessionData, Reply reply) {
        record("restore", reply, sessionData);
    }

    @Override
    public void asyncRestore(Reply reply) {
        record("asyncRestore", reply);
    }

    @Override
    public Value sessionData() {
        return session;
    }

    @Override
    public String resumeCommand() {
        return resume;
    }

    /** What {@link #agentTypingTimeoutMs} answers: 0 (no timer) unless a test sets it. */
    public int typingTimeoutMs;

    @Override
    public int agentTypingTimeoutMs() {
        return typingTimeoutMs;
    }

    @Override
    public boolean sendsCustomNotices() {
        return true;
    }

    @Override
    public void customNotice(String message, Reply reply) {
        record("customNotice", reply, Values.of(message));
    }

    @Override
    public void updateUserData(Value data, Reply reply) {
        record("updateUserData", reply, data);
    }

    @Override
    public void fileLimits(Reply reply) {
        record("fileLimits", reply);
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        record("sendFile", reply, file);
    }

    @Override
    public void downloadFile(String fileId, String fileName, Reply reply) {
        record("downloadFile", reply, Values.of(fileId), Values.of(fileName));
    }

    @Override
    public void startPoll(Reply reply) {
        record("startPoll", reply);
    }

    @Override
    public void stopPoll(Reply reply) {
        record("stopPoll", reply);
    }

    @Override
    public void poll(Reply reply) {
        record("poll", reply);
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        record("resetPollExceptions", reply);
    }

    @Override
    public void fetchHistory(Reply reply) {
        record("fetchHistory", reply);
    }

    @Override
    public void sleep(boolean sleeping) {
        record(sleeping ? "sleep" : "wake", null);
    }

    @Override
    public void resetIdle() {
        record("resetIdle", null);
    }
}
