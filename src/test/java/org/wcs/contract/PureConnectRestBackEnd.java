package org.wcs.contract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.pureconnect.Fault;
import org.wcs.sandbox.pureconnect.IcwsChat;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.value.Value;

/**
 * PureConnect ICWS web chat ({@code pureconnect-v4-rest}): polled; the oracle is the chat's message log, keyed by
 * sequence number, type and text (a restored page's history leaves typing out, as the original's does).
 */
final class PureConnectRestBackEnd extends BackEnd {
    static final int AJAX_TIMEOUT_MS = 1_500;

    PureConnectRestBackEnd() {
        super("PureConnect", "pureconnect");
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        emulator(sandbox).fault("send-message", 1, Fault.answerLost());
    }

    static PureConnectEmulator emulator(Sandbox sandbox) {
        return sandbox.emulator(PureConnectEmulator.class);
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("ajaxTimeout", AJAX_TIMEOUT_MS, "transport", Js.obj("type", "pureconnect-v4-rest",
                "hosts", Js.arr(PureConnectEmulator.HOST_A), "reverseProxyUrl", sandbox.url()
                        + PureConnectEmulator.PROXY, "interactionData", Js.obj("routing",
                        Js.obj("targetName", "Support"))));
    }

    @Override
    void reset(Sandbox sandbox) {
        emulator(sandbox).reset();
    }

    /** ICWS typing carries no preview text; the agent's typing reaches the page. */
    @Override
    Set<Feature> features() {
        return EnumSet.of(Feature.AGENT_TYPING, Feature.CUSTOMER_TYPING);
    }

    @Override
    boolean customerTypingSeen(Sandbox sandbox, String chatId, String text) {
        return emulator(sandbox).chat(chatId).customerTyping();
    }

    /** The server's log as the page must hold it: {@code <sequenceNumber> <type> <text>}. */
    static List<String> items(IcwsChat c, boolean restored, boolean bots) {
        List<String> out = new ArrayList<>();
        if (bots && !restored) {
            out.add("0 startChatMessage ");
        }
        for (Map<String, Object> m : c.messages()) {
            String type = String.valueOf(m.get("__type")).replace(IcwsChat.URN, "");
            if (restored && type.equals("chatTypingIndicatorMessage")) {
                continue;
            }
            Object text = type.equals("chatTextMessage") ? m.get("value") : null;
            out.add(m.get("sequenceNumber") + " " + type + " " + (text == null ? "" : text));
        }
        return out;
    }

    /** The page's transcript in the keys of {@link #items}. */
    static List<String> keys(Value transcript) {
        Value originals = transcript.get("originalMessages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < originals.length(); i++) {
            Value m = originals.at(i);
            String type = m.get("__type").str("?").replace(IcwsChat.URN, "");
            out.add(org.wcs.value.Values.text(m.get("sequenceNumber")) + " " + type + " "
                    + (type.equals("chatTextMessage") ? m.get("value").str("") : ""));
        }
        return out;
    }

    @Override
    List<String> serverItems(Sandbox sandbox, String chatId, boolean restored) {
        return items(emulator(sandbox).chat(chatId), restored, false);
    }

    @Override
    List<String> pageItems(Value transcript) {
        return keys(transcript);
    }

    @Override
    int requests(Sandbox sandbox) {
        return Math.toIntExact(emulator(sandbox).receivedCount());
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return emulator(sandbox).pendingFaults();
    }

    private static FaultCase poll(FaultKind kind, String how, int times, Fault fault) {
        return FaultCase.of(kind, how, p -> emulator(p.sandbox).fault("messages", times, fault));
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        return cases(
                poll(FaultKind.CONNECTION_DROP, "2 polls dropped", 2, Fault.dropConnection()),
                FaultCase.none(FaultKind.STALLED, "short polls hold no connection open: a poll that never answers"
                        + " is the slow-answer case"),
                FaultCase.none(FaultKind.HEARTBEAT_LOSS, "no heartbeats on short polls"),
                poll(FaultKind.SERVER_ERRORS, "5 polls answer 500", 5, Fault.http(500, "error.server.unexpected")),
                FaultCase.none(FaultKind.STATUS_ONE, "statusCode is GMS's"),
                poll(FaultKind.SLOW, "a poll answers after 1800 ms (ajaxTimeout " + AJAX_TIMEOUT_MS + ")", 1,
                        Fault.delay(1_800)),
                poll(FaultKind.MALFORMED, "a poll answers a 200 that is not JSON", 1, Fault.notJson()),
                FaultCase.none(FaultKind.DUPLICATED, "ICWS queues each message once per participant (spec"
                        + " pureconnect-v4 §4.4) and the emulator has no repeat fault yet; the client skips sequence"
                        + " numbers it has seen"),
                FaultCase.none(FaultKind.REORDERED, "one poll answer cannot be reordered in transit, and each batch is"
                        + " sorted by sequenceNumber (spec §6.1)"),
                poll(FaultKind.HTTP_401, "a poll answers 401", 1, Fault.http(401, "error.request.unauthorized")),
                poll(FaultKind.HTTP_403, "a poll answers 403", 1, Fault.http(403, "error.request.forbidden")),
                poll(FaultKind.HTTP_404, "a poll answers 404", 1, Fault.http(404, "error.request.notFound")),
                poll(FaultKind.HTTP_429, "2 polls answer 429 (ICWS names no Retry-After)", 2,
                        Fault.http(429, "error.request.tooManyRequests")),
                poll(FaultKind.HTTP_503, "2 polls answer 503 (one host: no switchover)", 2,
                        Fault.http(503, "error.server.unavailable")),
                FaultCase.ends(FaultKind.SESSION_DROPPED, "a poll carries chatEnded: true",
                        p -> emulator(p.sandbox).chat(p.chatId).flagChatEnded(),
                        "spec pureconnect-v4 §4.4 and Q6: chatEnded ends the chat (with ended)"),
                FaultCase.none(FaultKind.ANSWER_LOST, "ICWS moves a participant's queue on each poll and has no"
                        + " re-read (spec §4.4): a lost poll answer's messages come back only with a reload's history"));
    }
}
