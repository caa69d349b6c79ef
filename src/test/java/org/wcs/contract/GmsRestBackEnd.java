package org.wcs.contract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.value.Value;

/** GMS Chat API v2 over REST polling; the oracle is the emulator's transcript, event for event, by index. */
class GmsRestBackEnd extends BackEnd {
    /** Short enough that a slow answer costs 2 s of real time, long enough for a cold JVM's first request. */
    static final int AJAX_TIMEOUT_MS = 1_500;

    GmsRestBackEnd() {
        super("GMS REST", "gms");
    }

    GmsRestBackEnd(String name, String deskName) {
        super(name, deskName);
    }

    static GmsEmulator gms(Sandbox sandbox) {
        return sandbox.emulator(GmsEmulator.class);
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("dataURL", sandbox.url() + GmsEmulator.PREFIX + "customer-support", "ajaxTimeout",
                AJAX_TIMEOUT_MS);
    }

    @Override
    void reset(Sandbox sandbox) {
        gms(sandbox).clearFaults();
    }

    @Override
    Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
    }

    @Override
    List<String> serverItems(Sandbox sandbox, String chatId, boolean restored) {
        return gms(sandbox).chat(chatId).lines();
    }

    @Override
    List<String> pageItems(Value transcript) {
        return lines(transcript);
    }

    /** The originals of a GMS page's transcript in {@link GmsChat#lines()}'s format. */
    static List<String> lines(Value transcript) {
        Value messages = transcript.get("originalMessages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            Value m = messages.at(i);
            out.add(Math.round(m.get("index").num()) + " " + m.get("type").str() + " "
                    + m.get("from").get("type").str() + " " + m.get("text").str(""));
        }
        return out;
    }

    @Override
    int requests(Sandbox sandbox) {
        return Math.toIntExact(gms(sandbox).received.added());
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return gms(sandbox).pendingFaults();
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        gms(sandbox).inject(GmsFault.lost("send"));
    }

    private static FaultCase gms(FaultKind kind, String how, GmsFault... faults) {
        return FaultCase.of(kind, how, p -> {
            for (GmsFault f : faults) {
                gms(p.sandbox).inject(f);
            }
        });
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        return cases(
                gms(FaultKind.CONNECTION_DROP, "2 refreshes dropped", GmsFault.drop("refresh", 2)),
                FaultCase.none(FaultKind.STALLED, "REST polling holds no connection open: a request that never"
                        + " answers is the slow-answer case"),
                FaultCase.none(FaultKind.HEARTBEAT_LOSS, "no heartbeats on polled requests"),
                gms(FaultKind.SERVER_ERRORS, "5 refreshes answer 500", GmsFault.http("refresh", 500, 5)),
                gms(FaultKind.STATUS_ONE, "6 refreshes answer statusCode 1 (pollExceptionLimit 5)",
                        GmsFault.statusOne(6)),
                gms(FaultKind.SLOW, "a refresh answers after 1800 ms (ajaxTimeout " + AJAX_TIMEOUT_MS + ")",
                        GmsFault.delay("refresh", 1_800, 1)),
                gms(FaultKind.MALFORMED, "a refresh answers a cut JSON body", GmsFault.malformed("refresh", 1)),
                gms(FaultKind.DUPLICATED, "a refresh repeats its last 5 events", GmsFault.duplicate(5)),
                gms(FaultKind.REORDERED, "a refresh answers its events in reverse order", GmsFault.reorder()),
                gms(FaultKind.HTTP_401, "a refresh answers 401", GmsFault.http("refresh", 401, 1)),
                gms(FaultKind.HTTP_403, "a refresh answers 403", GmsFault.http("refresh", 403, 1)),
                gms(FaultKind.HTTP_404, "a refresh answers 404", GmsFault.http("refresh", 404, 1)),
                gms(FaultKind.HTTP_429, "2 refreshes answer 429, Retry-After: 2",
                        GmsFault.http("refresh", 429, 2).retryAfter(2)),
                gms(FaultKind.HTTP_503, "2 refreshes answer 503, Retry-After: 2",
                        GmsFault.http("refresh", 503, 2).retryAfter(2)),
                FaultCase.none(FaultKind.SESSION_DROPPED, "REST polling has no session besides the chat's"),
                FaultCase.none(FaultKind.ANSWER_LOST, "a refresh changes nothing on the server: a lost answer is"
                        + " the connection-drop case"));
    }
}
