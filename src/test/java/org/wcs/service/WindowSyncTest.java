package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.value.Value;

/**
 * {@code webchat.syncTabs} (issue 18 item 4): the WebChat window minimised or restored in one tab is minimised or
 * restored in the other tabs of the site, through WebChat's own bus events and command, over the tabs' channel. Each
 * tab has a stand-in WebChat plugin that behaves as the real one does here: its {@code minimize} command sets the
 * state ({@code {minimized: true|false}}, or toggles without it) and publishes {@code minimized} or
 * {@code unminimized} every time, even when nothing changed.
 */
class WindowSyncTest {
    private final JvmTabs browser = new JvmTabs();

    /** One tab: the site's page with our plugin, and its stand-in WebChat. */
    private final class Tab {
        final TestPage page;
        final Value webchat;
        /** The {@code minimize} commands this tab's WebChat was sent, by their {@code minimized} data. */
        final List<String> commands = new ArrayList<>();
        boolean minimized;

        Tab(Value config, boolean open) {
            page = new TestPage(browser.open().platform, config, new Transports());
            webchat = Js.call(page.cxbus, "registerPlugin", "WebChat");
            Js.call(webchat, "registerEvents", Js.arr("minimized", "unminimized"));
            Js.call(webchat, "registerCommand", "minimize", Js.fn(c -> {
                Value wanted = c.get("data").get("minimized");
                commands.add(String.valueOf(wanted.isBoolean() ? wanted.truthy() : "toggle"));
                minimized = wanted.isBoolean() ? wanted.truthy() : !minimized;
                Js.call(webchat, "publish", minimized ? "minimized" : "unminimized", Js.obj());
                Js.call(c.get("deferred"), "resolve");
            }));
            Js.call(webchat, "data", "open", open);
            Js.call(webchat, "ready");
            settle();
        }

        /** The customer clicks the window's minimise (or restore) button: the UI sends itself the command. */
        void click() {
            Js.call(webchat, "command", "minimize", Js.obj());
            settle();
        }
    }

    private void settle() {
        browser.loop.runUntilIdle(60_000);
    }

    private static Value config(Object... more) {
        Value c = Js.obj("dataURL", "http://gms.test/chat");
        for (int i = 0; i < more.length; i += 2) {
            c.set((String) more[i], Js.wrap(more[i + 1]));
        }
        return c;
    }

    @Test
    void minimisingInOneTabMinimisesTheOthersOnceAndRestoringRestoresThem() {
        // given three tabs with the window open
        Tab a = new Tab(config("syncTabs", true), true);
        Tab b = new Tab(config("syncTabs", true), true);
        Tab c = new Tab(config("syncTabs", true), true);
        // when the customer minimises it in the first
        a.click();
        // then the others are minimised, each with one command, and nothing comes back to the first
        assertEquals(List.of("toggle"), a.commands);
        assertEquals(List.of("true"), b.commands);
        assertEquals(List.of("true"), c.commands);
        assertEquals(true, b.minimized && c.minimized);
        // when the customer restores it in the third
        c.click();
        // then
        assertEquals(List.of("toggle", "false"), a.commands);
        assertEquals(List.of("true", "false"), b.commands);
        assertEquals(List.of("true", "toggle"), c.commands);
        assertEquals(false, a.minimized || b.minimized || c.minimized);
    }

    @Test
    void aTabWhoseWindowIsNotOpenIsLeftAlone() {
        Tab a = new Tab(config("syncTabs", true), true);
        Tab closed = new Tab(config("syncTabs", true), false);
        a.click();
        assertEquals(List.of(), closed.commands);
        // it opens later, and the next change reaches it
        Js.call(closed.webchat, "data", "open", true);
        a.click();
        assertEquals(List.of("false"), closed.commands);
    }

    @Test
    void offByDefault() {
        Tab a = new Tab(config(), true);
        Tab b = new Tab(config(), true);
        a.click();
        assertEquals(List.of(), b.commands);
    }

    @Test
    void nothingIsMirroredWhenTabsShareNothing() {
        Tab a = new Tab(config("syncTabs", true, "tabs", false), true);
        Tab b = new Tab(config("syncTabs", true, "tabs", false), true);
        a.click();
        assertEquals(List.of(), b.commands);
    }

    @Test
    void turnedOffByALaterConfigure() {
        Tab a = new Tab(config("syncTabs", true), true);
        Tab b = new Tab(config("syncTabs", true), true);
        b.page.command("configure", config("syncTabs", false));
        settle();
        a.click();
        assertEquals(List.of(), b.commands);
    }
}
