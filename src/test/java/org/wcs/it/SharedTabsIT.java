package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.sandbox.AgentDesk;
import org.wcs.tabs.TabClient;

/**
 * Issue 18 item 1 in Chromium: tabs of one site in one profile share one chat, on every back end. Each tab is a
 * standalone page ({@code /test/tabs-chat.html}: the field configuration, the plugin, a recorder of its events) in a
 * tab of its own; what each shows is compared with the emulator's transcript (the customer's and the agent's
 * messages), and what each asked of a back end is recorded by the page (XHR, fetch, beacon, WebSocket) and checked
 * against the Performance API. The lock is a Web Lock on 127.0.0.1 (a secure context); under a real host name over
 * plain http there are no Web Locks and a lease in localStorage stands in. Take-over times are printed ("[tabs]").
 */
class SharedTabsIT extends InBrowser {
    /** The bound on a take-over, from the leader's tab closing to another tab talking to the server. */
    static final long TAKE_OVER_MS = 2000;
    /** How far {@code ?holdIntervals} holds a tab's interval timers back (a hidden tab's are held back further). */
    static final long HELD_INTERVAL_MS = 3000;
    /** How long a test silences a leader's page: well past its 1 s lease and the take-over's 1.6 s. */
    static final long FROZEN_MS = 3000;
    /** Under a real host name, for the lease. */
    static final String SITE = "www.example.com";
    private static Chromium field;

    @AfterAll
    static void closeTheFieldBrowser() {
        if (field != null) {
            field.close();
        }
    }

    /** Every emulated back end, or those {@code -Dtabs.backends=gms,v3} names. */
    static List<String> backends() {
        String only = System.getProperty("tabs.backends", "");
        return only.isBlank() ? List.of("gms", "cometd", "purecloud", "v3", "pureconnect", "pureconnectbots")
                : List.of(only.split(","));
    }

    static AgentDesk desk(String backend) {
        String name = backend.equals("v3") ? "nexus" : backend.equals("pureconnectbots") ? "pureconnect" : backend;
        return sandbox.desks().stream().filter(d -> d.backend().equals(name)).findFirst().orElseThrow();
    }

    static AgentDesk.DeskChat chat(AgentDesk desk, String chatId) {
        return desk.chats().stream().filter(c -> c.id().equals(chatId)).findFirst().orElseThrow();
    }

    /**
     * The customer's and the agent's messages, in order, as "Message role text" (joins, notices and typing differ
     * from back end to back end; PureConnect's item types are in lower case).
     */
    static List<String> messages(List<String> items) {
        return items.stream().filter(i -> i.regionMatches(true, 0, "Message Client ", 0, 15)
                || i.regionMatches(true, 0, "Message Agent ", 0, 14)).map(i -> "Message" + i.substring(7)).toList();
    }

    /** Starts a chat from {@code tab}; returns its id on the desk once the desk has it. */
    static String startChat(TabSet tabs, String tab, AgentDesk desk) throws InterruptedException {
        int before = desk.chats().size();
        assertEquals("ok", tabs.run(tab, "var r = await cmd('startChat', { firstname: 'Ada', lastname: 'Lovelace',"
                + " nickname: 'Ada' }); return r.ok ? 'ok' : JSON.stringify(r.value);"));
        String chatId = desk.newChatAfter(before);
        assertTrue(chatId != null, "the desk has the chat");
        return chatId;
    }

