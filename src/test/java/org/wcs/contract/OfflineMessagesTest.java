package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.SandboxTest;
import org.wcs.service.TestPage;
import org.wcs.tabs.TabTexts;

/**
 * Nothing typed offline is lost (issue 18 item 3), on every back end: messages sent while the chat's server is out of
 * reach or the browser is offline are kept, and reach the emulator once each, in order, when it is back, each command
 * settling then; a message whose answer was lost is compared with the transcript and not sent again; a reload while
 * offline keeps the messages and the new page sends them; a tab that takes over sends what the tab that went had
 * kept; the chat ending first rejects them; where a restore that fails unanswered keeps the chat, a later page sends
 * them. Outages are cut in the tab's network ({@link org.wcs.jvm.JvmNetwork}: every
 * request fails with status 0, every socket closes), lost answers are the emulators' own fault switches.
 */
class OfflineMessagesTest extends SandboxTest {
    /** Long enough for an unsure message to be looked for in the transcript and sent again if need be. */
    static final int SETTLE = 15_000;

    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    /**
     * The back ends whose restore, failing without an answer, keeps the chat's session for a later page: GMS leaves
     * its cookies (spec gms-v2 §9.3), Genesys Cloud its stored session. (v3 and PureConnect forget theirs.)
     */
    static Stream<BackEnd> keepTheChat() {
        return Stream.of(new GmsRestBackEnd(), new CometdBackEnd(), new GenesysCloudBackEnd());
    }

