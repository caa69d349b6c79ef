package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.AgentScript;
import org.wcs.sandbox.Sandbox;

/**
 * Issue 7, "bring your own Genesys Widgets UI", checked in CI with a stand-in distribution of our own
 * ({@code src/test/resources/byo}, whose configuration points at production and whose plugin file throws): the
 * sandbox serves our plugin in place of theirs and points the page at the emulator its {@code ?backend=} names,
 * keeping the page's own options. The real Genesys UI is checked by {@code GenesysWidgetsUiIT} when one is given.
 */
class BringYourOwnUiIT extends InBrowser {

    @BeforeAll
    static void serveTheStandIn() {
        sandbox.serveWidgets(Path.of("src/test/resources/byo"), Path.of("."));
        sandbox.startScriptedAgent(AgentScript.parse("wait 100; join Grace; say Hello from the emulator; reply"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gms", "cometd", "purecloud", "nexus"})
    void theirPageChatsWithTheEmulatorOnOurPlugin(String backend) {
        // given their page on this back end
        AgentDesk desk = sandbox.desks().stream().filter(d -> d.backend().equals(backend)).findFirst().orElseThrow();
        int before = desk.chats().size();
        open("/byo/index.html?backend=" + backend);
        // when a chat is started through the bus
        Object outcome = run("window.seen = [];"
                + " CXBus.subscribe('WebChatService.messageReceived', function (e) {"
                + "   e.data.messages.forEach(function (m) { window.seen.push(m.text); }); });"
                + " return await new Promise(function (ok) {"
                + "   CXBus.command('WebChatService.startChat', {form: {firstname: 'Ada', lastname: 'Lovelace'}})"
                + "     .done(function () { ok('started'); }).fail(function (e) { ok('failed ' + JSON.stringify(e)); });"
                + " });");
        // then it reached the emulator with the page's own user data beside the sandbox's, and the agent answers
        assertEquals("started", outcome);
        browser.waitFor("window.seen.indexOf('Hello from the emulator') >= 0");
        browser.js("CXBus.command('WebChatService.sendMessage', {message: 'ping'});");
        browser.waitFor("window.seen.indexOf('You said: ping') >= 0");
        assertEquals(before + 1, desk.chats().size());
        AgentDesk.DeskChat chat = desk.chats().get(desk.chats().size() - 1);
        assertEquals("stand-in", chat.userData().get("site"), chat.userData().toString());
        assertEquals("scripted", chat.userData().get("sandboxAgent"));
        assertTrue(chat.transcript().stream().anyMatch(l -> l.endsWith("ping")), chat.transcript().toString());
        // and their own plugin file never ran; nothing failed in the page
        assertEquals(null, browser.js("return window.standInPluginRan === undefined ? null : true"));
        assertEquals(List.of(), browser.severeConsoleLines());
        run("return await new Promise(function (ok) { CXBus.command('WebChatService.endChat').always(ok); });");
    }

    @Test
    void theDistributionIsAlsoServedWithItsOwnServiceForComparison() throws Exception {
        // given the stand-in served the "bring your own" way
        // then /byo/ has our plugin, /byo-original/ its own (DifferentialIT compares the two), both pages re-pointed
        assertFalse(get("/byo/plugins/webchatservice.min.js").contains("standInPluginRan"));
        assertTrue(get(Sandbox.ORIGINAL_WIDGETS + "plugins/webchatservice.min.js").contains("standInPluginRan"));
        assertTrue(get(Sandbox.ORIGINAL_WIDGETS + "index.html").contains("<script src=\"/demo/config.js\">"));
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path);
        return answer.body();
    }
}
