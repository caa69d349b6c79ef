package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;

/** Issue 4 end to end: the built plugin in Chromium against the GMS emulator, including reloads. */
class GmsChatIT extends InBrowser {
    private static GmsEmulator gms;

    @BeforeAll
    static void emulator() {
        gms = sandbox.emulator(GmsEmulator.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> lines() {
        return (List<String>) browser.js("return window.lines;");
    }

    @Test
    void aWholeChatWithFilesTypingAndAReload() throws Exception {
        // given
        open("/test/gms-chat.html");
        // when the customer starts
        Object started = run("var r = await cmd('startChat', { firstname: 'Ada', lastname: 'Lovelace' });"
                + "return r.ok && r.value.statusCode === 0;");
        assertEquals(Boolean.TRUE, started);
        GmsChat chat = gms.awaitChat(5000);
        browser.waitFor("window.lines.length >= 1");
        // and the agent joins, types and talks
        gms.agent(chat).joins("Grace").typing(true);
        browser.waitFor("window.seen.indexOf('agentTypingStarted') >= 0");
        gms.agent(chat).says("Hello Ada");
        browser.waitFor("window.seen.indexOf('agentTypingStopped') >= 0 && window.lines.length >= 4");
        // and the customer types, answers and sends a file
        run("await cmd('registerTypingPreviewInput', { input: Object.assign(document.createElement('textarea'),"
                + " { value: 'Hi Gr' }) }); await cmd('sendTyping'); return true;");
        long deadline = System.currentTimeMillis() + 5000;
        while (gms.received("startTyping").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("Hi Gr", gms.received("startTyping").get(0).field("message"));
        Object sent = run("var r = await cmd('sendMessage', { message: 'Hi Grace <script>x</script>', type: 'text' });"
                + "var f = new File(['file body'], 'note.txt', { type: 'text/plain' });"
                + "var u = await cmd('sendFile', { files: { files: [f] } });"
                + "return r.ok + ' ' + u.ok;");
        assertEquals("true true", sent);
        browser.waitFor("window.lines.length >= 6");
        assertTrue(lines().get(5).startsWith("6 FileUploaded Client "), lines().get(5));
        String fileId = chat.lines().get(5).split(" ")[3];
        run("await cmd('downloadFile', { fileId: '" + fileId + "', fileName: 'note.txt' }); return true;");
        deadline = System.currentTimeMillis() + 5000;
        while (gms.received("file/download").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, gms.received("file/download").size(), "the download form reached the server");
        // then the page shows the emulator's transcript, text as text
        assertEquals(chat.lines(), lines());
        assertTrue(lines().contains("5 Message Client Hi Grace <script>x</script>"));

        // when the page reloads mid-chat
        browser.driver.navigate().refresh();
        browser.waitFor("window.seen.indexOf('pollingStarted') >= 0");
        // then the chat is restored with its transcript and goes on
        assertEquals("restored", browser.js("return window.seen.filter(function (s) {"
                + " return s === 'restored' || s === 'started'; }).join(',');"));
        assertTrue(lines().stream().allMatch(l -> l.endsWith("(restoring)")), lines().toString());
        gms.agent(chat).says("Still here");
        browser.waitFor("window.lines.length >= " + chat.size());
        assertEquals("7 Message Agent Still here", lines().get(lines().size() - 1));

        // when the customer ends
        Object ended = run("var r = await cmd('endChat'); return r.ok;");
        assertEquals(Boolean.TRUE, ended);
        browser.waitFor("window.seen.indexOf('ended') >= 0");
        assertTrue(chat.ended());
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    @Test
    void aHiddenPageRestsAtPollRateSleepAndPollsAtOnceWhenShown() throws Exception { // issue 18 item 2
        // given a chat polling every 5 s while visible (pollRateSleep 1 s, so that resting is quick to see)
        open("/test/gms-chat.html?hiddenProbe=1");
        run("await cmd('startChat', { nickname: 'Ada' }); return true;");
        GmsChat chat = gms.awaitChat(5000);
        Thread.sleep(1_000);
        long visible = refreshes(chat);
        Thread.sleep(3_000);
        assertTrue(refreshes(chat) - visible <= 1, "visible: " + (refreshes(chat) - visible) + " polls in 3 s");
        // when the page is hidden (document.visibilityState and visibilitychange, as the browser does it)
        run("setHidden(true); return true;");
        Thread.sleep(1_500); // it rests 1 s after
        long hidden = refreshes(chat);
        Thread.sleep(3_000);
        // then it polls at pollRateSleep
        assertTrue(refreshes(chat) - hidden >= 2, "hidden: " + (refreshes(chat) - hidden) + " polls in 3 s");
        // when it is shown again, just after a poll: a poll at once, then every 5 s
        long deadline = System.currentTimeMillis() + 3_000;
        long last = refreshes(chat);
        while (refreshes(chat) == last && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // its answer is in (a poll in flight when the page is shown is the one that counts)
        long before = refreshes(chat);
        run("setHidden(false); return true;");
        Thread.sleep(600);
        assertEquals(before + 1, refreshes(chat), "a poll at once when shown " + browser.js("return window.probeLog;"));
        Thread.sleep(3_000);
        assertEquals(before + 1, refreshes(chat), "then the visible rate " + browser.js("return window.probeLog;"));
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    private static long refreshes(GmsChat chat) {
        return gms.received("refresh").stream().filter(r -> chat.chatId.equals(r.chatId())).count();
    }

    @Test
    void halfAnEmojiInThePreviewOrAMessageNeitherStopsPollingNorFailsTheSend() throws Exception {
        // given a chat whose typing preview ends in a lone high surrogate (encodeURIComponent throws on it)
        open("/test/gms-chat.html");
        run("await cmd('startChat', { nickname: 'Ada' }); return true;");
        GmsChat chat = gms.awaitChat(5000);
        run("await cmd('registerTypingPreviewInput', { input: Object.assign(document.createElement('textarea'),"
                + " { value: 'Hi \\uD83D' }) }); return true;");
        // when the customer sends a message holding a lone low surrogate
        Object sent = run("var r = await cmd('sendMessage', { message: 'ok \\uDE00' }); return r.ok;");
        // then it was sent with U+FFFD, and polls go on carrying the preview with U+FFFD
        assertEquals(Boolean.TRUE, sent);
        assertTrue(chat.lines().stream().anyMatch(l -> l.endsWith(" Message Client ok \uFFFD")),
                chat.lines().toString());
        long deadline = System.currentTimeMillis() + 10_000;
        while (previews(chat) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(previews(chat) >= 2, "polls with the preview: " + previews(chat));
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    /** Refreshes of {@code chat} whose preview text is "Hi " and U+FFFD. */
    private static long previews(GmsChat chat) {
        return gms.received("refresh").stream().filter(r -> chat.chatId.equals(r.chatId())
                && "Hi \uFFFD".equals(r.field("message"))).count();
    }

    @Test
    void everyPropertyOfXhrFieldsIsSetOnEachRequestAndTheShorterTimeoutWins() throws Exception {
        // given xhrFields {withCredentials: true, wcsProbe: 'set', timeout: 2500, responseType: 'json'}, ajaxTimeout 5000
        open("/test/gms-chat.html?xhrFields=1");
        // when a chat starts and polls
        Object started = run("var r = await cmd('startChat', { nickname: 'Ada' }); return r.ok && r.value.statusCode;");
        browser.waitFor("window.seen.indexOf('messageReceived') >= 0");
        // then it works (answers are read whatever the responseType), and each request carried every field
        assertEquals(0L, started);
        assertEquals("0", browser.js("return String(window.xhrs.filter(function (x) { return !(x.withCredentials"
                + " === true && x.probe === 'set' && x.timeout === 2500 && x.responseType === 'json'); }).length);"));
        assertTrue((Long) browser.js("return window.xhrs.length;") >= 2);
        run("await cmd('endChat'); return true;");
    }

    @Test
    void aRestoreAfterRestoreTimeoutIsRefused() throws Exception {
        // given a chat on a page whose restoreTimeout is 1.5 s
        open("/test/gms-chat.html?restoreTimeout=1500");
        run("await cmd('startChat', { nickname: 'Ada' }); return true;");
        browser.waitFor("window.seen.indexOf('messageReceived') >= 0");
        int refreshes = gms.received("refresh").size();

        // when the customer leaves for longer than that and comes back
        browser.driver.get("about:blank");
        Thread.sleep(2000);
        int before = gms.received("refresh").size();
        browser.driver.get(sandbox.url() + "/test/gms-chat.html?restoreTimeout=1500");
        browser.waitFor("window.seen.indexOf('restoreTimeout') >= 0");
        // then nothing was asked of the server and the session cookies are gone
        Thread.sleep(300);
        assertEquals(before, gms.received("refresh").size());
        assertTrue(refreshes > 0);
        assertEquals(Boolean.FALSE, browser.js("return document.cookie.indexOf('state.session=') >= 0;"));
        Object restore = run("var r = await cmd('restore'); return r.value;");
        assertEquals("No chat session found to restore.", restore);
    }
}
