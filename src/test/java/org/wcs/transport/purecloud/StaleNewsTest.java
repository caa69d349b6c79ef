package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.ConstantNames;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPage;
import org.wcs.jvm.JvmStorage;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.Platform;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.LoopbackNet;
import org.wcs.service.SiteCookies;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * News of a session that is over never reaches the next one: REST answers and socket events of an earlier chat
 * generation (the service counts one up at every start, restore and end) or of a session this transport gave up are
 * dropped, a call refused with 429 is not sent again for them, and every command still settles. The transport alone
 * on the emulator (in-process, virtual clock), with a listener that records its reports and whose generation a test
 * moves as the service would.
 */
class StaleNewsTest implements TransportListener {
    static {
        Js.init();
    }

    final JvmLoop loop = new JvmLoop();
    final LoopbackNet net = new LoopbackNet(loop);
    final JvmCookies cookies = new JvmCookies();
    /** Reports: "started", "batch", "connection DISCONNECTED", "restore RESTORED", ... */
    final List<String> reports = new ArrayList<>();
    int generation = 1;

    /** A page's transport: a new client on the same server, cookies and clock. */
    PureCloudTransport transport(LoopbackNet.Client client) {
        Platform p = new Platform(loop, client, client, cookies, new JvmStorage(), new JvmPage(loop), () -> 0.5);
        Value config = Js.obj("transport", Js.obj("type", PureCloudTransport.TYPE, "dataURL", LoopbackNet.HTTP,
                "deploymentKey", ChatPage.DEPLOYMENT, "orgGuid", ChatPage.ORG, "interactionData", Js.obj("routing",
                        Js.obj("targetType", "QUEUE", "targetAddress", "Support"))));
        PureCloudTransport t = new PureCloudTransport(new TransportContext(p, new SiteCookies(p, Js.obj()), config, this));
        reports.remove("capabilities"); // announced on creation when no chat is stored: not what these tests are about
        return t;
    }

    static Value form() {
        return Js.obj("form", Js.obj("firstname", "Ada"), "userData", Js.obj(), "options", Js.obj());
    }

    @Test
    void aCreateAnswerArrivingAfterTheServiceMovedOnDoesNotTakeOver() {
        // given a start whose create answer is slow
        LoopbackNet.Client client = net.client();
        PureCloudTransport t = transport(client);
        net.server.slowNext("POST", "/conversations", 500);
        Result start = new Result();
        t.start(form(), start);
        loop.advance(100);
        // when the service moves to another generation before it comes (a start, restore or end of its own)
        generation++;
        loop.advance(1000);
        // then the answer is dropped: no stream opened, nothing reported
        assertEquals(List.of(), client.opens);
        assertEquals(List.of(), reports);
    }

    @Test
    void aStartGivenUpForARestoreNeitherTakesOverNorStaysPending() {
        // given a chat in this tab's cookies
        PureCloudTransport first = transport(net.client());
        first.start(form(), new Result());
        loop.advance(10);
        Conversation a = net.server.latest();
        assertEquals(List.of("started", "batch"), reports);
        // and a new page that starts another chat, whose create answer is slow
        LoopbackNet.Client client = net.client();
        PureCloudTransport t = transport(client);
        net.server.slowNext("POST", "/conversations", 500);
        generation++;
        Result start = new Result();
        t.start(form(), start);
        loop.advance(100);
        // when a restore of the stored chat begins before it comes
        generation++;
        reports.clear();
        Result restore = new Result();
        t.restore(Values.undefined(), restore);
        loop.advance(1000);
        // then the start is refused, the restore is of the stored chat, and the late create opened nothing
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"", start.toString());
        assertEquals("resolved", restore.toString());
        assertEquals(1, client.opens.size());
        assertEquals(a.id, t.sessionData().get("conversationId").str());
        assertEquals(List.of("capabilities", "restore RESTORED", "batch"), reports);
    }

    @Test
    void socketNewsOfAnEarlierGenerationIsDropped() {
        // given a chat with an agent
        LoopbackNet.Client client = net.client();
        PureCloudTransport t = transport(client);
        t.start(form(), new Result());
        loop.advance(10);
        Conversation c = net.server.latest();
        c.agent("Alice").joins();
        loop.advance(10);
        reports.clear();
        // when the service moves on, and the agent speaks and the socket drops
        generation++;
        c.agent("Alice").says("Anyone?");
        net.server.dropSockets();
        loop.advance(60_000);
        // then none of it is reported, and no new socket is opened for a chat the service left
        assertEquals(List.of(), reports);
        assertEquals(1, client.opens.size());
    }

    @Test
    void aSendRefusedWith429IsNotSentAgainOnceTheChatEnded() {
        // given a chat whose next send is refused with Retry-After: 1
        ChatPage p = ChatPage.loopback();
        p.load();
        p.start();
        p.loop.advance(10);
        p.server.rateLimitNext("POST", "/messages", 1, 1);
        Outcome send = p.command("sendMessage", Js.obj("message", "One moment"));
        p.loop.advance(10);
        // when the customer ends the chat before the retry
        assertEquals("resolved", p.settle("endChat", null).state);
        p.loop.advance(5000);
        // then the send is not made again, and its command settles
        long posts = p.sent.stream().filter(r -> r.method.equals("POST") && r.url.endsWith("/messages")).count();
        assertEquals(1, posts);
        assertEquals("rejected", send.state);
        assertEquals(TransportTexts.NO_ACTIVE_SESSION, send.text());
    }

    // ------------------------------------------------------------------ the listener

    /** A command's reply. */
    static final class Result implements Reply {
        String state = "pending";
        Value value;

        @Override
        public void ok(Value result) {
            state = "resolved";
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

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public void started(Value sessionData) {
        reports.add("started");
    }

    @Override
    public void restoreOutcome(RestoreOutcome outcome, Value data) {
        reports.add("restore " + ConstantNames.of(outcome));
    }

    @Override
    public void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        reports.add("batch");
    }

    @Override
    public void agentTyping(Value from, AgentTyping state) {
        reports.add("typing " + ConstantNames.of(state));
    }

    @Override
    public void connection(ConnectionStatus status) {
        reports.add("connection " + ConstantNames.of(status));
    }

    @Override
    public void error(Value data) {
        reports.add("error " + Values.stringify(data));
    }

    @Override
    public void exchanged(Value body) {
    }

    @Override
    public void polling(boolean running) {
    }

    @Override
    public void ended() {
        reports.add("ended");
    }

    @Override
    public void capabilities(Value capabilities) {
        reports.add("capabilities");
    }

    @Override
    public void sessionData(Value sessionData) {
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
}
