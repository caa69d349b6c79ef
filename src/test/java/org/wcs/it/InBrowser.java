package org.wcs.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.wcs.sandbox.Sandbox;

/**
 * What every browser test class shares: a sandbox (with the test pages) and one headless Chromium for the class;
 * pages opened with no cookies left from an earlier test; async scripts awaited.
 */
abstract class InBrowser {
    static Sandbox sandbox;
    static Chromium browser;

    @BeforeAll
    static void startSandboxAndBrowser() throws Exception {
        sandbox = Sandbox.start(0, Path.of("."), Chromium.testPages());
        browser = new Chromium();
    }

    @AfterAll
    static void stopSandboxAndBrowser() throws Exception {
        browser.close();
        sandbox.close();
    }

    /** Opens a sandbox page with no cookies left from an earlier test. */
    static void open(String page) {
        browser.driver.get(sandbox.url() + "/favicon.ico");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(sandbox.url() + page);
    }

    /** Runs {@code asyncBody} (which may {@code await}) in the page and returns what it returns. */
    static Object run(String asyncBody) {
        return browser.async("var done = arguments[0]; (async function () { " + asyncBody
                + " })().then(function (r) { done(r); }, function (e) { done('error: ' + e); });");
    }
}
