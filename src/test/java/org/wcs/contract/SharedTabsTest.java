package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.AgentDesk;
import org.wcs.service.TestPage;
import org.wcs.tabs.TabTexts;
import org.wcs.sandbox.SandboxTest;
import org.wcs.value.Value;

/**
 * Several tabs of one site in one browser share one chat, on every back end: the leader tab alone talks to the
 * emulator; every tab shows the same transcript, item for item, as the leader's (which is the emulator's); a tab's
 * commands reach the agent once; the leader's tab closes and another picks the chat up with no gap and no repeat.
 */
class SharedTabsTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aChatStartedInOneTabRunsInBothOverOneConnection(BackEnd b) {
        // given, when
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        // then
        assertTrue(follower.names().contains("restored"), follower.names().toString());
        assertEquals(1, follower.count("restored"), follower.names().toString());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");

        // when: the follower sends, the agent answers
        assertEquals("resolved", follower.send("from the second tab").state);
        leader.desk.say(leader.chatId, "One answer for both");
        // then
        follower.mirrors(leader);
        assertEquals(1, leader.said("from the second tab"), leader.transcript().toString());
        assertEquals(1, leader.said("One answer for both"), leader.transcript().toString());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theLeaderClosesAndTheOtherTabPicksTheChatUpWithNoGapOrRepeat(BackEnd b) {
        // given
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        // when: the leader's tab goes, and the agent speaks before anyone took over
        tabs.first.close();
        leader.desk.say(leader.chatId, "While nobody was listening");
        // then
        follower.sync();
        assertEquals(1, follower.said("While nobody was listening"), follower.names().toString());
        assertEquals(1, follower.said("Hello, Grace here"), follower.names().toString());
        assertEquals(0, follower.count("ended"), follower.names().toString());

        // when: the new leader sends
        assertEquals("resolved", follower.send("after the take-over").state);
        follower.sync();
        assertEquals(1, follower.said("after the take-over"), follower.names().toString());
        assertTrue(follower.tab.http.sent.size() > 0, "the new leader talks to the server");
    }

