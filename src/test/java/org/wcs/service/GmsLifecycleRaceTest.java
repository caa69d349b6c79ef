package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.jvm.HeldHttp;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.tabs.SharedTabs;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/**
 * Issue 11's lifecycle races on GMS REST, each on the virtual clock with the server's answers held until the test
 * releases them, so "in flight" is exact: the service and the real transport together.
 */
class GmsLifecycleRaceTest {
    static {
        Js.init();
    }

    private static final String STATE = "_genesys.widgets.webchat.state.";
    private static final String URL = "http://gms/chat";

    private JvmLoop loop = new JvmLoop();
    private HeldHttp http = new HeldHttp(loop);
    private final JvmCookies cookies = new JvmCookies();
    private final JvmStorage storage = new JvmStorage();
    private TestPage page;

    private TestPage open() {
        page = new TestPage(new JvmPlatform(loop, cookies, storage, http), Js.obj("dataURL", URL), new Transports());
        return page;
    }

    /** The page went away and loaded again {@code laterMs} later: same cookies, a new clock and server link. */
    private TestPage reload(long laterMs) {
        http.forgetOpen();
        JvmLoop next = new JvmLoop();
        next.advance(loop.now() - JvmLoop.EPOCH + laterMs);
        loop = next;
        http = new HeldHttp(loop);
        return open();
    }

    private static String identity(String chat) {
        return "\"chatId\":\"" + chat + "\",\"secureKey\":\"K-" + chat + "\",\"userId\":\"U-" + chat
                + "\",\"alias\":\"1\"";
    }

    private static String answer(String chat, boolean ended, String messages) {
        return "{\"statusCode\":0," + identity(chat) + ",\"chatEnded\":" + ended + ",\"messages\":[" + messages + "]}";
    }

    private static String message(int index, String type, String text) {
        return "{\"index\":" + index + ",\"type\":\"" + type + "\",\"text\":\"" + text + "\",\"utcTime\":"
                + (JvmLoop.EPOCH + index) + ",\"from\":{\"nickname\":\"Grace\",\"participantId\":2,\"type\":\"Agent\"}}";
    }

    private HeldHttp.Sent only(String suffix) {
        loop.runDue();
        List<HeldHttp.Sent> open = http.open(suffix);
        assertEquals(1, open.size(), suffix + " in " + http.sent);
        return open.get(0);
    }

    private void reply(HeldHttp.Sent s, String body) {
        http.answer(s, 200, body);
        loop.runDue();
    }

    /** Starts chat {@code chat} and answers its first refresh. */
    private void chat(String chat) {
        TestPage.Outcome o = page.command("startChat", Js.obj("nickname", "Ada"));
        reply(only(URL + "/"), answer(chat, false, ""));
        assertEquals("resolved", o.state);
        loop.advance(300);
        reply(only("/" + chat + "/refresh"), answer(chat, false, message(1, "ParticipantJoined", "")));
        page.takeEvents();
    }

    private List<String> events() {
        return page.takeEvents().stream().map(e -> e.split(" ")[0])
                .filter(e -> !e.startsWith("data.") && !e.equals("ajaxResponse")).toList();
    }

    private String sessionId() {
        return page.command("getSessionData", null).value.get("sessionID").str();
    }

