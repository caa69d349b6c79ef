package org.wcs.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wcs.contract.IdleCost;
import org.wcs.sandbox.Sandbox;

/**
 * Issue 18's benchmark (README figures, not a test): requests per hour to the back end for an idle chat (the agent
 * joined and said hello, nobody typing) in one and in three tabs of a browser, all visible and all hidden, on every
 * back end, with the tabs sharing the chat and with {@code tabs: false} (each tab its own connection, as before
 * issue 18). On the JVM: {@link org.wcs.jvm.JvmTabs} and the emulators over loopback, counted at the emulator.
 *
 * <p>Polled back ends run an hour of virtual time. Those that hold a connection open (a socket, a held CometD connect)
 * keep the clock on real time, so they run {@code bench.tabs.realMs} (30 s) and are scaled to the hour; CometD's
 * figure is also given at a 30 s hold (connects per hour are inversely proportional to the hold).
 *
 * <p>Run: {@code mvn -q -B -Pbench -DskipTests -Dbench.only=tabs package} (Benchmarks hands over to this), or this
 * main on the test classpath; {@code -Dbench.tabs.backend=<name>} measures one back end.
 */
public final class TabsBench {
    private TabsBench() {
    }

    static final long HOUR = 3_600_000;
    static final long POLLED_WARM_MS = 60_000;
    static final long REAL_WARM_MS = 4_000;
    /** A real server's CometD hold, to which the measured connects are scaled (the emulator's default). */
    static final int COMET_HOLD_MS = 30_000;

    public static void main(String[] args) throws Exception {
        long realMs = Long.getLong("bench.tabs.realMs", 30_000);
        String only = System.getProperty("bench.tabs.backend", "");
        try (Sandbox sandbox = Sandbox.start(0, Path.of("."))) {
            List<String> rows = new ArrayList<>();
            for (String backEnd : IdleCost.backEnds()) {
                if (!only.isEmpty() && !only.equals(backEnd)) {
                    continue;
                }
                boolean real = IdleCost.realTime(backEnd);
                long window = real ? realMs : HOUR;
                long warm = real ? REAL_WARM_MS : POLLED_WARM_MS;
                StringBuilder row = new StringBuilder("| " + backEnd + " |");
                StringBuilder comet = new StringBuilder("| " + backEnd + ", at a 30 s hold |");
                for (boolean shared : new boolean[] {false, true}) {
                    for (boolean hidden : new boolean[] {false, true}) {
                        for (int tabs : new int[] {1, 3}) {
                            long t0 = System.nanoTime();
                            IdleCost.Measure m = IdleCost.measure(sandbox, backEnd, tabs, shared, hidden, warm,
                                    window);
                            System.out.printf("%s, %d tab(s), %s, %s: %d requests in %.1f virtual s (%.0f s real)"
                                    + " = %.0f per hour%n", backEnd, tabs, shared ? "shared" : "tabs: false",
                                    hidden ? "hidden" : "visible", m.requests(), m.virtualMs() / 1000.0,
                                    (System.nanoTime() - t0) / 1e9, m.perHour());
                            row.append(' ').append(Math.round(m.perHour())).append(" |");
                            comet.append(' ')
                                    .append(Math.round(m.perHour() * IdleCost.cometHoldMs() / COMET_HOLD_MS))
                                    .append(" |");
                        }
                    }
                }
                rows.add(row.toString());
                if (backEnd.equals("GMS CometD")) {
                    rows.add(comet.toString());
                }
            }
            System.out.println();
            System.out.println("| back end | alone: 1 visible | alone: 3 visible | alone: 1 hidden | alone: 3 hidden"
                    + " | shared: 1 visible | shared: 3 visible | shared: 1 hidden | shared: 3 hidden |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (String r : rows) {
                System.out.println(r);
            }
        }
    }
}
