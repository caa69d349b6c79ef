package org.wcs.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.wcs.it.Chromium;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;

/**
 * Benchmarks (not tests): what the built plugin costs in a real Chromium. Run with
 * {@code mvn -q -B -Pbench -DskipTests package}; figures go to the README.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        SizeReport.main(args);
        try (Sandbox sandbox = Sandbox.start(0, Path.of("."), Map.of("/test/", Path.of("src/test/resources/pages")));
                Chromium browser = new Chromium()) {
            List<Double> evals = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                browser.driver.get(sandbox.url() + "/test/bench.html");
                evals.add(((Number) browser.js("return window.evalEnd - window.evalStart;")).doubleValue());
            }
            System.out.printf("plugin script evaluation (start to QuickBus ready), 10 loads: %s%n", stats(evals));
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
        }
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
