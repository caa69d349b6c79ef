package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.sandbox.SandboxTest;
import org.wcs.tabs.SharedTabs;
import org.wcs.tabs.TabLayer;

/**
 * Every fault each back end's emulator can play, injected while a chat runs and the agent speaks. Afterwards the page
 * holds the emulator's transcript item for item (nothing lost, nothing twice), the emulator received a bounded number
 * of requests during the fault (no storm), the connection events came in a sensible order and ended on a recovery, and
 * the chat goes on both ways. Faults a back end cannot meet are not generated; the matrix says why.
 */
class FaultMatrixTest extends SandboxTest {
    /** The request ceiling during a fault: this many, plus {@link #PER_MINUTE} per simulated minute. */
    static final int ALLOWANCE = 20;
    static final int PER_MINUTE = 150;

    /**
     * Cases that fail on a product defect, by "back end/fault kind", with the defect: left out of the run and shown
     * as disabled in the matrix. None at present.
     */
    static final Map<String, String> DEFECTS = Map.of();

    private static String defect(BackEnd b, FaultCase f) {
        return DEFECTS.get(b.name + "/" + f.kind());
    }

    static Stream<Arguments> cases() {
        return BackEnds.all().stream().flatMap(b -> b.faults().values().stream()
                .filter(f -> f.applies() && defect(b, f) == null).map(f -> Arguments.of(b, f)));
    }

    @AfterAll
    static void writeMatrix() throws Exception {
        for (BackEnd b : BackEnds.all()) {
            for (FaultCase f : b.faults().values()) {
                if (!f.applies()) {
                    Matrix.note("Faults", f.kind().label, b, "n/a", f.notApplicable());
                } else if (defect(b, f) != null) {
                    Matrix.note("Faults", f.kind().label, b, "**disabled**", defect(b, f));
                }
            }
        }
        Matrix.write();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void theChatSurvivesTheFault(BackEnd b, FaultCase fault) {
        try {
            String cell = survives(b, fault, new SharedTabs());
            if (fault.ends() != null) {
                Matrix.note("Faults", fault.kind().label, b, cell, fault.ends());
            } else {
                Matrix.record("Faults", fault.kind().label, b, cell);
            }
        } catch (RuntimeException | AssertionError e) {
            Matrix.record("Faults", fault.kind().label, b, "**FAIL**");
            throw e;
        }
    }

    /** The scenario, on a page whose plugin reaches its back end through {@code layers}; returns the matrix cell. */
    static String survives(BackEnd b, FaultCase fault, TabLayer.Maker layers) {
        // given a chat where both sides spoke
        ContractPage p = new ContractPage(b, sandbox, layers);
        p.chatWithAgent();
        assertEquals("resolved", p.send("hello from Ada").state);
        p.sync();
        int requestsBefore = b.requests(sandbox);
        double startedAt = p.tab.loop.now();
        int eventsBefore = p.names().size();
        // when the fault strikes and the agent speaks
        fault.inject().accept(p);
        p.desk.say(p.chatId, "during the fault 1");
        p.desk.say(p.chatId, "during the fault 2");
        if (fault.ends() != null) {
            return losesTheSession(b, fault, p, requestsBefore);
        }
        boolean[] healed = {fault.heal() == null};
        try {
            p.until(() -> {
                List<String> window = p.names().subList(eventsBefore, p.names().size());
                if (!healed[0] && window.stream().anyMatch(ContractPage.OUTAGE::contains)) {
                    fault.heal().accept(p);
                    healed[0] = true;
                }
                return healed[0] && b.pendingFaults(sandbox) == 0 && p.inSync()
                        && ContractPage.connectionOrderProblem(window) == null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(b + " × " + fault.how() + ": no recovery.\n pending faults: "
                    + b.pendingFaults(sandbox) + "\n page:   " + p.transcript() + "\n server: " + p.server()
                    + "\n events: " + p.names().subList(eventsBefore, p.names().size()), e);
        }
        // then: the emulator's transcript, a bounded number of requests, connection events in order
        long ms = (long) (p.tab.loop.now() - startedAt);
        int requests = b.requests(sandbox) - requestsBefore;
        List<String> window = p.names().subList(eventsBefore, p.names().size());
        assertEquals(p.server(), p.transcript());
        long ceiling = ALLOWANCE + PER_MINUTE * ms / 60_000;
        assertTrue(requests <= ceiling, requests + " requests in " + ms + " simulated ms (ceiling " + ceiling
                + ") on " + b + " × " + fault.how());
        assertNull(ContractPage.connectionOrderProblem(window));
        // and the chat goes on both ways
        p.desk.say(p.chatId, "after the fault");
        assertEquals("resolved", p.send("glad you are back").state);
        p.sync();
        int compared = p.transcript().size();
        return "pass (" + compared + " msgs, " + requests + " req / " + Math.round(ms / 1000.0) + " s)";
    }

    /** A fault whose specified answer is a lost session: lost once, then no request at all. */
    private static String losesTheSession(BackEnd b, FaultCase fault, ContractPage p, int requestsBefore) {
        p.until(() -> p.names().contains("sessionLost") || p.names().contains("ended"));
        int requests = b.requests(sandbox) - requestsBefore;
        p.idle(60_000);
        assertEquals(1, p.count("sessionLost") + p.count("ended"), p.names().toString());
        assertEquals(requests, b.requests(sandbox) - requestsBefore, "requests after the session was lost");
        assertTrue(requests <= ALLOWANCE, requests + " requests");
        assertTrue(p.server().stream().anyMatch(i -> i.endsWith("during the fault 2")), "the server kept the chat");
        return "session lost, as specified (" + requests + " req, then none for 60 s)";
    }
}
