package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.SandboxTest;
import org.wcs.service.TestPage;

/**
 * The leader's page is frozen (Chrome freezes background tabs) past its lease, on a plain http site where a lease in
 * localStorage stands in for Web Locks: the other tab takes the chat over, and when the frozen page resumes it steps
 * down instead of leading too. Before, both led: two transports polled one chat (the tabs saw messages twice, and
 * PureConnect's consuming poll split them between the two), and a call the frozen leader found waiting ran twice.
 */
class FrozenLeaderTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    /** How many lines of the agent's transcript of {@code chatId} say {@code text}. */
    private long agentSaw(BackEnd b, String chatId, String text) {
        return b.deskChat(sandbox, chatId).transcript().stream().filter(l -> l.contains(text)).count();
    }

    /** What {@code tab} said to the servers so far: HTTP requests, sockets opened, socket frames. */
    private static int said(JvmTabs.Tab tab) {
        return tab.platform.http.sent.size() + tab.socketsOpened + tab.socketSends;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aLeaderThatResumesAfterATakeOverStepsDownAndTheChatGoesOnOnce(BackEnd b) {
        // given two tabs sharing a chat with the agent, the first leads
        TwoTabs tabs = new TwoTabs(b, sandbox);
        ContractPage resumed = tabs.leader, other = tabs.follower;
        JvmTabs.Tab first = tabs.first, second = tabs.browser.opened.get(1);
        String chat = resumed.chatId;

        // when the first tab's page is frozen for 3 s, just after the other tab sent a message through it, and the
        // agent speaks meanwhile
        TestPage.Outcome sent = other.page.command("sendMessage", Js.obj("message", "sent as the leader froze"));
        first.freeze();
        int before = said(first);
        resumed.desk.say(chat, "While the first tab was frozen");
        other.idle(3_000);
        assertEquals(1, second.grants, "the other tab took the lead");
        first.resume();

        // then the resumed tab steps down at once and follows: each message once in both tabs, as on the server
        other.until(() -> first.losses == 1 && !sent.state.equals("pending"));
        assertEquals("resolved", sent.state, sent.toString());
        resumed.desk.say(chat, "After the take-over");
        other.sync();
        resumed.sync();
        assertEquals(1, resumed.said("While the first tab was frozen"), resumed.transcript().toString());
        assertEquals(1, resumed.said("After the take-over"), resumed.transcript().toString());
        assertEquals(1, agentSaw(b, chat, "sent as the leader froze"));

        // when the customer types in the resumed tab
        assertEquals("resolved", resumed.send("typed in the resumed tab").state);
        other.sync();
        resumed.sync();
        resumed.idle(10_000);
        // then it reaches the agent once, through the new leader: the resumed tab said nothing more to the servers
        assertEquals(1, agentSaw(b, chat, "typed in the resumed tab"));
        assertEquals(1, other.said("typed in the resumed tab"), other.transcript().toString());
        assertEquals(before, said(first), "requests of the tab that stepped down: " + first.platform.http.sent);
        assertEquals(0, resumed.count("ended"), resumed.names().toString());
        assertEquals(0, other.count("ended"), other.names().toString());

        // when the new leader's tab closes
        second.close();
        resumed.desk.say(chat, "To the first tab again");
        // then the first tab leads again and the chat goes on there
        resumed.sync();
        assertEquals(2, first.grants, "the first tab leads again");
        assertTrue(said(first) > before, "the first tab talks to the server again");
        assertEquals(1, resumed.said("To the first tab again"), resumed.transcript().toString());
        assertEquals("resolved", resumed.send("after leading again").state);
        resumed.sync();
        assertEquals(1, agentSaw(b, chat, "after leading again"));
        assertEquals(0, resumed.count("ended"), resumed.names().toString());
    }
}
