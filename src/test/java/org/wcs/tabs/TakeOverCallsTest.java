package org.wcs.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.service.TestPage;
import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What the next leader's transport is asked when the leader's tab goes while another tab sends: each call once, in
 * the order its tab made them, although the first went to no leader and the next reached the new leader before its
 * tab heard of it (and sent its pending calls again). Found by SharedTabsIT in Chromium (a burst of messages typed
 * while the leader's tab closed reached the agent twice and out of order).
 */
class TakeOverCallsTest {
    private final ScriptedTabs site = new ScriptedTabs();
    private final JvmTabs browser = site.browser;
    private final List<ScriptedTransport> transports = site.transports;

    private List<String> sends(ScriptedTransport t) {
        List<String> out = new ArrayList<>();
        for (ScriptedTransport.Call c : t.calls) {
            if (c.name.equals("send")) {
                out.add(c.args[0].str());
            }
        }
        return out;
    }

    @Test
    void callsMadeWhileTheLeaderGoesAreCarriedOutOnceInOrder() {
        // given three tabs of a chat started in the first, which leads
        JvmTabs.Tab first = browser.open();
        TestPage leader = site.load(first);
        TestPage second = site.load(browser.open());
        TestPage third = site.load(browser.open());
        assertEquals("resolved", leader.await("startChat", Js.obj("nickname", "Ada")).state);
        browser.loop.runUntil(() -> third.events.contains("restored"), 10_000);
        ScriptedTransport next = transports.get(1);
        // when the third tab sends a message and the leader's tab goes before it could carry it out, and the third
        // tab sends two more at once (they reach the second tab as it takes over, before the third hears of it)
        TestPage.Outcome[] sent = new TestPage.Outcome[3];
        sent[0] = TestPage.Outcome.of(Js.call(third.page, "command", "WebChatService.sendMessage",
                Js.obj("message", "m0")));
        first.close();
        for (int i = 1; i < sent.length; i++) {
            sent[i] = third.command("sendMessage", Js.obj("message", "m" + i));
        }
        browser.loop.runUntil(() -> !sent[2].state.equals("pending"), 10_000);
        browser.loop.runDue();
        // then the second tab took over and sent each once, in order, and every command settled
        assertEquals(List.of("m0", "m1", "m2"), sends(next));
        for (TestPage.Outcome o : sent) {
            assertEquals("resolved", o.state);
        }
        assertEquals(List.of(), sends(transports.get(2)), "the third tab's own back end sent nothing");
        for (TestPage page : List.of(second, third)) {
            assertEquals(List.of("m0", "m1", "m2"), ScriptedTabs.texts(page));
        }
    }

    // ------------------------------------------------------------------ the leader's hub, fed another tab's calls

    private static final String NAME = TabClient.channel("test");
    private final List<Value> heard = new ArrayList<>();

    /** A tab that leads (its lock granted) over a scripted back end; {@code showing}: it shows a chat already. */
    private ScriptedTransport leader(boolean showing) {
        JvmTabs.Tab tab = browser.open();
        TabClient client = new TabClient(tab.platform.platform, NAME, new Ignoring());
        ScriptedTransport t = new ScriptedTransport(new TransportContext(tab.platform.platform, null, Values.object(),
                client.hubListener()));
        t.autoReply = true;
        client.use(t, "test");
        if (showing) { // as if it had joined the chat of the leader that went
            client.inChat = true;
            client.chat = "gone.1";
            client.log.add(Values.array().push(t.item("Message", "hello", "Agent", 2, "Grace")), Values.undefined());
        }
        browser.open().join(NAME, heard::add); // what the other tabs hear
        browser.loop.runDue();
        return t;
    }

    /** A call of tab "other" as the channel brings it: number {@code id}, its oldest pending call, sent again? */
    private void send(String text, int id, int oldest, boolean again) {
        Value m = Values.object().set(TabWire.KIND, TabWire.CALL).set(TabWire.TAB, "other").set(TabWire.ID, id)
                .set(TabWire.OP, TabWire.SEND).set(TabWire.OLDEST, oldest)
                .set(TabWire.ARGS, Values.object().set(TabWire.TEXT, text).set(TabWire.TYPE, "text")
                        .set(TabWire.SAID, 0));
        if (again) {
            m.set(TabWire.RETRY, true);
        }
        browser.open().join(NAME, x -> { }).post(m);
        browser.loop.runDue();
    }

    /** The ids of the answers tab "other" got, in order. */
    private List<Integer> answered() {
        List<Integer> out = new ArrayList<>();
        for (Value m : heard) {
            if (m.get(TabWire.KIND).num() == TabWire.REPLY) {
                out.add((int) m.get(TabWire.ID).num());
            }
        }
        return out;
    }

    @Test
    void aCallThatOvertakesAnEarlierOneOfItsTabWaitsForItAndEachRunsOnce() {
        // given a leader (its first call, 2, went to the leader that went; the tab has not heard of this one yet)
        ScriptedTransport t = leader(false);
        // when its call 3 comes first, then both again, then 3 once more
        send("second", 3, 2, false);
        // then 3 waits for 2
        assertEquals(List.of(), sends(t));
        send("first", 2, 2, true);
        send("second", 3, 2, true);
        send("second", 3, 2, true);
        browser.loop.runDue();
        // then each ran once, in the tab's order, and each was answered once
        assertEquals(List.of("first", "second"), sends(t));
        assertEquals(List.of(2, 3), answered());
    }

    /** The service's side, for a hub fed by hand: nothing to check there. */
    private static final class Ignoring implements TransportListener {
        @Override
        public int generation() {
            return 0;
        }

        @Override
        public void started(Value sessionData) {
        }

        @Override
        public void restoreOutcome(RestoreOutcome outcome, Value data) {
        }

        @Override
        public void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        }

        @Override
        public void agentTyping(Value from, AgentTyping state) {
        }

        @Override
        public void connection(ConnectionStatus status) {
        }

        @Override
        public void error(Value data) {
        }

        @Override
        public void exchanged(Value body) {
        }

        @Override
        public void polling(boolean running) {
        }

        @Override
        public void ended() {
        }

        @Override
        public void capabilities(Value capabilities) {
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
            return "";
        }

        @Override
        public String header(String name) {
            return null;
        }
    }
}
