package org.wcs.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.service.TestPage;

/**
 * A tab that joins a running chat while the back end reports more items shows each item once. Found with PureConnect
 * chat bots (its start frame and the customer's join come in two frames, so a joining tab's snapshot often falls
 * between them): the joining tab's service was handed the tab's own log as the snapshot's batch, and the service
 * reads a batch on a later turn, so an item the leader reported in between was in that batch and came again on its
 * own (a join shown twice in SharedTabsTest under load).
 */
class JoiningTabTest {
    private final ScriptedTabs site = new ScriptedTabs();
    private final JvmTabs browser = site.browser;
    private final List<ScriptedTransport> transports = site.transports;

    @Test
    void anItemReportedJustAfterTheSnapshotShowsOnceInTheJoiningTab() {
        // given a leader tab, and a tab that hears the channel before the joining tab (it hears each message first)
        TestPage leader = site.load(browser.open());
        ScriptedTransport real = transports.get(0);
        boolean[] reported = new boolean[2];
        browser.open().join(TabClient.channel("gms"), m -> {
            boolean news = m.get(TabWire.KIND).num() == TabWire.NEWS;
            if (news && m.get(TabWire.REPORT).num() == TabWire.STARTED && !reported[0]) {
                // the chat's first item, before the joining tab asks for the chat so far
                reported[0] = true;
                real.messages(real.item("Message", "before the snapshot", "Agent", 2, "Grace"));
            } else if (m.get(TabWire.KIND).num() == TabWire.REPLY && m.get(TabWire.SNAPSHOT).isObject()
                    && !reported[1]) {
                // when the leader answered the joining tab with the chat so far, the back end reports one more item
                // before the joining tab reads that answer
                reported[1] = true;
                real.messages(real.item("Message", "right after the snapshot", "Agent", 2, "Grace"));
            }
        });
        TestPage joining = site.load(browser.open());
        browser.loop.runDue();
        assertEquals("resolved", leader.await("startChat", Js.obj("nickname", "Ada")).state);
        browser.loop.runUntil(() -> reported[1] && ScriptedTabs.texts(joining).size() >= 2, 10_000);
        browser.loop.runUntilIdle(10_000);
        // then the joining tab shows each item once, as the leader does
        assertEquals(List.of("before the snapshot", "right after the snapshot"), ScriptedTabs.texts(leader));
        assertEquals(ScriptedTabs.texts(leader), ScriptedTabs.texts(joining));
    }
}
