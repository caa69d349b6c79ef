package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.JvmTabs;
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

    /** Two tabs of a fresh browser, the first loaded first (it will lead). */
    private ContractPage[] twoTabs(BackEnd b, JvmTabs browser) {
        ContractPage first = new ContractPage(b, sandbox, browser.open().platform, true);
        ContractPage second = new ContractPage(b, sandbox, browser.open().platform, false);
        return new ContractPage[] {first, second};
    }

    /** Runs until {@code follower} shows what {@code leader} shows, and that is the emulator's transcript. */
    private static void mirrored(ContractPage leader, ContractPage follower) {
        leader.sync();
        try {
            follower.until(() -> follower.transcript().equals(leader.transcript()));
        } catch (AssertionError e) {
            throw new AssertionError("tabs differ on " + leader.backEnd + ":\n leader:   " + leader.transcript()
                    + "\n follower: " + follower.transcript() + "\n events: " + follower.names(), e);
        }
    }

    /** How many items of {@code page}'s transcript have {@code text}. */
    private static long said(ContractPage page, String text) {
        Value messages = page.page.command("getTranscript", null).value.get("messages");
        long n = 0;
        for (int i = 0; i < messages.length(); i++) {
            n += text.equals(messages.at(i).get("text").str()) ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aChatStartedInOneTabRunsInBothOverOneConnection(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage[] tabs = twoTabs(b, browser);
        ContractPage leader = tabs[0], follower = tabs[1];
        // when
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        // then
        mirrored(leader, follower);
        assertTrue(follower.names().contains("restored"), follower.names().toString());
        assertEquals(1, follower.count("restored"), follower.names().toString());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");

        // when: the follower sends, the agent answers
        assertEquals("resolved", follower.send("from the second tab").state);
        leader.desk.say(leader.chatId, "One answer for both");
        // then
        mirrored(leader, follower);
        assertEquals(1, said(leader, "from the second tab"), leader.transcript().toString());
        assertEquals(1, said(leader, "One answer for both"), leader.transcript().toString());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theLeaderClosesAndTheOtherTabPicksTheChatUpWithNoGapOrRepeat(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        JvmTabs.Tab first = browser.open();
        ContractPage leader = new ContractPage(b, sandbox, first.platform, true);
        ContractPage follower = new ContractPage(b, sandbox, browser.open().platform, false);
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        mirrored(leader, follower);
        // when: the leader's tab goes, and the agent speaks before anyone took over
        first.close();
        leader.desk.say(leader.chatId, "While nobody was listening");
        // then
        follower.sync();
        assertEquals(1, said(follower, "While nobody was listening"), follower.names().toString());
        assertEquals(1, said(follower, "Hello, Grace here"), follower.names().toString());
        assertEquals(0, follower.count("ended"), follower.names().toString());

        // when: the new leader sends
        assertEquals("resolved", follower.send("after the take-over").state);
        follower.sync();
        assertEquals(1, said(follower, "after the take-over"), follower.names().toString());
        assertTrue(follower.tab.http.sent.size() > 0, "the new leader talks to the server");
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
        mirrored(leader, late);
        assertEquals(1, late.count("restored"), late.names().toString());
        assertEquals(0, late.tab.http.sent.size(), "the new tab asked the server");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void endingTheChatInOneTabEndsItInAll(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage[] tabs = twoTabs(b, browser);
        ContractPage leader = tabs[0], follower = tabs[1];
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        mirrored(leader, follower);
        // when
        assertEquals("resolved", follower.page.await("endChat", null).state);
        // then
        leader.awaitEvent("ended");
        assertEquals(1, leader.count("ended"));
        assertEquals(1, follower.count("ended"));
        leader.until(() -> b.deskChat(sandbox, leader.chatId).ended());
        assertEquals(0, follower.tab.http.sent.size(), "the follower sent requests of its own");
    }
}
