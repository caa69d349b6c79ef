package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.sandbox.AgentDesk;

/**
 * Genesys's WebChatService and ours, side by side (issue 13 item 16): only when {@code -Dsandbox.widgets=<dir>}
 * names a Genesys Widgets distribution the user has. Per back end, the page {@code differential.html} runs one
 * scripted sequence of every command (before a chat, during it, after a reload, after its end, with wrong option
 * types; {@code differential-script.js}) from a page plugin on their bus, once on their service and once on ours,
 * against the same emulator, while this test plays the same agent. It compares how each command settles, the events
 * with their data and anything uncaught, normalised for ids and times ({@code differential-shape.js}), writes
 * {@code target/differential-report.md} and fails on any difference that {@code differential-known.txt} does not
 * list (each recording is kept in {@code target/differential/}). Run:
 * {@code mvn -B verify -Dit.test=DifferentialIT -Dsandbox.widgets=/path/to/widgets}
 * ({@code -Ddifferential.backends=gms,nexus} for some back ends only).
 */
@EnabledIfSystemProperty(named = "sandbox.widgets", matches = ".+")
class DifferentialIT extends InBrowser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVENT_MS = 10_000;
    private static final long PHASE_MS = 240_000;
    private static final String AFTER_RELOAD = "after a reload";
    private static final DifferentialReport report = new DifferentialReport(
            Path.of("src/test/resources/differential-known.txt"), Path.of("target/differential-report.md"));

    @BeforeAll
    static void serveTheDistributionBothWays() {
        sandbox.serveWidgets(Path.of(System.getProperty("sandbox.widgets")), Path.of("."));
    }

    @AfterAll
    static void writeTheReport() throws Exception {
        report.write();
    }

    static Stream<String> backends() {
        String only = System.getProperty("differential.backends", "");
        return only.isBlank() ? Stream.of("gms", "cometd", "purecloud", "nexus", "pureconnect")
                : Arrays.stream(only.split(","));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theirServiceAndOursAnswerThePageAlike(String backend) throws Exception {
        // given the same script and the same agent, on their service and then on ours
        long t0 = System.currentTimeMillis();
        List<JsonNode> theirs = play(backend, "original");
        List<JsonNode> ours = play(backend, "ours");
        // when the two recordings are compared
        List<DifferentialReport.Difference> found = report.compare(backend, theirs, ours,
                System.currentTimeMillis() - t0);
        report.write();
        // then every difference is one the allow-list knows, with its reason
        List<String> unknown = found.stream().filter(d -> !report.known(d)).map(DifferentialReport.Difference::key)
                .toList();
        assertEquals(0, unknown.size(), "differences the allow-list does not know (see target/differential-report.md),"
                + " e.g. " + unknown.stream().limit(5).toList());
    }

    /** Plays the whole script on one service; returns its recording (every page load's, in order). */
    private static List<JsonNode> play(String backend, String service) throws Exception {
        AgentDesk desk = sandbox.desks().stream().filter(d -> d.backend().equals(backend)).findFirst().orElseThrow();
        List<JsonNode> recording = new ArrayList<>();
        load(backend, service, false);
        phase("before");
        stage("the chat");
        phase("start");
        awaitOrNote("diff.count('started') > 0", "started");
        settle();
        String chat = latest(desk);
        agent("agent joins", () -> desk.join(chat, "Grace"), more("agentConnected"));
        agent("agent types", () -> desk.typing(chat, true), more("agentTypingStarted"));
        agent("agent says", () -> desk.say(chat, "Hello from the agent"), seen("Hello from the agent"));
        agent("agent pushes a link", () -> desk.pushUrl(chat, "https://example.test/help"), more("messageReceived"));
        agent("agent sends a file", () -> desk.sendFile(chat, "agent-file.txt", "file body"),
                more("messageReceived"));
        phase("during");
        agent("agent says a filtered line", () -> {
            desk.say(chat, "secret-42");
            desk.say(chat, "after the secret");
        }, seen("after the secret"));
        // a reload restores the chat
        recording.addAll(log(false));
        load(backend, service, true);
        awaitOrNote("diff.count('restored') > 0", "restored");
        settle();
        stage(AFTER_RELOAD);
        phase("restored");
        stage("after its end");
        phase("end");
        awaitOrNote("diff.count('ended') > 0", "ended");
        phase("after");
        // a second chat, which the agent ends; then starts of the wrong type
        int started = count("started");
        stage("the second chat");
        phase("second");
        awaitOrNote("diff.count('started') > " + started, "started");
        settle();
        String second = latest(desk);
        agent("agent joins the second chat", () -> desk.join(second, "Grace"), more("agentConnected"));
        agent("agent says goodbye", () -> desk.say(second, "Goodbye from the agent"), seen("Goodbye from the agent"));
        agent("agent ends the chat", () -> desk.end(second), more("ended"));
        Thread.sleep(1500); // what follows an end can take a second (Genesys Cloud's original ends after a leave)
        phase("afterAgentEnd");
        stage("odd starts");
        phase("oddStarts");
        recording.addAll(log(true));
        Path raw = Path.of("target/differential", backend + "-" + service + ".json");
        Files.createDirectories(raw.getParent());
        Files.writeString(raw, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recording));
        return recording;
    }

    /** Opens the driver page on one service (cookies and storage of earlier runs gone unless reloading). */
    private static void load(String backend, String service, boolean reload) {
        if (reload) {
            browser.driver.navigate().refresh();
        } else {
            browser.driver.get(sandbox.url() + "/favicon.ico");
            browser.driver.manage().deleteAllCookies();
            browser.js("localStorage.clear(); sessionStorage.clear();");
            browser.driver.get(sandbox.url() + "/test/differential.html?backend=" + backend + "&service=" + service);
        }
        if (!waitUntil("window.diff && window.diff.ready", 20_000)) {
            throw new AssertionError(service + " WebChatService did not get ready on " + backend + "; console: "
                    + browser.severeConsoleLines() + "; recorded: "
                    + browser.js("return window.diff && JSON.stringify(window.diff.log)"));
        }
    }

    /** Names the stage of the chat the next phases belong to: events compare per stage. */
    private static void stage(String name) {
        browser.js("diff.stage(arguments[0])", name);
    }

    /** Runs one phase of the script and waits until its events have stopped. */
    private static void phase(String name) {
        browser.js("diff.start(arguments[0])", name);
        awaitIdle();
    }

    private static void settle() {
        browser.js("diff.settle()");
        awaitIdle();
    }

    private static void awaitIdle() {
        if (!waitUntil("!diff.busy", PHASE_MS)) {
            throw new AssertionError("the driver page did not finish a phase in " + PHASE_MS + " ms");
        }
    }

    /** Plays the agent: names the phase, acts, waits for the page to see it (notes it when it does not), settles. */
    private static void agent(String phase, Runnable action, String condition) {
        browser.js("diff.mark(arguments[0])", phase);
        try {
            action.run();
        } catch (RuntimeException e) { // e.g. no chat to join because the start failed: the recording shows it
            browser.js("diff.note(arguments[0])", "the agent could not act: " + e.getMessage());
        }
        awaitOrNote(condition, condition);
        settle();
    }

    private static void awaitOrNote(String condition, String what) {
        if (!waitUntil(condition, EVENT_MS)) {
            browser.js("diff.note(arguments[0])", "not within " + EVENT_MS + " ms: " + what);
        }
    }

    private static String more(String event) {
        return "diff.count('" + event + "') > " + count(event);
    }

    private static String seen(String text) {
        return "diff.texts.indexOf(" + TextNode.valueOf(text) + ") >= 0";
    }

    private static int count(String event) {
        return ((Number) browser.js("return diff.count(arguments[0])", event)).intValue();
    }

    private static boolean waitUntil(String condition, long ms) {
        long until = System.currentTimeMillis() + ms;
        while (true) {
            if (Boolean.TRUE.equals(browser.js("try { return !!(" + condition + "); } catch (e) { return false; }"))) {
                return true;
            }
            if (System.currentTimeMillis() > until) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The id of the chat this back end saw last. */
    private static String latest(AgentDesk desk) {
        List<AgentDesk.DeskChat> chats = desk.chats();
        return chats.isEmpty() ? "none" : chats.get(chats.size() - 1).id();
    }

    /** This page load's recording; after a reload, what came while the page loaded is phase "reload". */
    private static List<JsonNode> log(boolean reloaded) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : JSON.readTree((String) browser.js("return JSON.stringify(diff.log)"))) {
            if (reloaded && entry.get("phase").asText().equals("load")) {
                ((ObjectNode) entry).put("phase", "reload").put("stage", AFTER_RELOAD);
            }
            out.add(entry);
        }
        return out;
    }
}
