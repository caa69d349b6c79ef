package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.SandboxTest;
import org.wcs.value.Value;

/**
 * Hidden tabs rest (issue 18 item 2): with every tab of the chat hidden the leader polls GMS REST at the sleep rate
 * and v3 at its resting cadence, PureConnect REST at the server's, and sockets stay; the first tab shown makes the
 * leader poll at once; an agent's message while all are hidden still reaches every tab. Silent: no {@code sleeping} or
 * {@code waking} event. Only the leader talks to the server.
 */
class RestingTabsTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    /** The polling back ends and the gap between two polls while every tab is hidden. */
    static Stream<Object[]> restingCadences() {
        return Stream.of(new Object[] {new GmsRestBackEnd(), 30_000}, new Object[] {new MulticloudV3BackEnd(), 30_000},
                new Object[] {new PureConnectRestBackEnd(), 1_000});
    }

    /** {@code n} tabs of a fresh browser showing one chat with the agent Grace; the first leads. */
    private static ContractPage[] tabs(BackEnd b, JvmTabs browser, int n, Value overrides) {
        ContractPage[] pages = new ContractPage[n];
        pages[0] = new ContractPage(b, sandbox, browser.open().platform, true, overrides);
        pages[0].chatWithAgent();
        for (int i = 1; i < n; i++) {
            pages[i] = new ContractPage(b, sandbox, browser.open().platform, false, overrides);
            pages[i].chatId = pages[0].chatId;
        }
        for (int i = 1; i < n; i++) {
            pages[i].mirrors(pages[0]);
        }
        return pages;
    }

    private static void show(ContractPage[] pages, boolean shown) {
        for (ContractPage p : pages) {
            p.tab.page.visible(shown);
        }
    }

    /** The virtual times at which {@code p}'s tab sent requests during the next {@code ms}. */
    private static List<Long> requestTimes(ContractPage p, long ms) {
        List<Long> times = new ArrayList<>();
        int[] seen = {p.tab.http.sent.size()};
        double end = p.tab.loop.now() + ms;
        p.tab.loop.runUntil(() -> {
            while (seen[0] < p.tab.http.sent.size()) {
                seen[0]++;
                times.add((long) p.tab.loop.now());
            }
            return p.tab.loop.now() >= end;
        }, ms + 1_000);
        return times;
    }

    private static List<Long> gaps(List<Long> times) {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            out.add(times.get(i) - times.get(i - 1));
        }
        return out;
    }

    private static void silent(ContractPage... pages) {
        for (ContractPage p : pages) {
            assertEquals(0, p.count("sleeping") + p.count("waking"), p.names().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void withThreeTabsOnlyTheLeaderTalksToTheServer(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(b, browser, 3, null);
        // when: a follower sends, the agent answers, and time passes, visible and hidden
        assertEquals("resolved", pages[2].send("from the third tab").state);
        pages[0].desk.say(pages[0].chatId, "An answer for three");
        pages[0].sync();
        pages[0].idle(4_000); // an open socket keeps the clock on real time: seconds, not minutes
        show(pages, false);
        pages[0].idle(4_000);
        // then
        for (int i = 1; i < 3; i++) {
            assertEquals(0, pages[i].tab.http.sent.size(), "tab " + (i + 1) + " sent requests of its own");
            assertEquals(1, pages[i].said("An answer for three"), pages[i].names().toString());
        }
        assertEquals(1, pages[0].said("from the third tab"), pages[0].transcript().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restingCadences")
    void everyTabHiddenPollsAtTheRestingCadence(BackEnd b, int restingMs) {
        // given three tabs, all hidden, past the moment the leader rests
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(b, browser, 3, null);
        ContractPage leader = pages[0];
        show(pages, false);
        leader.idle(35_000);
        // when
        List<Long> gaps = gaps(requestTimes(leader, 300_000));
        // then
        assertTrue(gaps.size() >= 300_000 / restingMs - 2, gaps.toString());
        for (long gap : gaps) {
            assertTrue(gap >= restingMs && gap < restingMs + 1_000, "gaps " + gaps);
        }
        silent(pages);
    }

    @Test
    void gmsRestPollsAtItsPollRateSleepWhileHidden() {
        // given pollRateSleep 10 s, one hidden tab past the moment it rests
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(new GmsRestBackEnd(), browser, 2, Js.obj("pollRateSleep", 10_000));
        show(pages, false);
        pages[0].idle(15_000);
        // when
        List<Long> gaps = gaps(requestTimes(pages[0], 60_000));
        // then
        assertTrue(gaps.size() >= 5, gaps.toString());
        for (long gap : gaps) {
            assertEquals(10_000, gap, "gaps " + gaps);
        }
    }

    /** The back ends that rest, and what their poll's URL holds. */
    static Stream<Object[]> resting() {
        return Stream.of(new Object[] {new GmsRestBackEnd(), "/refresh"},
                new Object[] {new MulticloudV3BackEnd(), "/messages"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resting")
    void theFirstTabShownMakesTheLeaderPollAtOnce(BackEnd b, String poll) {
        // given three hidden tabs, the leader resting, just after one of its polls
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(b, browser, 3, null);
        ContractPage leader = pages[0];
        show(pages, false);
        leader.idle(35_000);
        List<Long> before = requestTimes(leader, 31_000);
        assertTrue(!before.isEmpty(), "no poll while resting");
        // its answer is in (a wait that may not move the clock to the next poll, which is some 30 s away)
        leader.until(() -> leader.tab.http.answers.size() >= leader.tab.http.sent.size());
        int sent = leader.tab.http.sent.size();
        double shownAt = leader.tab.loop.now();
        // when a follower is shown
        pages[2].tab.page.visible(true);
        leader.until(() -> leader.tab.http.sent.size() > sent);
        // then the leader polled in the same moment (messages between tabs take turns, not time)
        assertTrue(leader.tab.loop.now() - shownAt < 250, "polled " + (leader.tab.loop.now() - shownAt) + " ms later");
        assertTrue(leader.tab.http.sent.get(sent).url.contains(poll), leader.tab.http.sent.get(sent).url);
        // and then polls at the visible rate again
        List<Long> gaps = gaps(requestTimes(leader, 30_000));
        assertTrue(gaps.size() >= 8, gaps.toString());
        silent(pages);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void anAgentMessageWhileEveryTabIsHiddenIsPublishedInEveryTab(BackEnd b) {
        // given
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(b, browser, 3, null);
        show(pages, false);
        pages[0].idle(2_000); // past the moment the leader rests
        // when
        pages[0].desk.say(pages[0].chatId, "While every tab was hidden");
        // then
        for (ContractPage p : pages) {
            p.until(() -> p.said("While every tab was hidden") == 1);
        }
        pages[0].sync();
        for (ContractPage p : pages) {
            assertEquals(pages[0].transcript(), p.transcript());
            assertEquals(0, p.count("ended"), p.names().toString());
        }
        silent(pages);
    }

    @Test
    void theLastVisibleTabClosingLetsTheLeaderRest() {
        // given a hidden leader and a visible second tab of a GMS REST chat
        JvmTabs browser = new JvmTabs();
        JvmTabs.Tab first = browser.open();
        JvmTabs.Tab second = browser.open();
        ContractPage leader = new ContractPage(new GmsRestBackEnd(), sandbox, first.platform, true, null);
        leader.chatWithAgent();
        ContractPage other = new ContractPage(new GmsRestBackEnd(), sandbox, second.platform, false, null);
        other.until(() -> other.transcript().equals(leader.transcript()));
        leader.tab.page.visible(false);
        List<Long> shown = gaps(requestTimes(leader, 30_000));
        assertTrue(shown.stream().allMatch(g -> g <= 3_000), "gaps " + shown);
        // when the visible tab closes (it says goodbye as the page goes)
        second.close();
        leader.idle(35_000);
        // then the leader rests
        List<Long> gaps = gaps(requestTimes(leader, 120_000));
        assertTrue(gaps.size() >= 3, gaps.toString());
        for (long gap : gaps) {
            assertEquals(30_000, gap, "gaps " + gaps);
        }
    }

    @Test
    void withTabsOffTheOneTabsOwnVisibilityDecides() {
        // given one GMS REST tab that shares nothing
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(new GmsRestBackEnd(), browser, 1, Js.obj("tabs", false));
        ContractPage tab = pages[0];
        // when it is hidden
        tab.tab.page.visible(false);
        tab.idle(35_000);
        List<Long> hidden = gaps(requestTimes(tab, 120_000));
        // then it polls at the sleep rate
        assertTrue(hidden.size() >= 3, hidden.toString());
        for (long gap : hidden) {
            assertEquals(30_000, gap, "gaps " + hidden);
        }
        // and shown again (no poll in flight), it polls at once
        tab.until(() -> tab.tab.http.answers.size() >= tab.tab.http.sent.size());
        int sent = tab.tab.http.sent.size();
        double shownAt = tab.tab.loop.now();
        tab.tab.page.visible(true);
        tab.until(() -> tab.tab.http.sent.size() > sent);
        assertTrue(tab.tab.loop.now() - shownAt < 250, "polled " + (tab.tab.loop.now() - shownAt) + " ms later");
        silent(tab);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restingCadences")
    void aVisibleTabPacesAHiddenLeaderWhoseTimersTheBrowserHoldsBack(BackEnd b, int restingMs) {
        // given: the leader's tab hidden for long, so that the browser fires its timers once a minute; another visible
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(b, browser, 2, null);
        pages[0].tab.page.visible(false);
        browser.opened.get(0).throttleMs = 60_000;
        pages[1].idle(5_000);
        // when
        double said = pages[1].tab.loop.now();
        pages[0].desk.say(pages[0].chatId, "Through a hidden leader");
        // then: the visible tab sees it at the poll rate, not at the next minute
        pages[1].until(() -> pages[1].said("Through a hidden leader") == 1);
        double took = pages[1].tab.loop.now() - said;
        assertTrue(took < 10_000, took + " ms");
        silent(pages);
    }

    /** How many ticks (a visible tab pacing a hidden leader) the tabs posted so far. */
    private static long ticks(JvmTabs browser) {
        return browser.posted.stream().filter(m -> m.startsWith("{\"k\":9")).count();
    }

    @Test
    void aTabThatPacedALeaderThatWentStopsTickingWhenANewOneLeads() {
        // given a hidden GMS REST leader that a visible second tab paces
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(new GmsRestBackEnd(), browser, 2, null);
        pages[0].tab.page.visible(false);
        pages[1].idle(5_000);
        long paced = ticks(browser);
        assertTrue(paced >= 3, paced + " ticks");
        // when the leader's tab closes and the second one takes over (it is visible: nobody needs to pace it)
        browser.opened.get(0).close();
        pages[1].idle(5_000);
        long before = ticks(browser);
        pages[1].idle(30_000);
        // then no tab ticks any more, and the chat goes on
        assertEquals(before, ticks(browser), "ticks after the take-over");
        pages[1].desk.say(pages[1].chatId, "After the take-over");
        pages[1].until(() -> pages[1].said("After the take-over") == 1);
    }

    @Test
    void oneSleepingTabDoesNotSlowTheChatOfAVisibleOne() {
        // given: GMS REST with sleepEnabled, two tabs, the leader's page asleep (its App says the page is hidden)
        JvmTabs browser = new JvmTabs();
        ContractPage[] pages = tabs(new GmsRestBackEnd(), browser, 2, Js.obj("sleepEnabled", true));
        pages[0].page.command("sleep", null);
        pages[0].idle(5_000);
        // then: it says so on its bus, and the visible tab's chat keeps the poll rate
        assertEquals(1, pages[0].count("sleeping"), pages[0].names().toString());
        List<Long> gaps = gaps(requestTimes(pages[0], 30_000));
        assertTrue(gaps.size() >= 8 && gaps.stream().allMatch(g -> g <= 3_000), gaps.toString());
    }
}
