package org.wcs.contract;

import java.util.Map;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.gms.CometFault;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.value.Value;

/**
 * GMS Chat API v2 over CometD: the GMS emulator's chats (the same oracle as REST) reached through the CometD
 * emulator, whose Bayeux messages are the requests counted.
 */
final class CometdBackEnd extends GmsRestBackEnd {
    /** The connect hold: short, as a held connect keeps the page's loop on real time. */
    static final int HOLD_MS = 2_000;

    CometdBackEnd() {
        super("GMS CometD", "cometd");
    }

    static CometdEmulator comet(Sandbox sandbox) {
        return sandbox.emulator(CometdEmulator.class);
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("cometD", Js.obj("enabled", true, "cometURL", sandbox.url() + CometdEmulator.PATH,
                "apiURL", sandbox.url() + CometdEmulator.FILES));
    }

    @Override
    void reset(Sandbox sandbox) {
        super.reset(sandbox);
        comet(sandbox).reset();
        comet(sandbox).holdMs = HOLD_MS;
    }

    @Override
    int requests(Sandbox sandbox) {
        return Math.toIntExact(comet(sandbox).received.added());
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return comet(sandbox).pendingFaults();
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        comet(sandbox).inject(CometFault.loseSend());
    }

    private static FaultCase comet(FaultKind kind, String how, CometFault... faults) {
        return FaultCase.of(kind, how, p -> {
            for (CometFault f : faults) {
                comet(p.sandbox).inject(f);
            }
        });
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        return cases(
                comet(FaultKind.CONNECTION_DROP, "2 connect answers cut halfway", CometFault.dropConnects(2)),
                FaultCase.none(FaultKind.STALLED, "a silent connect is noticed after its hold plus the client's"
                        + " 10 s network delay of real time (a held connect keeps the loop on real time): over the"
                        + " suite's time budget; CometdReconnectionTest covers it"),
                comet(FaultKind.SERVER_ERRORS, "5 connects answer HTTP 503 without a body",
                        CometFault.refuseConnects(5)),
                FaultCase.of(FaultKind.STATUS_ONE, "6 pushes carry statusCode 1 (pollExceptionLimit 5): the agent"
                        + " says 6 more lines", p -> {
                            comet(p.sandbox).inject(CometFault.statusOne(6));
                            for (int i = 1; i <= 6; i++) {
                                p.desk.say(p.chatId, "while unavailable " + i);
                            }
                        }),
                FaultCase.none(FaultKind.HEARTBEAT_LOSS, "Bayeux long polling has no heartbeats: a silent connect is"
                        + " the stalled case"),
                FaultCase.none(FaultKind.SLOW, "the request time limit is the hold plus 10 s of real time: over"
                        + " the suite's time budget"),
                comet(FaultKind.MALFORMED, "a connect answers a cut JSON body", CometFault.malformedConnects(1)),
                comet(FaultKind.DUPLICATED, "a connect answer carries its pushes twice", CometFault.duplicate(1)),
                comet(FaultKind.REORDERED, "a push carries its events in reverse order", CometFault.reorder(1)),
                comet(FaultKind.HTTP_401, "a connect answers 401", CometFault.http(401, 1, 0)),
                comet(FaultKind.HTTP_403, "a connect answers 403", CometFault.http(403, 1, 0)),
                comet(FaultKind.HTTP_404, "a connect answers 404", CometFault.http(404, 1, 0)),
                comet(FaultKind.HTTP_429, "2 connects answer 429, Retry-After: 2", CometFault.http(429, 2, 2)),
                comet(FaultKind.HTTP_503, "2 connects answer 503, Retry-After: 2", CometFault.http(503, 2, 2)),
                FaultCase.of(FaultKind.SESSION_DROPPED, "the server ends every Bayeux session",
                        p -> comet(p.sandbox).dropSessions()),
                FaultCase.none(FaultKind.ANSWER_LOST, "a connect changes nothing on the server: a lost answer is"
                        + " the connection-drop case"));
    }
}
