package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.SandboxTest;

/**
 * What the tabs of a shared chat cost each other: a chat that only one tab shows sends none of its transcript over
 * the channel (a restored transcript can be thousands of items, each copied for every message); once another tab
 * shows it, every new item goes to it, and what came before reached it with the leader's snapshot.
 */
class ChannelTrafficTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    /** How many messages posted on the channel so far carry {@code text}. */
    private static long carrying(JvmTabs browser, String text) {
        return browser.posted.stream().filter(m -> m.contains(text)).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aChatOnlyOneTabShowsKeepsItsTranscriptOffTheChannel(BackEnd b) {
        // given a chat in a tab alone (a second tab opens later)
        JvmTabs browser = new JvmTabs();
        ContractPage leader = new ContractPage(b, sandbox, browser.open().platform, true);
        leader.chatWithAgent();
        leader.desk.say(leader.chatId, "Only the first tab shows this");
        leader.sync();
        // then none of its transcript went over the channel
        assertEquals(0, carrying(browser, "Only the first tab shows this"), browser.posted.toString());
        assertEquals(0, carrying(browser, "Hello, Grace here"));

        // when a second tab opens mid-chat, and the agent speaks again
        ContractPage late = new ContractPage(b, sandbox, browser.open().platform, false);
        late.chatId = leader.chatId;
        late.until(() -> late.transcript().equals(leader.transcript()));
        leader.desk.say(leader.chatId, "Both tabs show this");
        leader.sync();
        late.until(() -> late.transcript().equals(leader.transcript()));
        // then the second tab had the earlier items once, from the snapshot, and the new one over the channel
        assertEquals(1, carrying(browser, "Only the first tab shows this"), "the snapshot");
        assertTrue(carrying(browser, "Both tabs show this") >= 1, "the news (and GMS's ajaxResponse)");
        assertEquals(0, late.tab.http.sent.size(), "the second tab asked the server");
    }
}
