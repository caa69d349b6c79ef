package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built plugin in a real Chromium, in both of its modes. */
class BusModesIT extends InBrowser {

    @Test
    void hostedModeLazyLoadsThePluginAndDeliversTheTriggeringCommand() {
        // given a page with a CXBus and an App plugin, and no WebChatService yet
        browser.driver.get(sandbox.url() + "/test/hosted.html");
        browser.waitFor("window.busReady");
        // when the first command to WebChatService is sent, before App.ready
        Object result = browser.async("var done = arguments[0];"
                + "var caller = CXBus.registerPlugin('Caller');"
                + "caller.command('WebChatService.getSessionData').done(function (d) { done(JSON.stringify(d)); })"
                + "  .fail(function (e) { done('rejected: ' + e); });"
                + "setTimeout(function () { window.registeredBeforeAppReady ="
                + "  !!CXBus.registerPlugin && !CXBus.registerPlugin('WebChatService'); publishAppReady(); }, 300);");
        // then the file was fetched from pluginsPath, registered while evaluated, and became ready on App.ready
        assertEquals("{\"sessionID\":\"\",\"userId\":\"\",\"secureKey\":\"\",\"alias\":\"\"}", result);
        assertEquals(Boolean.TRUE, browser.js("return window.registeredBeforeAppReady;"));
        assertEquals(1L, browser.js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return /webchatservice\\.min\\.js$/.test(e.name); }).length;"));
        // and the sticky ready event reaches a late subscriber with {}
        Object ready = browser.async("var done = arguments[0];"
                + "CXBus.registerPlugin('Late').subscribe('WebChatService.ready', function (e) {"
                + "  done(e.publisher + ' ' + e.event + ' ' + JSON.stringify(e.data)); });");
        assertEquals("WebChatService WebChatService.ready {}", ready);
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    @Test
    void standaloneModeInstallsItsOwnBus() {
        // given a bare page with only the plugin
        browser.driver.get(sandbox.url() + "/test/bare.html");
        // when a custom widget registers through the QuickBus and commands the service
        Object result = browser.async("var done = arguments[0];"
                + "var oMyPlugin = window._genesys.widgets.bus.registerPlugin('MyPlugin');"
                + "oMyPlugin.command('WebChatService.getSessionData').done(function (d) {"
                + "  done(JSON.stringify(d)); }).fail(function (e) { done('rejected: ' + e); });");
        // then
        assertEquals("{\"sessionID\":\"\",\"userId\":\"\",\"secureKey\":\"\",\"alias\":\"\"}", result);
        Object shape = browser.js("return [typeof CXBus.registerPlugin, typeof CXBus.command,"
                + " window._genesys.widgets.bus.namespace(), typeof window.main].join(',');");
        assertEquals("function,function,QuickBus,undefined", shape, "no stray global `main`");
        Object commander = browser.async("var done = arguments[0];"
                + "var p = CXBus.registerPlugin('Spy');"
                + "p.registerCommand('who', function (e) { e.deferred.resolve(e.commander); }); p.ready();"
                + "window._genesys.widgets.bus.command('Spy.who').done(done);");
        assertEquals("QuickBus", commander);
        Object awaited = browser.async("var done = arguments[0];"
                + "(async function () { var r = await CXBus.command('WebChatService.getSessionData');"
                + "  done(typeof r.sessionID); })();");
        assertEquals("string", awaited);
        assertTrue(browser.severeConsoleLines().isEmpty());
    }

    @Test
    void badInputNeverThrowsIntoThePage() {
        browser.driver.get(sandbox.url() + "/test/bare.html");
        Object result = browser.async("var done = arguments[0], out = [];"
                + "out.push(CXBus.registerPlugin(5));"
                + "var p = CXBus.registerPlugin('Bad');"
                + "p.registerCommand('boom', function () { throw new Error('boom'); }); p.ready();"
                + "p.subscribe('Bad.e', function () { throw new Error('sub'); });"
                + "p.subscribe('Bad.e', function () { out.push('second subscriber ran'); });"
                + "p.publish('e');"
                + "p.command('Bad.boom').fail(function (e) { out.push('rejected: ' + e);"
                + "  p.command('WebChatService.getSessionData', 'text').fail(function (e2) {"
                + "    out.push(e2); setTimeout(function () { done(out.join(' | ')); }, 50); }); });");
        assertEquals("false | second subscriber ran | rejected: boom | Command was cancelled by a 'before' function.",
                result);
        // and the page's own two errors were thrown back at the page, each once, for its developer to see
        List<String> uncaught = browser.severeConsoleLines();
        assertEquals(2, uncaught.size(), uncaught.toString());
        assertTrue(uncaught.stream().anyMatch(l -> l.contains("Uncaught Error: boom")), uncaught.toString());
        assertTrue(uncaught.stream().anyMatch(l -> l.contains("Uncaught Error: sub")), uncaught.toString());
    }

    static Map<String, Path> pages() {
        return Chromium.testPages();
    }
}
