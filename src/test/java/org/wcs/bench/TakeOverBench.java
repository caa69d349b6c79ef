package org.wcs.bench;

import java.nio.file.Path;
import org.wcs.contract.IdleCost;
import org.wcs.contract.TakeOverCost;
import org.wcs.sandbox.Sandbox;

/**
 * What a take-over of a long chat costs the tab that takes it (README figures, not a test): on every back end, a chat
 * of {@code bench.takeover.lines} (1,000) agent messages, the leader's tab closed; see {@link TakeOverCost}. On the
 * JVM, with the emulators over loopback.
 *
 * <p>Run: {@code mvn -q -B -Pbench -DskipTests -Dbench.only=takeover package} (Benchmarks hands over to this).
 */
public final class TakeOverBench {
    private TakeOverBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("bench.takeover.lines", 1000);
        try (Sandbox sandbox = Sandbox.start(0, Path.of("."))) {
            System.out.println("| back end | answers read | requests | wall ms |");
            System.out.println("|---|---:|---:|---:|");
            for (String backEnd : IdleCost.backEnds()) {
                TakeOverCost.Measure m = TakeOverCost.measure(sandbox, backEnd, lines);
                System.out.printf("| %s | %,d B | %d | %.0f |%n", backEnd, m.answerBytes(), m.requests(), m.wallMs());
            }
        }
    }
}
