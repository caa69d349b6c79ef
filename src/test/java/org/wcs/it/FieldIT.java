package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Cookie;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Sandbox;

/**
 * The plugin in the field (issue 12): the sandbox served under real-looking host names (Chromium resolves every name
 * to 127.0.0.1), a whole chat and a reload-restore on every back end under hosts below ICANN and private public
 * suffixes, a registrable domain with a multi-label suffix, a plain .com, localhost and an IP; a cross-site iframe
 * and a sandboxed iframe where no cookie can be stored; a strict CSP with Trusted Types; page code that throws.
 * The README's testing section lists the hosts and settings.
 */
class FieldIT {
    static final String SITE = "www.example.com";
    static final String OTHER_SITE = "chat.other-site.org";
    private static Sandbox sandbox;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, Path.of("."), Chromium.testPages());
        for (String host : new String[] {"www.example.gouv.fr", "shop.example.myshopify.com", "www.example.co.uk",
            SITE, OTHER_SITE}) {
            sandbox.allowHost(host);
        }
        sandbox.allowOrigin("null"); // the sandboxed iframe's opaque origin
        browser = new Chromium("--host-resolver-rules=MAP * 127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        sandbox.close();
    }

    private static String url(String host, String path) {
        return "http://" + host + ":" + sandbox.port() + path;
    }

    /** Opens {@code path} on {@code host} with no cookie left from an earlier test. */
    private static void open(String host, String path) {
        browser.driver.get(url(host, "/favicon.ico"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url(host, path));
        browser.waitFor("window.seen && window.seen.indexOf('ready') >= 0");
    }

    private static Object run(String asyncBody) {
        return browser.async("var done = arguments[0]; (async function () { " + asyncBody
                + " })().then(function (r) { done(r); }, function (e) { done('error: ' + e); });");
    }

    private static AgentDesk desk(String backend) {
        String name = backend.equals("v3") ? "nexus" : backend;
        return sandbox.desks().stream().filter(d -> d.backend().equals(name)).findFirst().orElseThrow();
    }

    /** Starts a chat from the page; returns its id on the back end's desk once the desk has it. */
    private static String startChat(AgentDesk desk) throws InterruptedException {
        int before = desk.chats().size();
        Object ok = run("var r = await cmd('startChat', { firstname: 'Ada', lastname: 'Lovelace', nickname: 'Ada' });"
                + " return r.ok;");
        assertEquals(Boolean.TRUE, ok);
        String chatId = desk.newChatAfter(before);
        assertTrue(chatId != null, "the desk has the chat");
        return chatId;
    }

    /** Starts a chat, has the agent join and say {@code greeting}; returns the chat's id once the page shows it. */
    private static String chatWithAnAgent(AgentDesk desk, String greeting) throws InterruptedException {
        String chatId = startChat(desk);
        desk.join(chatId, "Grace");
        agentSays(desk, chatId, greeting);
        return chatId;
    }

    /** Reloads the page, waits for the chat's restore, and has the agent say {@code text}, shown on the page. */
    private static void reloadAndHear(AgentDesk desk, String chatId, String text) {
        browser.driver.navigate().refresh();
        browser.waitFor("window.seen.indexOf('restored') >= 0");
        agentSays(desk, chatId, text);
    }

    private static void agentSays(AgentDesk desk, String chatId, String text) {
        desk.say(chatId, text);
        browser.waitFor("window.texts.indexOf(" + quote(text) + ") >= 0");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(String expression) {
        return (List<String>) browser.js("return " + expression + ";");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "www.example.gouv.fr, gms, .example.gouv.fr",
        "www.example.gouv.fr, cometd, .example.gouv.fr",
        "www.example.gouv.fr, purecloud, .example.gouv.fr",
        "www.example.gouv.fr, v3, .example.gouv.fr",
        "shop.example.myshopify.com, gms, .example.myshopify.com",
        "shop.example.myshopify.com, cometd, .example.myshopify.com",
        "shop.example.myshopify.com, purecloud, .example.myshopify.com",
        "shop.example.myshopify.com, v3, .example.myshopify.com",
        "www.example.co.uk, gms, .example.co.uk",
        "www.example.co.uk, v3, .example.co.uk",
        "www.example.com, gms, .example.com",
        "www.example.com, purecloud, .example.com",
        "localhost, cometd, localhost",
        "localhost, v3, localhost",
        "127.0.0.1, gms, 127.0.0.1",
        "127.0.0.1, purecloud, 127.0.0.1"})
    void aWholeChatAndAReloadOnAnyHost(String host, String backend, String cookieDomain) throws Exception {
        // given the field page on that host
        open(host, "/test/field-chat.html?backend=" + backend);
        AgentDesk desk = desk(backend);
        // when a chat starts and the agent talks
        String chatId = chatWithAnAgent(desk, "Hello on " + host);
        // then every chat-state cookie is on the widest domain the browser keeps
        Set<String> domains = browser.driver.manage().getCookies().stream()
                .filter(c -> c.getName().contains("_genesys.widgets.webchat.state")).map(Cookie::getDomain)
                .collect(Collectors.toSet());
        assertEquals(Set.of(cookieDomain), domains);
        // and after a reload the chat goes on
        reloadAndHear(desk, chatId, "Still here after the reload");
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
        browser.waitFor("window.seen.indexOf('ended') >= 0");
        assertEquals(List.of(), list("window.uncaught"));
        assertEquals(List.of(), list("window.errors"));
    }

    /** In a frame, the field page: same recorder, its own window. */
    private static void openFrame(String src, String sandboxFlags) {
        browser.driver.get(url(SITE, "/favicon.ico"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url(SITE, "/test/field-frame.html?src=" + java.net.URLEncoder.encode(src,
                java.nio.charset.StandardCharsets.UTF_8) + (sandboxFlags == null ? "" : "&sandbox=" + sandboxFlags)));
        browser.driver.switchTo().frame(0);
        browser.waitFor("window.seen && window.seen.indexOf('ready') >= 0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cross-site iframe", "sandboxed iframe"})
    void whereNoCookieCanBeStoredTheChatRunsForThePageAndSaysWhyOnce(String embedding) throws Exception {
        // given the chat in a frame of another site (SameSite cookies refused there) or a sandboxed frame (opaque
        // origin: document.cookie and localStorage throw)
        boolean sandboxed = embedding.startsWith("sandboxed");
        openFrame(url(OTHER_SITE, "/test/field-chat.html?backend=gms"), sandboxed ? "allow-scripts" : null);
        try {
            AgentDesk desk = desk("gms");
            // when a chat runs
            String chatId = chatWithAnAgent(desk, "One");
            agentSays(desk, chatId, "Two");
            // then it works for the life of the page and one error event said why
            assertEquals(List.of("CookiesUnavailable"), list("window.errors"));
            assertEquals(List.of(), list("window.uncaught"));
            // when the frame reloads, there is nothing to restore, as documented
            browser.js("location.reload();");
            browser.waitFor("window.seen && window.seen.indexOf('ready') >= 0");
            assertEquals("No chat session found to restore.", run("var r = await cmd('restore'); return r.value;"));
            assertFalse(list("window.seen").contains("restored"));
            desk.end(chatId);
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "cometd", "purecloud", "v3"})
    void underAStrictCspAndTrustedTypesNothingOfOursIsRefused(String backend) throws Exception {
        // given a page with script-src 'self', connect-src 'self' and Trusted Types enforced (field-strict.html.headers)
        open(SITE, "/test/field-strict.html?backend=" + backend);
        AgentDesk desk = desk(backend);
        // when a whole chat runs, with a reload
        String chatId = chatWithAnAgent(desk, "Hello under CSP");
        reloadAndHear(desk, chatId, "Restored under CSP");
        // and the bus loads a plugin file (a script URL: a Trusted Types sink), which does not exist
        Object load = run("return await new Promise(function (resolve) {"
                + " window._genesys.widgets.bus.registerPlugin('Loader').command('NoSuchPlugin.open')"
                + ".done(function () { resolve('resolved'); }).fail(function (e) { resolve('rejected ' + e); }); });");
        assertTrue(String.valueOf(load).startsWith("rejected"), String.valueOf(load));
        // then the page's policy refused nothing of ours, and nothing was thrown at the page
        assertEquals(List.of(), list("window.violations"));
        assertEquals(List.of(), list("window.uncaught"));
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
    }

    @Test
    void pageCodeThatThrowsIsSeenByWindowOnErrorAndTheChatGoesOn() throws Exception {
        // given a page whose subscriber and done callback throw
        open(SITE, "/test/field-chat.html?backend=gms");
        // (from a script file of the page's origin: errors of code a test injects through the driver are muted)
        run("await new Promise(function (loaded) { var s = document.createElement('script');"
                + " s.src = 'field-buggy.js'; s.onload = loaded; document.head.appendChild(s); }); return true;");
        AgentDesk desk = desk("gms");
        // when a chat runs
        String chatId = chatWithAnAgent(desk, "Hello despite the bugs");
        agentSays(desk, chatId, "And again");
        // then window.onerror saw the page's own errors, with their own texts, and the chat went on
        List<String> uncaught = list("window.uncaught");
        assertTrue(uncaught.contains("done bug"), uncaught.toString());
        assertTrue(uncaught.contains("subscriber bug"), uncaught.toString());
        assertTrue(uncaught.stream().allMatch(u -> u.equals("done bug") || u.equals("subscriber bug")), uncaught
                .toString());
        assertEquals(List.of(), list("window.errors"));
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
    }

    /** "I" once the Genesys Cloud emulator received a typing notice for the chat, else "". */
    private static String typingPosts(String chatId) {
        return sandbox.emulator(org.wcs.sandbox.purecloud.PureCloudEmulator.class).server.received().stream()
                .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/typing") && r.path().contains(chatId))
                ? "I" : "";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "cometd", "purecloud", "v3"})
    void typingInTheRegisteredInputReachesTheAgentWithoutSendTyping(String backend) throws Exception {
        // given a chat and a textarea registered as the typing-preview input (issue 13 item 5)
        open(SITE, "/test/field-chat.html?backend=" + backend);
        AgentDesk desk = desk(backend);
        String chatId = chatWithAnAgent(desk, "What can I do for you?");
        assertEquals(Boolean.TRUE, run("var t = document.createElement('textarea'); t.id = 'draft';"
                + " document.body.appendChild(t);"
                + " var r = await cmd('registerTypingPreviewInput', { input: t }); return r.ok;"));
        // when the customer types in it, and the page never calls sendTyping
        browser.driver.findElement(org.openqa.selenium.By.id("draft")).sendKeys("I need help");
        // then the agent sees the customer typing, with the text where the back end carries it (Genesys Cloud's
        // typing notice has none: there the request itself is what the agent sees)
        long deadline = System.currentTimeMillis() + 10_000;
        String seen = "";
        while (System.currentTimeMillis() < deadline) {
            seen = backend.equals("purecloud") ? typingPosts(chatId) : desk.chats().stream()
                    .filter(c -> c.id().equals(chatId)).findFirst().orElseThrow().customerTyping();
            if (seen != null && seen.startsWith("I")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(seen != null && seen.startsWith("I"), "the desk saw: " + seen);
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
    }

    @ParameterizedTest(name = "{0} from plugins/{1}")
    @CsvSource({"gms, gms", "gms, gms-rest", "cometd, gms", "purecloud, purecloud-v2-sockets",
            "v3, pureengage-v3-rest", "pureconnect, pureconnect"})
    void eachBackEndsOwnBuildsRunAChat(String backend, String folder) throws Exception {
        AgentDesk desk = desk(backend);
        // given the back end's standalone build (with our bus) on a page without Genesys Widgets
        open(SITE, "/test/field-chat.html?backend=" + backend + "&build=" + folder);
        assertEquals(1L, browser.js("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/plugins/" + folder + "/webchatservice.standalone.min.js')"
                + " >= 0; }).length;"));
        // then a whole chat with a reload runs on it
        String chatId = chatWithAnAgent(desk, "Hello from the standalone build");
        reloadAndHear(desk, chatId, "Restored on the standalone build");
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
        // given the build for Genesys pages (no bus), lazily loaded by a page's CXBus from pluginsPath
        open(SITE, "/test/field-hosted.html?backend=" + backend + "&plugins=/plugins/" + folder + "/");
        assertEquals(Boolean.TRUE, browser.js("return !window._genesys.widgets.bus;"), "it brought no bus");
        // then a chat runs on it too
        chatId = chatWithAnAgent(desk, "Hello from the Genesys-page build");
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
        assertEquals(List.of(), list("window.uncaught"));
        assertEquals(List.of(), list("window.errors"));
    }

    @ParameterizedTest(name = "{0} from plugins/{1}/lite")
    @CsvSource({"gms, gms", "gms, gms-rest", "cometd, gms", "purecloud, purecloud-v2-sockets",
            "v3, pureengage-v3-rest", "pureconnect, pureconnect"})
    void eachBackEndsLiteBuildRunsAChatThroughAReload(String backend, String folder) throws Exception {
        AgentDesk desk = desk(backend);
        // given the lite build (no bus, no tab layer), lazily loaded by a page's CXBus from pluginsPath
        open(SITE, "/test/field-hosted.html?backend=" + backend + "&plugins=/plugins/" + folder + "/lite/");
        assertEquals(1L, browser.js("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.name.indexOf('/plugins/" + folder + "/lite/webchatservice.min.js') >= 0; }).length;"));
        // then a whole chat with a reload runs on it
        String chatId = chatWithAnAgent(desk, "Hello from the lite build");
        reloadAndHear(desk, chatId, "Restored on the lite build");
        assertEquals(Boolean.TRUE, run("var r = await cmd('endChat'); return r.ok;"));
        assertEquals(List.of(), list("window.uncaught"));
        assertEquals(List.of(), list("window.errors"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gms", "gms-rest", "purecloud-v2-sockets", "pureengage-v3-rest", "pureconnect"})
    void aBuildForGenesysPagesOnAPageWithoutABusSaysSoAndStaysOut(String folder) {
        browser.driver.get(url(SITE, "/test/field-no-bus.html?build=" + folder));
        browser.waitFor("document.readyState === 'complete'");
        assertEquals(List.of(org.wcs.service.Texts.NO_PAGE_BUS), list("window.logged"));
        assertEquals(List.of(), list("window.uncaught"));
        assertEquals(Boolean.TRUE, browser.js("return window.CXBus === undefined && !window._genesys.widgets.bus;"));
    }
}
