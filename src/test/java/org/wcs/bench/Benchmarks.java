package org.wcs.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.wcs.it.Chromium;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.sandbox.purecloud.PureCloudEmulator;

/**
 * Benchmarks (not tests): what the built plugin costs in a real Chromium. Run with
 * {@code mvn -q -B -Pbench -DskipTests package}; figures go to the README. {@code -Dbench.only=tabs}: requests per
 * hour of an idle chat in one and three tabs, on the JVM ({@link TabsBench}); {@code -Dbench.only=takeover}: what a
 * take-over of a long chat costs ({@link TakeOverBench}).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if ("tabs".equals(System.getProperty("bench.only"))) {
            TabsBench.main(args); // the JVM alone: no size report, no Chromium
            return;
        }
        if ("takeover".equals(System.getProperty("bench.only"))) {
            TakeOverBench.main(args); // the JVM alone too
            return;
        }
        SizeReport.main(args);
        try (Sandbox sandbox = Sandbox.start(0, Path.of("."), Map.of("/test/", Path.of("src/test/resources/pages")));
                Chromium browser = new Chromium()) {
            if ("restore".equals(System.getProperty("bench.only"))) {
                restores(sandbox, browser);
                return;
            }
            if ("ready".equals(System.getProperty("bench.only"))) {
                // -Dbench.profile=true: where the time to ready goes (page load to ready, profiled)
                scriptSecondsAfterLoading(browser, sandbox.url() + "/test/bench.html", "window.readyAt !== undefined");
                browser.driver.get(sandbox.url() + "/test/bench.html?count");
                browser.waitFor("window.readyAt !== undefined");
                System.out.println("cookies " + browser.js("return window.cookieReads + ' ' + window.cookieWrites;"));
                System.out.println("ready " + browser.js("return [window.evalEnd - window.evalStart,"
                        + " window.parsedAt - window.evalEnd, window.readyAt - window.evalEnd].join(' ');"));
                return;
            }
            List<Double> evals = new ArrayList<>();
            List<Double> toReady = new ArrayList<>();
            List<Double> toParsed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                browser.driver.get(sandbox.url() + "/test/bench.html");
                browser.waitFor("window.readyAt !== undefined");
                evals.add(((Number) browser.js("return window.evalEnd - window.evalStart;")).doubleValue());
                toReady.add(((Number) browser.js("return window.readyAt - window.evalEnd;")).doubleValue());
                toParsed.add(((Number) browser.js("return window.parsedAt - window.evalEnd;")).doubleValue());
            }
            System.out.printf("plugin script evaluation (start to QuickBus ready), 20 loads: %s%n", stats(evals));
            System.out.printf("end of evaluation to WebChatService.ready, standalone, 20 loads: %s%n", stats(toReady));
            System.out.printf("  of which end of evaluation to DOMContentLoaded (the plugin configures then): %s%n",
                    stats(toParsed));
            Object commands = browser.async("var done = arguments[0], p = CXBus.registerPlugin('Bench'), n = 2000,"
                    + " i = 0, t0 = performance.now();"
                    + "(function next() { p.command('WebChatService.getSessionData').done(function () {"
                    + "  if (++i < n) { next(); } else { done((performance.now() - t0) / n); } }); })();");
            System.out.printf("command round trip (getSessionData, sequential, 2000): %.3f ms each%n",
                    ((Number) commands).doubleValue());
            Object events = browser.async("var done = arguments[0], p = CXBus.registerPlugin('Pub'),"
                    + " s = CXBus.registerPlugin('Sub'), n = 2000, i = 0, total = 0, sent;"
                    + "s.subscribe('Pub.tick', function () { total += performance.now() - sent;"
                    + "  if (++i < n) { sent = performance.now(); p.publish('tick', {i: i}); } else { done(total / n); } });"
                    + "sent = performance.now(); p.publish('tick', {i: 0});");
            System.out.printf("event publish to subscriber (2000): %.3f ms each%n", ((Number) events).doubleValue());
            gmsLatency(sandbox, browser);
            restores(sandbox, browser);
        }
    }

    /** The restore benchmark on GMS and Genesys Cloud, with tabs shared (the default) and with {@code tabs: false}. */
    private static void restores(Sandbox sandbox, Chromium browser) throws Exception {
        for (String tabs : new String[] {"", "&tabs=false"}) {
            restore(sandbox, browser, "gms" + tabs, sandbox.emulator(GmsEmulator.class).desk());
            restore(sandbox, browser, "purecloud" + tabs, sandbox.emulator(PureCloudEmulator.class).desk());
        }
    }

    static final int TRANSCRIPT = 5000;

    /**
     * A reload that restores a chat of {@value #TRANSCRIPT} agent messages: main-thread script time (Chromium's
     * ScriptDuration, from the DevTools protocol) from just before the reload to the last messageReceived, less the
     * same reload of a page with no chat to restore; and the wall time from the end of the plugin's evaluation.
     */
    private static void restore(Sandbox sandbox, Chromium browser, String backend, AgentDesk desk) throws Exception {
        String page = sandbox.url() + "/test/bench-restore.html?backend=" + backend;
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(page);
        Object started = browser.async("var done = arguments[0]; CXBus.registerPlugin('Bench')"
                + ".command('WebChatService.startChat', {nickname: 'Bench', form: {firstname: 'Bench'}})"
                + ".done(function () { done('started'); }).fail(function (e) { done(JSON.stringify(e)); });");
        List<AgentDesk.DeskChat> chats = desk.chats();
        if (!"started".equals(started) || chats.isEmpty()) {
            throw new IllegalStateException(backend + ": the chat did not start: " + started);
        }
        String chatId = chats.get(chats.size() - 1).id();
        desk.join(chatId, "Agent");
        for (int i = 0; i < TRANSCRIPT; i++) {
            desk.say(chatId, "message " + i + " of the long chat, with some words in it as agents write them");
        }
        try {
            browser.waitFor("window.agentMessages >= " + TRANSCRIPT, 120_000);
        } catch (AssertionError e) {
            throw new AssertionError(backend + ": live, only " + browser.js("return window.agentMessages;"), e);
        }
        // five reloads that restore it, and five of the same page with no chat (the machine is shared: medians)
        List<Double> withChat = new ArrayList<>();
        double wall = 0;
        Object cookieUse = null;
        for (int i = 0; i < 5; i++) {
            withChat.add(scriptSecondsAfterLoading(browser, page, "window.agentMessages >= " + TRANSCRIPT) * 1000);
            wall = ((Number) browser.js("return window.lastAt;")).doubleValue();
            cookieUse = browser.js("return window.cookieReads + ' cookie reads, ' + window.cookieWrites + ' writes';");
        }
        desk.end(chatId);
        browser.driver.manage().deleteAllCookies();
        List<Double> without = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            without.add(scriptSecondsAfterLoading(browser, page, "window._genesys.widgets.bus !== undefined") * 1000);
        }
        double restore = median(withChat) - median(without);
        System.out.printf("restore of a %d-message %s transcript: %.0f ms script CPU (median of 5: %.0f ms for the"
                + " page that restores it, %.0f ms for the same page with no chat), last messageReceived %.0f ms"
                + " after navigation start; %s%n", TRANSCRIPT, backend, restore, median(withChat), median(without),
                wall, cookieUse);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    /**
     * Main-thread script seconds Chromium spent on {@code page}, loaded afresh, until {@code condition}: its
     * ScriptDuration metric counts per document (measured: it starts again at each navigation).
     */
    private static double scriptSecondsAfterLoading(Chromium browser, String page, String condition)
            throws InterruptedException {
        browser.driver.executeCdpCommand("Performance.enable", Map.of());
        boolean profile = Boolean.getBoolean("bench.profile");
        if (profile) {
            browser.driver.executeCdpCommand("Profiler.enable", Map.of());
            browser.driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
            browser.driver.executeCdpCommand("Profiler.start", Map.of());
        }
        browser.driver.get(page);
        try {
            browser.waitFor(condition, 120_000);
        } catch (AssertionError e) {
            throw new AssertionError("after loading, only " + browser.js("return window.agentMessages;"), e);
        }
        if (profile) {
            printHotSpots(browser.driver.executeCdpCommand("Profiler.stop", Map.of()));
        }
        return scriptSeconds(browser);
    }

    /**
     * With {@code -Dbench.profile=true}: the 15 functions with the most self time in a CPU profile, each with the
     * start of its code in the built file (the names are minified), to find where the time goes.
     */
    @SuppressWarnings("unchecked")
    private static void printHotSpots(Map<String, Object> stopped) {
        Map<String, Object> profile = (Map<String, Object>) stopped.get("profile");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
        List<Number> samples = (List<Number>) profile.get("samples");
        Map<Integer, Map<String, Object>> byId = new java.util.HashMap<>();
        for (Map<String, Object> n : nodes) {
            byId.put(((Number) n.get("id")).intValue(), n);
        }
        Map<String, Integer> selfSamples = new java.util.HashMap<>();
        Map<String, String> code = new java.util.HashMap<>();
        for (Number id : samples) {
            Map<String, Object> frame = (Map<String, Object>) byId.get(id.intValue()).get("callFrame");
            String url = (String) frame.get("url");
            String key = frame.get("functionName") + " " + url.substring(url.lastIndexOf('/') + 1) + ":"
                    + frame.get("lineNumber") + ":" + frame.get("columnNumber");
            selfSamples.merge(key, 1, Integer::sum);
            code.computeIfAbsent(key, k -> snippet(url, ((Number) frame.get("lineNumber")).intValue(),
                    ((Number) frame.get("columnNumber")).intValue()));
        }
        selfSamples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15).forEach(e ->
                System.out.printf("  %5.1f %%  %s  %s%n", 100.0 * e.getValue() / samples.size(), e.getKey(),
                        code.get(e.getKey())));
    }

    private static String snippet(String url, int line, int column) {
        int at = url.indexOf("/plugins/");
        if (at < 0 || line < 0) {
            return "";
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(url.substring(at + 1)));
            String l = lines.get(line);
            return l.substring(Math.max(0, column), Math.min(l.length(), column + 90));
        } catch (Exception e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static double scriptSeconds(Chromium browser) {
        Map<String, Object> r = browser.driver.executeCdpCommand("Performance.getMetrics", Map.of());
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("metrics")) {
            if (m.get("name").equals("ScriptDuration")) {
                return ((Number) m.get("value")).doubleValue();
            }
        }
        throw new IllegalStateException("no ScriptDuration metric");
    }

    /** Agent message into the GMS emulator to messageReceived in the page: bounded by the poll cadence. */
    private static void gmsLatency(Sandbox sandbox, Chromium browser) throws Exception {
        GmsEmulator gms = sandbox.emulator(GmsEmulator.class);
        browser.driver.get(sandbox.url() + "/test/bench.html");
        browser.async("var done = arguments[0], p = CXBus.registerPlugin('Lat'); window.got = [];"
                + "p.subscribe('WebChatService.messageReceived', function (e) {"
                + "  e.data.messages.forEach(function (m) { window.got.push([m.text, Date.now()]); }); });"
                + "p.command('WebChatService.startChat', {nickname: 'Bench'}).done(function () { done(); });");
        GmsChat chat = gms.awaitChat(5000);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1000 + (i * 137) % 1900);
            long sent = System.currentTimeMillis();
            gms.agent(chat).says("m" + i);
            String text = "m" + i;
            browser.waitFor("window.got.some(function (g) { return g[0] === '" + text + "'; })");
            long got = ((Number) browser.js("return window.got.filter(function (g) { return g[0] === '" + text
                    + "'; })[0][1];")).longValue();
            latencies.add((double) (got - sent));
        }
        System.out.printf("GMS agent message to messageReceived at the steady poll rate (20): %s%n", stats(latencies));
    }

    static String stats(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format("p50 %.1f ms, p90 %.1f ms, max %.1f ms", v.get(v.size() / 2),
                v.get((int) Math.min(v.size() - 1, Math.round(v.size() * 0.9))), v.get(v.size() - 1));
    }
}