    /** Of {@code texts}, those the emulator has from the customer, in its order (a message twice shows twice). */
    private static List<String> received(ContractPage p, List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String line : p.backEnd.deskChat(sandbox, p.chatId).transcript()) {
            String text = line.startsWith("Message Client ") ? line.substring("Message Client ".length()) : null;
            if (text != null && texts.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static TestPage.Outcome type(ContractPage p, String text) {
        return p.page.command("sendMessage", Js.obj("message", text));
    }

    private static void noticed(ContractPage p, int since) {
        p.until(() -> p.names().subList(since, p.names().size()).stream().anyMatch(ContractPage.OUTAGE::contains));
    }

    private static void settled(ContractPage p, List<TestPage.Outcome> sent) {
        p.until(() -> sent.stream().noneMatch(o -> o.state.equals("pending")));
    }

    private static void allPending(List<TestPage.Outcome> sent) {
        for (TestPage.Outcome o : sent) {
            assertEquals("pending", o.state, sent.toString());
        }
    }

    /** The browser loses its network: navigator.onLine false, nothing gets through. */
    private static void offline(ContractPage p) {
        p.tab.page.goOffline();
        p.tab.network.down();
    }

    private static void online(ContractPage p) {
        p.tab.network.up();
        p.tab.page.goOnline();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void messagesSentWhileTheServerIsOutOfReachReachItOnceEachInOrderWhenItIsBack(BackEnd b) {
        // given a chat
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        int before = p.names().size();
        List<String> texts = List.of("typed as the line went", "typed during the outage 1",
                "typed during the outage 2");
        // when the server gets out of reach: the first goes before the page notices, and fails unanswered
        p.tab.network.down();
        TestPage.Outcome first = type(p, texts.get(0));
        noticed(p, before);
        List<TestPage.Outcome> sent = List.of(first, type(p, texts.get(1)), type(p, texts.get(2)));
        p.idle(5_000);
        // then nothing is sent and the commands wait
        allPending(sent);
        assertEquals(List.of(), received(p, texts));
        // when it is back
        p.tab.network.up();
        settled(p, sent);
        p.idle(SETTLE);
        // then each reached it once, in order, and each command settled with the back end's answer
        assertEquals(texts, received(p, texts), p.names().toString());
        for (TestPage.Outcome o : sent) {
            assertEquals("resolved", o.state, sent + " " + p.names());
        }
        p.sync();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aMessageWhoseAnswerWasLostIsNotSentAgain(BackEnd b) {
        // given a chat
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        List<String> texts = List.of("its answer was lost", "the one after it");
        // when the server stores a message but its answer is lost on the way back
        b.loseNextSendAnswer(sandbox);
        TestPage.Outcome lost = type(p, texts.get(0));
        settled(p, List.of(lost));
        TestPage.Outcome next = type(p, texts.get(1));
        settled(p, List.of(next));
        p.idle(SETTLE);
        // then it was not sent twice, and its command resolved
        assertEquals(0, b.pendingFaults(sandbox), "the answer was not lost");
        assertEquals("resolved", lost.state, p.names().toString());
        assertEquals("resolved", next.state, p.names().toString());
        assertEquals(texts, received(p, texts));
        p.sync();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aReloadWhileOfflineKeepsTheMessagesAndTheNewPageSendsThemOnce(BackEnd b) {
        // given a chat, and a message whose answer is lost as the browser goes offline
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        List<String> texts = List.of("sent as the browser went offline", "typed offline 1", "typed offline 2");
        b.loseNextSendAnswer(sandbox);
        TestPage.Outcome lost = type(p, texts.get(0));
        p.until(() -> received(p, texts).size() == 1);
        assertEquals(0, b.pendingFaults(sandbox), "the answer was not lost");
        offline(p);
        // when two more are typed offline and the page is reloaded, still offline
        List<TestPage.Outcome> typed = List.of(type(p, texts.get(1)), type(p, texts.get(2)));
        p.idle(3_000);
        allPending(typed);
        p.reload(2_000);
        p.idle(5_000);
        assertEquals(texts.subList(0, 1), received(p, texts), "sent while offline, or twice: " + lost);
        // when the browser is back online
        online(p);
        p.awaitEvent("restored");
        p.until(() -> received(p, texts).size() >= 3);
        p.idle(SETTLE);
        // then each reached the emulator once, in order, and the chat goes on
        assertEquals(texts, received(p, texts), p.names().toString());
        p.sync();
        assertEquals("resolved", p.send("after the reload").state);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theChatEndingFirstRejectsTheKeptMessages(BackEnd b) {
        // given messages kept while offline
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        List<String> texts = List.of("never sent 1", "never sent 2");
        offline(p);
        List<TestPage.Outcome> typed = List.of(type(p, texts.get(0)), type(p, texts.get(1)));
        p.idle(2_000);
        allPending(typed);
        // when the customer ends the chat before the network is back
        p.page.command("endChat", null);
        settled(p, typed);
        // then each command rejects with the outbox's text, and nothing goes once it is back
        for (TestPage.Outcome o : typed) {
            assertEquals("rejected:\"" + TabTexts.ENDED_UNSENT + "\"", o.toString());
        }
        online(p);
        p.idle(SETTLE);
        assertEquals(List.of(), received(p, texts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theTabThatTakesOverSendsWhatTheTabThatWentHadKept(BackEnd b) {
        // given two tabs of one chat, the first leading
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        List<String> texts = List.of("from the second tab, offline", "from the first tab, offline");
        // when the browser goes offline, each tab sends one, and the leader's tab closes
        offline(leader);
        offline(follower);
        TestPage.Outcome fromFollower = type(follower, texts.get(0));
        follower.idle(1_000);
        TestPage.Outcome fromLeader = type(leader, texts.get(1));
        follower.idle(2_000);
        allPending(List.of(fromFollower, fromLeader));
        tabs.first.close();
        follower.idle(3_000);
        assertEquals(List.of(), received(follower, texts));
        // when the browser is back online
        online(follower);
        settled(follower, List.of(fromFollower));
        try {
            follower.until(() -> received(follower, texts).size() >= 2);
        } catch (AssertionError e) {
            throw new AssertionError(received(follower, texts) + " " + fromFollower + " " + fromLeader + " "
                    + follower.names() + " " + follower.backEnd.deskChat(sandbox, follower.chatId).transcript()
                    + " " + follower.page.events, e);
        }
        follower.idle(SETTLE);
        // then the tab that took over sent both, once, in order, and the second tab's command resolved
        assertEquals("resolved", fromFollower.state, follower.names().toString());
        assertEquals(texts, received(follower, texts), follower.names().toString());
        assertTrue(follower.names().contains("restored"), follower.names().toString());
        follower.sync();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keepTheChat")
    void aReloadWhileTheServerIsOutOfReachKeepsTheMessagesForTheNextPage(BackEnd b) {
        // given messages kept while the server is out of reach, the browser online
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        int before = p.names().size();
        List<String> texts = List.of("kept across a failed restore 1", "kept across a failed restore 2");
        p.tab.network.down();
        noticed(p, before);
        type(p, texts.get(0));
        type(p, texts.get(1));
        p.idle(2_000);
        // when the page reloads: its restore fails without an answer (the session stays)
        p.reload(2_000);
        p.awaitEvent("restoreFailed");
        assertEquals(List.of(), received(p, texts));
        // and the next page loads with the server back
        p.tab.network.up();
        p.reload(2_000);
        p.awaitEvent("restored");
        p.until(() -> received(p, texts).size() >= 2);
        p.idle(SETTLE);
        // then the chat goes on, with each message once, in order
        assertEquals(texts, received(p, texts), p.names().toString());
        p.sync();
    }
}
