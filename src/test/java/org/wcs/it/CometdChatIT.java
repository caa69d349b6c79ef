package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.gms.CometFault;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.sandbox.gms.GmsChat;

/**
 * GMS over CometD end to end: the built plugin in Chromium against the CometD emulator, through a connection drop, a
 * server-side disconnect and a reload.
 */
class CometdChatIT extends InBrowser {
    private static CometdEmulator comet;

    @BeforeAll
    static void emulator() {
        comet = sandbox.emulator(CometdEmulator.class);
        comet.holdMs = 5_000;
    }

    @SuppressWarnings("unchecked")
    private List<String> lines() {
        return (List<String>) browser.js("return window.lines;");
    }

    private long count(String event) {
        return ((Number) browser.js("return window.seen.filter(function (s) { return s === '" + event
                + "'; }).length;")).longValue();
    }

    @Test
    void aWholeChatThroughADropAServerDisconnectAndAReload() throws Exception {
        // given
        open("/test/cometd-chat.html");
        // when the customer starts
        Object started = run("var r = await cmd('startChat', { firstname: 'Ada', lastname: 'Lovelace' });"
                + "return r.ok && r.value.statusCode === 0;");
        assertEquals(Boolean.TRUE, started);
        GmsChat chat = comet.awaitChat(5000);
        browser.waitFor("window.lines.length >= 1");
        // and the agent joins and talks
        comet.agent(chat).joins("Grace").typing(true);
        browser.waitFor("window.seen.indexOf('agentTypingStarted') >= 0");
        comet.agent(chat).says("Hello Ada");
        browser.waitFor("window.lines.length >= 4");
        // and the customer answers
        Object sent = run("var r = await cmd('sendMessage', { message: 'Hi Grace <b>!</b>' });"
                + "return r.ok && r.value.statusCode === 0;");
        assertEquals(Boolean.TRUE, sent);
        browser.waitFor("window.lines.length >= 5");
        assertEquals(chat.lines(), lines());
        assertEquals(0L, count("pollingStarted"));

        // when the connection drops twice while the agent talks
        comet.inject(CometFault.dropConnects(2));
        comet.agent(chat).says("during the drop");
        browser.waitFor("window.seen.indexOf('reconnected') >= 0");
        browser.waitFor("window.lines.length >= " + chat.size());
        // then nothing is lost or shown twice
        assertTrue(count("disconnected") >= 1);
        assertEquals(chat.lines(), lines());
        // and the console only has the browser's own note of each cut connection
        List<String> console = browser.severeConsoleLines();
        assertEquals(2, console.size(), console.toString());
        assertTrue(console.stream().allMatch(l -> l.contains("/genesys/cometd/connect")
                && l.contains("ERR_CONTENT_LENGTH_MISMATCH")), console.toString());

        // when the server ends the Bayeux session
        comet.dropSessions();
        comet.agent(chat).says("after the server dropped you");
        // then it is one more outage, announced as disconnected and ended by reconnected
        browser.waitFor("window.seen.filter(function (e) { return e === 'reconnected'; }).length >= 2");
        assertEquals(2L, count("disconnected"));
        browser.waitFor("window.lines.length >= " + chat.size());
        assertEquals(chat.lines(), lines());

        // when the page reloads mid-chat
        browser.driver.navigate().refresh();
        browser.waitFor("window.seen.indexOf('restored') >= 0 && window.lines.length >= " + chat.size());
        // then the chat is restored with its transcript and goes on
        assertTrue(lines().stream().allMatch(l -> l.endsWith("(restoring)")), lines().toString());
        comet.agent(chat).says("Still here");
        browser.waitFor("window.lines.length >= " + chat.size());
        assertEquals(chat.size() + " Message Agent Still here", lines().get(lines().size() - 1));

        // when the customer ends
        Object ended = run("var r = await cmd('endChat'); return r.ok;");
        assertEquals(Boolean.TRUE, ended);
        browser.waitFor("window.seen.indexOf('ended') >= 0");
        assertTrue(chat.ended());
        assertEquals(List.of(), browser.severeConsoleLines());
    }
}
