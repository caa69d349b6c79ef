package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.nexus.NexusEmulator;
import org.wcs.sandbox.nexus.NexusSession;

/**
 * The built plugin in Chromium, on Multicloud CX v3 in async mode against the sandbox's Nexus emulator (another
 * origin, so every call goes through CORS): a chat the customer leaves, comes back to on a new page load in a new
 * browser session, pages back through, continues and ends.
 */
class NexusAsyncChatIT extends InBrowser {
    private static NexusEmulator nexus;

    @BeforeAll
    static void emulator() {
        nexus = sandbox.emulator(NexusEmulator.class).reset();
    }

    private String page() {
        return "http://localhost:" + sandbox.port() + "/test/nexus-async.html";
    }

    private String cmd(String name, String dataJs) {
        return (String) browser.async("window.cmd('" + name + "', " + dataJs + ", arguments[0]);");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messages() {
        return (List<Map<String, Object>>) browser.js("return window.messages;");
    }

    @Test
    void anAsyncChatLeftAndResumedOnANewPageLoad() {
        // given a customer who starts a chat (and an agent scripted by this test alone)
        nexus.autoReply(null);
        browser.driver.get(page());
        browser.waitFor("window.seen.indexOf('ready') >= 0");
        assertEquals("{\"ok\":true}", cmd("startChat", "{form: {firstname: 'Ada', lastname: 'Lovelace'}}"));
        NexusSession session = nexus.latest();
        NexusSession.Agent grace = session.agent("Grace").joins().says("Hello Ada");
        assertEquals("{\"ok\":true}", cmd("sendMessage", "{message: 'I have a question'}"));
        for (int i = 1; i <= 25; i++) {
            grace.says("answer " + i);
        }
        browser.waitFor("window.messages.some(function (m) { return m.text === 'answer 25'; })");
        assertTrue(browser.js("return window.seen.join(' ');").toString().contains("clientConnected"));
        // when they leave: the browser is closed (session cookies gone), the integrator's store stays
        browser.driver.get("about:blank");
        browser.driver.manage().deleteAllCookies();
        grace.says("are you still there?");
        // and come back later
        browser.driver.get(page());
        browser.waitFor("window.seen.indexOf('restored{\"async\":true}') >= 0");
        browser.waitFor("window.messages.length >= 20");
        // then the latest page is restored
        List<Map<String, Object>> restored = messages();
        assertEquals(20, restored.size());
        assertEquals("are you still there?", restored.get(19).get("text"));
        assertTrue(restored.stream().allMatch(m -> Boolean.TRUE.equals(m.get("restoring"))));
        // when they scroll back through the history until there is no more
        List<String> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String outcome = cmd("fetchHistory", "{}");
            history.add(outcome);
            if (outcome.contains("No more messages to fetch")) {
                break;
            }
        }
        // then every message of the chat was shown exactly once
        assertEquals("{\"ok\":false,\"reason\":\"No more messages to fetch\"}", history.get(history.size() - 1));
        List<Map<String, Object>> all = messages();
        Set<Object> indexes = new HashSet<>();
        for (Map<String, Object> m : all) {
            assertTrue(indexes.add(m.get("index")), "shown twice: " + m);
        }
        assertEquals(session.messages().size(), all.size());
        assertTrue(all.stream().anyMatch(m -> "I have a question".equals(m.get("text")) && "Client".equals(
                m.get("from")) && Boolean.TRUE.equals(m.get("old"))));
        // when the conversation goes on, with a picture from the agent (fetched as bytes, inlined)
        assertEquals("{\"ok\":true}", cmd("sendMessage", "{message: 'Thanks, all clear'}"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, (byte) 0xff, (byte) 0x80, 127};
        grace.image("image/png", png).says("You're welcome");
        browser.waitFor("window.messages.some(function (m) { return m.text === \"You're welcome\"; })");
        assertEquals("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png),
                browser.js("return window.messages.filter(function (m) { return m.url; })[0].url;"));
        // and the customer ends it
        assertEquals("{\"ok\":true}", cmd("endChat", "{}"));
        browser.waitFor("window.seen.indexOf('ended') >= 0");
        // then the server closed it and the integrator's store forgot it
        assertTrue(session.closed());
        assertEquals(null, browser.js("return localStorage.getItem('my-chat');"));
        String calls = browser.js("return window.storeCalls.join(' ');").toString();
        assertTrue(calls.startsWith("set:_genesys.widgets.webchat.state.pureengage-v3-rest.open get:function:strict"),
                calls);
        assertTrue(calls.endsWith("delete:" + session.id), calls);
        assertTrue(session.texts().containsAll(List.of("I have a question", "Thanks, all clear")));
        assertEquals(List.of(), browser.severeConsoleLines());
    }
}