    @Test
    void aRefreshOfTheEndedChatNeverTouchesTheNextOne() { // (a)
        open();
        chat("C1");
        // given a refresh of C1 in flight
        loop.advance(3_000);
        HeldHttp.Sent oldRefresh = only("/C1/refresh");
        // when the customer ends C1 and starts C2
        TestPage.Outcome end = page.command("endChat", null);
        reply(only("/C1/disconnect"), "{\"statusCode\":0}");
        assertEquals("resolved", end.state);
        chat("C2");
        // then C2 polls although C1's refresh is still in flight
        assertTrue(oldRefresh.isOpen());
        loop.advance(1_000);
        assertFalse(http.all("/C2/refresh").size() < 2, "C2's polls are not held back by C1's refresh");
        reply(only("/C2/refresh"), answer("C2", false, ""));
        // when C1's refresh comes back at last: C1 ended, with a transcript
        reply(oldRefresh, answer("C1", true, message(1, "ParticipantJoined", "") + ","
                + message(2, "Message", "old news") + "," + message(3, "ParticipantLeft", "")));
        loop.advance(1_000);
        // then C2 is untouched: identity, cookies, transcript, state
        assertEquals(List.of(), events());
        assertTrue(page.service.isActive());
        assertEquals("C2", sessionId());
        assertEquals("C2", cookies.get(STATE + "session"));
        assertTrue(cookies.get(STATE + "keys").contains("K-C2"));
        String transcript = Js.json(page.command("getTranscript", null).value);
        assertFalse(transcript.contains("old news"), transcript);
        assertTrue(http.open("/C2/refresh").size() <= 1);
    }

