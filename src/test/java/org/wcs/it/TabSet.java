package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.WindowType;

/**
 * Tabs of one site in one Chromium profile, for a test of the tab sharing: each is a {@code /test/tabs-chat.html}
 * page (the field configuration and recorder, and a record of every request the page makes to a back end). The
 * window the browser started with stays open on the site, with no script, so that closing every tab never ends the
 * browser; {@link #close()} closes the tabs a test opened, and a new set starts with no cookie and no storage left.
 */
final class TabSet implements AutoCloseable {
    final Chromium browser;
    private final String origin;
    private final String home;
    private final List<String> open = new ArrayList<>();

    /** For pages of {@code origin} (e.g. {@code http://127.0.0.1:8080}). */
    TabSet(Chromium browser, String origin) {
        this.browser = browser;
        this.origin = origin;
        this.home = browser.driver.getWindowHandles().iterator().next();
        browser.driver.switchTo().window(home);
        browser.driver.get(origin + "/favicon.ico");
        browser.driver.manage().deleteAllCookies();
        browser.js("localStorage.clear(); sessionStorage.clear();");
    }

    /** Opens a new tab on the chat page with {@code query} (e.g. {@code backend=gms}); returns it once ready. */
    String open(String query) {
        return open("/test/tabs-chat.html?" + query, "window.seen && window.seen.indexOf('ready') >= 0");
    }

    /** Opens a new tab on {@code path} of the site; returns it once the JS {@code ready} condition holds. */
    String open(String path, String ready) {
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String tab = browser.driver.getWindowHandle();
        open.add(tab);
        browser.driver.get(origin + path);
        browser.waitFor(ready);
        return tab;
    }

    /** Brings {@code tab} to the front: what follows runs there. */
    TabSet in(String tab) {
        browser.driver.switchTo().window(tab);
        return this;
    }

    /** Runs {@code asyncBody} (which may {@code await}) in {@code tab}; returns what it returns. */
    Object run(String tab, String asyncBody) {
        in(tab);
        return browser.async("var done = arguments[0]; (async function () { " + asyncBody
                + " })().then(function (r) { done(r); }, function (e) { done('error: ' + e); });");
    }

    Object js(String tab, String script, Object... args) {
        in(tab);
        return browser.js(script, args);
    }

    /** Waits until the JS {@code condition} holds in {@code tab}. */
    void waitFor(String tab, String condition) {
        in(tab);
        browser.waitFor(condition);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String tab, String expression) {
        return (List<String>) js(tab, "return " + expression + ";");
    }

    /** Every item that tab's page was given, as "type role text", in order. */
    List<String> items(String tab) {
        return list(tab, "window.items");
    }

    /** What the page's service keeps ({@code getTranscript}), as "type role text". */
    List<String> transcript(String tab) {
        @SuppressWarnings("unchecked")
        List<String> out = (List<String>) run(tab, "var r = await cmd('getTranscript');"
                + " return r.value.messages.map(function (m) { return m.type + ' ' + (m.from && m.from.type) + ' '"
                + " + (m.text === undefined ? '' : m.text); });");
        return out;
    }

    /** The requests to a back end {@code tab} made at or after {@code since} (ms since the epoch), as "kind url". */
    List<String> requests(String tab, long since) {
        return list(tab, "window.requests.filter(function (r) { return r.at >= " + since + "; })"
                + ".map(function (r) { return r.kind + ' ' + r.url; })");
    }

    /** When {@code tab} first talked to a back end at or after {@code since}, or -1. */
    long firstRequest(String tab, long since) {
        Object at = js(tab, "var r = window.requests.filter(function (r) { return r.at >= " + since + "; });"
                + " return r.length ? r[0].at : -1;");
        return ((Number) at).longValue();
    }

    /** The Performance API's count of the requests {@code tab} made by script (XHR, fetch, beacon). */
    long scriptedFetches(String tab) {
        return ((Number) js(tab, "return performance.getEntriesByType('resource').filter(function (e) {"
                + " return ['xmlhttprequest', 'fetch', 'beacon'].indexOf(e.initiatorType) >= 0; }).length;"))
                .longValue();
    }

    /** Closes {@code tab} as a person does; returns the time (ms since the epoch) just before. */
    long close(String tab) {
        in(tab);
        long at = System.currentTimeMillis();
        browser.driver.close();
        open.remove(tab);
        browser.driver.switchTo().window(open.isEmpty() ? home : open.get(0));
        return at;
    }

    /** Crashes {@code tab}'s renderer (no pagehide, nothing more runs there); returns the time just before. */
    long crash(String tab) {
        in(tab);
        long at = System.currentTimeMillis();
        try {
            browser.driver.executeCdpCommand("Page.crash", Map.of());
        } catch (RuntimeException expected) {
            // the tab is gone before it could answer
        }
        return at;
    }

    /**
     * The Performance API's count of the requests {@code tab} made by script (XHR, fetch, beacon) that began at or
     * after {@code since} (ms since the epoch).
     */
    long scriptedFetches(String tab, long since) {
        return ((Number) js(tab, "return performance.getEntriesByType('resource').filter(function (e) {"
                + " return ['xmlhttprequest', 'fetch', 'beacon'].indexOf(e.initiatorType) >= 0"
                + " && performance.timeOrigin + e.startTime >= " + since + "; }).length;")).longValue();
    }

    /**
     * Blocks {@code tab}'s main thread for {@code ms} with a long task (a busy loop) that starts right after this
     * returns: none of its timers, channel messages or request callbacks runs meanwhile; they run after it, as on a
     * page that resumes. Returns the time just before. (A CDP freeze, {@code Page.setWebLifecycleState} "frozen", is
     * what Chrome does to background tabs, but in this Chromium (156, headless) it held the page's timers back and
     * still delivered its channel messages: the frozen holder answered the other tab's pings and kept its lease.)
     */
    long block(String tab, long ms) {
        long at = System.currentTimeMillis();
        js(tab, "setTimeout(function () { var end = Date.now() + " + ms + "; while (Date.now() < end) {} }, 0);");
        return at;
    }

    /** The tabs still open, oldest first. */
    List<String> tabs() {
        return List.copyOf(open);
    }

    /**
     * Waits up to {@code ms} until {@code actual} equals {@code expected} (both read again each time), then asserts
     * it, so that a failure shows the difference.
     */
    static <T> void eventually(long ms, Supplier<T> expected, Supplier<T> actual, String what)
            throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (!expected.get().equals(actual.get()) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertEquals(expected.get(), actual.get(), what);
    }

    @Override
    public void close() {
        for (String tab : List.copyOf(open)) {
            try {
                browser.driver.switchTo().window(tab);
                browser.driver.close();
            } catch (RuntimeException ignored) {
                // a crashed or closed tab
            }
        }
        open.clear();
        browser.driver.switchTo().window(home);
    }
}
