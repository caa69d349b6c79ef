package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.sandbox.AgentDesk;

/**
 * Nothing typed offline is lost, in Chromium (issue 18 item 3): the chat server out of reach (its URLs blocked with
 * CDP {@code Network.setBlockedURLs}: a request fails with status 0) and one message sent, which fails unanswered;
 * then the browser saying it is offline ({@code Network.overrideNetworkState}: {@code navigator.onLine} false, while
 * the page's own server stays reachable so that the page can reload) and two more typed; the page reloaded; then the
 * server reachable and the browser online again: each message reaches the emulator exactly once, in order.
 */
class OfflineIT extends InBrowser {
    private static final Map<String, List<String>> SERVER_URLS = Map.of(
            "gms", List.of("*/genesys/2/chat/*"),
            "cometd", List.of("*/genesys/cometd*"),
            "purecloud", List.of("*/api/v2/webchat/*", "ws://*"),
            "v3", List.of("*/nexus/*"),
            "pureconnect", List.of("*/icws-proxy/*"));

    private static AgentDesk desk(String backend) {
        String name = backend.equals("v3") ? "nexus" : backend;
        return sandbox.desks().stream().filter(d -> d.backend().equals(name)).findFirst().orElseThrow();
    }

    private static AgentDesk.DeskChat chat(AgentDesk desk, String id) {
        return desk.chats().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Of {@code texts}, those the emulator has from the customer, in its order (twice if twice). */
    private static List<String> received(AgentDesk desk, String id, List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String line : chat(desk, id).transcript()) {
            String text = line.startsWith("Message Client ") ? line.substring("Message Client ".length()) : null;
            if (text != null && texts.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static void cdp(String command, Map<String, Object> params) {
        browser.driver.executeCdpCommand(command, params);
    }

    private static void offline(boolean off) {
        cdp("Network.overrideNetworkState", Map.of("offline", off, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1));
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition, long ms)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "cometd", "purecloud", "v3", "pureconnect"})
    void messagesTypedOfflineReachTheServerOnceEachInOrderAfterAReload(String backend) throws Exception {
        // given a chat with an agent
        open("/test/field-chat.html?backend=" + backend);
        browser.waitFor("window.seen && window.seen.indexOf('ready') >= 0");
        AgentDesk desk = desk(backend);
        int before = desk.chats().size();
        assertEquals(Boolean.TRUE, run("var r = await cmd('startChat', { firstname: 'Ada', lastname: 'Lovelace',"
                + " nickname: 'Ada' }); return r.ok;"));
        waitFor("the chat on the desk", () -> desk.chats().size() > before, 10_000);
        String id = desk.chats().get(desk.chats().size() - 1).id();
        desk.join(id, "Grace");
        desk.say(id, "Hello from Grace");
        browser.waitFor("window.texts.indexOf('Hello from Grace') >= 0");
        List<String> texts = List.of("offline one", "offline two", "offline three");
        try {
            // when the chat server gets out of reach: a message sent before the browser knows fails unanswered
            cdp("Network.enable", Map.of());
            cdp("Network.setBlockedURLs", Map.of("urls", SERVER_URLS.get(backend)));
            browser.js("window.sent = []; window.type = function (t) {"
                    + " cmd('sendMessage', { message: t }).then(function (r) { window.sent.push(t + ':' + r.ok); }); };"
                    + "type('" + texts.get(0) + "');");
            Thread.sleep(1500);
            // and the browser goes offline, and two more are typed (every command stays pending)
            offline(true);
            assertEquals(Boolean.FALSE, browser.js("return navigator.onLine;"));
            browser.js("type('" + texts.get(1) + "'); type('" + texts.get(2) + "');");
            Thread.sleep(1500);
            assertEquals(0L, browser.js("return window.sent.length;"));
            // and the page is reloaded, still offline
            browser.driver.navigate().refresh();
            browser.waitFor("window.seen && window.seen.indexOf('ready') >= 0");
            Thread.sleep(2000);
            assertEquals(List.of(), received(desk, id, texts), "sent while offline");
            // when the server is reachable and the browser online again
            cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
            browser.js("window.wentOnline = false; addEventListener('online', function () { window.wentOnline = true; });");
            offline(false);
            browser.waitFor("window.wentOnline === true"); // Chromium fires the page's online event
            // then the chat is restored and each message reaches the emulator once, in order
            browser.waitFor("window.seen.indexOf('restored') >= 0");
            waitFor("the three messages on the desk", () -> received(desk, id, texts).size() >= 3, 20_000);
            Thread.sleep(6000); // an unsure message is looked for in the transcript for 5 s before it is sent again
            assertEquals(texts, received(desk, id, texts), chat(desk, id).transcript().toString());
            browser.waitFor("window.texts.indexOf('offline three') >= 0");
            desk.say(id, "Got all three");
            browser.waitFor("window.texts.indexOf('Got all three') >= 0");
            List<String> severe = browser.severeConsoleLines();
            assertTrue(severe.stream().noneMatch(l -> l.contains("Uncaught")), severe.toString());
        } finally {
            cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
            offline(false);
            run("await cmd('endChat'); return true;");
        }
    }
}
