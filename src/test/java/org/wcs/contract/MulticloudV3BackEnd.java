package org.wcs.contract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.nexus.Fault;
import org.wcs.sandbox.nexus.NexusEmulator;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.value.Value;

/** Multicloud CX v3 ({@code pureengage-v3-rest}): polled reads; the oracle is the session's messages by index. */
final class MulticloudV3BackEnd extends BackEnd {
    static final int AJAX_TIMEOUT_MS = 1_500;

    MulticloudV3BackEnd() {
        super("Multicloud v3", "nexus");
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        nexus(sandbox).fault("send", 1, Fault.answerLost());
    }

    static NexusEmulator nexus(Sandbox sandbox) {
        return sandbox.emulator(NexusEmulator.class);
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("ajaxTimeout", AJAX_TIMEOUT_MS, "transport", Js.obj("type", "pureengage-v3-rest",
                "dataURL", sandbox.url() + NexusEmulator.BASE, "endpoint", NexusEmulator.ENDPOINT,
                "headers", Js.obj("x-api-key", NexusEmulator.API_KEY)));
    }

    @Override
    void reset(Sandbox sandbox) {
        nexus(sandbox).reset();
    }

    @Override
    Set<Feature> features() {
        return EnumSet.of(Feature.AGENT_TYPING, Feature.CUSTOMER_TYPING, Feature.TAKE_OVER_FROM_NEWEST,
                Feature.EVERY_READER_GETS_EACH_MESSAGE);
    }

    @Override
    List<String> serverItems(Sandbox sandbox, String chatId, boolean restored) {
        NexusSession s = nexus(sandbox).session(chatId);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> m : s.messages()) {
            Object text = m.get("text");
            out.add(m.get("index") + " " + m.get("type") + " " + (text == null ? "" : text));
        }
        return out;
    }

    @Override
    List<String> pageItems(Value transcript) {
        Value originals = transcript.get("originalMessages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < originals.length(); i++) {
            Value m = originals.at(i);
            out.add(m.get("index").str("?") + " " + m.get("type").str("?") + " " + m.get("text").str(""));
        }
        return out;
    }

    @Override
    int requests(Sandbox sandbox) {
        return Math.toIntExact(nexus(sandbox).receivedCount());
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return nexus(sandbox).pendingFaults();
    }

    private static FaultCase read(FaultKind kind, String how, int times, Fault fault) {
        return FaultCase.of(kind, how, p -> nexus(p.sandbox).fault("read", times, fault));
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        return cases(
                read(FaultKind.CONNECTION_DROP, "2 reads dropped", 2, Fault.dropConnection()),
                FaultCase.none(FaultKind.STALLED, "polled reads hold no connection open: a read that never answers"
                        + " is the slow-answer case"),
                FaultCase.none(FaultKind.HEARTBEAT_LOSS, "no heartbeats on polled reads"),
                read(FaultKind.SERVER_ERRORS, "5 reads answer 500", 5, Fault.http(500, "INTERNAL_ERROR",
                        "injected")),
                FaultCase.none(FaultKind.STATUS_ONE, "statusCode is GMS's"),
                read(FaultKind.SLOW, "a read answers after 1800 ms (ajaxTimeout " + AJAX_TIMEOUT_MS + ")", 1,
                        Fault.delay(1_800)),
                read(FaultKind.MALFORMED, "a read answers a cut JSON body", 1, Fault.malformedJson()),
                read(FaultKind.DUPLICATED, "a read answers its messages twice", 1, Fault.repeatedRead()),
                FaultCase.none(FaultKind.REORDERED, "live reads keep the server's order, as the original does (spec"
                        + " pureengage-v3 §5, [S]): one HTTP answer cannot be reordered in transit, so its order is the"
                        + " chat's; a server that answers out of order is out of this client's reach"),
                read(FaultKind.HTTP_401, "a read answers 401 AUTHENTICATION_REQUIRED", 1,
                        Fault.http(401, "AUTHENTICATION_REQUIRED", "injected")),
                read(FaultKind.HTTP_403, "a read answers 403", 1, Fault.http(403, "FORBIDDEN", "injected")),
                FaultCase.ends(FaultKind.HTTP_404, "a read answers 404 INVALID_SESSION",
                        p -> nexus(p.sandbox).fault("read", 1, Fault.http(404, "INVALID_SESSION", "injected")),
                        "spec pureengage-v3 §11: INVALID_SESSION is a lost session (sessionLost, polling stops)"),
                read(FaultKind.HTTP_429, "2 reads answer 429, Retry-After: 2", 2,
                        Fault.http(429, "TOO_MANY_REQUESTS", "injected").retryAfter(2)),
                read(FaultKind.HTTP_503, "2 reads answer 503, Retry-After: 2", 2,
                        Fault.http(503, "SERVICE_UNAVAILABLE", "injected").retryAfter(2)),
                FaultCase.none(FaultKind.SESSION_DROPPED, "no connection-level session: a lost session is the 404"
                        + " case"),
                read(FaultKind.ANSWER_LOST, "a read moves the cursor, then its answer is lost", 1,
                        Fault.answerLost()));
    }
}
