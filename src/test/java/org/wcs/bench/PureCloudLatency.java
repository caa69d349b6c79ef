package org.wcs.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.it.Chromium;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.sandbox.purecloud.PureCloudEmulator;

/**
 * Latency benchmark (not a test): from an agent's message entering the Genesys Cloud emulator to the
 * {@code messageReceived} event in a page running the built plugin in headless Chromium, on loopback. The page stamps
 * each arrival with {@code performance.timeOrigin + performance.now()}; the JVM stamps each send with the wall clock;
 * the offset between the two clocks is measured first (the round trip with the smallest time wins).
 *
 * <p>Run (after a build, so that {@code plugins/webchatservice.min.js} exists):
 * {@code mvn -q -B -DskipTests package exec:java -Dexec.mainClass=org.wcs.bench.PureCloudLatency
 * -Dexec.classpathScope=test} (argument: number of messages, default 300).
 */
public final class PureCloudLatency {
    private PureCloudLatency() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = 30;
        try (Sandbox sandbox = Sandbox.start(0, Path.of("."), Map.of("/test/", Path.of("src/test/resources/pages")));
                Chromium browser = new Chromium()) {
            var server = sandbox.emulator(PureCloudEmulator.class).server;
            browser.driver.get(sandbox.url() + "/test/purecloud-chat.html");
            browser.waitFor("window.seen.indexOf('ready') >= 0");
            browser.async("window.run('startChat', {form: {nickname: 'Bench'}}, arguments[0]);");
            browser.waitFor("window.seen.indexOf('started') >= 0");
            Participant agent = server.latest().agent("Agent");
            agent.joins();
            browser.waitFor("window.seen.indexOf('agentConnected') >= 0");
            double offset = clockOffset(browser);
            Map<String, Double> sentAt = new LinkedHashMap<>();
            for (int i = 0; i < warmUp + n; i++) {
                double t0 = now();
                String id = agent.says("message " + i).path("id").asText();
                if (i >= warmUp) {
                    sentAt.put(id, t0);
                }
                Thread.sleep(5);
            }
            browser.waitFor("Object.keys(window.arrivals).length >= " + (warmUp + n + 1));
            @SuppressWarnings("unchecked")
            Map<String, Object> arrivals = (Map<String, Object>) browser.js("return window.arrivals;");
            List<Double> ms = new ArrayList<>();
            sentAt.forEach((id, t0) -> ms.add(((Number) arrivals.get(id)).doubleValue() - offset - t0));
            Collections.sort(ms);
            System.out.printf("purecloud-v2-sockets, agent message -> messageReceived in Chromium, loopback,"
                    + " %d messages (%d warm-up)%n", n, warmUp);
            System.out.printf("p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   (clock offset %.3f ms)%n",
                    pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.get(ms.size() - 1), offset);
        }
    }

    /** Wall clock in ms, with the sub-millisecond part the JVM has. */
    private static double now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
    }

    /** Browser clock minus JVM clock, from the round trip with the least time. */
    private static double clockOffset(Chromium browser) {
        double best = Double.MAX_VALUE;
        double offset = 0;
        for (int i = 0; i < 50; i++) {
            double before = now();
            double page = ((Number) browser.js("return performance.timeOrigin + performance.now();")).doubleValue();
            double after = now();
            if (after - before < best) {
                best = after - before;
                offset = page - (before + after) / 2;
            }
        }
        return offset;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