    /** Sends {@code text} from {@code tab}; its command must resolve. */
    static void send(TabSet tabs, String tab, String text) {
        assertEquals(Boolean.TRUE, tabs.run(tab, "var r = await cmd('sendMessage', { message: "
                + quote(text) + " }); return r.ok || JSON.stringify(r.value);"), text);
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Waits until every one of {@code shown} shows the emulator's transcript: each message once, in the server's
     * order, in what its page was given and in what its service keeps.
     */
    static void everyTabShowsTheEmulatorsTranscript(TabSet tabs, List<String> shown, AgentDesk desk, String chatId)
            throws InterruptedException {
        for (String tab : shown) {
            try {
                TabSet.eventually(10_000, () -> messages(chat(desk, chatId).transcript()),
                        () -> messages(tabs.items(tab)), "what tab " + (tabs.tabs().indexOf(tab) + 1) + " was given");
            } catch (AssertionError e) {
                StringBuilder events = new StringBuilder(e.getMessage());
                for (String t : tabs.tabs()) {
                    events.append("\n tab ").append(tabs.tabs().indexOf(t) + 1).append(": ")
                            .append(tabs.list(t, "window.seen")).append(' ').append(tabs.items(t));
                }
                throw new AssertionError(events.toString(), e);
            }
            assertEquals(messages(chat(desk, chatId).transcript()), messages(tabs.transcript(tab)),
                    "what tab " + (tabs.tabs().indexOf(tab) + 1) + "'s service keeps");
        }
    }

    /** Waits until the desk's transcript has {@code text} from the customer; asserts it has it once. */
    static void reachedTheAgentOnce(AgentDesk desk, String chatId, String text) throws InterruptedException {
        String line = "Message Client " + text;
        TabSet.eventually(10_000, () -> 1, () -> Collections.frequency(messages(chat(desk, chatId).transcript()),
                line), line + " in " + chat(desk, chatId).transcript());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void whatEitherTabTypesReachesTheAgentOnceAndAnEndInOneEndsItInBoth(String backend) throws Exception {
        AgentDesk desk = desk(backend);
        try (TabSet tabs = new TabSet(browser, sandbox.url())) {
            // given two tabs of the site, the first loaded first (it leads)
            String first = tabs.open("backend=" + backend);
            String second = tabs.open("backend=" + backend);
            // when the second starts a chat and the agent answers
            String chatId = startChat(tabs, second, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello, Grace here");
            // then both tabs show it
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            // when each tab sends, both at once, and the agent answers
            tabs.js(first, "window.sending = cmd('sendMessage', { message: 'from the first tab' });");
            tabs.js(second, "window.sending = cmd('sendMessage', { message: 'from the second tab' });");
            assertEquals(Boolean.TRUE, tabs.run(first, "return (await window.sending).ok;"));
            assertEquals(Boolean.TRUE, tabs.run(second, "return (await window.sending).ok;"));
            reachedTheAgentOnce(desk, chatId, "from the first tab");
            reachedTheAgentOnce(desk, chatId, "from the second tab");
            desk.say(chatId, "One answer for both");
            // then each message reached the agent once, and every tab shows the emulator's transcript
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            reachedTheAgentOnce(desk, chatId, "from the first tab");
            reachedTheAgentOnce(desk, chatId, "from the second tab");
            // and only the first tab talked to the server
            assertFalse(tabs.requests(first, 0).isEmpty(), "the leader talked to the server");
            assertEquals(List.of(), tabs.requests(second, 0), "the second tab's own requests");
            assertEquals(0, tabs.scriptedFetches(second), "the second tab's requests (Performance API)");

            // when the second tab (not the leader) ends the chat
            assertEquals(Boolean.TRUE, tabs.run(second, "return (await cmd('endChat')).ok;"));
            // then it ends in both, once, and on the server
            for (String tab : List.of(first, second)) {
                tabs.waitFor(tab, "window.seen.indexOf('ended') >= 0");
            }
            Thread.sleep(300); // a second 'ended' would come on a later turn
            for (String tab : List.of(first, second)) {
                assertEquals(1, Collections.frequency(tabs.list(tab, "window.seen"), "ended"),
                        tabs.list(tab, "window.seen").toString());
                assertEquals(List.of(), tabs.list(tab, "window.errors"));
            }
            TabSet.eventually(5000, () -> true, () -> chat(desk, chatId).ended(), "the chat ended on the server");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aTabOpenedMidChatShowsItAllAndWhenTheLeaderClosesAnotherTakesOverWithNoGapOrRepeat(String backend)
            throws Exception {
        AgentDesk desk = desk(backend);
        try (TabSet tabs = new TabSet(browser, sandbox.url())) {
            // given a chat in two tabs, started in the first (it leads)
            String first = tabs.open("backend=" + backend);
            String second = tabs.open("backend=" + backend);
            String chatId = startChat(tabs, first, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello, Grace here");
            // (the second tab types once it shows the chat: before it joined, it has none to send to)
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            send(tabs, second, "before the third tab");
            reachedTheAgentOnce(desk, chatId, "before the third tab");
            // when a third tab opens mid-chat
            String third = tabs.open("backend=" + backend);
            // then it shows the whole transcript, restored, and asked the server nothing
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second, third), desk, chatId);
            assertEquals(1, Collections.frequency(tabs.list(third, "window.seen"), "restored"),
                    tabs.list(third, "window.seen").toString());
            // and of the three tabs only the first ever talked to the server
            assertFalse(tabs.requests(first, 0).isEmpty(), "the leader talked to the server");
            for (String tab : List.of(second, third)) {
                assertEquals(List.of(), tabs.requests(tab, 0), "tab " + (tabs.tabs().indexOf(tab) + 1));
                assertEquals(0, tabs.scriptedFetches(tab), "tab " + (tabs.tabs().indexOf(tab) + 1)
                        + " (Performance API)");
            }

            // when the agent speaks, the third tab sends 30 messages 10 ms apart while the leader's tab closes
            // (some reach the leader that goes, some no leader, some the next before the third tab heard of it),
            // and the agent speaks again
            desk.say(chatId, "Just before the first tab closed");
            tabs.js(third, "window.sending = Promise.all(Array.from({ length: 30 }, function (_, i) {"
                    + " return new Promise(function (ok) { setTimeout(ok, 10 * i); }).then(function () {"
                    + " return cmd('sendMessage', { message: 'burst ' + i }); }); }));");
            long closed = tabs.close(first);
            desk.say(chatId, "While the first tab was closing");
            // then every command settles, each message reaches the agent once, both tabs show the chat with no gap
            // and no repeat, and another tab took over within the bound
            assertEquals("", tabs.run(third, "return (await window.sending).filter(function (r) { return !r.ok; })"
                    + ".map(function (r) { return JSON.stringify(r.value); }).join();"));
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(second, third), desk, chatId);
            for (int i = 0; i < 30; i++) {
                reachedTheAgentOnce(desk, chatId, "burst " + i);
            }
            long second0 = tabs.firstRequest(second, closed), third0 = tabs.firstRequest(third, closed);
            assertTrue(second0 < 0 != third0 < 0, "one tab took over: " + second0 + ", " + third0);
            String leader = second0 >= 0 ? second : third, other = second0 >= 0 ? third : second;
            long takeOver = Math.max(second0, third0) - closed;
            long heard = ((Number) tabs.js(other, "return window.heard['While the first tab was closing'];"))
                    .longValue() - closed;
            System.out.println("[tabs] " + backend + ": take-over " + takeOver + " ms after the leader's tab closed;"
                    + " the agent's message shown in the other tab " + heard + " ms after");
            assertTrue(takeOver <= TAKE_OVER_MS, "took over " + takeOver + " ms after the leader's tab closed");
            assertEquals(List.of(), tabs.requests(other, 0), "the tab that did not take over");
            for (String tab : List.of(second, third)) {
                assertEquals(0, Collections.frequency(tabs.list(tab, "window.seen"), "ended"));
                assertEquals(List.of(), tabs.list(tab, "window.errors"));
            }
            // when the tab that did not take over sends
            send(tabs, other, "after the take-over");
            // then it reached the agent once, and both tabs show it
            reachedTheAgentOnce(desk, chatId, "after the take-over");
            desk.say(chatId, "Still here");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(leader, other), desk, chatId);
            reachedTheAgentOnce(desk, chatId, "after the take-over");
            assertEquals(Boolean.TRUE, tabs.run(other, "return (await cmd('endChat')).ok;"));
            tabs.waitFor(leader, "window.seen.indexOf('ended') >= 0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "purecloud"})
    void withTabsFalseEachTabRunsItsOwnChatAsToday(String backend) throws Exception {
        AgentDesk desk = desk(backend);
        try (TabSet tabs = new TabSet(browser, sandbox.url())) {
            // given a chat in a tab of a site that keeps each tab alone
            String first = tabs.open("tabs=false&backend=" + backend);
            String second = tabs.open("tabs=false&backend=" + backend);
            String chatId = startChat(tabs, first, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello, Grace here");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first), desk, chatId);
            // then the second tab, loaded before the chat began, does not show it
            assertEquals(List.of(), messages(tabs.items(second)));
            // when a third tab loads: it restores the chat from the cookies by itself
            String third = tabs.open("tabs=false&backend=" + backend);
            tabs.waitFor(third, "window.seen.indexOf('restored') >= 0");
            long since = System.currentTimeMillis();
            desk.say(chatId, "To each tab");
            // then both tabs in the chat show it, and both talk to the server
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, third), desk, chatId);
            assertFalse(tabs.requests(third, 0).isEmpty(), "the third tab's own requests");
            if (backend.equals("gms")) { // both poll
                Thread.sleep(1500);
                assertFalse(tabs.requests(first, since).isEmpty(), "the first tab polls");
                assertFalse(tabs.requests(third, since).isEmpty(), "the third tab polls");
            } else { // each holds its socket
                assertEquals(1, tabs.requests(first, 0).stream().filter(r -> r.startsWith("ws ")).count());
                assertEquals(1, tabs.requests(third, 0).stream().filter(r -> r.startsWith("ws ")).count());
            }
            assertEquals(List.of(), tabs.requests(second, 0), "the tab with no chat");
            assertEquals(Boolean.TRUE, tabs.run(first, "return (await cmd('endChat')).ok;"));
        }
    }

    /** A second Chromium, whose every host name is 127.0.0.1: pages of a real host name over plain http. */
    static TabSet fieldTabs() throws Exception {
        if (field == null) {
            sandbox.allowHost(SITE);
            field = new Chromium("--host-resolver-rules=MAP * 127.0.0.1");
        }
        return new TabSet(field, "http://" + SITE + ":" + sandbox.port());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "purecloud"})
    void overPlainHttpALocalStorageLeaseElectsTheLeaderAndHandsItOnWhenItsTabCloses(String backend)
            throws Exception {
        AgentDesk desk = desk(backend);
        try (TabSet tabs = fieldTabs()) {
            // given two tabs of a site over plain http: no secure context, so no Web Locks
            String first = tabs.open("backend=" + backend);
            String second = tabs.open("backend=" + backend);
            assertEquals(Boolean.TRUE, tabs.js(first, "return window.isSecureContext === false && !navigator.locks;"));
            // when the second starts a chat and the agent answers
            String chatId = startChat(tabs, second, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello over http");
            // then both show it, the first (which holds the lease) alone talking to the server
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            send(tabs, second, "from the second tab");
            reachedTheAgentOnce(desk, chatId, "from the second tab");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            assertFalse(tabs.requests(first, 0).isEmpty(), "the leader talked to the server");
            assertEquals(List.of(), tabs.requests(second, 0), "the second tab's own requests");
            String lease = "localStorage.getItem('" + TabClient.channel(backend.equals("gms") ? "gms"
                    : "purecloud-v2-sockets") + ":lease')";
            assertTrue(tabs.js(second, "return " + lease + ";") != null, "the lease is in localStorage");

            // when the first tab closes (its lease goes at pagehide) and the agent speaks
            long closed = tabs.close(first);
            desk.say(chatId, "After the first tab closed");
            // then the second takes over within the bound and shows the chat with no gap and no repeat
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(second), desk, chatId);
            long takeOver = tabs.firstRequest(second, closed) - closed;
            System.out.println("[tabs] " + backend + " over http: take-over " + takeOver + " ms after the leader's tab"
                    + " closed");
            assertTrue(takeOver >= 0 && takeOver <= TAKE_OVER_MS, "took over " + takeOver + " ms after");
            send(tabs, second, "after the take-over");
            reachedTheAgentOnce(desk, chatId, "after the take-over");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(second), desk, chatId);
            assertEquals(Boolean.TRUE, tabs.run(second, "return (await cmd('endChat')).ok;"));
        }
    }

    @Test
    void overPlainHttpALeaseHolderWhoseTimersAreHeldBackIsNotTakenOver() throws Exception {
        AgentDesk desk = desk("gms");
        try (TabSet tabs = fieldTabs()) {
            // given a tab over plain http whose interval timers fire every 3 s at most, as a hidden tab's are held
            // back, and which holds the lease (it confirms its claim at its next look, 3 s on)
            String first = tabs.open("backend=gms&holdIntervals=" + HELD_INTERVAL_MS);
            Thread.sleep(HELD_INTERVAL_MS + 500);
            String second = tabs.open("backend=gms");
            // when a chat goes on for a while, the holder's 1 s lease lapsing between its renewals again and again
            String chatId = startChat(tabs, second, desk);
            desk.join(chatId, "Grace");
            for (int i = 1; i <= 3; i++) {
                desk.say(chatId, "Still there " + i);
                send(tabs, second, "Yes " + i);
                Thread.sleep(HELD_INTERVAL_MS);
            }
            // then the other tab asked the holder, which answered and renewed: one leader, each message once
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            for (int i = 1; i <= 3; i++) {
                reachedTheAgentOnce(desk, chatId, "Yes " + i);
            }
            assertFalse(tabs.requests(first, 0).isEmpty(), "the holder talked to the server");
            assertEquals(List.of(), tabs.requests(second, 0), "the other tab's own requests");
            assertEquals(Boolean.TRUE, tabs.run(second, "return (await cmd('endChat')).ok;"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Web Locks", "a localStorage lease"})
    void whenTheLeadersTabCrashesAnotherTakesOver(String lock) throws Exception {
        AgentDesk desk = desk("gms");
        try (TabSet tabs = lock.startsWith("Web") ? new TabSet(browser, sandbox.url()) : fieldTabs()) {
            // given a chat in two tabs
            String first = tabs.open("backend=gms");
            String second = tabs.open("backend=gms");
            String chatId = startChat(tabs, second, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            // when the leader's renderer crashes (no pagehide) and the agent speaks
            long crashed = tabs.crash(first);
            desk.say(chatId, "After the crash");
            // then the second takes over and shows the chat with no gap and no repeat
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(second), desk, chatId);
            long takeOver = tabs.firstRequest(second, crashed) - crashed;
            System.out.println("[tabs] gms with " + lock + ": take-over " + takeOver + " ms after the leader crashed");
            assertTrue(takeOver >= 0 && takeOver <= TAKE_OVER_MS,
                    "took over " + takeOver + " ms after the crash");
            assertEquals(0, Collections.frequency(tabs.list(second, "window.seen"), "ended"));
            send(tabs, second, "after the crash");
            reachedTheAgentOnce(desk, chatId, "after the crash");
            assertEquals(Boolean.TRUE, tabs.run(second, "return (await cmd('endChat')).ok;"));
        }
    }

    @Test
    void overPlainHttpALeaderSilentPastItsLeaseLeavesOneLeaderWhenItComesBack() throws Exception {
        AgentDesk desk = desk("gms");
        try (TabSet tabs = fieldTabs()) {
            // given a chat in two tabs over plain http (the lease), the first leading
            String first = tabs.open("backend=gms");
            String second = tabs.open("backend=gms");
            String chatId = startChat(tabs, second, desk);
            desk.join(chatId, "Grace");
            desk.say(chatId, "Hello");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            assertEquals(List.of(), tabs.requests(second, 0), "the second tab's own requests");
            // when the leader's page runs nothing for 3 s (a long task; see TabSet.block for why not a CDP
            // freeze), and meanwhile the agent speaks and the other tab sends
            long frozen = tabs.block(first, FROZEN_MS);
            desk.say(chatId, "While the first tab was blocked");
            send(tabs, second, "sent while the first tab was blocked");
            long takeOver = tabs.firstRequest(second, frozen) - frozen;
            long resumed = frozen + FROZEN_MS;
            Thread.sleep(Math.max(0, resumed - System.currentTimeMillis()));
            // then the other tab took over, and once the blocked one runs again one of them leads: each message once
            // in both, and at the agent's
            assertTrue(takeOver > 0 && takeOver <= FROZEN_MS, "took over " + takeOver + " ms after the block");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            reachedTheAgentOnce(desk, chatId, "sent while the first tab was blocked");
            desk.say(chatId, "After the first tab resumed");
            send(tabs, first, "typed in the resumed tab");
            reachedTheAgentOnce(desk, chatId, "typed in the resumed tab");
            everyTabShowsTheEmulatorsTranscript(tabs, List.of(first, second), desk, chatId);
            // and only one of them talks to the server from then on (its record and the Performance API's): the
            // other stepped down (before, both led until one closed)
            long settled = System.currentTimeMillis();
            Thread.sleep(4000);
            boolean firstLeads = !tabs.requests(first, settled).isEmpty();
            String leader = firstLeads ? first : second, other = firstLeads ? second : first;
            assertFalse(tabs.requests(leader, settled).isEmpty(), "the leader talks to the server");
            assertEquals(List.of(), tabs.requests(other, settled), "the other tab's own requests");
            assertEquals(0, tabs.scriptedFetches(other, settled), "the Performance API's record of them");
            System.out.println("[tabs] gms over http, leader blocked " + FROZEN_MS + " ms: take-over " + takeOver
                    + " ms after the block began; after it the " + (firstLeads ? "blocked" : "other")
                    + " tab leads (the blocked tab's requests since the block ended: "
                    + tabs.requests(first, resumed).size() + ")");
            for (String tab : List.of(first, second)) {
                assertEquals(0, Collections.frequency(tabs.list(tab, "window.seen"), "ended"));
            }
            assertEquals(Boolean.TRUE, tabs.run(first, "return (await cmd('endChat')).ok;"));
        }
    }
}
