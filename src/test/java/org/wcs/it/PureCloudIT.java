package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.GuestChatServer;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.sandbox.purecloud.PureCloudEmulator;

/**
 * The built plugin ({@code plugins/webchatservice.min.js}) in Chromium against the sandbox's Genesys Cloud emulator:
 * a whole guest chat with messages and typing both ways, a dropped socket and its recovery, a reload that restores,
 * and the end.
 */
class PureCloudIT extends InBrowser {
    private static GuestChatServer server;

    @BeforeAll
    static void emulator() {
        server = sandbox.emulator(PureCloudEmulator.class).server;
    }

    private static String run(String command, String dataJson) {
        return (String) browser.async("window.run(arguments[0], arguments[1], arguments[2]);", command,
                dataJson == null ? null : browser.js("return " + dataJson + ";"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> transcriptIds() {
        return (List<String>) browser.async("window.transcriptIds(arguments[0]);");
    }

    private static void waitForSeen(String entry) {
        browser.waitFor("window.seen.indexOf(" + quote(entry) + ") >= 0");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void clearSeen() {
        browser.js("window.seen = [];");
    }

    @Test
    void aGuestChatWithADropAReloadAndTheEnd() {
        // start
        browser.driver.get(sandbox.url() + "/test/purecloud-chat.html");
        browser.waitFor("window.seen.indexOf('ready') >= 0");
        assertTrue(run("startChat", "{form: {firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.test'}}")
                .startsWith("resolved "));
        waitForSeen("messageReceived:Client/ParticipantJoined/");
        Conversation c = server.latest();
        assertEquals("Ada Lovelace", c.createBody.path("memberInfo").path("displayName").asText());
        assertEquals("Chrome", c.createBody.path("memberInfo").path("customFields").path("_genesys_browser").asText());
        // the agent joins, types and speaks
        Participant alice = c.agent("Alice");
        alice.joins();
        waitForSeen("agentConnected");
        alice.types();
        waitForSeen("agentTypingStarted:Alice");
        alice.says("Hello Ada, how can I help?");
        waitForSeen("messageReceived:Agent/Message/Hello Ada, how can I help?");
        assertTrue(((List<?>) browser.js("return window.seen;")).contains("agentTypingStopped"));
        // the guest types and speaks
        assertTrue(run("sendTyping", "{}").startsWith("resolved"));
        waitForSeen("clientTypingStarted");
        assertTrue(server.received().stream().anyMatch(r -> r.path().endsWith("/typing")));
        assertTrue(run("sendMessage", "{message: 'My <b>invoice</b>'}").startsWith("resolved"));
        waitForSeen("messageReceived:Client/Message/My <b>invoice</b>");
        assertEquals(c.shownIds(false, false), transcriptIds());
        // the socket drops; what the agent says meanwhile arrives once
        clearSeen();
        server.refuseUpgrades(1);
        server.dropSockets();
        waitForSeen("disconnected");
        alice.says("Are you still there?");
        waitForSeen("reconnected");
        waitForSeen("messageReceived:Agent/Message/Are you still there?");
        assertEquals(c.shownIds(false, false), transcriptIds());
        // a reload restores the chat from the cookies, history included
        browser.driver.navigate().refresh();
        browser.waitFor("window.seen.indexOf('restored') >= 0");
        browser.waitFor("window.seen.some(function (s) { return s.indexOf('messageReceived:') === 0; })");
        assertEquals(c.shownIds(true, false), transcriptIds());
        assertTrue(((List<?>) browser.js("return window.seen;")).contains("agentConnected"),
                "participants are announced again");
        alice.says("Welcome back");
        waitForSeen("messageReceived:Agent/Message/Welcome back");
        assertEquals(c.shownIds(true, false), transcriptIds());
        // the end
        assertEquals("resolved {}", run("endChat", null));
        waitForSeen("ended");
        assertEquals("DISCONNECTED", c.guest().state);
        assertEquals(List.of(), browser.severeConsoleLines().stream()
                .filter(l -> !l.contains("Unexpected response code: 503")).toList(),
                "nothing but the browser's report of the refused reconnect");
    }

    @Test
    void aSpentReconnectBudgetTriesAgainWhenThePageComesBackOnline() {
        // given a chat whose reconnect back-off starts at 20 ms, so its budget of 8 tries is spent in seconds
        browser.driver.get(sandbox.url() + "/test/purecloud-chat.html?reconnect=20");
        browser.waitFor("window.seen.indexOf('ready') >= 0");
        assertTrue(run("startChat", "{form: {firstname: 'Ada', lastname: 'Lovelace'}}").startsWith("resolved "));
        Conversation c = server.latest();
        Participant alice = c.agent("Alice");
        alice.joins();
        waitForSeen("agentConnected");
        // when the socket drops and every reconnect is refused until the budget is spent
        clearSeen();
        server.refuseUpgrades(1000);
        server.dropSockets();
        waitForSeen("disconnected");
        waitForSeen("error");
        alice.says("Back online?");
        // and the network comes back, and the browser says so
        server.refuseUpgrades(0);
        browser.js("window.dispatchEvent(new Event('online'));");
        // then the chat reconnects and catches up what was said meanwhile, once
        waitForSeen("reconnected");
        waitForSeen("messageReceived:Agent/Message/Back online?");
        assertEquals(c.shownIds(false, false), transcriptIds());
        assertEquals("resolved {}", run("endChat", null));
    }
}
