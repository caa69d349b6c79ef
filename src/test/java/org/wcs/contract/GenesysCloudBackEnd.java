package org.wcs.contract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wcs.jvm.Js;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.GuestChatServer;
import org.wcs.sandbox.purecloud.PureCloudEmulator;
import org.wcs.value.Value;

/**
 * Genesys Cloud guest chat ({@code purecloud-v2-sockets}): REST plus an event stream over WebSocket. The oracle is the
 * conversation's message ids as a page shows them ({@link Conversation#shownIds}). Timers are shortened (heartbeats
 * every 300 ms, a 4 s watchdog, a 100 ms reconnect base): an open socket keeps the page's loop on real time.
 */
final class GenesysCloudBackEnd extends BackEnd {
    static final String DEPLOYMENT = "11111111-2222-4333-8444-555555555555";
    static final String ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    /** The catch-up read after a reconnect: where REST faults meet the page. */
    private static final String READ = "/messages";

    GenesysCloudBackEnd() {
        super("Genesys Cloud", "purecloud");
    }

    @Override
    void loseNextSendAnswer(Sandbox sandbox) {
        server(sandbox).loseNext("POST", "/messages");
    }

    static GuestChatServer server(Sandbox sandbox) {
        return sandbox.emulator(PureCloudEmulator.class).server;
    }

    @Override
    Value config(Sandbox sandbox) {
        return Js.obj("transport", Js.obj("type", "purecloud-v2-sockets", "dataURL", sandbox.url() + "/",
                "deploymentKey", DEPLOYMENT, "orgGuid", ORG, "socketHeartbeatTrackerInterval", 4000,
                "socketReconnectInterval", 100, "interactionData", Js.obj("routing", Js.obj("targetType", "QUEUE",
                        "targetAddress", "Support", "priority", 2))));
    }

    @Override
    void reset(Sandbox sandbox) {
        server(sandbox).reset();
        server(sandbox).heartbeatMs = 300;
    }

    @Override
    Set<Feature> features() {
        return EnumSet.of(Feature.AGENT_TYPING, Feature.CUSTOMER_TYPING, Feature.TAKE_OVER_FROM_NEWEST,
                Feature.EVERY_READER_GETS_EACH_MESSAGE);
    }

    private static Conversation conversation(Sandbox sandbox, String id) {
        for (Conversation c : server(sandbox).conversations()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException("no conversation " + id);
    }

    @Override
    List<String> serverItems(Sandbox sandbox, String chatId, boolean restored) {
        return conversation(sandbox, chatId).shownIds(restored, false);
    }

    @Override
    List<String> pageItems(Value transcript) {
        Value messages = transcript.get("messages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            if (messages.at(i).get("id").isString()) {
                out.add(messages.at(i).get("id").str());
            }
        }
        return out;
    }

    @Override
    int requests(Sandbox sandbox) {
        int n = Math.toIntExact(server(sandbox).receivedCount());
        for (Conversation c : server(sandbox).conversations()) {
            n += c.attachments();
        }
        return n;
    }

    @Override
    int pendingFaults(Sandbox sandbox) {
        return server(sandbox).pendingFaults();
    }

    /** Guest typing carries no preview text here: the agent sees that the guest types. */
    @Override
    boolean customerTypingSeen(Sandbox sandbox, String chatId, String text) {
        return server(sandbox).received().stream().anyMatch(r -> r.method().equals("POST")
                && r.path().endsWith("/typing") && r.path().contains(chatId));
    }

    /** A REST fault on the catch-up read, met by dropping the event stream so that the page reads. */
    private static FaultCase onRead(FaultKind kind, String how, java.util.function.Consumer<GuestChatServer> f) {
        return FaultCase.of(kind, how + " on the catch-up read after a dropped socket", p -> {
            f.accept(server(p.sandbox));
            server(p.sandbox).dropSockets();
        });
    }

    @Override
    Map<FaultKind, FaultCase> faults() {
        return cases(
                FaultCase.of(FaultKind.CONNECTION_DROP, "every socket dropped (1006), the first upgrade refused",
                        p -> {
                            server(p.sandbox).refuseUpgrades(1);
                            server(p.sandbox).dropSockets();
                        }),
                FaultCase.of(FaultKind.STALLED, "half-open sockets: nothing more arrives, no close",
                        p -> server(p.sandbox).stallSockets()),
                FaultCase.healed(FaultKind.HEARTBEAT_LOSS, "heartbeats stop until the page notices",
                        p -> server(p.sandbox).heartbeats(false), p -> server(p.sandbox).heartbeats(true)),
                onRead(FaultKind.SERVER_ERRORS, "5 answers 500", g -> g.failNext("GET", READ, 500, 5)),
                FaultCase.none(FaultKind.STATUS_ONE, "statusCode is GMS's"),
                FaultCase.none(FaultKind.SLOW, "the REST time limit is at least 12 s, of real time with a socket"
                        + " open: over the suite's time budget"),
                onRead(FaultKind.MALFORMED, "a 200 with a cut JSON body", g -> g.malformedNext("GET", READ)),
                FaultCase.of(FaultKind.DUPLICATED, "the next 2 message events are sent twice",
                        p -> server(p.sandbox).duplicateNextMessages(2)),
                FaultCase.of(FaultKind.REORDERED, "the next 2 message events are sent in reverse order",
                        p -> server(p.sandbox).reorderNextMessages(2)),
                onRead(FaultKind.HTTP_401, "a 401", g -> g.failNext("GET", READ, 401, 1)),
                onRead(FaultKind.HTTP_403, "a 403", g -> g.failNext("GET", READ, 403, 1)),
                onRead(FaultKind.HTTP_404, "a 404", g -> g.failNext("GET", READ, 404, 1)),
                onRead(FaultKind.HTTP_429, "2 answers 429, Retry-After: 1", g -> g.rateLimitNext("GET", READ, 1, 2)),
                onRead(FaultKind.HTTP_503, "2 answers 503, Retry-After: 1",
                        g -> g.failNext("GET", READ, 503, 2, 1)),
                FaultCase.of(FaultKind.SESSION_DROPPED, "v2.system.socket_closing on every socket",
                        p -> server(p.sandbox).socketClosing()),
                FaultCase.none(FaultKind.ANSWER_LOST, "the event stream carries the news: a lost read answer is"
                        + " the drop case"));
    }
}
