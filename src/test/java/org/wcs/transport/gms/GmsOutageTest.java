package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.ScriptedHttp;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.service.TestPage;
import org.wcs.transport.Backoff;
import org.wcs.browser.Transports;
import org.wcs.value.Value;

/**
 * Outages of a GMS REST server, on the virtual clock against an in-memory server (issue 11 item 4): every kind of
 * failed refresh is {@code connectionPending} at once and {@code disconnected} past {@code pollExceptionLimit}, errors
 * the page must see come once per outage, polls back off (bounded, {@code Retry-After} as a floor) and come back to
 * their cadence at the first good answer.
 */
class GmsOutageTest {
    static {
        Js.init();
    }

    private static final String GOOD = "{\"statusCode\":0,\"chatId\":\"C1\",\"secureKey\":\"K1\",\"userId\":\"U1\","
            + "\"alias\":\"1\",\"chatEnded\":false,\"messages\":[]}";
    private static final int POLL_RATE = 3000;
    private static final int TICK = 250;

    private JvmLoop loop;
    private ScriptedHttp http;
    private TestPage page;

    private static HttpResponse json(int status, String body) {
        return new HttpResponse(status, body, "application/json", false);
    }

    /** A chat polling at its steady 3 s rate; events so far are dropped. */
    private void steadyChat(Value config) {
        loop = new JvmLoop(); // a new tab: nothing of the last one keeps running
        http = new ScriptedHttp(loop, r -> json(200, GOOD));
        page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), http), config,
                new Transports());
        page.command("startChat", Js.obj("nickname", "Ada"));
        loop.advance(20_000);
        page.takeEvents();
    }

    private void steadyChat() {
        steadyChat(Js.obj("dataURL", "http://gms/chat"));
    }

    /** Refreshes fail with this answer from now on; other calls are answered well. */
    private void refreshes(Function<HttpRequest, HttpResponse> answer) {
        http.answer = r -> r.url.endsWith("/refresh") ? answer.apply(r) : json(200, GOOD);
    }

    private List<String> events() {
        return page.takeEvents().stream().map(e -> e.split(" ")[0])
                .filter(e -> !e.startsWith("data.") && !e.equals("ajaxResponse")).toList();
    }

    private int refreshCount() {
        return http.times("refresh", 0).size();
    }

    /** Runs until {@code n} more refreshes went out. */
    private void polls(int n) {
        int target = refreshCount() + n;
        loop.runUntil(() -> refreshCount() >= target, 600_000);
        loop.runDue();
    }

    private Backoff model(double random) {
        return new Backoff(() -> random, POLL_RATE, Backoff.DEFAULT_CAP_MS);
    }

    @Test
    void everyKindOfFailureIsPendingAtOnceAndDisconnectedPastTheLimitThenOnlineOnce() {
        List<Function<HttpRequest, HttpResponse>> failures = List.of(r -> json(0, ""), r -> json(503, ""),
                r -> json(504, "<html>gateway</html>"), r -> json(200, "{not json"), r -> json(429, ""));
        for (Function<HttpRequest, HttpResponse> failure : failures) {
            steadyChat();
            // when refreshes start failing
            refreshes(failure);
            polls(1);
            // then the first failure is announced at once
            assertEquals(List.of("connectionPending"), events());
            // and the limit (5) more in a row are disconnected, once
            polls(4);
            assertEquals(List.of(), events());
            polls(1);
            assertEquals(List.of("disconnected"), events());
            polls(3);
            assertEquals(List.of(), events());
            // when the server answers again, the first good answer ends the outage
            refreshes(r -> json(200, GOOD));
            polls(1);
            assertEquals(List.of("connectionRestored", "reconnected"), events());
        }
    }

    @Test
    void whileDisconnectedSendsAreKeptAndAShortOutageIsOnlyPending() {
        steadyChat();
        refreshes(r -> json(0, ""));
        polls(2);
        refreshes(r -> json(200, GOOD));
        polls(1);
        assertEquals(List.of("connectionPending", "connectionRestored"), events());
        refreshes(r -> json(0, ""));
        polls(6);
        assertEquals(List.of("connectionPending", "disconnected"), events());
        // the original resolved {statusCode: 1} and sent nothing; the message is kept, its command waits
        TestPage.Outcome sent = page.command("sendMessage", Js.obj("message", "kept"));
        loop.advance(60_000);
        assertEquals("pending", sent.state);
        assertEquals(0, http.times("send", 0).size());
        // and goes when the server answers again
        refreshes(r -> json(200, GOOD));
        loop.runUntil(() -> !sent.state.equals("pending"), 600_000);
        assertEquals(1, http.times("send", 0).size());
        assertEquals("resolved", sent.state);
    }

    /** The most polls a 5-minute outage can cost: the back-off's waits (ticks only make them longer) fill 5 min. */
    private static int ceiling(Backoff model, long outageMs) {
        int polls = 1;
        long at = 0;
        while (true) {
            at += model.fail(POLL_RATE); // the transport never waits less than the poll interval (3000 here)
            if (at > outageMs) {
                return polls;
            }
            polls++;
        }
    }

    private void fiveMinuteOutage(double random) {
        steadyChat();
        page.tab.nextRandom = random;
        // when every refresh fails at once for five minutes
        refreshes(r -> json(0, ""));
        polls(1);
        double start = loop.now();
        int before = refreshCount() - 1;
        loop.advance(300_000 - 1);
        int during = refreshCount() - before;
        // then the polls are bounded by what the back-off allows
        int ceiling = ceiling(model(random), 300_000);
        assertTrue(during <= ceiling, during + " polls in 5 minutes, expected at most " + ceiling);
        assertTrue(during < 300_000 / POLL_RATE / 3, "far fewer than at the normal cadence: " + during);
        // when the server is back
        double back = loop.now();
        long lastPoll = http.times("refresh", 0).get(refreshCount() - 1);
        refreshes(r -> json(200, GOOD));
        page.takeEvents();
        polls(1);
        // then recovery is seen within one back-off step of the last failure (and of the server's return)
        long seen = http.times("refresh", 0).get(refreshCount() - 1);
        long step = Math.max(POLL_RATE, (long) Math.floor(random * Backoff.DEFAULT_CAP_MS)) + TICK;
        assertTrue(seen - lastPoll <= step, "recovered after " + (seen - lastPoll) + " ms, one step is " + step);
        assertTrue(seen - back <= step);
        assertEquals(List.of("connectionRestored", "reconnected"), events());
        assertTrue(start < seen);
        // and the normal cadence is back: the next poll is one poll interval (rounded to the tick) later
        polls(1);
        List<Long> t = http.times("refresh", 0);
        assertTrue(t.get(t.size() - 1) - seen <= POLL_RATE + TICK, "gap " + (t.get(t.size() - 1) - seen));
    }

    @Test
    void aFiveMinuteOutageCostsABoundedNumberOfPollsWithTheMeanJitter() {
        fiveMinuteOutage(0.5);
    }

    @Test
    void aFiveMinuteOutageCostsABoundedNumberOfPollsWithTheLongestJitter() {
        fiveMinuteOutage(0.999);
    }

    @Test
    void retryAfterOnA503OrA429IsAFloorForTheNextPoll() {
        for (int status : new int[] {503, 429}) {
            steadyChat();
            refreshes(r -> new HttpResponse(status, "", "text/plain", false, "20"));
            polls(1);
            double failed = loop.now();
            polls(1);
            long next = http.times("refresh", 0).get(refreshCount() - 1);
            assertTrue(next - failed >= 20_000 && next - failed <= 20_000 + TICK, status + ": " + (next - failed));
        }
    }

    @Test
    void unauthorizedAndForbiddenArePublishedOncePerOutageAsErrorsAndTheChatGoesOn() {
        steadyChat();
        for (int status : new int[] {401, 403}) {
            // when refreshes are refused, again and again
            refreshes(r -> json(status, ""));
            polls(3);
            // then one error with its reason, and the outage's first step
            List<String> seen = page.takeEvents();
            List<String> errors = seen.stream().filter(e -> e.startsWith("error ")).toList();
            assertEquals(1, errors.size(), seen.toString());
            assertTrue(errors.get(0).contains("\"status\":" + status), errors.get(0));
            assertTrue(errors.get(0).contains("\"errorReason\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                    + "\""), errors.get(0));
            assertTrue(seen.contains("connectionPending"));
            // when the page fixes it (e.g. a new Authorization header), the chat goes on
            refreshes(r -> json(200, GOOD));
            polls(1);
            assertEquals(List.of("connectionRestored"), events());
            assertTrue(page.service.isActive());
        }
    }

    @Test
    void invalidServiceIsPublishedOncePerOutage() {
        steadyChat();
        for (int status : new int[] {404, 500, 502}) {
            refreshes(r -> json(status, ""));
            polls(7);
            List<String> errors = page.takeEvents().stream().filter(e -> e.startsWith("error ")).toList();
            assertEquals(1, errors.size(), status + ": " + errors);
            assertTrue(errors.get(0).contains("\"errorReason\":\"InvalidService\""), errors.get(0));
            refreshes(r -> json(200, GOOD));
            polls(1);
            page.takeEvents();
        }
    }

    @Test
    void uploadsHaveATimeoutEvenWithoutFileUploadTimeout() {
        Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
        steadyChat();
        page.command("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
        assertEquals(GmsHttp.UPLOAD_TIMEOUT_MS, last("/file").timeoutMs);
        steadyChat(Js.obj("dataURL", "http://gms/chat", "fileUploadTimeout", 5000, "ajaxTimeout", 1000));
        page.command("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
        assertEquals(5000, last("/file").timeoutMs);
        polls(1);
        assertEquals(1000, last("/refresh").timeoutMs);
    }

    private HttpRequest last(String suffix) {
        HttpRequest found = null;
        for (ScriptedHttp.Sent s : http.sent) {
            if (s.request().url.endsWith(suffix)) {
                found = s.request();
            }
        }
        return found;
    }
}
