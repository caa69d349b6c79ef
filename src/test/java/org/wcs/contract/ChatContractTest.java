package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.SandboxTest;
import org.wcs.service.TestPage;
import org.wcs.value.Value;

/**
 * One chat's life, the same on every back end: the real plugin on a JVM page against the sandbox's emulator over
 * loopback, the agent driven through its desk. After each step the page's transcript ({@code getTranscript}) must be
 * the emulator's, item for item: nothing lost, nothing twice.
 */
class ChatContractTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    static Stream<BackEnd> withFiles() {
        return backEnds().filter(b -> b.has(BackEnd.Feature.FILE_UPLOAD));
    }

    static Stream<BackEnd> withCustomerTyping() {
        return backEnds().filter(b -> b.has(BackEnd.Feature.CUSTOMER_TYPING));
    }

    static Stream<BackEnd> withAgentTyping() {
        return backEnds().filter(b -> b.has(BackEnd.Feature.AGENT_TYPING));
    }

    @AfterAll
    static void writeMatrix() throws Exception {
        for (BackEnd b : BackEnds.all()) {
            if (!b.has(BackEnd.Feature.FILE_UPLOAD)) {
                Matrix.record("Scenarios", "file upload", b, "n/a (no file upload)");
            }
        }
        Matrix.write();
    }

    /** A page of a new test on {@code b}: the builds whose tabs share the chat (the lite builds' test overrides it). */
    ContractPage page(BackEnd b) {
        return new ContractPage(b, sandbox);
    }

    /** Runs a scenario and records its outcome in the matrix. */
    private static void scenario(String name, BackEnd b, Runnable body) {
        try {
            body.run();
            Matrix.record("Scenarios", name, b, "pass");
        } catch (RuntimeException | AssertionError e) {
            Matrix.record("Scenarios", name, b, "**FAIL**");
            throw e;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void startsAChat(BackEnd b) {
        scenario("start", b, () -> {
            // given
            ContractPage p = page(b);
            // when
            TestPage.Outcome o = p.start();
            // then
            assertEquals("resolved", o.state, o.toString());
            assertTrue(p.page.events.contains("data.sessionActive true"), p.names().toString());
            assertTrue(!b.deskChat(sandbox, p.chatId).ended());
            p.sync();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void agentConnectedComesBeforeTheJoinIsShown(BackEnd b) {
        scenario("agent joins", b, () -> {
            // given
            ContractPage p = page(b);
            p.start();
            p.sync();
            p.page.takeEvents();
            // when
            p.desk.join(p.chatId, "Grace");
            p.awaitEvent("agentConnected");
            p.sync();
            // then
            int connected = p.page.events.indexOf(p.page.events.stream().filter(e -> e.startsWith("agentConnected"))
                    .findFirst().orElseThrow());
            int shown = -1;
            for (int i = 0; i < p.page.events.size() && shown < 0; i++) {
                if (p.page.events.get(i).startsWith("messageReceived") && showsAgentJoin(p.page.eventData.get(i))) {
                    shown = i;
                }
            }
            assertTrue(shown >= 0, "no messageReceived shows the join: " + p.page.events);
            assertTrue(connected < shown, p.page.events.toString());
            assertEquals(1, p.count("agentConnected"));
        });
    }

    private static boolean showsAgentJoin(Value event) {
        Value ms = event.get("messages");
        for (int i = 0; i < ms.length(); i++) {
            if (ms.at(i).get("type").str("").equalsIgnoreCase("ParticipantJoined") // PureConnect: "participantjoined"
                    && ms.at(i).get("from").get("type").str("").equals("Agent")) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void messagesGoBothWaysOnceEach(BackEnd b) {
        scenario("messages both ways", b, () -> {
            // given
            ContractPage p = page(b);
            p.chatWithAgent();
            // when both sides talk, interleaved
            for (int i = 1; i <= 3; i++) {
                p.desk.say(p.chatId, "agent line " + i);
                assertEquals("resolved", p.send("customer line " + i).state);
            }
            p.sync();
            // then: the page holds the emulator's transcript, and each line once
            List<String> page = p.transcript();
            assertEquals(p.server(), page);
            String texts = Js.json(p.page.command("getTranscript", null).value.get("messages"));
            for (int i = 1; i <= 3; i++) {
                assertEquals(2, texts.split("customer line " + i, -1).length, texts);
                assertEquals(2, texts.split("agent line " + i, -1).length, texts);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withCustomerTyping")
    void customerTypingReachesTheAgent(BackEnd b) {
        scenario("customer typing reaches the agent", b, () -> {
            ContractPage p = page(b);
            p.chatWithAgent();
            p.page.command("sendTyping", Js.obj("message", "Where is my par"));
            p.until(() -> b.customerTypingSeen(sandbox, p.chatId, "Where is my par"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAgentTyping")
    void agentTypingReachesThePage(BackEnd b) {
        scenario("agent typing reaches the page", b, () -> {
            ContractPage p = page(b);
            p.chatWithAgent();
            p.page.takeEvents();
            p.desk.typing(p.chatId, true);
            p.awaitEvent("agentTypingStarted");
            p.desk.say(p.chatId, "Found it");
            p.sync();
            // then typing ends: with the message, or by the page's typing timeout when the clock got there first
            p.until(() -> p.names().contains("agentTypingStopped") || p.names().contains("agentTypingTimeout"));
            List<String> names = p.names();
            int stopped = Math.max(names.indexOf("agentTypingStopped"), names.indexOf("agentTypingTimeout"));
            assertTrue(names.indexOf("agentTypingStarted") < stopped, names.toString());
            assertEquals(1, p.count("agentTypingStarted"), names.toString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withFiles")
    void aFileGoesUpOnce(BackEnd b) {
        scenario("file upload", b, () -> {
            ContractPage p = page(b);
            p.chatWithAgent();
            Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
            TestPage.Outcome o = p.page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
            assertEquals("resolved", o.state, o.toString());
            p.sync();
            String last = p.transcript().get(p.transcript().size() - 1);
            assertTrue(last.contains("FileUploaded"), last);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theCustomerEndsTheChat(BackEnd b) {
        scenario("end by customer", b, () -> {
            ContractPage p = page(b);
            p.chatWithAgent();
            TestPage.Outcome o = p.page.await("endChat", null);
            assertEquals("resolved", o.state, o.toString());
            p.awaitEvent("ended");
            p.idle(10_000);
            assertEquals(1, p.count("ended"), p.names().toString());
            p.until(() -> b.deskChat(sandbox, p.chatId).ended());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void theAgentEndsTheChat(BackEnd b) {
        scenario("end by agent", b, () -> {
            ContractPage p = page(b);
            p.chatWithAgent();
            p.desk.end(p.chatId);
            p.awaitEvent("ended");
            p.idle(10_000);
            assertEquals(1, p.count("ended"), p.names().toString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aReloadRestoresTheChatWhichGoesOn(BackEnd b) {
        scenario("restore after a reload", b, () -> {
            // given a chat with history
            ContractPage p = page(b);
            p.chatWithAgent();
            assertEquals("resolved", p.send("before the reload").state);
            p.sync();
            // when the page loads again on the same cookies
            p.reload(5_000);
            p.awaitEvent("restored");
            p.sync();
            // then every message once, and the chat goes on both ways
            List<String> names = p.names();
            assertEquals(1, p.count("restored"), names.toString());
            p.desk.say(p.chatId, "welcome back");
            assertEquals("resolved", p.send("thanks").state);
            p.sync();
            assertEquals(p.server(), p.transcript());
        });
    }
}
