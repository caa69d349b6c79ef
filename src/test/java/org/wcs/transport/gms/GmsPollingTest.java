package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.ScriptedHttp;
import org.wcs.platform.HttpResponse;
import org.wcs.service.TestPage;
import org.wcs.browser.Transports;
import org.wcs.value.Value;

/**
 * The refresh cadence to the millisecond (spec gms-v2 §6.1; checklist G33), on the virtual clock against an
 * in-memory server that answers at once.
 */
class GmsPollingTest {
    static {
        Js.init();
    }

    private final JvmLoop loop = new JvmLoop();
    private final ScriptedHttp http = new ScriptedHttp(loop, r -> new HttpResponse(200, "{\"statusCode\":0,"
            + "\"chatId\":\"C1\",\"secureKey\":\"K1\",\"userId\":\"U1\",\"alias\":\"1\",\"chatEnded\":false,"
            + "\"messages\":[]}", "application/json", false));
    private TestPage page;
    private long started;

    private void start(Value config) {
        page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), http), config,
                new Transports());
        page.command("startChat", Js.obj("nickname", "Ada"));
        loop.runDue();
        started = (long) loop.now();
    }

    @Test
    void firstPollOnTheFirstTickThenIntervalsGrowToThreeSeconds() { // G33
        start(Js.obj("dataURL", "http://gms/chat"));
        loop.advance(17_000);
        assertEquals(List.of(250L, 1000L, 1750L, 2750L, 4000L, 5250L, 6750L, 8750L, 11000L, 13750L, 16750L),
                http.times("refresh", started));
    }

    @Test
    void sendingResetsTheIntervalToFiveHundred() {
        start(Js.obj("dataURL", "http://gms/chat"));
        loop.advance(11_100); // polls at ... 8750, 11000; next due at 13750
        page.command("sendMessage", Js.obj("message", "hi"));
        loop.runDue();
        loop.advance(2_000);
        // then the next poll comes 500 ms after the last one started (11000), not 3000: 11500, then 600 later
        List<Long> t = http.times("refresh", started);
        assertEquals(List.of(11000L, 11500L, 12250L, 13000L), t.subList(t.size() - 4, t.size()));
    }

    @Test
    void onlyOneRefreshInFlight() {
        start(Js.obj("dataURL", "http://gms/chat"));
        loop.advance(260);
        http.hold = true;
        loop.advance(5_000);
        assertEquals(2, http.times("refresh", started).size(), "the second waits for its answer");
        http.release();
        loop.advance(250);
        assertEquals(3, http.times("refresh", started).size());
    }

    @Test
    void fixedRateWithoutDynamicPollingAndTheConfiguredBounds() {
        start(Js.obj("dataURL", "http://gms/chat", "dynamicPolling", false, "pollRate", 2000));
        loop.advance(6_300);
        assertEquals(List.of(250L, 2250L, 4250L, 6250L), http.times("refresh", started));
    }

    @Test
    void sleepingPollsEveryThirtySecondsAndWakingResetsToPollRate() {
        // given polls at ..., 16750, 19750 (3 s apart)
        start(Js.obj("dataURL", "http://gms/chat", "sleepEnabled", true));
        loop.advance(20_000);
        // when the page sleeps
        page.command("sleep", null);
        loop.advance(60_000);
        // then it polls 30 s after the last poll, and again 30 s later
        List<Long> t = http.times("refresh", started);
        assertEquals(List.of(16750L, 19750L, 49750L, 79750L), t.subList(t.size() - 4, t.size()));
        // when it wakes: the idle timer is cancelled and polls come every pollRate again
        page.command("wake", null);
        assertEquals("customNotice", http.sent.get(http.sent.size() - 1).op());
        loop.advance(3_000);
        t = http.times("refresh", started);
        assertEquals(82750L, t.get(t.size() - 1));
    }

    @Test
    void aHiddenPageRestsAtTheSleepRateSilentlyAndPollsAtOnceWhenShown() { // issue 18 item 2
        // given polls at ..., 16750, 19750 (3 s apart), sleep not enabled
        start(Js.obj("dataURL", "http://gms/chat"));
        loop.advance(20_000);
        // when the page is hidden (it rests 1 s later)
        page.tab.page.visible(false);
        loop.advance(60_000);
        // then it polls 30 s after the last poll, and again 30 s later
        List<Long> t = http.times("refresh", started);
        assertEquals(List.of(16750L, 19750L, 49750L, 79750L), t.subList(t.size() - 4, t.size()));
        // when it is shown again: a poll at once, no idle-timer notice, then polls every pollRate
        int sent = http.sent.size();
        page.tab.page.visible(true);
        loop.runDue();
        assertEquals(List.of("refresh"), http.sent.subList(sent, http.sent.size()).stream()
                .map(ScriptedHttp.Sent::op).toList());
        loop.advance(3_000);
        t = http.times("refresh", started);
        assertEquals(List.of(79750L, 80000L, 83000L), t.subList(t.size() - 3, t.size()));
        // and nothing was published about it
        assertEquals(List.of(), page.events.stream().filter(e -> e.startsWith("sleeping") || e.startsWith("waking")
                || e.startsWith("data.sleeping")).toList());
    }

    @Test
    void aPageHiddenForLessThanASecondDoesNotRest() {
        start(Js.obj("dataURL", "http://gms/chat"));
        loop.advance(20_000);
        page.tab.page.visible(false);
        loop.advance(999);
        page.tab.page.visible(true);
        loop.advance(9_000);
        List<Long> t = http.times("refresh", started);
        assertEquals(List.of(19750L, 22750L, 25750L, 28750L), t.subList(t.size() - 4, t.size()));
    }
}
