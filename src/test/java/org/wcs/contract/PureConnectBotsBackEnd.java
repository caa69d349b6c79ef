package org.wcs.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.pureconnect.Fault;
import org.wcs.sandbox.pureconnect.PureConnectEmulator;
import org.wcs.value.Value;

/**
 * PureConnect with chat bots ({@code pureconnect-v4-chatbots}): the connector's REST and socket on the emulator; the
 * oracle is the chat's message log, as for the rest transport, with the start frame first.
 */
final class PureConnectBotsBackEnd extends BackEnd {
    PureConnectBotsBackEnd() {
        super("PureConnect bots", "pureconnect");
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("ajaxTimeout", 1_500, "transport", Js.obj("type", "pureconnect-v4-chatbots",
                "hosts", Js.arr(PureConnectEmulator.HOST_A),
                "chatbotsRestBase", sandbox.url() + PureConnectEmulator.BOTS_REST,
                "chatbotsSocketUrl", sandbox.url().replace("http:", "ws:") + PureConnectEmulator.BOTS_SOCKET,
                "interactionData", Js.obj("routing", Js.obj("targetName", "Support"))));
    }

    @Override
    void reset(Sandbox sandbox) {
        PureConnectRestBackEnd.emulator(sandbox).reset();
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        PureConnectRestBackEnd.emulator(sandbox).fault("bots-send-message", 1, Fault.answerLost());
    }

    @Override
    Set<Feature> features() {
        return EnumSet.of(Feature.AGENT_TYPING, Feature.CUSTOMER_TYPING, Feature.EVERY_READER_GETS_EACH_MESSAGE);
    }

    @Override
    boolean customerTypingSeen(Sandbox sandbox, String chatId, String text) {
        return PureConnectRestBackEnd.emulator(sandbox).chat(chatId).customerTyping();
    }

    @Override
    List<String> serverItems(Sandbox sandbox, String chatId, boolean restored) {
        return PureConnectRestBackEnd.items(PureConnectRestBackEnd.emulator(sandbox).chat(chatId), restored, true);
    }

    @Override
    List<String> pageItems(Value transcript) {
        return PureConnectRestBackEnd.keys(transcript);
    }

    @Override
    int requests(Sandbox sandbox) {
        return Math.toIntExact(PureConnectRestBackEnd.emulator(sandbox).receivedCount());
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return PureConnectRestBackEnd.emulator(sandbox).pendingFaults();
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        String rest = "the connector's REST calls are sends; events come over the socket";
        return cases(
                FaultCase.of(FaultKind.CONNECTION_DROP, "every socket dropped", p -> {
                    PureConnectEmulator e = PureConnectRestBackEnd.emulator(p.sandbox);
                    e.dropSockets(e.chat(p.chatId));
                }),
                FaultCase.none(FaultKind.STALLED, "the connector has no heartbeat to miss (spec pureconnect-v4"
                        + " §12.4): a half-open socket is not detected, by the original or by us"),
                FaultCase.none(FaultKind.HEARTBEAT_LOSS, "no heartbeats (spec §12.4)"),
                FaultCase.none(FaultKind.SERVER_ERRORS, rest),
                FaultCase.none(FaultKind.STATUS_ONE, "statusCode is GMS's"),
                FaultCase.none(FaultKind.SLOW, rest),
                FaultCase.none(FaultKind.MALFORMED, rest),
                FaultCase.none(FaultKind.DUPLICATED, "one frame per message; the connector sends each once"),
                FaultCase.none(FaultKind.REORDERED, "one socket keeps the connector's order"),
                FaultCase.none(FaultKind.HTTP_401, rest),
                FaultCase.none(FaultKind.HTTP_403, rest),
                FaultCase.none(FaultKind.HTTP_404, rest),
                FaultCase.none(FaultKind.HTTP_429, rest),
                FaultCase.none(FaultKind.HTTP_503, rest),
                FaultCase.none(FaultKind.SESSION_DROPPED, "the emulator closes sockets only when the chat ends"),
                FaultCase.none(FaultKind.ANSWER_LOST, rest));
    }
}
