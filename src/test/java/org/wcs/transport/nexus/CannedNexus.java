package org.wcs.transport.nexus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.Platform;
import org.wcs.service.Events;
import org.wcs.service.SiteCookies;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The transport alone, with canned server answers and a recording listener: for what a real server (or the emulator)
 * would not send, like odd indexes, broken bodies and tokens with URL-safe base64. Answers are given in order, one per
 * request, on the next turn of the loop.
 */
final class CannedNexus implements TransportListener {
    final JvmPlatform tab = new JvmPlatform();
    final Deque<HttpResponse> answers = new ArrayDeque<>();
    final List<HttpRequest> requests = new ArrayList<>();
    /** Listener calls: "messages", "report <event>", "started", ... */
    final List<String> calls = new ArrayList<>();
    final List<Value[]> args = new ArrayList<>();
    final NexusTransport transport;
    /** The chat generation the listener reports; a test moves it as the service would. */
    int generation;
    /** While set, answers wait in {@link #held} until {@link #release}. */
    boolean hold;
    final List<Runnable> held = new ArrayList<>();

    CannedNexus(Value transportConfig) {
        Platform p = new Platform(tab.loop, (request, callback) -> {
            requests.add(request);
            HttpResponse a = answers.poll();
            HttpResponse answer = a == null ? new HttpResponse(0, "", "", false) : a;
            Runnable deliver = () -> callback.onResponse(answer);
            if (hold) {
                held.add(deliver);
            } else {
                tab.loop.schedule(0, deliver);
            }
            return () -> { };
        }, tab.webSockets, tab.cookies, tab.storage, tab.page, () -> 0.25);
        Value config = Js.obj("transport", transportConfig);
        transport = new NexusTransport(new TransportContext(p, new SiteCookies(p, Js.obj()), config, this));
    }

    static Value config() {
        return Js.obj("type", "pureengage-v3-rest", "dataURL", "https://dc.example.test/nexus/v3/chat/sessions",
                "endpoint", "support_chat", "headers", Js.obj("x-api-key", "K"));
    }

    /** A token with these claims (unsigned: the client does not verify). */
    static String token(String claimsJson) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static final String CLAIMS = "{\"sessionId\":\"S1\",\"transportId\":\"T1\",\"participantId\":\"P1\"}";

    CannedNexus answer(int status, String body) {
        answers.add(new HttpResponse(status, body, "application/json", false));
        return this;
    }

    /** A read answer with these messages (JSON array text). */
    CannedNexus read(String messagesJson) {
        return answer(200, "{\"status\":{\"code\":0},\"data\":{\"chatEnded\":false,\"messages\":" + messagesJson
                + "}}");
    }

    /** Starts a chat whose create answer (given first) carries {@code token}; runs the loop. */
    Outcome start(String token) {
        answers.addFirst(new HttpResponse(200, "{\"status\":{\"code\":0},\"data\":{\"clientToken\":\"" + token
                + "\"}}", "application/json", false));
        Outcome o = new Outcome();
        transport.start(Js.obj("form", Js.obj("nickname", "Ada"), "userData", Js.obj()), o);
        tab.loop.runDue();
        return o;
    }

    /** The message batches published, as {@code messages} arrays. */
    List<Value> batches() {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).equals("messages")) {
                out.add(args.get(i)[0]);
            }
        }
        return out;
    }

    /** The indexes of every published message, batch by batch: "1,2|3". */
    String indexes() {
        StringBuilder sb = new StringBuilder();
        for (Value batch : batches()) {
            sb.append(sb.length() > 0 ? "|" : "");
            for (int i = 0; i < batch.length(); i++) {
                sb.append(i > 0 ? "," : "").append(batch.at(i).get("index").str());
            }
        }
        return sb.toString();
    }

    private void record(String call, Value... values) {
        calls.add(call);
        args.add(values);
    }

    @Override
    public void started(Value sessionData) {
        record("started", sessionData);
    }

    @Override
    public int generation() {
        return generation;
    }

    /** Delivers the held answers on the next turn, and stops holding. */
    void release() {
        hold = false;
        for (Runnable r : held) {
            tab.loop.schedule(0, r);
        }
        held.clear();
        tab.loop.runDue();
    }

    @Override
    public void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        record("messages", messages, originals, Values.of(kind == BatchKind.RESTORED),
                Values.of(kind == BatchKind.HISTORY));
    }

    @Override
    public void agentTyping(Value from, AgentTyping state) {
        record("agentTyping " + (state == AgentTyping.STARTED ? Events.AGENT_TYPING_STARTED
                : Events.AGENT_TYPING_STOPPED), from);
    }

    /** Typed reports recorded by the bus event they stand for, as the service publishes them in the simple cases. */
    private void report(String event, Value data) {
        record("report " + event, data);
    }

    @Override
    public void restoreOutcome(RestoreOutcome outcome, Value data) {
        report(outcome == RestoreOutcome.RESTORED ? Events.RESTORED : outcome == RestoreOutcome.FAILED
                ? Events.RESTORE_FAILED : outcome == RestoreOutcome.SESSION_LOST ? Events.SESSION_LOST
                : outcome == RestoreOutcome.TIMED_OUT ? Events.RESTORE_TIMEOUT : Events.RESTORED_OFFLINE, data);
    }

    @Override
    public void connection(ConnectionStatus status) {
        report(status == ConnectionStatus.ONLINE ? Events.RECONNECTED : status == ConnectionStatus.PENDING
                ? Events.CONNECTION_PENDING : Events.DISCONNECTED, Values.object());
    }

    @Override
    public void error(Value data) {
        report(Events.ERROR, data);
    }

    @Override
    public void exchanged(Value body) {
        report(Events.AJAX_RESPONSE, body);
    }

    @Override
    public void polling(boolean running) {
        report(running ? Events.POLLING_STARTED : Events.POLLING_STOPPED, Values.object());
    }

    @Override
    public void ended() {
        record("ended");
    }

    @Override
    public void capabilities(Value capabilities) {
        record("capabilities", capabilities);
    }

    @Override
    public void sessionData(Value sessionData) {
        record("sessionData", sessionData);
    }

    @Override
    public String previewText() {
        return "";
    }

    @Override
    public String language() {
        return null;
    }

    @Override
    public String header(String name) {
        return null;
    }

    /** A reply that remembers how it settled. */
    static final class Outcome implements Reply {
        String state = "pending";
        Value value;

        @Override
        public void ok(Value result) {
            state = "resolved";
            value = result;
        }

        @Override
        public void fail(Value reason) {
            state = "rejected";
            value = reason;
        }

        @Override
        public String toString() {
            return state + (value == null ? "" : ":" + Values.stringify(value));
        }
    }
}
