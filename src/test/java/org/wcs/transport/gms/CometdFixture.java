package org.wcs.transport.gms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.Sandbox;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.TestPage;
import org.wcs.transport.Transports;
import org.wcs.value.Value;

/** The real plugin with the GMS transport in CometD mode on a JVM page, against the CometD emulator over loopback. */
abstract class CometdFixture {
    static {
        Js.init();
    }

    static Sandbox sandbox;
    static CometdEmulator comet;
    JvmPlatform tab;
    TestPage page;

    @BeforeAll
    static void server() throws Exception {
        sandbox = Sandbox.start(0, Path.of("."));
        comet = sandbox.emulator(CometdEmulator.class);
    }

    @AfterAll
    static void stopServer() throws Exception {
        sandbox.close();
    }

    /** The {@code cometD} block of each page's configuration; tests override to add options. */
    Value cometD() {
        return Js.obj("enabled", true, "cometURL", sandbox.url() + CometdEmulator.PATH,
                "apiURL", sandbox.url() + CometdEmulator.FILES);
    }

    Value config() {
        return Js.obj("cometD", cometD());
    }

    @BeforeEach
    void open() {
        comet.reset();
        tab = new JvmPlatform();
        page = new TestPage(tab, config(), new Transports());
    }

    /** The same site opened again (a reload): same cookies, its own clock and event loop. */
    TestPage reload(long laterMs) {
        JvmLoop loop = new JvmLoop();
        loop.advance(tab.loop.now() - JvmLoop.EPOCH + laterMs);
        tab = new JvmPlatform(loop, tab.cookies, tab.storage);
        page = new TestPage(tab, config(), new Transports());
        return page;
    }

    /** Starts a chat and waits until its first events are on the page; clears the page's event log. */
    GmsChat start() {
        TestPage.Outcome o = page.await("startChat", Js.obj("firstname", "Ada", "lastname", "Lovelace"));
        if (!o.state.equals("resolved")) {
            throw new AssertionError("start failed: " + o);
        }
        GmsChat chat = comet.gms().chat(sessionId());
        page.awaitEvent("messageReceived");
        page.takeEvents();
        return chat;
    }

    /** Event names without data keys and {@code messageReceived}, whose batching depends on timing. */
    static String kinds(List<String> events) {
        return String.join(",", events.stream().map(e -> e.split(" ")[0])
                .filter(e -> !e.startsWith("data.") && !e.equals("messageReceived")).toList());
    }

    String sessionId() {
        return page.command("getSessionData", null).value.get("sessionID").str();
    }

    /** Runs the page until the emulator's transcript is all on the page. */
    void sync(GmsChat chat) {
        tab.loop.runUntil(() -> transcript().size() == chat.size(), 60_000);
    }

    /** The page's transcript in the emulator's line format. */
    List<String> transcript() {
        Value messages = page.command("getTranscript", null).value.get("originalMessages");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            Value m = messages.at(i);
            out.add(Math.round(m.get("index").num()) + " " + m.get("type").str() + " "
                    + m.get("from").get("type").str() + " " + m.get("text").str(""));
        }
        return out;
    }
}
