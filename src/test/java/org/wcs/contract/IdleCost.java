package org.wcs.contract;

import java.util.ArrayList;
import java.util.List;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.Sandbox;
import org.wcs.value.Value;

/**
 * What an idle chat costs the back end (issue 18's benchmark, run by {@code org.wcs.bench.TabsBench}): one browser
 * with {@code n} tabs of a site showing one chat with an agent who said hello, nobody typing, the tabs all visible or
 * all hidden, sharing the chat or each on its own ({@code tabs: false}); counted at the emulator as
 * {@link BackEnd#requests} counts (HTTP requests, Bayeux messages, socket upgrades).
 *
 * <p>Polled back ends hold nothing open, so the virtual clock jumps from poll to poll and an hour costs seconds. A
 * socket or a held CometD connect keeps the page's loop on real time ({@link org.wcs.jvm.JvmLoop}), so those are
 * measured over a shorter window; see {@link #realTime}.
 */
public final class IdleCost {
    private IdleCost() {
    }

    /** What was counted: requests over {@code virtualMs} of the page's clock. */
    public record Measure(int requests, long virtualMs) {
        public double perHour() {
            return requests * 3_600_000.0 / virtualMs;
        }
    }

    /** The back ends of the contract suite, by name, in its order. */
    public static List<String> backEnds() {
        List<String> names = new ArrayList<>();
        for (BackEnd b : BackEnds.all()) {
            names.add(b.name);
        }
        return names;
    }

    /** Whether an idle page of {@code backEnd} holds a connection open: its clock then runs at real time. */
    public static boolean realTime(String backEnd) {
        Class<?> c = find(backEnd).getClass();
        return c != GmsRestBackEnd.class && c != MulticloudV3BackEnd.class && c != PureConnectRestBackEnd.class;
    }

    /** How long the CometD emulator holds a connect here (the suite's short hold; a real server's is longer). */
    public static int cometHoldMs() {
        return CometdBackEnd.HOLD_MS;
    }

    static BackEnd find(String name) {
        for (BackEnd b : BackEnds.all()) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no back end " + name);
    }

    /**
     * Opens {@code tabs} tabs, starts the chat in the first (the agent joins and says hello), lets the others show it,
     * shows or hides them all, waits {@code warmMs} (polls settle to their steady rate, a hidden leader rests), then
     * counts the requests the emulator gets during {@code windowMs} of the pages' clock. The tabs are closed after.
     */
    public static Measure measure(Sandbox sandbox, String backEnd, int tabs, boolean shared, boolean hidden,
            long warmMs, long windowMs) {
        BackEnd b = find(backEnd);
        JvmTabs browser = new JvmTabs();
        List<JvmTabs.Tab> opened = new ArrayList<>();
        Value overrides = shared ? null : Js.obj("tabs", false);
        ContractPage[] pages = new ContractPage[tabs];
        try {
            opened.add(browser.open());
            pages[0] = new ContractPage(b, sandbox, opened.get(0).platform, true, overrides);
            pages[0].chatWithAgent();
            for (int i = 1; i < tabs; i++) {
                opened.add(browser.open());
                ContractPage p = new ContractPage(b, sandbox, opened.get(i).platform, false, overrides);
                p.chatId = pages[0].chatId;
                pages[i] = p;
                p.until(() -> p.count("restored") > 0 && p.transcript().size() > 0);
            }
            for (ContractPage p : pages) {
                p.tab.page.visible(!hidden);
            }
            run(pages[0], warmMs);
            int before = b.requests(sandbox);
            double from = pages[0].tab.loop.now();
            run(pages[0], windowMs);
            int requests = b.requests(sandbox) - before;
            long took = (long) (pages[0].tab.loop.now() - from);
            for (ContractPage p : pages) {
                if (p.count("ended") + p.count("sessionLost") > 0) {
                    throw new AssertionError(backEnd + ": the chat ended while idle in a tab: " + p.names());
                }
            }
            return new Measure(requests, took);
        } finally {
            for (JvmTabs.Tab t : opened) {
                t.close();
            }
        }
    }

    /** Runs the browser's loop for {@code ms} of its clock, 10 s at a time (a run is bounded in real time). */
    private static void run(ContractPage page, long ms) {
        double end = page.tab.loop.now() + ms;
        while (page.tab.loop.now() < end) {
            long step = (long) Math.min(10_000, end - page.tab.loop.now());
            page.idle(step);
        }
    }
}
