package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;

/**
 * Issue 15 in Chromium: the Chat Service JS API demo page (built only on {@code _genesys.chatService}) through a
 * whole chat and a reload restored by {@code restoreSession}, a custom {@code stateStorage} on sessionStorage, the
 * Extended API seen on the emulator, the API beside the bus plugin on one page, and the API in hosted mode.
 */
class ChatServiceApiIT extends InBrowser {
    private static GmsEmulator gms;

    @BeforeAll
    static void emulator() {
        gms = sandbox.emulator(GmsEmulator.class);
    }

    private static void waitForText(String text) {
        browser.waitFor("document.getElementById('transcript').textContent.indexOf('" + text + "') >= 0");
    }

    private static void waitForLog(String text) {
        browser.waitFor("document.getElementById('log').textContent.indexOf('" + text + "') >= 0");
    }

    private static void click(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    /** Opens the demo page with {@code query}, starts a chat and returns it as the emulator has it. */
    private static GmsChat startOnDemo(String query) throws Exception {
        open("/jsapi/index.html?agent=console&" + query);
        browser.waitFor("!document.getElementById('start').hidden");
        browser.driver.findElement(By.cssSelector("#start button")).click();
        browser.waitFor("!document.getElementById('session').hidden");
        return query.contains("backend=cometd") ? sandbox.emulator(org.wcs.sandbox.gms.CometdEmulator.class)
                .awaitChat(5000) : gms.awaitChat(5000);
    }

    private static void reload() {
        browser.driver.navigate().refresh();
        browser.waitFor("!document.getElementById('session').hidden");
    }

    private static String cookie(String name) {
        org.openqa.selenium.Cookie c = browser.driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    @Test
    void aWholeChatOnTheDemoPageWithAReloadRestoredByRestoreSession() throws Exception {
        for (String backend : new String[] {"gms", "cometd"}) {
            // given
            GmsChat chat = startOnDemo("backend=" + backend + "&storage=cookie");
            // when the agent joins and talks, and the customer answers
            gms.agent(chat).joins("Grace").says("Hello Ada");
            waitForText("Grace: Hello Ada");
            browser.driver.findElement(By.id("message")).sendKeys("Hi Grace\n");
            waitForText("Ada Lovelace: Hi Grace");
            assertNotNull(cookie("_genesys.chatService.state"), backend);
            // then a reload restores the chat, replayed
            reload();
            waitForText("Grace: Hello Ada");
            waitForText("Ada Lovelace: Hi Grace");
            assertEquals(Boolean.TRUE, browser.js("return document.querySelectorAll('#transcript .restoring').length >= 3;"));
            gms.agent(chat).says("Still here");
            waitForText("Grace: Still here");
            // and leaving ends it
            click("leave");
            waitForText("Chat ended (client)");
            waitForLog("left, serverConfirmed=true");
            assertTrue(chat.ended(), backend);
            assertNull(cookie("_genesys.chatService.state"), backend);
            assertEquals(List.of(), browser.severeConsoleLines(), backend);
        }
    }

    @Test
    void aCustomStateStorageOnSessionStorage() throws Exception {
        GmsChat chat = startOnDemo("backend=gms&storage=session");
        gms.agent(chat).joins("Grace").says("Hello");
        waitForText("Grace: Hello");
        Object stored = browser.js("return JSON.parse(sessionStorage.getItem('chatSessionState')).chatId;");
        assertEquals(chat.chatId, stored);
        assertNull(cookie("_genesys.chatService.state"), "the page's storage replaces the cookie");
        reload();
        waitForText("Grace: Hello");
        click("leave");
        waitForText("Chat ended (client)");
        assertNull(browser.js("return sessionStorage.getItem('chatSessionState');"));
    }

    @Test
    void theExtendedApiRoundTripIsSeenOnTheEmulator() throws Exception {
        GmsChat chat = startOnDemo("backend=gms&storage=cookie");
        click("ud-set");
        waitForLog("setUserData done");
        assertEquals("123456789", chat.userDataValue("CoBrowseSessionId"));
        click("ud-get");
        waitForLog("getUserData {\"CoBrowseSessionId\":\"123456789\"}");
        click("notice");
        waitForLog("notice acknowledged at ");
        assertTrue(chat.lines().stream().anyMatch(l -> l.contains("CustomNotice") && l.contains("cb-ready")),
                chat.lines().toString());
        reload();
        click("ud-get");
        waitForLog("getUserData {\"CoBrowseSessionId\":\"123456789\"}");
        click("ud-delete");
        waitForLog("deleteUserData done");
        assertEquals("", chat.userDataValue("CoBrowseSessionId"));
        click("leave");
        waitForText("Chat ended (client)");
    }

    @Test
    void theApiAndTheBusPluginOnOnePage() throws Exception {
        open("/test/bare.html");
        Object result = run("var url = location.origin + '/genesys/2/chat/customer-support';"
                + "var api = window._genesys.chatService;"
                + "var s = await new Promise(function (ok, ko) { api.startSession({dataURL: url}).done(ok).fail(ko); });"
                + "var refused = await new Promise(function (ok) {"
                + "  CXBus.command('WebChatService.startChat', {nickname: 'Bob'})"
                + "    .done(function () { ok('started'); }).fail(function (e) { ok(e); }); });"
                + "await new Promise(function (ok) { s.leave().done(ok); });"
                + "var r = await CXBus.command('WebChatService.startChat', {nickname: 'Cy'});"
                + "var second = await new Promise(function (ok) { api.startSession({dataURL: url})"
                + "  .done(function () { ok('started'); }).fail(function (e) { ok(e.error.code); }); });"
                + "await CXBus.command('WebChatService.endChat');"
                + "return [refused, typeof r.chatId, second].join(' | ');");
        assertEquals("There is already an active chat session | string | 200", result);
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    @Test
    void theApiIsInstalledInHostedModeToo() {
        browser.driver.get(sandbox.url() + "/test/hosted.html");
        browser.waitFor("window.busReady");
        Object result = browser.async("var done = arguments[0];"
                + "CXBus.registerPlugin('Caller').command('WebChatService.getSessionData').always(function () {"
                + "  var api = window._genesys.chatService;"
                + "  done([typeof api.startSession, typeof api.restoreSession, typeof api.startChat,"
                + "    typeof api.version].join(','));"
                + "});"
                + "setTimeout(function () { publishAppReady(); }, 300);");
        assertEquals("function,function,function,string", result);
        Object start = browser.async("var done = arguments[0];"
                + "window._genesys.chatService.startSession({dataURL: location.origin + '/genesys/2/chat/customer-support'})"
                + "  .done(function (s) { s.leave().always(function () { done('ok ' + typeof s.getSessionId()); }); })"
                + "  .fail(function (e) { done(JSON.stringify(e)); });");
        assertEquals("ok string", start);
    }
}