    @Test
    void startChatDuringAHeldRestoreIsRefusedAndTheRestoreStillRuns() { // (b)
        // given a chat C1 that an earlier page started, and a Genesys page whose App auto-loads WebChat too
        open();
        chat("C1");
        JvmLoop next = new JvmLoop();
        next.advance(loop.now() - JvmLoop.EPOCH + 1_000);
        loop = next;
        http = new HeldHttp(loop);
        JvmPlatform tab = new JvmPlatform(loop, cookies, storage, http);
        cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true%2C%22WebChat%22:true}",
                "; path=/");
        Value pageBus = BusApi.global(new Bus(tab.loop, tab.page));
        tab.page.window().set("CXBus", pageBus);
        tab.page.window().set("_genesys", Js.obj("widgets", Js.obj("main", Js.obj(), "webchat",
                Js.obj("dataURL", URL))));
        Value app = Js.call(pageBus, "registerPlugin", "App");
        for (String c : new String[] {"registerAutoLoad", "deregisterAutoLoad"}) {
            Js.call(app, "registerCommand", c, Js.fn(e -> Js.call(e.get("deferred"), "resolve")));
        }
        Js.call(app, "ready");
        WebChatService service = Launcher.start(tab.platform, new Transports(), new SharedTabs());
        Js.call(app, "republish", "ready", Js.obj());
        loop.runDue();
        Value caller = Js.call(pageBus, "registerPlugin", "Caller");
        // when a start comes while the restore waits for the UI
        TestPage.Outcome early = TestPage.Outcome.of(Js.call(caller, "command", "WebChatService.startChat",
                Js.obj("nickname", "Bo")));
        loop.runDue();
        // then it is refused, and nothing is sent
        assertEquals("rejected", early.state);
        assertEquals(Texts.ALREADY_ACTIVE, early.text());
        assertEquals(List.of(), http.sent);
        // when the UI is ready, the restore runs; a start while its refresh is in flight waits for it, and is refused
        // once the restore brought the chat back
        Value webchat = Js.call(pageBus, "registerPlugin", "WebChat");
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> { }));
        Js.call(webchat, "republish", "ready");
        loop.runDue();
        HeldHttp.Sent restore = only("/C1/refresh");
        TestPage.Outcome during = TestPage.Outcome.of(Js.call(caller, "command", "WebChatService.startChat",
                Js.obj("nickname", "Bo")));
        loop.runDue();
        assertEquals("pending", during.state);
        reply(restore, answer("C1", false, message(1, "ParticipantJoined", "")));
        loop.runDue();
        assertEquals(Texts.ALREADY_ACTIVE, during.text());
        // then the chat that was there is back, and no other was requested
        assertTrue(service.isActive());
        assertEquals(0, http.all(URL + "/").size());
        assertEquals("C1", cookies.get(STATE + "session"));
    }

    @Test
    void restoreDuringAStartIsRefusedAndTheStartCompletes() { // (c)
        open();
        TestPage.Outcome start = page.command("startChat", Js.obj("nickname", "Ada"));
        HeldHttp.Sent request = only(URL + "/");
        // when a restore comes while the start is in flight
        TestPage.Outcome restore = page.command("restore", null);
        // then it is refused, and sends nothing
        assertEquals("rejected", restore.state);
        assertEquals(Texts.RESTORE_WHILE_ACTIVE, restore.text());
        assertEquals(1, http.sent.size());
        // and the start completes
        reply(request, answer("C1", false, ""));
        assertEquals("resolved", start.state);
        assertTrue(events().contains("started"));
        assertTrue(page.service.isActive());
        assertEquals("C1", cookies.get(STATE + "session"));
    }

    @Test
    void aSecondEndChatIsRefusedOneDisconnectGoesOutAndEndedOnce() { // (d)
        open();
        chat("C1");
        TestPage.Outcome first = page.command("endChat", null);
        TestPage.Outcome second = page.command("endChat", null);
        assertEquals("rejected", second.state);
        assertEquals(TransportTexts.NO_ACTIVE_SESSION, second.text());
        reply(only("/C1/disconnect"), "{\"statusCode\":0}");
        loop.advance(10_000);
        assertEquals("resolved", first.state);
        assertEquals(1, http.all("/disconnect").size());
        assertEquals(1, events().stream().filter(e -> e.equals("ended")).count());
        TestPage.Outcome third = page.command("endChat", null);
        assertEquals(TransportTexts.NO_ACTIVE_SESSION, third.text());
        assertEquals(1, http.all("/disconnect").size());
    }

    @Test
    void aReloadBeforeTheStartAnswersLeavesNoChatAndTheStartLockExpires() { // (e) the answer never reached the page
        open();
        page.command("startChat", Js.obj("nickname", "Ada"));
        only(URL + "/");
        loop.advance(700); // the lock was refreshed at 500
        assertTrue(cookies.get(STATE + "chatStartLock") != null);
        // when the page goes away before the answer and loads again 100 ms later
        reload(100);
        // then there is no chat to restore, and no half state
        assertEquals(List.of(), http.sent, "no restore");
        assertFalse(page.service.isActive());
        assertNull(cookies.get(STATE + "session"));
        assertEquals("{\"sessionActive\":false}", Js.json(page.command("verifySession", null).value));
        // and the dead page's start lock holds a new start back only until it is 2 s old
        TestPage.Outcome tooSoon = page.command("startChat", Js.obj("nickname", "Ada"));
        assertEquals("{\"statusCode\":1}", Js.json(tooSoon.value));
        assertEquals(List.of(), http.sent);
        loop.advance(2_000);
        TestPage.Outcome later = page.command("startChat", Js.obj("nickname", "Ada"));
        reply(only(URL + "/"), answer("C2", false, ""));
        assertEquals("resolved", later.state);
        assertNull(cookies.get(STATE + "chatStartLock"), "released at the answer");
    }

    @Test
    void aReloadJustAfterTheStartAnsweredRestoresThatChat() { // (e) the answer reached the page
        open();
        TestPage.Outcome start = page.command("startChat", Js.obj("nickname", "Ada"));
        reply(only(URL + "/"), answer("C1", false, ""));
        assertEquals("resolved", start.state);
        assertNull(cookies.get(STATE + "chatStartLock"));
        // when the page goes away before its first poll
        reload(100);
        // then the next page restores the started chat
        HeldHttp.Sent restore = only("/C1/refresh");
        assertTrue(restore.request.body.contains("transcriptPosition=1"), restore.request.body);
        reply(restore, answer("C1", false, message(1, "ParticipantJoined", "")));
        assertTrue(page.service.isActive());
        assertTrue(events().contains("restored"));
        assertEquals("C1", sessionId());
    }
}