    static Stream<BackEnd> takingOverFromNewest() {
        return backEnds().filter(b -> b.has(BackEnd.Feature.TAKE_OVER_FROM_NEWEST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takingOverFromNewest")
    void aTakeOverReadsOnlyWhatCameAfterTheNewestItemTheTabShows(BackEnd b) {
        // given: a chat of some length that both tabs show
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        for (int i = 1; i <= 12; i++) {
            leader.desk.say(leader.chatId, "earlier line " + i);
        }
        leader.desk.say(leader.chatId, "Sure");
        follower.mirrors(leader);
        // when: the leader goes; the agent says again what it said last, and something new, before anyone took over
        tabs.first.close();
        leader.desk.say(leader.chatId, "Sure");
        leader.desk.say(leader.chatId, "While nobody was listening");
        // then: both show once more, and nothing the tab showed before came over the network again
        follower.sync();
        assertEquals(2, follower.said("Sure"), follower.transcript().toString());
        assertEquals(1, follower.said("While nobody was listening"), follower.transcript().toString());
        String downloaded = follower.tab.http.answers.stream().map(a -> a.response().body)
                .reduce("", String::concat);
        assertTrue(downloaded.contains("While nobody was listening"), downloaded);
        for (int i = 1; i <= 12; i++) {
            assertFalse(downloaded.contains("earlier line " + i + "\""), "read again: earlier line " + i);
        }
    }

    @Test
    void afterATakeOverGenesysCloudHistoryGoesOnFromTheOldestItemTheTabShows() {
        // given: pages of 5, and a chat longer than that which both tabs show from its start
        BackEnd b = new GenesysCloudBackEnd();
        Value transport = b.config(sandbox).get("transport").set("maxMessagePageSize", 5);
        TwoTabs tabs = new TwoTabs(b, sandbox, Js.obj("transport", transport));
        ContractPage leader = tabs.leader, follower = tabs.follower;
        for (int i = 1; i <= 12; i++) {
            leader.desk.say(leader.chatId, "earlier line " + i);
        }
        follower.mirrors(leader);
        tabs.first.close();
        leader.desk.say(leader.chatId, "While nobody was listening");
        follower.sync();
        // when: the customer scrolls up for more
        TestPage.Outcome more = follower.page.await("fetchHistory", null);
        // then: the tab shows the chat from its start already: nothing older comes, and nothing twice
        assertEquals("resolved", more.state, more.toString());
        for (int i = 1; i <= 12; i++) {
            assertEquals(1, follower.said("earlier line " + i), follower.transcript().toString());
        }
    }

    @Test
    void aTabOpenedAfterAnotherPagedBackShowsThosePagesAndPagesOnFromThere() {
        // given a Genesys Cloud chat of 12 agent lines (pages of 5), restored by a page load: it shows the newest page
        BackEnd b = new GenesysCloudBackEnd();
        Value overrides = Js.obj("transport", b.config(sandbox).get("transport").set("maxMessagePageSize", 5));
        JvmTabs browser = new JvmTabs();
        JvmTabs.Tab started = browser.open();
        ContractPage first = new ContractPage(b, sandbox, started.platform, true, overrides);
        first.chatWithAgent();
        for (int i = 1; i <= 12; i++) {
            first.desk.say(first.chatId, "earlier line " + i);
        }
        first.until(() -> first.said("earlier line 12") == 1);
        started.close();
        ContractPage restored = new ContractPage(b, sandbox, browser.open().platform, false, overrides);
        restored.chatId = first.chatId;
        restored.until(() -> restored.said("earlier line 12") == 1);
        assertEquals(0, restored.said("earlier line 7"), "a page load shows the newest page only");
        // and the customer paged back once in that tab
        assertEquals("resolved", restored.page.await("fetchHistory", null).state);
        restored.until(() -> restored.said("earlier line 7") == 1);
        // when another tab opens, and its customer pages back until there is nothing more
        ContractPage late = new ContractPage(b, sandbox, browser.open().platform, false, overrides);
        late.chatId = first.chatId;
        late.until(() -> late.said("earlier line 12") == 1);
        for (int i = 0; i < 5 && late.page.await("fetchHistory", null).state.equals("resolved"); i++) {
            late.idle(100);
        }
        // then it shows every line once: the page the first tab fetched came with the chat, and the pages after it
        for (int i = 1; i <= 12; i++) {
            assertEquals(1, late.said("earlier line " + i), "earlier line " + i + " in " + late.transcript());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aTabOpenedMidChatShowsTheTranscriptWithoutAskingTheServer(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage leader = new ContractPage(b, sandbox, browser.open().platform, true);
        leader.chatWithAgent();
        assertEquals("resolved", leader.send("before the new tab").state);
        leader.sync();
        // when
        ContractPage late = new ContractPage(b, sandbox, browser.open().platform, false);
        late.chatId = leader.chatId;
        // then
        late.mirrors(leader);
        assertEquals(1, late.count("restored"), late.names().toString());
        assertEquals(0, late.tab.http.sent.size(), "the new tab asked the server");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void endingTheChatInOneTabEndsItInAll(BackEnd b) {
        // given
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        // when
        assertEquals("resolved", follower.page.await("endChat", null).state);
        // then
        leader.awaitEvent("ended");
        assertEquals(1, leader.count("ended"));
        assertEquals(1, follower.count("ended"));
        leader.until(() -> b.deskChat(sandbox, leader.chatId).ended());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");
    }

    /** How many lines of the agent's transcript of {@code chatId} say {@code text}. */
    private long agentSaw(BackEnd b, String chatId, String text) {
        return b.deskChat(sandbox, chatId).transcript().stream().filter(l -> l.contains(text)).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aMessageTheLeaderSentJustBeforeItClosedIsNotSentTwice(BackEnd b) {
        // given: a follower's message reached the server through the leader, whose tab closes before the answer
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage leader = tabs.leader, follower = tabs.follower;
        TestPage.Outcome sent = follower.page.command("sendMessage", Js.obj("message", "sent once only"));
        follower.until(() -> agentSaw(b, leader.chatId, "sent once only") == 1);
        // when
        tabs.first.close();
        // then: the follower takes over, sends its unanswered command again, and the log says it got through
        follower.until(() -> !sent.state.equals("pending"));
        assertEquals("resolved", sent.state, sent.toString());
        follower.sync();
        follower.idle(10_000);
        assertEquals(1, agentSaw(b, leader.chatId, "sent once only"));
        assertEquals(1, follower.said("sent once only"), follower.transcript().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void twoTabsStartingAtOnceMakeOneChatThatBothShow(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage[] tabs = {new ContractPage(b, sandbox, browser.open().platform, true),
                new ContractPage(b, sandbox, browser.open().platform, false)};
        String before = b.latestChat(sandbox);
        // when: both ask in the same turn
        Value form = Js.obj("form", Js.obj("firstname", "Ada", "lastname", "Lovelace", "email", "ada@example.test",
                "subject", "Billing"));
        TestPage.Outcome one = tabs[0].page.command("startChat", form);
        TestPage.Outcome two = tabs[1].page.command("startChat", form);
        tabs[0].until(() -> !one.state.equals("pending") && !two.state.equals("pending"));
        // then: one chat, started by one tab, refused in the other, which shows it all the same
        assertEquals("resolved", one.state, one.toString());
        assertEquals("rejected", two.state, two.toString());
        assertTrue(two.toString().contains(TabTexts.ALREADY_ACTIVE), two.toString());
        String chat = b.latestChat(sandbox);
        List<AgentDesk.DeskChat> chats = b.desk(sandbox).chats();
        assertEquals(1, chats.size() - (before == null ? 0 : chats.stream().map(AgentDesk.DeskChat::id).toList()
                .indexOf(before) + 1), "chats made");
        tabs[0].chatId = chat;
        tabs[1].chatId = chat;
        b.desk(sandbox).join(chat, "Grace");
        b.desk(sandbox).say(chat, "Hello both");
        tabs[1].mirrors(tabs[0]);
        assertEquals(1, tabs[1].count("restored"), tabs[1].names().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void threeTabsSurviveTwoLeadersGoingOneAfterTheOther(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        JvmTabs.Tab first = browser.open(), second = browser.open();
        ContractPage one = new ContractPage(b, sandbox, first.platform, true);
        ContractPage two = new ContractPage(b, sandbox, second.platform, false);
        ContractPage three = new ContractPage(b, sandbox, browser.open().platform, false);
        one.chatWithAgent();
        two.chatId = one.chatId;
        three.chatId = one.chatId;
        three.mirrors(one);
        // when
        first.close();
        one.desk.say(one.chatId, "To the second leader");
        three.mirrors(two);
        second.close();
        one.desk.say(one.chatId, "To the third leader");
        // then
        three.sync();
        assertEquals(1, three.said("To the second leader"), three.transcript().toString());
        assertEquals(1, three.said("To the third leader"), three.transcript().toString());
        assertEquals("resolved", three.send("from the last tab").state);
        three.sync();
        assertEquals(1, agentSaw(b, one.chatId, "from the last tab"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void tabsFalseKeepsEachTabAlone(BackEnd b) {
        // given: the site turns sharing off
        JvmTabs browser = new JvmTabs();
        ContractPage first = new ContractPage(b, sandbox, browser.open().platform, true, Js.obj("tabs", false));
        first.chatWithAgent();
        // when: a second tab loads mid-chat
        ContractPage second = new ContractPage(b, sandbox, browser.open().platform, false, Js.obj("tabs", false));
        second.chatId = first.chatId;
        second.restored = true;
        // then: it restores the chat from the server itself, as the original
        second.sync();
        assertTrue(second.tab.http.sent.size() > 0, "the second tab asked the server itself");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void messagesSentWhileTheLeaderGoesReachTheAgentOnce(BackEnd b) {
        // given three tabs of a chat
        JvmTabs browser = new JvmTabs();
        JvmTabs.Tab first = browser.open();
        ContractPage leader = new ContractPage(b, sandbox, first.platform, true);
        ContractPage second = new ContractPage(b, sandbox, browser.open().platform, false);
        ContractPage third = new ContractPage(b, sandbox, browser.open().platform, false);
        leader.chatWithAgent();
        second.chatId = third.chatId = leader.chatId;
        second.mirrors(leader);
        third.mirrors(leader);
        // when the leader's tab goes and the third tab sends at once, three times: its first call goes to no leader,
        // the others reach the new leader before the third tab hears of it (and sends its pending calls again)
        first.close();
        TestPage.Outcome[] sent = new TestPage.Outcome[3];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = third.page.command("sendMessage", Js.obj("message", "during the take-over " + i));
        }
        third.until(() -> Arrays.stream(sent).noneMatch(o -> o.state.equals("pending")));
        // then each settles, and reaches the agent once (in the order the new leader's transport sent them, which
        // TakeOverCallsTest checks: requests made in one turn may reach a server in any order, with one tab too)
        for (TestPage.Outcome o : sent) {
            assertEquals("resolved", o.state, o.toString());
        }
        third.until(() -> b.deskChat(sandbox, leader.chatId).transcript().stream()
                .filter(l -> l.contains("during the take-over 2")).count() > 0);
        second.idle(3000);
        List<String> said = b.deskChat(sandbox, leader.chatId).transcript().stream()
                .filter(l -> l.contains("during the take-over")).toList();
        assertEquals(List.of("Message Client during the take-over 0", "Message Client during the take-over 1",
                "Message Client during the take-over 2"), said.stream().map(String::strip).sorted().toList());
        third.mirrors(second);
    }
}
