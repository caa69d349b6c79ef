package org.wcs.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by the Debian chromedriver: nothing is downloaded. Flags keep it off the network
 * except loopback. One instance serves a whole test class.
 */
public final class Chromium implements AutoCloseable {
    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;
    private final Path profile;

    public Chromium() throws Exception {
        this(new String[0]);
    }

    /** With extra command-line switches, e.g. {@code --host-resolver-rules=MAP * 127.0.0.1} for real host names. */
    public Chromium(String... extraArguments) throws Exception {
        profile = Files.createTempDirectory("wcs-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** Runs an async script: the last argument is the callback, as Selenium passes it. */
    public Object async(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console lines of level SEVERE since the last call (uncaught errors, failed loads). */
    public List<String> severeConsoleLines() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Waits until {@code condition} (a JS expression) is truthy. */
    public void waitFor(String condition) {
        async("var done = arguments[0], t0 = Date.now();"
                + "(function check(){ try { if (" + condition + ") return done(true); } catch (e) {}"
                + " if (Date.now() - t0 > 15000) return done(false); setTimeout(check, 20); })();");
        Object ok = js("try { return !!(" + condition + "); } catch (e) { return false; }");
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("timed out waiting for: " + condition);
        }
    }

    /** Waits up to {@code timeoutMs} (beyond the script timeout) until {@code condition} is truthy, polling. */
    public void waitFor(String condition, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!Boolean.TRUE.equals(js("try { return !!(" + condition + "); } catch (e) { return false; }"))) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for: " + condition);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (Exception ignored) {
                // a leftover temp profile is harmless
            }
        }
    }

    /** Test pages, and the test bundles built from src/test/java/org/wcs/fake (under /test-pages/plugins/). */
    static Map<String, Path> testPages() {
        return Map.of("/test/", Path.of("src/test/resources/pages"), "/test-pages/", Path.of("target/test-pages"));
    }
}
